package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.billing.PaymentPlanApiTest.MAP;
import static com.dealerdesk.billing.PaymentPlanApiTest.amount;
import static com.dealerdesk.billing.PaymentPlanApiTest.errors;
import static com.dealerdesk.billing.PaymentPlanApiTest.key;
import static com.dealerdesk.billing.PaymentPlanApiTest.plannedPayments;
import static com.dealerdesk.billing.PaymentPlanApiTest.rest;
import static com.dealerdesk.billing.PaymentPlanApiTest.term;
import static com.dealerdesk.billing.PaymentPlanApiTest.uuid;
import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payments: idempotent recording, allocation by hand and oldest due first, credit,
 * refunds, concurrency against one plan, scope and bad input.
 */
class PaymentApiTest extends ApiTest {

	@Test
	void theSameKeyAndBodyAnswersTheFirstPaymentAndAnotherBodyIsAConflict() {
		String customer = OrderFixtures.customer(as(REP), unique("Payer"));
		String key = key();
		Map<String, Object> first = recordAnswer(as(ACCOUNTANT), key, customer, "100.5", "EUR", null, null);
		assertThat(first.get("replayed")).isEqualTo(false);
		Map<String, Object> again = recordAnswer(as(ACCOUNTANT), key, customer, "100.50", "eur", null, null);
		assertThat(again.get("replayed")).isEqualTo(true);
		assertThat(((Map<?, ?>) again.get("payment")).get("id"))
			.isEqualTo(((Map<?, ?>) first.get("payment")).get("id"));
		Map<String, Object> other = recordAnswer(as(ACCOUNTANT), key, customer, "99", "EUR", null, null);
		assertThat(errors(other)).containsExactly("input.idempotencyKey=CONFLICT");
		// another caller's key is another key
		Map<String, Object> admins = recordAnswer(as(ADMIN), key, customer, "99", "EUR", null, null);
		assertThat(errors(admins)).isEmpty();
	}

	@Test
	void anIntegrationNeverSeenBeforeRecordsAPaymentAndIsRegistered() {
		TestUser client = new TestUser("t-bank-feed-" + UUID.randomUUID(), null, List.of("integration"), null,
				List.of("dealerdesk.read", "dealerdesk.write"));
		String customer = OrderFixtures.customer(as(REP), unique("Payer"));
		Map<String, Object> answer = recordAnswer(as(client), key(), customer, "12.30", "EUR", null, null);
		assertThat(errors(answer)).isEmpty();
		assertThat(count("select count(*) from app_user where id = $1 and integration", client.subject())).isEqualTo(1);
	}

	@Test
	void tenIdenticalRecordingsAtOnceRecordOnePayment() {
		String customer = OrderFixtures.customer(as(REP), unique("Payer"));
		String key = key();
		Map<String, Object> input = input(key, customer, "70", "EUR", null, null);
		List<Map<String, Object>> answers = Concurrently.mutate(this.port, ACCOUNTANT, "billing", "recordPayment",
				input);
		assertThat(Concurrently.outcomes(answers)).containsOnly("ok");
		assertThat(answers).extracting(answer -> (Object) ((Map<?, ?>) answer.get("payment")).get("id"))
			.containsOnly(((Map<?, ?>) answers.get(0).get("payment")).get("id"));
		assertThat(answers).filteredOn(answer -> Boolean.FALSE.equals(answer.get("replayed"))).hasSize(1);
		assertThat(count("select count(*) from payment where idempotency_key = $1", key)).isEqualTo(1);
	}

