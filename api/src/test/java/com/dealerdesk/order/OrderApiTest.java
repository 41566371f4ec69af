package com.dealerdesk.order;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain quote → order → shipment → invoice: made step by step, followed both ways.
 */
class OrderApiTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Test
	@SuppressWarnings("unchecked")
	void followsTheChainFromAnAcceptedQuoteThroughPartialShipmentsToOneInvoiceBothWays() {
		Map<String, Object> product = ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT");
		String quoteId = acceptedQuote((String) product.get("id"));

		Map<String, Object> order = mutate(REP, "createOrderFromQuote", Map.of("quoteId", quoteId), "order");
		assertThat((String) order.get("number")).matches("ORD-\\d{4}-\\d{5}");
		assertThat(order).containsEntry("status", "OPEN").containsEntry("currency", "EUR");
		// 5 × 250.00 − 12.5% (156.25) = 1093.75
		assertThat((Map<String, Object>) order.get("total")).containsEntry("amount", "1093.75");
		assertThat((Map<String, Object>) order.get("quote")).containsEntry("id", quoteId);
		assertThat(errors(REP, "createOrderFromQuote", Map.of("quoteId", quoteId)))
			.containsExactly("input.quoteId=CONFLICT");

		String orderId = (String) order.get("id");
		String lineId = OrderFixtures.firstLineId(order);
		assertThat(errors(REP, "createShipment",
				Map.of("orderId", orderId, "lines", List.of(Map.of("orderLineId", lineId, "quantity", 6)))))
			.containsExactly("input.lines.0.quantity=INVALID_VALUE");
		Map<String, Object> first = OrderFixtures.ship(as(REP), orderId,
				List.of(Map.of("orderLineId", lineId, "quantity", 2)));
		// 2 × 250 − 2/5 of 156.25 (62.50) = 437.50
		assertThat((Map<String, Object>) first.get("amount")).containsEntry("amount", "437.50");
		assertThat((Map<String, Object>) first.get("order")).containsEntry("status", "PARTLY_SHIPPED");
		Map<String, Object> second = OrderFixtures.ship(as(REP), orderId, null);
		assertThat((Map<String, Object>) second.get("amount")).as("the rest, so that both add up to the line")
			.containsEntry("amount", "656.25");
		assertThat((Map<String, Object>) second.get("order")).containsEntry("status", "SHIPPED");
		assertThat(errors(REP, "createShipment", Map.of("orderId", orderId))).containsExactly("input.orderId=CONFLICT");
		assertThat(errors(REP, "cancelOrder", Map.of("id", orderId, "expectedVersion", 3)))
			.containsExactly("input.id=CONFLICT");

		Map<String, Object> invoice = mutate(ACCOUNTANT, "createInvoice",
				Map.of("shipmentIds", List.of(first.get("id"), second.get("id")), "issuedOn", "2026-11-02"), "invoice");
		assertThat((String) invoice.get("number")).matches("INV-2026-\\d{5}");
		assertThat(invoice).containsEntry("dueOn", "2026-11-16");
		assertThat((Map<String, Object>) invoice.get("total")).containsEntry("amount", "1093.75");
		assertThat(errors(ACCOUNTANT, "createInvoice", Map.of("shipmentIds", List.of(first.get("id")))))
			.containsExactly("input.shipmentIds.0=CONFLICT");

		for (String from : List.of(quoteId, orderId, (String) first.get("id"), (String) invoice.get("id"))) {
			GraphQlTester.Response flow = as(REP).documentName("order")
				.operationName("documentFlow")
				.variable("id", from)
				.execute();
			flow.path("documentFlow.documents[*].__typename")
				.entityList(String.class)
				.containsExactly("Quote", "Order", "Shipment", "Shipment", "Invoice");
			List<Map<String, Object>> links = (List<Map<String, Object>>) (List<?>) flow.path("documentFlow.links")
				.entityList(Map.class)
				.get();
			assertThat(links).containsExactlyInAnyOrder(Map.of("from", quoteId, "to", orderId),
					Map.of("from", orderId, "to", first.get("id")), Map.of("from", orderId, "to", second.get("id")),
					Map.of("from", first.get("id"), "to", invoice.get("id")),
					Map.of("from", second.get("id"), "to", invoice.get("id")));
		}
		as(PARTNER_A_USER).documentName("order")
			.operationName("documentFlow")
			.variable("id", orderId)
			.execute()
			.path("documentFlow")
			.valueIsNull();
		assertThat(count("select count(*) from outbox_event where aggregate_id::text = $1 and type = 'order.updated'",
				GlobalIdOf.local(orderId)))
			.as("each shipment changed the order's status and shipped quantities")
			.isEqualTo(2);
	}

	@Test
	void anIntegrationNeverSeenBeforeOrdersShipsAndInvoices() {
		TestUser client = new TestUser("t-shop-" + UUID.randomUUID(), null, List.of("integration"), null,
				List.of("dealerdesk.read", "dealerdesk.write"));
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT").get("id");
		String customer = OrderFixtures.customer(as(REP), unique("Shop customer"));
		// each document names its author (created_by): the integration is registered
		// on its first write, whichever document that is
		Map<String, Object> order = OrderFixtures.order(as(client), customer, product, "PRO", 2);
		String shipment = (String) OrderFixtures.ship(as(client), (String) order.get("id"), null).get("id");
		as(client).documentName("order")
			.operationName("createInvoice")
			.variable("input", Map.of("shipmentIds", List.of(shipment)))
			.execute()
			.path("createInvoice.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(count("select count(*) from app_user where id = $1 and integration", client.subject())).isEqualTo(1);
	}

	@Test
	void aDocumentCannotBeDeletedWhileALaterOneDependsOnIt() {
		Map<String, Object> product = ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT");
		String customer = OrderFixtures.customer(as(REP), unique("Chain customer"));
		Map<String, Object> order = OrderFixtures.order(as(REP), customer, (String) product.get("id"), null, 3);
		String orderId = (String) order.get("id");
		Map<String, Object> shipment = OrderFixtures.ship(as(REP), orderId,
				List.of(Map.of("orderLineId", OrderFixtures.firstLineId(order), "quantity", 1)));
		String invoiceId = (String) mutate(REP, "createInvoice", Map.of("shipmentIds", List.of(shipment.get("id"))),
				"invoice")
			.get("id");

		assertThat(errors(REP, "deleteDocument", Map.of("id", orderId))).containsExactly("input.id=CONFLICT");
		assertThat(errors(REP, "deleteDocument", Map.of("id", shipment.get("id"))))
			.containsExactly("input.id=CONFLICT");
		assertThat(errors(PARTNER_B_USER, "deleteDocument", Map.of("id", invoiceId)))
			.containsExactly("input.id=NOT_FOUND");
		assertThat(count("select count(*) from shipment where order_id::text = $1", GlobalIdOf.local(orderId)))
			.isEqualTo(1);

		// backwards, the chain comes apart one document at a time
		assertThat(deleted(invoiceId)).isEqualTo(invoiceId);
		assertThat(deleted((String) shipment.get("id"))).isEqualTo(shipment.get("id"));
		Map<String, Object> reopened = as(REP).documentName("order")
			.operationName("order")
			.variable("id", orderId)
			.execute()
			.path("order")
			.entity(MAP)
			.get();
		assertThat(reopened).containsEntry("status", "OPEN");
		assertThat(deleted(orderId)).isEqualTo(orderId);
		as(REP).documentName("order")
			.operationName("order")
			.variable("id", orderId)
			.execute()
			.path("order")
			.valueIsNull();
	}

	@Test
	void refusesBadOrdersAndWritesNothing() {
		Map<String, Object> product = ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT");
		String productId = (String) product.get("id");
		String customer = OrderFixtures.customer(as(REP), unique("Careless customer"));
		String otherPartnersCustomer = OrderFixtures.customer(as(PARTNER_B_USER), unique("Partner B customer"));
		long orders = count("select count(*) from sales_order");
		long counter = count("select coalesce(sum(last), 0) from document_counter where kind = 'ORD'");

		assertThat(orderErrors(REP, customer, "EUR", Map.of("productId", "UHJvZHVjdDpub3Bl", "quantity", 1)))
			.containsExactly("input.lines.0.productId=NOT_FOUND");
		assertThat(orderErrors(REP, customer, "EUR", Map.of("productId", productId, "quantity", -2)))
			.containsExactly("input.lines.0.quantity=INVALID_VALUE");
		assertThat(orderErrors(REP, customer, "EUX", Map.of("productId", productId, "quantity", 1)))
			.containsExactly("input.currency=INVALID_VALUE");
		assertThat(orderErrors(REP, customer, "USD", Map.of("productId", productId, "quantity", 1)))
			.containsExactly("input.lines.0.unitPrice=REQUIRED");
		assertThat(
				orderErrors(REP, customer, "EUR", Map.of("productId", productId, "quantity", 1, "discount", "100.01")))
			.containsExactly("input.lines.0.discount=INVALID_VALUE");
		assertThat(
				orderErrors(REP, customer, "EUR", Map.of("productId", productId, "quantity", 1, "editionCode", "GOLD")))
			.containsExactly("input.lines.0.editionCode=INVALID_VALUE");
		assertThat(orderErrors(PARTNER_A_USER, otherPartnersCustomer, "EUR",
				Map.of("productId", productId, "quantity", 1)))
			.containsExactly("input.customerId=NOT_FOUND");
		assertThat(orderErrors(ACCOUNTANT, customer, "EUR", Map.of("productId", productId, "quantity", 1)))
			.containsExactly("=NOT_ALLOWED");

		assertThat(count("select count(*) from sales_order")).isEqualTo(orders);
		assertThat(count("select coalesce(sum(last), 0) from document_counter where kind = 'ORD'"))
			.as("a refused order takes no number")
			.isEqualTo(counter);

		// a partner's orders are its own
		Map<String, Object> partnerOrder = OrderFixtures.order(as(PARTNER_B_USER), otherPartnersCustomer, productId,
				"PRO", 2);
		as(PARTNER_A_USER).documentName("order")
			.operationName("order")
			.variable("id", partnerOrder.get("id"))
			.execute()
			.path("order")
			.valueIsNull();
		as(PARTNER_A_USER).documentName("order")
			.operationName("orders")
			.variable("first", 100)
			.execute()
			.path("orders.edges[*].node.id")
			.entityList(String.class)
			.doesNotContain((String) partnerOrder.get("id"));
	}

	private String deleted(String id) {
		GraphQlTester.Response response = as(REP).documentName("order")
			.operationName("deleteDocument")
			.variable("input", Map.of("id", id))
			.execute();
		response.path("deleteDocument.userErrors").entityList(Object.class).hasSize(0);
		return response.path("deleteDocument.deletedId").entity(String.class).get();
	}

	private String acceptedQuote(String productId) {
		return OrderFixtures.acceptedQuote(as(REP), productId, LocalDate.now(this.clock));
	}

	private Map<String, Object> mutate(TestUser user, String mutation, Map<String, Object> input, String field) {
		GraphQlTester.Response response = as(user).documentName("order")
			.operationName(mutation)
			.variable("input", input)
			.execute();
		response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
		return response.path(mutation + "." + field).entity(MAP).get();
	}

	private List<String> orderErrors(TestUser user, String customerId, String currency, Map<String, Object> line) {
		return errors(user, "createOrder",
				Map.of("customerId", customerId, "currency", currency, "lines", List.of(new LinkedHashMap<>(line))));
	}

	@SuppressWarnings("unchecked")
	private List<String> errors(TestUser user, String mutation, Map<String, Object> input) {
		GraphQlTester.Response response = as(user).documentName("order")
			.operationName(mutation)
			.variable("input", input)
			.execute();
		return ((List<Map<String, Object>>) (List<?>) response.path(mutation + ".userErrors")
			.entityList(Map.class)
			.get())
			.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

	private static String code() {
		return "O" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	/** The local part of a global id, for SQL checks. */
	private static final class GlobalIdOf {

		static String local(String id) {
			return com.dealerdesk.platform.graphql.GlobalId.parse(id).localId();
		}

	}

}
