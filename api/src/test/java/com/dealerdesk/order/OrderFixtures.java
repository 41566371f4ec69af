package com.dealerdesk.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	@SuppressWarnings("unchecked")
	public static String firstLineId(Map<String, Object> order) {
		return (String) ((List<Map<String, Object>>) order.get("lines")).get(0).get("id");
	}

}