	@Test
	void automaticAllocationPaysTheOldestDueFirstAndKeepsTheRestAsCredit() {
		Map<String, Object> order = order(as(REP), 10);
		String customer = customerOf(order);
		LocalDate today = LocalDate.now(this.clock);
		// one seat shipped and invoiced: an invoice no planned payment covers, due in 14
		// days
		String shipment = (String) OrderFixtures
			.ship(as(REP), (String) order.get("id"),
					List.of(Map.of("orderLineId", OrderFixtures.firstLineId(order), "quantity", 1)))
			.get("id");
		String invoice = as(ACCOUNTANT).documentName("order")
			.operationName("createInvoice")
			.variable("input", Map.of("shipmentIds", List.of(shipment)))
			.execute()
			.path("createInvoice.invoice.id")
			.entity(String.class)
			.get();
		Map<String, Object> plan = plan(order, List.of(term("30", today.minusDays(5), null),
				term("30", today.plusDays(20), null), rest(today.plusDays(40))));
		Map<String, Object> payment = record(as(ACCOUNTANT), key(), customer, "1200", "EUR", null, null);
		assertThat(amount(payment, "unallocated")).isEqualTo("100.00");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> allocations = (List<Map<String, Object>>) payment.get("allocations");
		List<Map<String, Object>> planned = plannedPayments(plan);
		assertThat(allocations)
			.extracting(a -> a.get("plannedPayment") == null ? ((Map<?, ?>) a.get("invoice")).get("id")
					: ((Map<?, ?>) a.get("plannedPayment")).get("id"))
			.containsExactly(planned.get(0).get("id"), invoice, planned.get(1).get("id"), planned.get(2).get("id"));
		Map<String, Object> money = customerMoney(as(ACCOUNTANT), customer);
		assertThat(money.get("credit")).isEqualTo(List.of(Map.of("amount", "100.00", "currency", "EUR")));

		// the credit pays a later plan's part by hand, and a refund cannot take more than
		// is left
		Map<String, Object> refund = refundAnswer(key(), customer, "100.01");
		assertThat(errors(refund)).containsExactly("input.amount=INVALID_VALUE");
		Map<String, Object> refunded = refundAnswer(key(), customer, "40");
		assertThat(errors(refunded)).isEmpty();
		assertThat(((Map<?, ?>) refunded.get("payment")).get("number").toString()).startsWith("REF-");
		assertThat(customerMoney(as(ACCOUNTANT), customer).get("credit"))
			.isEqualTo(List.of(Map.of("amount", "60.00", "currency", "EUR")));
	}

	@Test
	void aPaymentInAnotherCurrencyNeedsARateAndIsConverted() {
		Map<String, Object> order = order(as(REP), 1);
		String customer = customerOf(order);
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = plan(order, List.of(term("100", today.plusDays(3), null)));
		String plannedId = (String) plannedPayments(plan).get(0).get("id");
		Map<String, Object> noRate = recordAnswer(as(ACCOUNTANT), key(), customer, "50", "USD", null,
				List.of(Map.of("plannedPaymentId", plannedId)));
		assertThat(errors(noRate)).containsExactly("input.allocations.0=INVALID_VALUE");
		// 2 EUR per USD here, to keep the numbers plain: 50 USD pay 100 EUR
		Map<String, Object> paid = record(as(ACCOUNTANT), key(), customer, "50", "USD", "2",
				List.of(Map.of("plannedPaymentId", plannedId)));
		@SuppressWarnings("unchecked")
		Map<String, Object> allocation = ((List<Map<String, Object>>) paid.get("allocations")).get(0);
		assertThat(allocation.get("amount")).isEqualTo(Map.of("amount", "100.00", "currency", "EUR"));
		assertThat(allocation.get("paymentAmount")).isEqualTo(Map.of("amount", "50.00", "currency", "USD"));
		assertThat(count("select count(*) from payment where customer_id = $1", uuid("Customer", customer)))
			.isEqualTo(1);
	}

