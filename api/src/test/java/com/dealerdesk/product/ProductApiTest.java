package com.dealerdesk.product;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue: editions, prices per currency, licensing rules, retiring, who keeps it.
 */
class ProductApiTest extends ApiTest {

	@Test
	void adminsKeepTheCatalogueEveryoneReadsItAndPricesFallBackFromEditionToProduct() {
		String code = code();
		Map<String, Object> product = ProductFixtures.program(as(ADMIN), code.toLowerCase(), "TIME_LIMITED",
				"PER_SEAT");
		assertThat(product).containsEntry("code", code)
			.containsEntry("licenseModel", "TIME_LIMITED")
			.containsEntry("termMonths", 12)
			.containsEntry("active", true);
		assertThat(count("select count(*) from outbox_event where type = 'product.created' and payload->>'code' = $1",
				code))
			.isEqualTo(1);

		assertThat(price(PARTNER_A_USER, product, "EUR", "PRO", null)).isEqualTo("250.00");
		assertThat(price(REP, product, "eur", "STD", null)).as("STD has no price of its own").isEqualTo("100.00");
		assertThat(price(REP, product, "EUR", null, "GOLD")).as("no GOLD tier price: the list price")
			.isEqualTo("100.00");
		assertThat(price(REP, product, "USD", null, null)).isNull();

		List<String> found = as(PARTNER_A_USER).documentName("product")
			.operationName("products")
			.variable("search", code.substring(1).toLowerCase())
			.execute()
			.path("products.edges[*].node.code")
			.entityList(String.class)
			.get();
		assertThat(found).containsExactly(code);

		assertThat(errors(REP, "createProduct", Map.of("code", code(), "name", "Rep's own", "kind", "SERVICE")))
			.containsExactly("=NOT_ALLOWED");
	}

	@Test
	void refusesInconsistentProductsAndWritesNothing() {
		long before = count("select count(*) from product");
		String taken = code();
		ProductFixtures.create(as(ADMIN), Map.of("code", taken, "name", "Service", "kind", "SERVICE"));

		assertThat(errors(ADMIN, "createProduct", Map.of("code", taken, "name", "Again", "kind", "SERVICE")))
			.containsExactly("input.code=CONFLICT");
		assertThat(errors(ADMIN, "createProduct", Map.of("code", "bad code!", "name", "X", "kind", "SERVICE")))
			.containsExactly("input.code=INVALID_FORMAT");
		assertThat(errors(ADMIN, "createProduct", Map.of("code", code(), "name", "X", "kind", "PROGRAM")))
			.containsExactly("input.licenseModel=REQUIRED");
		assertThat(errors(ADMIN, "createProduct",
				Map.of("code", code(), "name", "X", "kind", "PROGRAM", "licenseModel", "SUBSCRIPTION")))
			.containsExactly("input.termMonths=REQUIRED");
		assertThat(errors(ADMIN, "createProduct",
				Map.of("code", code(), "name", "X", "kind", "SERVICE", "licenseModel", "PERPETUAL")))
			.containsExactly("input.licenseModel=INVALID_VALUE");
		Map<String, Object> badPrices = new LinkedHashMap<>(
				Map.of("code", code(), "name", "X", "kind", "PROGRAM", "licenseModel", "PERPETUAL"));
		badPrices.put("prices",
				List.of(Map.of("unitPrice", Map.of("amount", "-1", "currency", "EUR")),
						Map.of("unitPrice", Map.of("amount", "5", "currency", "XXY")),
						Map.of("editionCode", "NOPE", "unitPrice", Map.of("amount", "5", "currency", "EUR")),
						Map.of("unitPrice", Map.of("amount", "5.123", "currency", "EUR"))));
		assertThat(errors(ADMIN, "createProduct", badPrices)).containsExactlyInAnyOrder(
				"input.prices.0.unitPrice.amount=INVALID_VALUE", "input.prices.1.unitPrice.currency=INVALID_VALUE",
				"input.prices.2.editionCode=NOT_FOUND", "input.prices.3.unitPrice.amount=INVALID_VALUE");

		assertThat(count("select count(*) from product")).isEqualTo(before + 1);
	}

