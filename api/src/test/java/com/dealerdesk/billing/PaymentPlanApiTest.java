package com.dealerdesk.billing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.milestone.Milestone;
import com.dealerdesk.platform.milestone.Milestones;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment plans of orders: splitting, due dates from the first shipment, one active plan
 * per order, renegotiation keeping history, write-offs, invoicing a planned payment once,
 * overdue status from the business date, and bad input writing nothing.
 */
class PaymentPlanApiTest extends ApiTest {

	@Autowired
	Milestones milestones;

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Test
	void aPlanOfThreeTermsGetsItsShipmentDueDateWhenTheOrderIsShipped() {
		Map<String, Object> order = order(10);
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = createPlan(REP, (String) order.get("id"), null,
				List.of(term("30", null, trigger("SHIPMENT_SENT", 14)), term("40", today.plusDays(30), null),
						rest(today.plusDays(60))));
		List<Map<String, Object>> planned = plannedPayments(plan);
		assertThat(planned).extracting(p -> amount(p, "amount")).containsExactly("300.00", "400.00", "300.00");
		assertThat(planned.get(0).get("dueOn")).isNull();
		assertThat(planned.get(0).get("status")).isEqualTo("PLANNED");
		assertThat(planned.get(0).get("label")).isEqualTo("30% on shipment + 14 days");
		assertThat(plan.get("planVersion")).isEqualTo(1);

		OrderFixtures.ship(as(REP), (String) order.get("id"), null);

		Map<String, Object> after = plan((String) plan.get("id"));
		Map<String, Object> first = plannedPayments(after).get(0);
		assertThat(first.get("dueOn")).isEqualTo(today.plusDays(14).toString());
		assertThat(((Map<?, ?>) first.get("trigger")).get("occurredOn")).isEqualTo(today.toString());
		assertThat(count(
				"select count(*) from outbox_event where type = 'planned_payment.scheduled'" + " and aggregate_id = $1",
				uuid("PaymentPlan", plan.get("id"))))
			.isEqualTo(1);
		assertThat(as(REP).documentName("billing")
			.operationName("orderPlan")
			.variable("id", order.get("id"))
			.execute()
			.path("order.paymentPlan.id")
			.entity(String.class)
			.get()).isEqualTo(plan.get("id"));
	}

	@Test
	void aPlanMadeAfterTheShipmentIsDueAtOnceAndBecomesOverdueWithTheBusinessDate() {
		Map<String, Object> order = order(2);
		OrderFixtures.ship(as(REP), (String) order.get("id"), null);
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = createPlan(REP, (String) order.get("id"), null,
				List.of(term("50", null, trigger("SHIPMENT_SENT", 3)), rest(today.plusDays(40))));
		Map<String, Object> first = plannedPayments(plan).get(0);
		assertThat(first.get("dueOn")).isEqualTo(today.plusDays(3).toString());
		assertThat(first.get("status")).isEqualTo("DUE");

		this.clock.travel(Duration.ofDays(5));
		Map<String, Object> later = plannedPayments(plan((String) plan.get("id"))).get(0);
		assertThat(later.get("status")).isEqualTo("OVERDUE");
		assertThat(later.get("daysOverdue")).isEqualTo(2);
	}

