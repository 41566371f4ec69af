package com.dealerdesk.billing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.dealerdesk.billing.PaymentPlanApiTest.MAP;
import static com.dealerdesk.billing.PaymentPlanApiTest.errors;
import static com.dealerdesk.billing.PaymentPlanApiTest.key;
import static com.dealerdesk.billing.PaymentPlanApiTest.plannedPayments;
import static com.dealerdesk.billing.PaymentPlanApiTest.rest;
import static com.dealerdesk.billing.PaymentPlanApiTest.term;
import static com.dealerdesk.billing.PaymentPlanApiTest.uuid;
import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A time-limited license bound to its order's payment plan: binding gives it the end the
 * plan pays for (shortening one issued for the product's whole year, never before its
 * start, not at all when nothing dated is open); a payment that moves its paid-until day
 * past its end extends it; when the day passes with a payment overdue it is left as it is
 * and its owner reminded (once); overdue planned payments announced once per due date.
 */
class LicensePaymentBindingTest extends ApiTest {

	@Autowired
	BillingJobs jobs;

	@Test
	@SuppressWarnings("unchecked")
	void bindingShortensTheLicenseAPaymentExtendsItAndAnOverduePaymentLetsItLapseWithOneReminder() {
		LocalDate today = LocalDate.now(this.clock);
		Licensed licensed = licensed();
		LocalDate endsOn = licensed.endsOn();
		Map<String, Object> plan = plan(licensed, List.of(term("30", today.plusDays(10), null),
				term("30", endsOn.plusDays(30), null), rest(endsOn.plusDays(60))));

		// a year's license, paid until the first part's due date + 14 days
		Map<String, Object> bound = bind(licensed, plan);
		assertThat(errors(bound)).isEmpty();
		assertThat((Map<String, Object>) bound.get("license")).containsEntry("paidUntil", today.plusDays(24).toString())
			.containsEntry("endsOn", today.plusDays(24).toString());
		assertThat(history(license(licensed))).first()
			.isEqualTo(Map.of("kind", "SHORTENED", "endsOnBefore", endsOn.toString(), "endsOnAfter",
					today.plusDays(24).toString()));
		assertThat(licenseEvents(licensed)).containsExactly("license.issued", "license.payment_plan_bound",
				"license.shortened");
		assertThat(errors(bind(licensed, plan))).containsExactly("input.licenseId=CONFLICT");

		// the first part paid: the license runs until the second part's due date + 14
		// days
		PaymentApiTest.record(as(ACCOUNTANT), key(), licensed.customer(), "30", "EUR", null,
				List.of(Map.of("plannedPaymentId", plannedPayments(plan).get(0).get("id"))));
		Map<String, Object> extended = license(licensed);
		LocalDate paidUntil = endsOn.plusDays(44);
		assertThat(extended).containsEntry("endsOn", paidUntil.toString())
			.containsEntry("paidUntil", paidUntil.toString());
		assertThat(((Map<?, ?>) extended.get("paymentPlan")).get("id")).isEqualTo(plan.get("id"));
		assertThat(history(extended)).first()
			.isEqualTo(Map.of("kind", "EXTENDED", "endsOnBefore", today.plusDays(24).toString(), "endsOnAfter",
					paidUntil.toString()));

		// the second part is not paid: past the paid-until day, one reminder, no
		// extension
		long days = java.time.temporal.ChronoUnit.DAYS.between(today, paidUntil) + 1;
		this.clock.travel(Duration.ofDays(days));
		assertThat(this.jobs.announceOverdue().block()).isGreaterThanOrEqualTo(1);
		assertThat(this.jobs.announceLapses().block()).isGreaterThanOrEqualTo(1);
		assertThat(this.jobs.announceOverdue().block()).isZero();
		assertThat(this.jobs.announceLapses().block()).isZero();
		assertThat(count(
				"select count(*) from outbox_event where type = 'planned_payment.overdue'" + " and aggregate_id = $1",
				uuid("PaymentPlan", plan.get("id"))))
			.isEqualTo(1);
		assertThat(count("select count(*) from activity where customer_id = $1 and subject like 'License % lapsed%'",
				uuid("Customer", licensed.customer())))
			.isEqualTo(1);
		assertThat(count("select count(*) from activity where customer_id = $1 and subject like 'Payment overdue%'",
				uuid("Customer", licensed.customer())))
			.isEqualTo(1);
		assertThat(license(licensed)).containsEntry("endsOn", paidUntil.toString()).containsEntry("status", "EXPIRED");
	}

	@Test
	void boundWhileAPaymentIsOverduePastItsGraceTheLicenseRunsOutAtOnceAndPayingBringsItBack() {
		LocalDate issuedOn = LocalDate.now(this.clock);
		Licensed licensed = licensed();
		Map<String, Object> plan = plan(licensed,
				List.of(term("50", issuedOn.plusDays(1), null), rest(issuedOn.plusDays(100))));

		// three weeks later the first part is still open: paid until 1 + 14 days after
		// issue
		this.clock.travel(Duration.ofDays(21));
		assertThat(errors(bind(licensed, plan))).isEmpty();
		assertThat(license(licensed)).containsEntry("endsOn", issuedOn.plusDays(15).toString())
			.containsEntry("status", "EXPIRED");

		PaymentApiTest.record(as(ACCOUNTANT), key(), licensed.customer(), "50", "EUR", null,
				List.of(Map.of("plannedPaymentId", plannedPayments(plan).get(0).get("id"))));
		assertThat(license(licensed)).containsEntry("endsOn", issuedOn.plusDays(114).toString())
			.containsEntry("status", "ACTIVE");
	}

