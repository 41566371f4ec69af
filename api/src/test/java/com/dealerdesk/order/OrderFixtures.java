package com.dealerdesk.order;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.product.ProductFixtures;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Customers, orders and shipments for tests of the chain and of what follows it. */
public final class OrderFixtures {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private OrderFixtures() {
	}

	public static String customer(GraphQlTester tester, String name) {
		GraphQlTester.Response response = tester
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", Map.of("name", name))
			.execute();
		return response.path("createCustomer.customer.id").entity(String.class).get();
	}

	/** An EUR order of one product line, at the catalogue price. */
	public static Map<String, Object> order(GraphQlTester tester, String customerId, String productId, String edition,
			int quantity) {
		Map<String, Object> line = new LinkedHashMap<>(Map.of("productId", productId, "quantity", quantity));
		if (edition != null) {
			line.put("editionCode", edition);
		}
		GraphQlTester.Response response = tester.documentName("order")
			.operationName("createOrder")
			.variable("input", Map.of("customerId", customerId, "currency", "EUR", "lines", List.of(line)))
			.execute();
		response.path("createOrder.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createOrder.order").entity(MAP).get();
	}

	/** Ships what is left of the order (or the given lines: orderLineId and quantity). */
	public static Map<String, Object> ship(GraphQlTester tester, String orderId, List<Map<String, Object>> lines) {
		Map<String, Object> input = new LinkedHashMap<>(Map.of("orderId", orderId));
		if (lines != null) {
			input.put("lines", lines);
		}
		GraphQlTester.Response response = tester.documentName("order")
			.operationName("createShipment")
			.variable("input", input)
			.execute();
		response.path("createShipment.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createShipment.shipment").entity(MAP).get();
	}

	/**
	 * A quote accepted by the tester's user: 5 seats of the product's PRO edition at
	 * 250.00 less 12.5%, and a free-text line that is not ordered.
	 */
	public static String acceptedQuote(GraphQlTester tester, String productId, LocalDate today) {
		String customer = customer(tester, "Quoted customer " + UUID.randomUUID().toString().substring(0, 8));
		String deal = tester.document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }")
			.variable("input", Map.of("customerId", customer, "name", "Ordered deal"))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
		Map<String, Object> input = Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
				today.plusDays(30).toString(), "lines",
				List.of(Map.of("description", "Seats", "quantity", 5, "listPrice", "250", "discountPercent", "12.5",
						"productId", productId, "editionCode", "PRO"),
						Map.of("description", "Free-text line, not ordered", "quantity", 1, "listPrice", "10")));
		String quoteId = tester
			.document("mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } } }")
			.variable("input", input)
			.execute()
			.path("createQuote.quote.id")
			.entity(String.class)
			.get();
		tester.document("mutation($input: QuoteDecisionInput!) { acceptQuote(input: $input) { quote { status } } }")
			.variable("input", Map.of("id", quoteId, "expectedVersion", 1))
			.execute()
			.path("acceptQuote.quote.status")
			.entity(String.class)
			.isEqualTo("ACCEPTED");
		return quoteId;
	}

	/**
	 * The whole chain, for tests of what it writes: a product, a quote accepted by the
	 * rep, its order, a shipment, the shipment's invoice (by the accountant) and its
	 * licenses.
	 */
	public static void wholeChain(GraphQlTester admin, GraphQlTester rep, GraphQlTester accountant, LocalDate today) {
		String product = (String) ProductFixtures
			.program(admin, "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "PERPETUAL", "PER_SEAT")
			.get("id");
		String quote = acceptedQuote(rep, product, today);
		String order = rep.documentName("order")
			.operationName("createOrderFromQuote")
			.variable("input", Map.of("quoteId", quote))
			.execute()
			.path("createOrderFromQuote.order.id")
			.entity(String.class)
			.get();
		String shipment = (String) ship(rep, order, null).get("id");
		accountant.documentName("order")
			.operationName("createInvoice")
			.variable("input", Map.of("shipmentIds", List.of(shipment)))
			.execute()
			.path("createInvoice.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		rep.documentName("license")
			.operationName("issueLicenses")
			.variable("input", Map.of("shipmentId", shipment))
			.execute()
			.path("issueLicenses.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@SuppressWarnings("unchecked")
	public static String firstLineId(Map<String, Object> order) {
		return (String) ((List<Map<String, Object>>) order.get("lines")).get(0).get("id");
	}

}