	@Test
	void twentyPaymentsAtOnceNeverAllocateMoreThanThePlan() {
		Map<String, Object> order = order(as(REP), 10);
		String customer = customerOf(order);
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = plan(order, List.of(term("25", today.minusDays(1), null),
				term("25", today.plusDays(1), null), rest(today.plusDays(2))));
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			inputs.add(input(key(), customer, "75", "EUR", null, null));
		}
		List<Map<String, Object>> answers = Concurrently.mutateEach(this.port, ACCOUNTANT, "billing", "recordPayment",
				inputs);
		assertThat(Concurrently.outcomes(answers)).containsOnly("ok");
		UUID customerId = uuid("Customer", customer);
		BigDecimal allocated = this.database
			.sql("select coalesce(sum(allocated), 0) from payment where customer_id = $1")
			.bind(0, customerId)
			.map(row -> row.get(0, BigDecimal.class))
			.one()
			.block();
		assertThat(allocated).isEqualByComparingTo("1000");
		assertThat(count("select count(*) from planned_payment where customer_id = $1 and paid <> amount", customerId))
			.isZero();
		assertThat(customerMoney(as(ACCOUNTANT), customer).get("credit"))
			.isEqualTo(List.of(Map.of("amount", "500.00", "currency", "EUR")));
		assertThat(plannedPayments(planOf(plan))).extracting(p -> p.get("status")).containsOnly("PAID");
	}

	@Test
	void targetsOfOtherCustomersAreNotFoundAndPartnersRecordNothing() {
		Map<String, Object> order = order(as(REP), 1);
		String customer = customerOf(order);
		Map<String, Object> otherOrder = order(as(REP), 1);
		String shipment = (String) OrderFixtures.ship(as(REP), (String) otherOrder.get("id"), null).get("id");
		String invoice = as(ACCOUNTANT).documentName("order")
			.operationName("createInvoice")
			.variable("input", Map.of("shipmentIds", List.of(shipment)))
			.execute()
			.path("createInvoice.invoice.id")
			.entity(String.class)
			.get();
		Map<String, Object> answer = recordAnswer(as(ACCOUNTANT), key(), customer, "10", "EUR", null,
				List.of(Map.of("invoiceId", invoice)));
		assertThat(errors(answer)).containsExactly("input.allocations.0.invoiceId=NOT_FOUND");
		assertThat(errors(recordAnswer(as(PARTNER_A_USER), key(), customer, "10", "EUR", null, null)))
			.allMatch(error -> error.endsWith("NOT_ALLOWED"));
		assertThat(errors(recordAnswer(as(ACCOUNTANT), key(), customer, "0", "EUR", null, null)))
			.containsExactly("input.amount=INVALID_VALUE");
		assertThat(errors(recordAnswer(as(ACCOUNTANT), key(), customer, "-3", "EUR", null, null)))
			.containsExactly("input.amount=INVALID_VALUE");
		assertThat(errors(recordAnswer(as(ACCOUNTANT), key(), customer, "10", "XYZ", null, null)))
			.containsExactly("input.currency=INVALID_VALUE");
		assertThat(count("select count(*) from payment where customer_id = $1", uuid("Customer", customer))).isZero();

		// its own invoice, untouched by billing so far, is paid in part
		Map<String, Object> paid = record(as(ACCOUNTANT), key(), customerOf(otherOrder), "30", "EUR", null,
				List.of(Map.of("invoiceId", invoice)));
		assertThat(amount(paid, "unallocated")).isEqualTo("0.00");
		Map<String, Object> money = as(ACCOUNTANT).documentName("billing")
			.operationName("invoiceMoney")
			.variable("id", invoice)
			.execute()
			.path("invoice")
			.entity(MAP)
			.get();
		assertThat(money.get("paymentStatus")).isEqualTo("PARTLY_PAID");
		assertThat(amount(money, "open")).isEqualTo("70.00");

		// lists are scoped: the other team's rep sees none of these payments
		assertThat(as(REP_OTHER_TEAM).documentName("billing")
			.operationName("payments")
			.variable("customerId", customerOf(otherOrder))
			.execute()
			.path("payments.edges")
			.entityList(Object.class)
			.get()).isEmpty();
		assertThat(as(REP).documentName("billing")
			.operationName("payments")
			.variable("customerId", customerOf(otherOrder))
			.execute()
			.path("payments.edges")
			.entityList(Object.class)
			.get()).hasSize(1);
	}

	@Test
	void creditIsAllocatedLater() {
		Map<String, Object> order = order(as(REP), 1);
		String customer = customerOf(order);
		Map<String, Object> payment = record(as(ACCOUNTANT), key(), customer, "100", "EUR", null, null);
		assertThat(amount(payment, "unallocated")).isEqualTo("100.00");
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> plan = plan(order, List.of(term("60", today, null), rest(today.plusDays(30))));
		Map<String, Object> answer = as(ACCOUNTANT).documentName("billing")
			.operationName("allocatePayment")
			.variable("input", Map.of("paymentId", payment.get("id"), "expectedVersion", payment.get("version")))
			.execute()
			.path("allocatePayment")
			.entity(MAP)
			.get();
		assertThat(errors(answer)).isEmpty();
		assertThat(amount((Map<String, Object>) answer.get("payment"), "unallocated")).isEqualTo("0.00");
		assertThat(plannedPayments(planOf(plan))).extracting(p -> amount(p, "paid")).containsExactly("60.00", "40.00");
	}

	@Test
	void tenIdenticalRefundsAtOnceRefundOnce() {
		String customer = OrderFixtures.customer(as(REP), unique("Refunded"));
		record(as(ACCOUNTANT), key(), customer, "80", "EUR", null, null);
		Map<String, Object> input = Map.of("idempotencyKey", key(), "customerId", customer, "amount", "50", "currency",
				"EUR", "refundedOn", LocalDate.now(this.clock).toString(), "method", "CASH");
		List<Map<String, Object>> answers = Concurrently.mutate(this.port, ACCOUNTANT, "billing", "recordRefund",
				input);
		assertThat(Concurrently.outcomes(answers)).containsOnly("ok");
		assertThat(count("select count(*) from payment where customer_id = $1 and kind = 'REFUND'",
				uuid("Customer", customer)))
			.isEqualTo(1);
		assertThat(customerMoney(as(ACCOUNTANT), customer).get("credit"))
			.isEqualTo(List.of(Map.of("amount", "30.00", "currency", "EUR")));
	}

	// ---- helpers

	Map<String, Object> order(GraphQlTester rep, int seats) {
		String product = (String) ProductFixtures.program(as(ADMIN), PaymentPlanApiTest.code(), "PERPETUAL", "PER_SEAT")
			.get("id");
		String customer = OrderFixtures.customer(rep, unique("Paying customer"));
		return OrderFixtures.order(rep, customer, product, null, seats);
	}

	static String customerOf(Map<String, Object> order) {
		return (String) ((Map<?, ?>) order.get("customer")).get("id");
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> plan(Map<String, Object> order, List<Map<String, Object>> terms) {
		Map<String, Object> answer = as(REP).documentName("billing")
			.operationName("createPaymentPlan")
			.variable("input", Map.of("orderId", order.get("id"), "terms", terms))
			.execute()
			.path("createPaymentPlan")
			.entity(MAP)
			.get();
		assertThat(errors(answer)).isEmpty();
		return (Map<String, Object>) answer.get("paymentPlan");
	}

	Map<String, Object> planOf(Map<String, Object> plan) {
		return as(ADMIN).documentName("billing")
			.operationName("paymentPlan")
			.variable("id", plan.get("id"))
			.execute()
			.path("paymentPlan")
			.entity(MAP)
			.get();
	}

	Map<String, Object> customerMoney(GraphQlTester tester, String customer) {
		return tester.documentName("billing")
			.operationName("customerMoney")
			.variable("id", customer)
			.execute()
			.path("customer")
			.entity(MAP)
			.get();
	}

	Map<String, Object> refundAnswer(String key, String customer, String amount) {
		return as(ACCOUNTANT).documentName("billing")
			.operationName("recordRefund")
			.variable("input",
					Map.of("idempotencyKey", key, "customerId", customer, "amount", amount, "currency", "EUR",
							"refundedOn", LocalDate.now(this.clock).toString(), "method", "BANK_TRANSFER"))
			.execute()
			.path("recordRefund")
			.entity(MAP)
			.get();
	}

	static Map<String, Object> input(String key, String customer, String amount, String currency, String rate,
			List<Map<String, Object>> allocations) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("idempotencyKey", key);
		input.put("customerId", customer);
		input.put("amount", amount);
		input.put("currency", currency);
		input.put("receivedOn", LocalDate.now().toString());
		input.put("method", "BANK_TRANSFER");
		if (rate != null) {
			input.put("exchangeRate", rate);
		}
		if (allocations != null) {
			input.put("allocations", allocations);
		}
		return input;
	}

	static Map<String, Object> recordAnswer(GraphQlTester tester, String key, String customer, String amount,
			String currency, String rate, List<Map<String, Object>> allocations) {
		return tester.documentName("billing")
			.operationName("recordPayment")
			.variable("input", input(key, customer, amount, currency, rate, allocations))
			.execute()
			.path("recordPayment")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> record(GraphQlTester tester, String key, String customer, String amount, String currency,
			String rate, List<Map<String, Object>> allocations) {
		Map<String, Object> answer = recordAnswer(tester, key, customer, amount, currency, rate, allocations);
		assertThat(errors(answer)).isEmpty();
		return (Map<String, Object>) answer.get("payment");
	}

}
