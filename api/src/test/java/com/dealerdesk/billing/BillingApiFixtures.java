package com.dealerdesk.billing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.product.ProductFixtures;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * What the billing tests make through the API: customers, orders of one product (100.00
 * EUR a seat) and their invoices.
 */
final class BillingApiFixtures {

	private final GraphQlTester admin;

	private final GraphQlTester accountant;

	private String productId;

	BillingApiFixtures(GraphQlTester admin, GraphQlTester accountant) {
		this.admin = admin;
		this.accountant = accountant;
	}

	/** A customer made by the given user (owned by them, or of their partner). */
	static String customer(GraphQlTester by, String name) {
		return OrderFixtures.customer(by, name + " " + UUID.randomUUID().toString().substring(0, 8));
	}

	static UUID uuid(String customerId) {
		return GlobalId.requireUuidOf("Customer", customerId);
	}

	/** An order of the customer for as many seats at 100.00 EUR, by the admin. */
	Map<String, Object> order(String customerId, int seats) {
		return order(customerId, seats, null);
	}

	/** The same, attributed to a campaign (when not null). */
	Map<String, Object> order(String customerId, int seats, String campaignId) {
		if (this.productId == null) {
			this.productId = (String) ProductFixtures
				.program(this.admin, "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "PERPETUAL",
						"PER_SEAT")
				.get("id");
		}
		Map<String, Object> input = new LinkedHashMap<>(Map.of("customerId", customerId, "currency", "EUR", "lines",
				List.of(Map.of("productId", this.productId, "editionCode", "STD", "quantity", seats))));
		if (campaignId != null) {
			input.put("campaignId", campaignId);
		}
		GraphQlTester.Response response = this.admin.documentName("order")
			.operationName("createOrder")
			.variable("input", input)
			.execute();
		response.path("createOrder.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createOrder.order").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	UUID orderId(String customerId) {
		return GlobalId.requireUuidOf("Order", (String) order(customerId, 1).get("id"));
	}

	/**
	 * An invoice of the customer for as many seats at 100.00 EUR, shipped and invoiced.
	 */
	UUID invoice(String customerId, int seats, LocalDate issuedOn, LocalDate dueOn) {
		String order = (String) order(customerId, seats).get("id");
		String shipment = (String) OrderFixtures.ship(this.admin, order, null).get("id");
		GraphQlTester.Response response = this.accountant.documentName("order")
			.operationName("createInvoice")
			.variable("input",
					Map.of("shipmentIds", List.of(shipment), "issuedOn", issuedOn.toString(), "dueOn",
							dueOn.toString()))
			.execute();
		response.path("createInvoice.userErrors").entityList(Object.class).hasSize(0);
		return GlobalId.requireUuidOf("Invoice", response.path("createInvoice.invoice.id").entity(String.class).get());
	}

}
