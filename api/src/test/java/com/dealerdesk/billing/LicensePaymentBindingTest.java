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
 * A time-limited license bound to its order's payment plan: extended when a payment moves
 * its paid-until day past its end, left as it is and its owner reminded (once) when the
 * day passes with a payment overdue; overdue planned payments announced once per due
 * date.
 */
class LicensePaymentBindingTest extends ApiTest {

	@Autowired
	BillingJobs jobs;

	@Test
	void aPaymentExtendsTheLicenseAndAnOverduePaymentLetsItLapseWithOneReminder() {
		LocalDate today = LocalDate.now(this.clock);
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
		LocalDate endsOn = LocalDate.parse((String) license.get("endsOn"));
		Map<String, Object> plan = as(REP).documentName("billing")
			.operationName("createPaymentPlan")
			.variable("input",
					Map.of("orderId", order.get("id"), "terms",
							List.of(term("30", today.plusDays(10), null), term("30", endsOn.plusDays(30), null),
									rest(endsOn.plusDays(60)))))
			.execute()
			.path("createPaymentPlan.paymentPlan")
			.entity(MAP)
			.get();

		Map<String, Object> bound = as(ACCOUNTANT).documentName("billing")
			.operationName("bindLicenseToPaymentPlan")
			.variable("input", Map.of("licenseId", license.get("id"), "paymentPlanId", plan.get("id")))
			.execute()
			.path("bindLicenseToPaymentPlan")
			.entity(MAP)
			.get();
		assertThat(errors(bound)).isEmpty();
		assertThat((Map<String, Object>) bound.get("license")).containsEntry("paidUntil", today.plusDays(24).toString())
			.containsEntry("endsOn", endsOn.toString());
		Map<String, Object> twice = as(ACCOUNTANT).documentName("billing")
			.operationName("bindLicenseToPaymentPlan")
			.variable("input", Map.of("licenseId", license.get("id"), "paymentPlanId", plan.get("id")))
			.execute()
			.path("bindLicenseToPaymentPlan")
			.entity(MAP)
			.get();
		assertThat(errors(twice)).containsExactly("input.licenseId=CONFLICT");

		// the first part paid: the license runs until the second part's due date + 14
		// days
		PaymentApiTest.record(as(ACCOUNTANT), key(), customer, "30", "EUR", null,
				List.of(Map.of("plannedPaymentId", plannedPayments(plan).get(0).get("id"))));
		Map<String, Object> extended = as(ADMIN).documentName("billing")
			.operationName("license")
			.variable("id", license.get("id"))
			.execute()
			.path("license")
			.entity(MAP)
			.get();
		LocalDate paidUntil = endsOn.plusDays(44);
		assertThat(extended).containsEntry("endsOn", paidUntil.toString())
			.containsEntry("paidUntil", paidUntil.toString());
		assertThat(((Map<?, ?>) extended.get("paymentPlan")).get("id")).isEqualTo(plan.get("id"));
		assertThat((List<Map<String, Object>>) extended.get("history"))
			.anySatisfy(entry -> assertThat(entry).containsEntry("kind", "EXTENDED")
				.containsEntry("endsOnAfter", paidUntil.toString()));

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
				uuid("Customer", customer)))
			.isEqualTo(1);
		assertThat(count("select count(*) from activity where customer_id = $1 and subject like 'Payment overdue%'",
				uuid("Customer", customer)))
			.isEqualTo(1);
		assertThat(as(ADMIN).documentName("billing")
			.operationName("license")
			.variable("id", license.get("id"))
			.execute()
			.path("license.endsOn")
			.entity(String.class)
			.get()).isEqualTo(paidUntil.toString());
	}

}
