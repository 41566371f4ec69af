package com.dealerdesk.product;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product code is taken once, also when the same product is created ten times at once.
 */
class ProductConcurrencyTest extends ApiTest {

	@Test
	void tenNewProductsWithOneCodeAtOnceMakeOneProduct() {
		String code = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, ADMIN, "product", "createProduct",
				Map.of("code", code, "name", "Raced product", "kind", "SERVICE", "prices",
						List.of(Map.of("unitPrice", Map.of("amount", "10.00", "currency", "EUR")))));

		Concurrently.assertOneThroughAndTheOthers(answers, "input.code=CONFLICT");
		assertThat(count("select count(*) from product where code = $1", code)).isEqualTo(1);
		assertThat(count("select count(*) from outbox_event where type = 'product.created' and payload->>'code' = $1",
				code))
			.isEqualTo(1);
	}

}