	@Test
	void anOrderHasOneActivePlanEvenWhenTenAreMadeAtOnce() {
		Map<String, Object> order = order(1);
		Map<String, Object> input = Map.of("orderId", order.get("id"), "terms",
				List.of(term("100", LocalDate.now(this.clock).plusDays(10), null)));
		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "billing", "createPaymentPlan", input);
		Concurrently.assertOneThroughAndTheOthers(answers, "input.orderId=CONFLICT");
		assertThat(count("select count(*) from payment_plan where order_id = $1", uuid("Order", order.get("id"))))
			.isEqualTo(1);
	}

	@Test
	void badTermsAreRefusedAndWriteNothing() {
		Map<String, Object> order = order(1);
		String orderId = (String) order.get("id");
		LocalDate day = LocalDate.now(this.clock).plusDays(5);
		assertThat(errors(createPlanAnswer(REP, orderId, null, List.of(term("30", day, null), term("60", day, null)))))
			.containsExactly("input.terms=INVALID_VALUE");
		assertThat(errors(createPlanAnswer(REP, orderId, "0", List.of(term("100", day, null)))))
			.containsExactly("input.total=INVALID_VALUE");
		assertThat(errors(createPlanAnswer(REP, orderId, "-5", List.of(term("100", day, null)))))
			.containsExactly("input.total=INVALID_VALUE");
		assertThat(
				errors(createPlanAnswer(REP, orderId, null, List.of(term("100", null, trigger("CONTRACT_SIGNED", 0))))))
			.containsExactly("input.terms.0.trigger.event=INVALID_VALUE");
		assertThat(errors(createPlanAnswer(REP, orderId, null,
				List.of(term("50", day, null), term("50", day.minusDays(2), null)))))
			.containsExactly("input.terms.1.dueOn=INVALID_VALUE");
		assertThat(errors(
				createPlanAnswer(REP, GlobalId.of("Order", UUID.randomUUID()), null, List.of(term("100", day, null)))))
			.containsExactly("input.orderId=NOT_FOUND");
		assertThat(count("select count(*) from payment_plan where order_id = $1", uuid("Order", orderId))).isZero();
	}

	@Test
	void renegotiationKeepsTheOldVersionAndMovesWhatWasPaidOldestFirst() {
		Map<String, Object> order = order(10);
		String customerId = (String) ((Map<?, ?>) order.get("customer")).get("id");
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = createPlan(REP, (String) order.get("id"), null,
				List.of(term("50", today.plusDays(1), null), rest(today.plusDays(30))));
		PaymentApiTest.record(as(ACCOUNTANT), key(), customerId, "300", "EUR", null, null);

		Map<String, Object> answer = as(ACCOUNTANT).documentName("billing")
			.operationName("renegotiatePaymentPlan")
			.variable("input",
					Map.of("id", plan.get("id"), "expectedVersion", plan.get("version"), "total", "1200", "terms",
							List.of(term("25", today.plusDays(5), null), term("25", today.plusDays(10), null),
									rest(today.plusDays(20))),
							"reason", "Two more seats, paid in three parts"))
			.execute()
			.path("renegotiatePaymentPlan")
			.entity(MAP)
			.get();
		assertThat(errors(answer)).isEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> renewed = (Map<String, Object>) answer.get("paymentPlan");
		assertThat(renewed.get("planVersion")).isEqualTo(2);
		assertThat(((Map<?, ?>) renewed.get("previousVersion")).get("status")).isEqualTo("SUPERSEDED");
		assertThat(plannedPayments(renewed)).extracting(p -> amount(p, "paid"))
			.containsExactly("300.00", "0.00", "0.00");
		assertThat(amount(renewed, "paid")).isEqualTo("300.00");
		assertThat(amount(renewed, "open")).isEqualTo("900.00");

		Map<String, Object> old = plan((String) plan.get("id"));
		assertThat(old.get("status")).isEqualTo("SUPERSEDED");
		assertThat(((Map<?, ?>) old.get("nextVersion")).get("id")).isEqualTo(renewed.get("id"));
		assertThat(plannedPayments(old)).extracting(p -> amount(p, "paid")).containsExactly("300.00", "0.00");

		Map<String, Object> tooSmall = as(ACCOUNTANT).documentName("billing")
			.operationName("renegotiatePaymentPlan")
			.variable("input",
					Map.of("id", renewed.get("id"), "expectedVersion", renewed.get("version"), "total", "200", "terms",
							List.of(term("100", today.plusDays(5), null))))
			.execute()
			.path("renegotiatePaymentPlan")
			.entity(MAP)
			.get();
		assertThat(errors(tooSmall)).containsExactly("input.total=INVALID_VALUE");
		Map<String, Object> stale = as(ACCOUNTANT).documentName("billing")
			.operationName("renegotiatePaymentPlan")
			.variable("input",
					Map.of("id", old.get("id"), "expectedVersion", old.get("version"), "terms",
							List.of(term("100", today.plusDays(5), null))))
			.execute()
			.path("renegotiatePaymentPlan")
			.entity(MAP)
			.get();
		assertThat(errors(stale)).containsExactly("input.id=CONFLICT");
	}

	@Test
	void writeOffClosesWhatIsOpenOfAPlannedPayment() {
		Map<String, Object> order = order(1);
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = createPlan(REP, (String) order.get("id"), null,
				List.of(term("50", today.plusDays(1), null), rest(today.plusDays(30))));
		String plannedId = (String) plannedPayments(plan).get(1).get("id");
		Map<String, Object> answer = as(ACCOUNTANT).documentName("billing")
			.operationName("writeOffPlannedPayment")
			.variable("input",
					Map.of("plannedPaymentId", plannedId, "expectedVersion", plan.get("version"), "reason", "Goodwill"))
			.execute()
			.path("writeOffPlannedPayment")
			.entity(MAP)
			.get();
		assertThat(errors(answer)).isEmpty();
		@SuppressWarnings("unchecked")
		Map<String, Object> after = (Map<String, Object>) answer.get("paymentPlan");
		assertThat(plannedPayments(after).get(1)).containsEntry("status", "WRITTEN_OFF")
			.containsEntry("writeOffReason", "Goodwill");
		assertThat(amount(plannedPayments(after).get(1), "open")).isEqualTo("0.00");
		assertThat(after.get("version")).isEqualTo((Integer) plan.get("version") + 1);
		Map<String, Object> again = as(ACCOUNTANT).documentName("billing")
			.operationName("writeOffPlannedPayment")
			.variable("input",
					Map.of("plannedPaymentId", plannedId, "expectedVersion", after.get("version"), "reason", "Again"))
			.execute()
			.path("writeOffPlannedPayment")
			.entity(MAP)
			.get();
		assertThat(errors(again)).containsExactly("input.plannedPaymentId=CONFLICT");
	}

	@Test
	void aPlannedPaymentIsInvoicedOnceAndPaidThroughItsInvoice() {
		Map<String, Object> order = order(1);
		String customerId = (String) ((Map<?, ?>) order.get("customer")).get("id");
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = createPlan(REP, (String) order.get("id"), null,
				List.of(term("40", today.plusDays(3), null), rest(today.plusDays(30))));
		String plannedId = (String) plannedPayments(plan).get(0).get("id");
		List<Map<String, Object>> answers = Concurrently.mutate(this.port, ACCOUNTANT, "billing",
				"invoicePlannedPayment", Map.of("plannedPaymentId", plannedId));
		Concurrently.assertOneThroughAndTheOthers(answers, "input.plannedPaymentId=CONFLICT");
		@SuppressWarnings("unchecked")
		Map<String, Object> invoice = answers.stream()
			.filter(answer -> answer.get("invoice") != null)
			.map(answer -> (Map<String, Object>) answer.get("invoice"))
			.findFirst()
			.orElseThrow();
		assertThat(invoice.get("number").toString()).startsWith("INV-");
		assertThat(amount(invoice, "total")).isEqualTo("40.00");
		assertThat(invoice.get("dueOn")).isEqualTo(today.plusDays(3).toString());
		assertThat(invoice.get("paymentStatus")).isEqualTo("UNPAID");

		Map<String, Object> payment = PaymentApiTest.record(as(ACCOUNTANT), key(), customerId, "15", "EUR", null,
				List.of(Map.of("invoiceId", invoice.get("id"))));
		@SuppressWarnings("unchecked")
		Map<String, Object> allocation = ((List<Map<String, Object>>) payment.get("allocations")).get(0);
		assertThat(((Map<?, ?>) allocation.get("invoice")).get("id")).isEqualTo(invoice.get("id"));
		assertThat(((Map<?, ?>) allocation.get("plannedPayment")).get("id")).isEqualTo(plannedId);
		Map<String, Object> after = as(ACCOUNTANT).documentName("billing")
			.operationName("invoiceMoney")
			.variable("id", invoice.get("id"))
			.execute()
			.path("invoice")
			.entity(MAP)
			.get();
		assertThat(after.get("paymentStatus")).isEqualTo("PARTLY_PAID");
		assertThat(amount(after, "open")).isEqualTo("25.00");
		assertThat(amount(plannedPayments(plan((String) plan.get("id"))).get(0), "paid")).isEqualTo("15.00");
	}

	@Test
	void aRepOfAnotherTeamDoesNotSeeThePlan() {
		Map<String, Object> order = order(1);
		Map<String, Object> plan = createPlan(REP, (String) order.get("id"), null,
				List.of(term("100", LocalDate.now(this.clock).plusDays(10), null)));
		as(REP_OTHER_TEAM).documentName("billing")
			.operationName("paymentPlan")
			.variable("id", plan.get("id"))
			.execute()
			.path("paymentPlan")
			.valueIsNull();
		Map<String, Object> answer = createPlanAnswer(REP_OTHER_TEAM, (String) order.get("id"), null,
				List.of(term("100", LocalDate.now(this.clock).plusDays(10), null)));
		assertThat(errors(answer)).containsExactly("input.orderId=NOT_FOUND");
	}

	@Test
	void aMilestoneSetsTheDueDateOnceOnTheActivePlan() {
		Map<String, Object> order = order(1);
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = createPlan(REP, (String) order.get("id"), null,
				List.of(term("50", null, trigger("SHIPMENT_SENT", 7)), rest(today.plusDays(60))));
		Milestone shipped = new Milestone(Milestone.Kind.SHIPMENT_SENT, uuid("Order", order.get("id")), null,
				today.minusDays(1));
		this.milestones.reached(Actor.SYSTEM, shipped).block();
		this.milestones
			.reached(Actor.SYSTEM,
					new Milestone(Milestone.Kind.SHIPMENT_SENT, uuid("Order", order.get("id")), null,
							today.plusDays(5)))
			.block();
		assertThat(plannedPayments(plan((String) plan.get("id"))).get(0).get("dueOn"))
			.isEqualTo(today.plusDays(6).toString());
		assertThat(count(
				"select count(*) from outbox_event where type = 'planned_payment.scheduled'" + " and aggregate_id = $1",
				uuid("PaymentPlan", plan.get("id"))))
			.isEqualTo(1);
	}

	// ---- helpers

	Map<String, Object> order(int seats) {
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT").get("id");
		String customer = OrderFixtures.customer(as(REP), unique("Billing customer"));
		return OrderFixtures.order(as(REP), customer, product, null, seats);
	}

	static String code() {
		return "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	static String key() {
		return "key-" + UUID.randomUUID();
	}

	static Map<String, Object> term(String percent, LocalDate dueOn, Map<String, Object> trigger) {
		Map<String, Object> term = new LinkedHashMap<>();
		term.put("kind", "PART");
		term.put("percent", percent);
		if (dueOn != null) {
			term.put("dueOn", dueOn.toString());
		}
		if (trigger != null) {
			term.put("trigger", trigger);
		}
		return term;
	}

	static Map<String, Object> rest(LocalDate dueOn) {
		return Map.of("kind", "REST", "dueOn", dueOn.toString());
	}

	static Map<String, Object> trigger(String event, int offsetDays) {
		return Map.of("event", event, "offsetDays", offsetDays);
	}

	Map<String, Object> createPlanAnswer(com.dealerdesk.support.TestTokens.TestUser user, String orderId, String total,
			List<Map<String, Object>> terms) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("orderId", orderId);
		if (total != null) {
			input.put("total", total);
		}
		input.put("terms", terms);
		return createPlanAnswer(as(user), input);
	}

	static Map<String, Object> createPlanAnswer(GraphQlTester tester, Map<String, Object> input) {
		return tester.documentName("billing")
			.operationName("createPaymentPlan")
			.variable("input", input)
			.execute()
			.path("createPaymentPlan")
			.entity(MAP)
			.get();
	}

	Map<String, Object> createPlan(com.dealerdesk.support.TestTokens.TestUser user, String orderId, String total,
			List<Map<String, Object>> terms) {
		Map<String, Object> answer = createPlanAnswer(user, orderId, total, terms);
		assertThat(errors(answer)).isEmpty();
		return paymentPlan(answer);
	}

	/** Makes a plan that must be made, and returns it. */
	static Map<String, Object> createPlan(GraphQlTester tester, Map<String, Object> input) {
		Map<String, Object> answer = createPlanAnswer(tester, input);
		assertThat(errors(answer)).isEmpty();
		return paymentPlan(answer);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> paymentPlan(Map<String, Object> answer) {
		return (Map<String, Object>) answer.get("paymentPlan");
	}

	Map<String, Object> plan(String id) {
		return as(ADMIN).documentName("billing")
			.operationName("paymentPlan")
			.variable("id", id)
			.execute()
			.path("paymentPlan")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> plannedPayments(Map<String, Object> plan) {
		return (List<Map<String, Object>>) plan.get("plannedPayments");
	}

	static String amount(Map<String, Object> object, String field) {
		return String.valueOf(((Map<?, ?>) object.get(field)).get("amount"));
	}

	static UUID uuid(String type, Object id) {
		return GlobalId.requireUuidOf(type, (String) id);
	}

	static List<String> errors(Map<String, Object> payload) {
		List<String> outcomes = Concurrently.outcomes(List.of(payload));
		return outcomes.get(0).equals("ok") ? List.of() : new ArrayList<>(List.of(outcomes.get(0).split(" ")));
	}

}
