package com.dealerdesk.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

/**
 * Billing demo data: a time-limited license whose order is paid in three parts (the first
 * paid, the second overdue, the license bound to the plan), and another customer with a
 * partly paid invoice and some credit.
 */
final class DemoBilling {

	/**
	 * Runs a GraphQL mutation as the actor: its payload without user errors, or empty.
	 */
	interface Mutations {

		Mono<Map<?, ?>> execute(Actor actor, String document, Map<String, Object> input, String payload);

	}

	private static final String PLAN = """
			mutation($input: CreatePaymentPlanInput!) {
			  createPaymentPlan(input: $input) { paymentPlan { id plannedPayments { id } } userErrors { field message } }
			}""";

	private static final String BIND = """
			mutation($input: BindLicenseToPaymentPlanInput!) {
			  bindLicenseToPaymentPlan(input: $input) { license { id } userErrors { field message } }
			}""";

	private static final String PAY = """
			mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { payment { id } userErrors { field message } } }""";

	private DemoBilling() {
	}

	static Mono<Void> seed(Mutations graphql, Actor admin, Actor accountant, Actor owner, String customerId,
			Actor secondOwner, String secondCustomerId) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, Object> product = Map.of("code", "DD-RENT", "name", "DealerCAD rental", "kind", "PROGRAM",
				"licenseModel", "TIME_LIMITED", "seatBasis", "PER_SEAT", "termMonths", 12, "prices",
				List.of(Map.of("unitPrice", Map.of("amount", "1200.00", "currency", "EUR"))));
		return graphql.execute(admin, DemoCatalogue.CREATE_PRODUCT, product, "createProduct")
			.map(created -> (String) ((Map<?, ?>) created.get("product")).get("id"))
			.flatMap(productId -> licensePaidInParts(graphql, accountant, owner, customerId, productId, today)
				.then(partlyPaidInvoice(graphql, accountant, secondOwner, secondCustomerId, productId, today)));
	}

	private static Mono<Void> licensePaidInParts(Mutations graphql, Actor accountant, Actor owner, String customerId,
			String productId, LocalDate today) {
		return shipped(graphql, owner, customerId, productId, 1).flatMap(ids -> graphql
			.execute(owner, DemoCatalogue.ISSUE,
					Map.of("shipmentId", ids[1], "startsOn", today.minusMonths(2).toString()), "issueLicenses")
			.map(issued -> (String) ((Map<?, ?>) ((List<?>) issued.get("licenses")).get(0)).get("id"))
			.flatMap(licenseId -> graphql
				.execute(owner, PLAN,
						Map.of("orderId", ids[0], "terms", List.of(
								Map.of("kind", "PART", "label", "Deposit", "percent", "30", "dueOn",
										today.minusDays(40).toString()),
								Map.of("kind", "PART", "percent", "30", "dueOn", today.minusDays(10).toString()),
								Map.of("kind", "REST", "dueOn", today.plusDays(60).toString()))),
						"createPaymentPlan")
				.flatMap(created -> {
					Map<?, ?> plan = (Map<?, ?>) created.get("paymentPlan");
					Object first = ((Map<?, ?>) ((List<?>) plan.get("plannedPayments")).get(0)).get("id");
					return graphql
						.execute(accountant, BIND, Map.of("licenseId", licenseId, "paymentPlanId", plan.get("id")),
								"bindLicenseToPaymentPlan")
						.then(graphql.execute(accountant, PAY,
								Map.of("idempotencyKey", "demo-deposit", "customerId", customerId, "amount", "360.00",
										"currency", "EUR", "receivedOn", today.minusDays(38).toString(), "method",
										"BANK_TRANSFER", "allocations", List.of(Map.of("plannedPaymentId", first))),
								"recordPayment"));
				})))
			.then();
	}

	private static Mono<Void> partlyPaidInvoice(Mutations graphql, Actor accountant, Actor owner, String customerId,
			String productId, LocalDate today) {
		return shipped(graphql, owner, customerId, productId, 2)
			.flatMap(ids -> graphql.execute(accountant, DemoCatalogue.INVOICE, Map.of("shipmentIds", List.of(ids[1])),
					"createInvoice"))
			.map(created -> (String) ((Map<?, ?>) created.get("invoice")).get("id"))
			.flatMap(invoiceId -> graphql.execute(accountant, PAY,
					Map.of("idempotencyKey", "demo-invoice", "customerId", customerId, "amount", "1500.00", "currency",
							"EUR", "receivedOn", today.minusDays(3).toString(), "method", "BANK_TRANSFER", "reference",
							"Part payment", "allocations",
							List.of(Map.of("invoiceId", invoiceId, "amount", "1000.00"))),
					"recordPayment"))
			.then();
	}

	/** An order of the product, shipped: its id and the shipment's. */
	private static Mono<String[]> shipped(Mutations graphql, Actor owner, String customerId, String productId,
			int seats) {
		return graphql
			.execute(owner, DemoCatalogue.CREATE_ORDER,
					Map.of("customerId", customerId, "currency", "EUR", "lines",
							List.of(Map.of("productId", productId, "quantity", seats))),
					"createOrder")
			.map(created -> (String) ((Map<?, ?>) created.get("order")).get("id"))
			.flatMap(orderId -> graphql.execute(owner, DemoCatalogue.SHIP, Map.of("orderId", orderId), "createShipment")
				.map(shipped -> new String[] { orderId, (String) ((Map<?, ?>) shipped.get("shipment")).get("id") }));
	}

}