	@Test
	void bindingNeverEndsALicenseBeforeItsStart() {
		Licensed licensed = licensed();
		LocalDate startsOn = LocalDate.parse((String) license(licensed).get("startsOn"));
		// due 30 days before the license started: paid until 16 days before it
		Map<String, Object> plan = plan(licensed, List.of(rest(startsOn.minusDays(30))));

		assertThat(errors(bind(licensed, plan))).isEmpty();
		assertThat(license(licensed)).containsEntry("endsOn", startsOn.toString())
			.containsEntry("paidUntil", startsOn.minusDays(16).toString());
	}

	@Test
	void aLicenseBoundToAPaidPlanOrToPaymentsNotYetDueOnAnEventKeepsItsEnd() {
		LocalDate today = LocalDate.now(this.clock);
		Licensed paid = licensed();
		Map<String, Object> paidPlan = plan(paid, List.of(rest(today.plusDays(5))));
		PaymentApiTest.record(as(ACCOUNTANT), key(), paid.customer(), "100", "EUR", null, null);
		Licensed waiting = licensed();
		// the plan of a contract of the same customer, due when the contract is signed
		String contract = as(REP).document("""
				mutation($input: CreateContractInput!) { createContract(input: $input) { contract { id } } }""")
			.variable("input",
					Map.of("customerId", waiting.customer(), "title", "Support", "currency", "EUR", "total", "100"))
			.execute()
			.path("createContract.contract.id")
			.entity(String.class)
			.get();
		Map<String, Object> waitingPlan = plan(Map.of("contractId", contract, "terms",
				List.of(term("100", null, Map.of("event", "CONTRACT_SIGNED")))));

		for (Licensed licensed : List.of(paid, waiting)) {
			assertThat(errors(bind(licensed, licensed == paid ? paidPlan : waitingPlan))).isEmpty();
			assertThat(license(licensed)).containsEntry("endsOn", licensed.endsOn().toString())
				.containsEntry("paidUntil", null);
			assertThat(licenseEvents(licensed)).containsExactly("license.issued", "license.payment_plan_bound");
		}
	}

	// ---- helpers

	/** A time-limited license (a year, 100.00 EUR) issued today to a rep's customer. */
	private Licensed licensed() {
		String product = (String) ProductFixtures
			.program(as(ADMIN), PaymentPlanApiTest.code(), "TIME_LIMITED", "PER_SEAT")
			.get("id");
		String customer = OrderFixtures.customer(as(REP), unique("Licensed customer"));
		Map<String, Object> order = OrderFixtures.order(as(REP), customer, product, null, 1);
		String shipment = (String) OrderFixtures.ship(as(REP), (String) order.get("id"), null).get("id");
		Map<String, Object> license = as(REP).documentName("license")
			.operationName("issueLicenses")
			.variable("input", Map.of("shipmentId", shipment))
			.execute()
			.path("issueLicenses.licenses[0]")
			.entity(MAP)
			.get();
		return new Licensed(customer, (String) order.get("id"), (String) license.get("id"),
				LocalDate.parse((String) license.get("endsOn")));
	}

	private record Licensed(String customer, String order, String license, LocalDate endsOn) {

	}

	/** A payment plan of the license's order. */
	private Map<String, Object> plan(Licensed licensed, List<Map<String, Object>> terms) {
		return plan(Map.of("orderId", licensed.order(), "terms", terms));
	}

	private Map<String, Object> plan(Map<String, Object> input) {
		return PaymentPlanApiTest.createPlan(as(REP), input);
	}

	private Map<String, Object> bind(Licensed licensed, Map<String, Object> plan) {
		return as(ACCOUNTANT).documentName("billing")
			.operationName("bindLicenseToPaymentPlan")
			.variable("input", Map.of("licenseId", licensed.license(), "paymentPlanId", plan.get("id")))
			.execute()
			.path("bindLicenseToPaymentPlan")
			.entity(MAP)
			.get();
	}

	private Map<String, Object> license(Licensed licensed) {
		return as(ADMIN).documentName("billing")
			.operationName("license")
			.variable("id", licensed.license())
			.execute()
			.path("license")
			.entity(MAP)
			.get();
	}

	/** The license's history, newest first. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> history(Map<String, Object> license) {
		return (List<Map<String, Object>>) license.get("history");
	}

	/** The license's outbox events, in feed order. */
	private List<String> licenseEvents(Licensed licensed) {
		return this.database
			.sql("select type from outbox_event where aggregate_type = 'License' and aggregate_id = $1"
					+ " order by sequence")
			.bind(0, uuid("License", licensed.license()))
			.map(row -> row.get(0, String.class))
			.all()
			.collectList()
			.block();
	}

}
