package com.dealerdesk.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document chain's at-most-once rules under the same request sent ten times at once:
 * exactly one effect in the database, a clean CONFLICT for the others.
 */
class OrderConcurrencyTest extends ApiTest {

	@Test
	void tenOrdersFromOneQuoteAtOnceMakeOneOrder() {
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT").get("id");
		String quoteId = OrderFixtures.acceptedQuote(as(REP), product, LocalDate.now(this.clock));

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "order", "createOrderFromQuote",
				Map.of("quoteId", quoteId));

		Concurrently.assertOneThroughAndTheOthers(answers, "input.quoteId=CONFLICT");
		assertThat(count("select count(*) from sales_order where quote_id::text = $1", local(quoteId))).isEqualTo(1);
		assertThat(count("""
				select count(*) from outbox_event e join sales_order o on o.id = e.aggregate_id
				where o.quote_id::text = $1 and e.type = 'order.created'""", local(quoteId))).isEqualTo(1);
	}

	@Test
	void tenInvoicesOfOneShipmentAtOnceMakeOneInvoice() {
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT").get("id");
		String customer = OrderFixtures.customer(as(REP), unique("Invoiced customer"));
		Map<String, Object> order = OrderFixtures.order(as(REP), customer, product, null, 2);
		String shipment = (String) OrderFixtures.ship(as(REP), (String) order.get("id"), null).get("id");

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, ACCOUNTANT, "order", "createInvoice",
				Map.of("shipmentIds", List.of(shipment)));

		Concurrently.assertOneThroughAndTheOthers(answers, "input.shipmentIds.0=CONFLICT");
		assertThat(count("select count(*) from invoice where customer_id::text = $1", local(customer)))
			.as("no invoice without its shipment")
			.isEqualTo(1);
		assertThat(count("""
				select count(*) from outbox_event e join invoice i on i.id = e.aggregate_id
				where i.customer_id::text = $1 and e.type = 'invoice.created'""", local(customer))).isEqualTo(1);
	}

	@Test
	void tenOrdersAtOnceTakeTenNumbersWithoutGapOrTwin() {
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT").get("id");
		String customer = OrderFixtures.customer(as(REP), unique("Busy customer"));

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "order", "createOrder",
				Map.of("customerId", customer, "currency", "EUR", "lines",
						List.of(Map.of("productId", product, "quantity", 1))));

		assertThat(Concurrently.outcomes(answers)).containsOnly("ok");
		List<Integer> numbers = answers.stream()
			.map(answer -> (String) ((Map<?, ?>) answer.get("order")).get("number"))
			.map(number -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)))
			.sorted()
			.toList();
		assertThat(numbers).doesNotHaveDuplicates();
		assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).as("consecutive")
			.isEqualTo(Concurrently.TIMES - 1);
	}

	private static String local(String id) {
		return GlobalId.parse(id).localId();
	}

	private static String code() {
		return "C" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
