package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;

import static com.dealerdesk.billing.BillingApiFixtures.customer;
import static com.dealerdesk.billing.BillingApiFixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Collections: age bands at their boundaries, what is left out, invoices not counted
 * twice, currencies never mixed, and each caller seeing only the money of their
 * customers. Each test uses a currency of its own, so that the totals hold only its rows.
 */
class CollectionsApiTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final String COLLECTIONS = """
			query($asOf: Date) {
			  collections(asOf: $asOf) {
			    asOf
			    dueThisWeek { customer { id } invoice { id } dueOn open { amount currency } daysOverdue }
			    totals { ...Row } byCustomer { ...Row } byOwner { ...Row } byPartner { ...Row }
			    receivedByMonth { month amount { amount currency } }
			  }
			}
			fragment Row on AgeingRow {
			  customer { id } owner { name } partner { name } currency
			  notDue { amount } days1to30 { amount } days31to60 { amount } days61to90 { amount } over90 { amount }
			  overdue { amount currency } total { amount }
			}""";

	private BillingRows rows;

	private BillingApiFixtures api;

	private LocalDate today;

	@BeforeEach
	void setUp() {
		this.rows = new BillingRows(this.database);
		this.api = new BillingApiFixtures(as(TestPeople.ADMIN), as(TestPeople.ACCOUNTANT));
		this.today = LocalDate.now(this.clock);
	}

	@Test
	void agesOpenAmountsIntoBandsAtTheirBoundaries() {
		String customer = customer(as(TestPeople.REP), "Ageing");
		UUID plan = this.rows.plan(uuid(customer), this.api.orderId(customer), "CHF");
		int[] daysOverdue = { 0, 1, 30, 31, 60, 61, 90, 91, -10 };
		for (int i = 0; i < daysOverdue.length; i++) {
			this.rows.plannedPayment(plan, i + 1, String.valueOf(1 << i), this.today.minusDays(daysOverdue[i]));
		}

		Map<String, Object> collections = collections(TestPeople.REP, null);

		Map<String, Object> row = only(rows(collections, "byCustomer", customer, "CHF"));
		assertAmounts(row, "257", "6", "24", "96", "128", "254", "511");
		assertAmounts(only(rows(collections, "totals", null, "CHF")), "257", "6", "24", "96", "128", "254", "511");
		assertThat(dueThisWeek(collections, customer)).singleElement().satisfies(due -> {
			assertThat(due.get("dueOn")).isEqualTo(this.today.toString());
			assertThat(due.get("daysOverdue")).isEqualTo(0);
			assertThat(amount(due, "open")).isEqualByComparingTo("1");
		});
	}

	@Test
	void asOfMovesTheBandsAndDefaultsToTheBusinessDate() {
		String customer = customer(as(TestPeople.REP), "As of");
		UUID plan = this.rows.plan(uuid(customer), this.api.orderId(customer), "DKK");
		this.rows.plannedPayment(plan, 1, "10", this.today.minusDays(30));

		assertAmounts(only(rows(collections(TestPeople.REP, this.today.minusDays(30)), "totals", null, "DKK")), "10",
				"0", "0", "0", "0", "0", "10");
		this.clock.travel(Duration.ofDays(1));
		Map<String, Object> tomorrow = collections(TestPeople.REP, null);
		assertThat(tomorrow.get("asOf")).isEqualTo(this.today.plusDays(1).toString());
		assertAmounts(only(rows(tomorrow, "byCustomer", customer, "DKK")), "0", "0", "10", "0", "0", "10", "10");
		// nothing overdue as of 30 days ago: in the totals, not among the customers
		assertThat(rows(collections(TestPeople.REP, this.today.minusDays(30)), "byCustomer", customer, "DKK"))
			.isEmpty();
	}

	@Test
	void leavesOutWrittenOffPaidUndatedAndSupersededPlannedPayments() {
		String customer = customer(as(TestPeople.REP), "Left out");
		UUID order = this.api.orderId(customer);
		UUID superseded = this.rows.plan(uuid(customer), order, "GBP", "SUPERSEDED", 1);
		this.rows.plannedPayment(superseded, 1, "800", this.today.minusDays(5));
		UUID plan = this.rows.plan(uuid(customer), order, "GBP", "ACTIVE", 2);
		this.rows.plannedPayment(plan, 1, "100", this.today.minusDays(5));
		this.rows.writeOff(this.rows.plannedPayment(plan, 2, "200", this.today.minusDays(5)));
		this.rows.plannedPayment(plan, 3, "400", null);
		UUID paid = this.rows.plannedPayment(plan, 4, "1600", this.today.minusDays(5));
		this.rows.allocate(this.rows.payment(uuid(customer), "RECEIPT", "GBP", "1600", this.today), paid, null, "1600");

		Map<String, Object> row = only(rows(collections(TestPeople.REP, null), "byCustomer", customer, "GBP"));

		assertAmounts(row, "0", "100", "0", "0", "0", "100", "100");
	}

	@Test
	void countsAnInvoiceOfAPlannedPaymentOnceAndOtherInvoicesLessWhatWasPaid() {
		String customer = customer(as(TestPeople.REP), "Invoiced");
		UUID covered = this.api.invoice(customer, 1, this.today.minusDays(50), this.today.minusDays(40));
		UUID uncovered = this.api.invoice(customer, 2, this.today.minusDays(50), this.today.minusDays(40));
		UUID plan = this.rows.plan(uuid(customer), this.api.orderId(customer), "EUR");
		this.rows.invoiced(this.rows.plannedPayment(plan, 1, "100", this.today.minusDays(10)), covered);
		UUID partly = this.rows.plannedPayment(plan, 2, "50", this.today.plusDays(3));
		UUID receipt = this.rows.payment(uuid(customer), "RECEIPT", "EUR", "50", this.today);
		this.rows.allocate(receipt, null, uncovered, "30");
		this.rows.allocate(receipt, partly, null, "20");

		Map<String, Object> collections = collections(TestPeople.REP, null);

		assertAmounts(only(rows(collections, "byCustomer", customer, "EUR")), "30", "100", "170", "0", "0", "270",
				"300");
		assertThat(dueThisWeek(collections, customer)).singleElement().satisfies(due -> {
			assertThat(due.get("invoice")).isNull();
			assertThat(amount(due, "open")).isEqualByComparingTo("30");
			assertThat(due.get("dueOn")).isEqualTo(this.today.plusDays(3).toString());
		});
	}

	@Test
	void agesInvoicesOfACustomerWithoutPlannedPaymentsInTheirCurrency() {
		String customer = customer(as(TestPeople.REP), "Invoices only");
		UUID invoice = this.api.invoice(customer, 3, this.today.minusDays(120), this.today.minusDays(100));
		this.rows.allocate(this.rows.payment(uuid(customer), "RECEIPT", "EUR", "50", this.today), null, invoice, "50");
		UUID plan = this.rows.plan(uuid(customer), this.api.orderId(customer), "SEK");
		this.rows.plannedPayment(plan, 1, "40", this.today.minusDays(10));

		Map<String, Object> collections = collections(TestPeople.REP, null);

		assertAmounts(only(rows(collections, "byCustomer", customer, "EUR")), "0", "0", "0", "0", "250", "250", "250");
		assertAmounts(only(rows(collections, "byCustomer", customer, "SEK")), "0", "40", "0", "0", "0", "40", "40");
		assertAmounts(only(rows(collections, "totals", null, "SEK")), "0", "40", "0", "0", "0", "40", "40");
	}

	@Test
	void neverMixesCurrencies() {
		String customer = customer(as(TestPeople.REP), "Two currencies");
		UUID order = this.api.orderId(customer);
		this.rows.plannedPayment(this.rows.plan(uuid(customer), order, "USD"), 1, "10", this.today.minusDays(1));
		UUID otherOrder = this.api.orderId(customer);
		this.rows.plannedPayment(this.rows.plan(uuid(customer), otherOrder, "KWD"), 1, "20.125",
				this.today.minusDays(1));

		Map<String, Object> collections = collections(TestPeople.REP, null);

		assertThat(amount(only(rows(collections, "byCustomer", customer, "USD")), "overdue"))
			.isEqualByComparingTo("10");
		Map<String, Object> kwd = only(rows(collections, "byCustomer", customer, "KWD"));
		assertThat(((Map<?, ?>) kwd.get("overdue")).get("amount")).isEqualTo("20.125");
		assertThat(((Map<?, ?>) kwd.get("overdue")).get("currency")).isEqualTo("KWD");
	}

	@Test
	void eachCallerSeesTheMoneyOfTheirCustomersOnlyInEveryList() {
		Map<TestUser, String> customers = new java.util.LinkedHashMap<>();
		int amount = 1;
		for (TestUser owner : List.of(TestPeople.REP, TestPeople.REP_OTHER_TEAM, TestPeople.PARTNER_A_USER,
				TestPeople.PARTNER_B_USER)) {
			String customer = customer(as(owner), "Scoped");
			customers.put(owner, customer);
			UUID plan = this.rows.plan(uuid(customer), this.api.orderId(customer), "NOK");
			this.rows.plannedPayment(plan, 1, String.valueOf(amount), this.today.minusDays(2));
			this.rows.plannedPayment(plan, 2, String.valueOf(amount * 16), this.today.plusDays(1));
			this.rows.payment(uuid(customer), "RECEIPT", "NOK", String.valueOf(amount * 1000), this.today);
			amount *= 2;
		}
		// a receipt before the 12 months, and a refund, are not received money
		String rep = customers.get(TestPeople.REP);
		this.rows.payment(uuid(rep), "RECEIPT", "NOK", "500",
				this.today.minusMonths(12).withDayOfMonth(1).minusDays(1));
		this.rows.payment(uuid(rep), "REFUND", "NOK", "700", this.today);

		assertSees(TestPeople.REP, customers, List.of(TestPeople.REP), "1", "Rep", null);
		assertSees(TestPeople.MANAGER, customers, List.of(TestPeople.REP), "1", "Rep", null);
		assertSees(TestPeople.PARTNER_A_USER, customers, List.of(TestPeople.PARTNER_A_USER), "4", "Anna of A",
				"Partner A");
		assertSees(TestPeople.PARTNER_B_USER, customers, List.of(TestPeople.PARTNER_B_USER), "8", "Bob of B",
				"Partner B");
		Map<String, Object> all = collections(TestPeople.ACCOUNTANT, null);
		assertThat(amount(only(rows(all, "totals", null, "NOK")), "overdue")).isEqualByComparingTo("15");
		assertThat(rows(all, "byPartner", null, "NOK")).extracting(row -> partnerName(row))
			.containsExactlyInAnyOrder(null, "Partner A", "Partner B");
	}

	private void assertSees(TestUser caller, Map<TestUser, String> customers, List<TestUser> visibleOwners,
			String overdue, String ownerName, String partnerName) {
		Map<String, Object> collections = collections(caller, null);
		for (Map.Entry<TestUser, String> customer : customers.entrySet()) {
			boolean visible = visibleOwners.contains(customer.getKey());
			assertThat(rows(collections, "byCustomer", customer.getValue(), "NOK")).hasSize(visible ? 1 : 0);
			assertThat(dueThisWeek(collections, customer.getValue())).hasSize(visible ? 1 : 0);
		}
		assertThat(amount(only(rows(collections, "totals", null, "NOK")), "overdue")).isEqualByComparingTo(overdue);
		assertThat(amount(only(rows(collections, "totals", null, "NOK")), "notDue"))
			.isEqualByComparingTo(new BigDecimal(overdue).multiply(BigDecimal.valueOf(16)));
		assertThat(rows(collections, "byOwner", null, "NOK")).singleElement()
			.satisfies(row -> assertThat(((Map<?, ?>) row.get("owner")).get("name")).isEqualTo(ownerName));
		assertThat(rows(collections, "byPartner", null, "NOK")).singleElement()
			.satisfies(row -> assertThat(partnerName(row)).isEqualTo(partnerName));
		List<Map<String, Object>> received = receivedNok(collections);
		assertThat(received).singleElement().satisfies(month -> {
			assertThat(month.get("month")).isEqualTo(this.today.withDayOfMonth(1).toString());
			assertThat(amount(month, "amount"))
				.isEqualByComparingTo(new BigDecimal(overdue).multiply(BigDecimal.valueOf(1000)));
		});
	}

	private Map<String, Object> collections(TestUser caller, LocalDate asOf) {
		return as(caller).document(COLLECTIONS)
			.variable("asOf", asOf == null ? null : asOf.toString())
			.execute()
			.path("collections")
			.entity(MAP)
			.get();
	}

	/** The rows of a list for a customer (any, when null) in a currency. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> collections, String list, String customerId,
			String currency) {
		return ((List<Map<String, Object>>) collections.get(list)).stream()
			.filter(row -> currency.equals(row.get("currency")))
			.filter(row -> customerId == null
					|| row.get("customer") != null && customerId.equals(((Map<?, ?>) row.get("customer")).get("id")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> dueThisWeek(Map<String, Object> collections, String customerId) {
		return ((List<Map<String, Object>>) collections.get("dueThisWeek")).stream()
			.filter(row -> customerId.equals(((Map<?, ?>) row.get("customer")).get("id")))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> receivedNok(Map<String, Object> collections) {
		return ((List<Map<String, Object>>) collections.get("receivedByMonth")).stream()
			.filter(row -> "NOK".equals(((Map<?, ?>) row.get("amount")).get("currency")))
			.toList();
	}

	private static String partnerName(Map<String, Object> row) {
		return row.get("partner") == null ? null : (String) ((Map<?, ?>) row.get("partner")).get("name");
	}

	private static Map<String, Object> only(List<Map<String, Object>> rows) {
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private static BigDecimal amount(Map<String, Object> row, String field) {
		return new BigDecimal((String) Objects.requireNonNull((Map<?, ?>) row.get(field)).get("amount"));
	}

	private static void assertAmounts(Map<String, Object> row, String notDue, String days1to30, String days31to60,
			String days61to90, String over90, String overdue, String total) {
		assertThat(List.of(amount(row, "notDue"), amount(row, "days1to30"), amount(row, "days31to60"),
				amount(row, "days61to90"), amount(row, "over90"), amount(row, "overdue"), amount(row, "total")))
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal(notDue), new BigDecimal(days1to30), new BigDecimal(days31to60),
					new BigDecimal(days61to90), new BigDecimal(over90), new BigDecimal(overdue), new BigDecimal(total));
	}

}