	@Test
	void updatesAtTheExpectedVersionKeepsEditionsInUseAndRetiredProductsCannotBeQuoted() {
		Map<String, Object> product = ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_MACHINE");
		String id = (String) product.get("id");

		GraphQlTester.Response renamed = as(ADMIN).documentName("product")
			.operationName("updateProduct")
			.variable("input",
					Map.of("id", id, "expectedVersion", 1, "name", "Renamed", "prices",
							List.of(Map.of("unitPrice", Map.of("amount", "120", "currency", "EUR")))))
			.execute();
		renamed.path("updateProduct.product.name").entity(String.class).isEqualTo("Renamed");
		renamed.path("updateProduct.product.prices[*].unitPrice.amount")
			.entityList(String.class)
			.containsExactly("120.00");
		renamed.path("updateProduct.product.editions[*].code").entityList(String.class).containsExactly("STD", "PRO");
		assertThat(errors(ADMIN, "updateProduct", Map.of("id", id, "expectedVersion", 1, "name", "Lost update")))
			.containsExactly("input.expectedVersion=STALE_VERSION");

		// a quote offers the PRO edition: it cannot be dropped any more
		String deal = deal();
		GraphQlTester.Response quoted = quote(deal, id, "PRO");
		quoted.path("createQuote.userErrors").entityList(Object.class).hasSize(0);
		assertThat(errors(ADMIN, "updateProduct",
				Map.of("id", id, "expectedVersion", 2, "editions", List.of(Map.of("code", "STD", "name", "Standard")))))
			.containsExactly("input.editions=CONFLICT");

		as(ADMIN).documentName("product")
			.operationName("retireProduct")
			.variable("input", Map.of("id", id, "expectedVersion", 2))
			.execute()
			.path("retireProduct.product.active")
			.entity(Boolean.class)
			.isEqualTo(false);
		quote(deal, id, null).path("createQuote.userErrors[*].field")
			.entityList(List.class)
			.containsExactly(List.of("input", "lines", "0", "productId"));
		assertThat(as(REP).documentName("product")
			.operationName("products")
			.variable("search", product.get("code"))
			.execute()
			.path("products.edges")
			.entityList(Object.class)
			.get()).isEmpty();
	}

	private GraphQlTester.Response quote(String deal, String productId, String edition) {
		Map<String, Object> line = new LinkedHashMap<>(
				Map.of("description", "Seat", "quantity", 1, "listPrice", "250", "productId", productId));
		if (edition != null) {
			line.put("editionCode", edition);
		}
		return as(REP).document("""
				mutation($input: CreateQuoteInput!) {
				  createQuote(input: $input) {
				    quote { id lines { product { code } editionCode } }
				    userErrors { field code }
				  }
				}""")
			.variable("input",
					Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
							LocalDate.now(this.clock).plusDays(30).toString(), "lines", List.of(line)))
			.execute();
	}

	private String deal() {
		String customer = as(REP)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", Map.of("name", unique("Product customer")))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
		return as(REP).document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }")
			.variable("input", Map.of("customerId", customer, "name", "Catalogue deal"))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
	}

	private String price(TestUser user, Map<String, Object> product, String currency, String edition, String tier) {
		Map<?, ?> found = as(user).documentName("product")
			.operationName("productPrice")
			.variable("id", product.get("id"))
			.variable("currency", currency)
			.variable("editionCode", edition)
			.variable("tier", tier)
			.execute()
			.path("product")
			.entity(Map.class)
			.get();
		return found.get("price") instanceof Map<?, ?> money ? (String) money.get("amount") : null;
	}

	@SuppressWarnings("unchecked")
	private List<String> errors(TestUser user, String mutation, Map<String, Object> input) {
		GraphQlTester.Response response = as(user).documentName("product")
			.operationName(mutation)
			.variable("input", input)
			.execute();
		response.path(mutation + ".product").valueIsNull();
		return ((List<Map<String, Object>>) (List<?>) response.path(mutation + ".userErrors")
			.entityList(Map.class)
			.get())
			.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

	static String code() {
		return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
