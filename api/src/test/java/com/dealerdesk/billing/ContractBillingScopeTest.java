package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.PROJECT_MANAGER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static com.dealerdesk.support.TestPeople.REP_SAME_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which contracts and money, in every contract and billing list and report. Two
 * reps of one team, a rep of another team and the users of two partners each own a
 * customer with a contract, a task, a payment plan (half overdue, half due this week) and
 * a payment; a rep, their manager, a partner's user and a project manager then read every
 * list and report, and each sees exactly the customers in their scope. A partner can
 * neither read nor change another partner's contract, plan, planned payment or payment.
 * Amounts are weighted by owner (1, 2, 4, 8, 16), so every total tells whose rows it
 * holds.
 */
class ContractBillingScopeTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final String VISIBLE = """
			query($customers: [ID!]!, $contracts: [ID!]!, $plans: [ID!]!, $planned: [ID!]!, $payments: [ID!]!) {
			  customers: nodes(ids: $customers) {
			    ... on Customer { id contracts(first: 10) { edges { node { id } } } payments(first: 10) { edges { node { id } } } }
			  }
			  contracts: nodes(ids: $contracts) { ... on Contract { id paymentPlan { id plannedPayments { id } } } }
			  plans: nodes(ids: $plans) { ... on PaymentPlan { id } }
			  planned: nodes(ids: $planned) { ... on PlannedPayment { id } }
			  payments: nodes(ids: $payments) { ... on Payment { id } }
			}""";

	private static final String REPORTS = """
			query($search: String!, $asOf: Date!, $workDay: Date!, $from: Date!, $to: Date!, $currency: String!) {
			  contracts(search: $search, first: 50) { edges { node { id } } }
			  plannedWork(from: $workDay, to: $workDay) { person { id } plannedHours tasks }
			  collections(asOf: $asOf) {
			    dueThisWeek { customer { id } open { currency } }
			    totals { ...Row } byCustomer { ...Row } byOwner { ...Row } byPartner { ...Row }
			    receivedByMonth { amount { amount currency } }
			  }
			  incomeBudget(from: $from, to: $to, currency: $currency) { planned { amount } received { amount } }
			}
			fragment Row on AgeingRow {
			  customer { id } owner { id } partner { name } currency notDue { amount } overdue { amount }
			}""";

	private static final String STATEMENT = """
			query($customerId: ID!, $from: Date!, $to: Date!, $currency: String!) {
			  customerStatement(customerId: $customerId, from: $from, to: $to, currency: $currency) {
			    customer { id } received { amount }
			  }
			}""";

	/** Only this test reads and writes money in it, so the totals hold only its rows. */
	private static final String CURRENCY = "PLN";

	/** A Monday that only this test plans work on. */
	private static final LocalDate WORK_DAY = LocalDate.of(2043, 6, 1);

	@Test
	void everyContractAndBillingListAndReportShowsExactlyTheCallersCustomers() {
		String tag = unique("Scoped").replace(' ', '-');
		Map<TestUser, Owned> world = new LinkedHashMap<>();
		int weight = 1;
		for (TestUser owner : List.of(REP, REP_SAME_TEAM, REP_OTHER_TEAM, PARTNER_A_USER, PARTNER_B_USER)) {
			world.put(owner, owned(owner, tag, weight, CURRENCY, WORK_DAY));
			weight *= 2;
		}

		// the partners in byPartner: null for the vendor's own customers
		assertSeesExactly(REP, world, List.of(REP), Arrays.asList((String) null));
		assertSeesExactly(MANAGER, world, List.of(REP, REP_SAME_TEAM), Arrays.asList((String) null));
		assertSeesExactly(PARTNER_A_USER, world, List.of(PARTNER_A_USER), List.of("Partner A"));
		assertSeesExactly(PROJECT_MANAGER, world,
				List.of(REP, REP_SAME_TEAM, REP_OTHER_TEAM, PARTNER_A_USER, PARTNER_B_USER),
				Arrays.asList(null, "Partner A", "Partner B"));
	}

	@Test
	void aPartnerCanNeitherReadNorChangeAnotherPartnersContractPlanOrPayment() {
		String tag = unique("Theirs").replace(' ', '-');
		Owned theirs = owned(PARTNER_B_USER, tag, 1, "CZK", WORK_DAY.plusYears(1));
		Owned mine = owned(PARTNER_A_USER, tag, 2, "CZK", WORK_DAY.plusYears(1));
		Map<String, Object> before = state(theirs);

		// reads: absent, not forbidden
		Map<String, Object> seen = visible(PARTNER_A_USER, List.of(theirs, mine));
		assertThat(ids(seen, "customers")).containsExactly(null, mine.customer());
		assertThat(ids(seen, "contracts")).containsExactly(null, mine.contract());
		assertThat(ids(seen, "plans")).containsExactly(null, mine.plan());
		assertThat(ids(seen, "planned")).containsExactly(null, mine.planned().get(0));
		assertThat(ids(seen, "payments")).containsExactly(null, mine.payment());
		assertThat(as(PARTNER_A_USER)
			.document("query($id: ID!) { contracts(customerId: $id) { edges { node { id } } } "
					+ "payments(customerId: $id) { edges { node { id } } } }")
			.variable("id", theirs.customer())
			.execute()
			.path("")
			.entity(MAP)
			.get()).isEqualTo(Map.of("contracts", Map.of("edges", List.of()), "payments", Map.of("edges", List.of())));

		// writes: NOT_FOUND, as for a contract or plan that does not exist
		LocalDate today = LocalDate.now(this.clock);
		assertCodes(PARTNER_A_USER, "updateContract", "UpdateContractInput", "contract { id }",
				Map.of("id", theirs.contract(), "expectedVersion", 1, "title", "Hijacked"), "NOT_FOUND");
		assertCodes(PARTNER_A_USER, "changeContractStatus", "ChangeContractStatusInput", "contract { id }",
				Map.of("id", theirs.contract(), "expectedVersion", 1, "status", "TERMINATED", "reason", "Hijacked"),
				"NOT_FOUND");
		assertCodes(PARTNER_A_USER, "deleteContract", "DeleteContractInput", "deletedId",
				Map.of("id", theirs.contract(), "expectedVersion", 1), "NOT_FOUND");
		assertCodes(PARTNER_A_USER, "createContractStage", "CreateContractStageInput", "stage { id }",
				Map.of("contractId", theirs.contract(), "name", "Hijacked"), "NOT_FOUND");
		// a leak would answer CONFLICT here: their contract has an active plan
		assertCodes(PARTNER_A_USER, "createPaymentPlan", "CreatePaymentPlanInput", "paymentPlan { id }", Map
			.of("contractId", theirs.contract(), "terms", List.of(Map.of("kind", "REST", "dueOn", today.toString()))),
				"NOT_FOUND");
		assertCodes(PARTNER_A_USER, "renegotiatePaymentPlan", "RenegotiatePaymentPlanInput", "paymentPlan { id }",
				Map.of("id", theirs.plan(), "expectedVersion", 1, "terms",
						List.of(Map.of("kind", "REST", "dueOn", today.plusYears(5).toString()))),
				"NOT_FOUND");
		assertCodes(PARTNER_A_USER, "writeOffPlannedPayment", "WriteOffPlannedPaymentInput", "paymentPlan { id }",
				Map.of("plannedPaymentId", theirs.planned().get(0), "expectedVersion", 1, "reason", "Hijacked"),
				"NOT_FOUND");
		assertCodes(PARTNER_A_USER, "invoicePlannedPayment", "InvoicePlannedPaymentInput", "invoice { id }",
				Map.of("plannedPaymentId", theirs.planned().get(0)), "NOT_FOUND");
		// money received is the vendor's to record, never a partner's
		assertCodes(PARTNER_A_USER, "allocatePayment", "AllocatePaymentInput", "payment { id }",
				Map.of("paymentId", theirs.payment(), "expectedVersion", 1), "NOT_ALLOWED");
		assertCodes(PARTNER_A_USER, "recordPayment", "RecordPaymentInput", "payment { id }",
				Map.of("idempotencyKey", UUID.randomUUID().toString(), "customerId", theirs.customer(), "amount", "1",
						"currency", "CZK", "receivedOn", today.toString(), "method", "CASH"),
				"NOT_ALLOWED");

		assertThat(state(theirs)).isEqualTo(before);
		assertThat(count("select count(*) from invoice_receivable where customer_id = $1",
				GlobalId.requireUuidOf("Customer", theirs.customer())))
			.isZero();
	}

	// ---- what each caller sees

	@SuppressWarnings("unchecked")
	private void assertSeesExactly(TestUser caller, Map<TestUser, Owned> world, List<TestUser> owners,
			List<String> partners) {
		List<Owned> all = List.copyOf(world.values());
		List<Owned> visible = owners.stream().map(world::get).toList();
		int weights = visible.stream().mapToInt(Owned::weight).sum();

		// by id and per customer: Customer.contracts, Customer.payments,
		// Contract.paymentPlan
		Map<String, Object> seen = visible(caller, all);
		assertThat(ids(seen, "customers")).as("customers of %s", caller.subject())
			.containsExactlyElementsOf(expected(all, visible, Owned::customer));
		assertThat(ids(seen, "contracts")).containsExactlyElementsOf(expected(all, visible, Owned::contract));
		assertThat(ids(seen, "plans")).containsExactlyElementsOf(expected(all, visible, Owned::plan));
		assertThat(ids(seen, "planned")).containsExactlyElementsOf(expected(all, visible, o -> o.planned().get(0)));
		assertThat(ids(seen, "payments")).containsExactlyElementsOf(expected(all, visible, Owned::payment));
		for (Map<String, Object> customer : nodes(seen, "customers")) {
			Owned owned = all.stream().filter(o -> o.customer().equals(customer.get("id"))).findFirst().orElseThrow();
			assertThat(edgeIds(customer.get("contracts"))).containsExactly(owned.contract());
			assertThat(edgeIds(customer.get("payments"))).containsExactly(owned.payment());
		}
		for (Map<String, Object> contract : nodes(seen, "contracts")) {
			Owned owned = all.stream().filter(o -> o.contract().equals(contract.get("id"))).findFirst().orElseThrow();
			Map<?, ?> plan = (Map<?, ?>) contract.get("paymentPlan");
			assertThat(plan.get("id")).isEqualTo(owned.plan());
			assertThat((List<?>) plan.get("plannedPayments")).extracting(p -> id(p))
				.containsExactlyElementsOf(owned.planned());
		}
		// the lists filtered by customer
		for (Owned owned : all) {
			Map<String, Object> lists = as(caller)
				.document("query($id: ID!) { contracts(customerId: $id) { edges { node { id } } } "
						+ "payments(customerId: $id) { edges { node { id } } } }")
				.variable("id", owned.customer())
				.execute()
				.path("")
				.entity(MAP)
				.get();
			boolean mine = visible.contains(owned);
			assertThat(edgeIds(lists.get("contracts"))).isEqualTo(mine ? List.of(owned.contract()) : List.of());
			assertThat(edgeIds(lists.get("payments"))).isEqualTo(mine ? List.of(owned.payment()) : List.of());
		}

		// the reports
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> reports = as(caller).document(REPORTS)
			.variable("search", all.get(0).tag())
			.variable("asOf", today.toString())
			.variable("workDay", all.get(0).workDay().toString())
			.variable("from", today.minusDays(5).toString())
			.variable("to", today.plusDays(3).toString())
			.variable("currency", CURRENCY)
			.execute()
			.path("")
			.entity(MAP)
			.get();
		assertThat(edgeIds(reports.get("contracts")))
			.containsExactlyInAnyOrderElementsOf(visible.stream().map(Owned::contract).toList());
		assertThat(list(reports, "plannedWork"))
			.extracting(row -> ((Map<?, ?>) row.get("person")).get("id") + " "
					+ new BigDecimal((String) row.get("plannedHours")).stripTrailingZeros().toPlainString() + " "
					+ row.get("tasks"))
			.containsExactlyInAnyOrderElementsOf(visible.stream()
				.map(o -> GlobalId.of("User", o.owner().subject()) + " " + o.weight() + " 1")
				.toList());

		Map<String, Object> collections = (Map<String, Object>) reports.get("collections");
		assertThat(rowsIn(collections, "dueThisWeek", "open")).extracting(row -> id(row.get("customer")))
			.containsExactlyInAnyOrderElementsOf(visible.stream().map(Owned::customer).toList());
		assertThat(rowsIn(collections, "byCustomer", null)).extracting(row -> id(row.get("customer")))
			.containsExactlyInAnyOrderElementsOf(visible.stream().map(Owned::customer).toList());
		assertThat(rowsIn(collections, "byOwner", null)).extracting(row -> id(row.get("owner")))
			.containsExactlyInAnyOrderElementsOf(
					visible.stream().map(o -> GlobalId.of("User", o.owner().subject())).toList());
		assertThat(rowsIn(collections, "byPartner", null))
			.extracting(
					row -> row.get("partner") == null ? null : (String) ((Map<?, ?>) row.get("partner")).get("name"))
			.containsExactlyInAnyOrderElementsOf(partners);
		// half of each plan is overdue less the payment, the rest falls due this week
		Map<String, Object> totals = only(rowsIn(collections, "totals", null));
		assertThat(amount(totals.get("overdue"))).isEqualByComparingTo(BigDecimal.valueOf(49L * weights));
		assertThat(amount(totals.get("notDue"))).isEqualByComparingTo(BigDecimal.valueOf(50L * weights));
		assertThat(rowsIn(collections, "receivedByMonth", "amount").stream()
			.map(row -> amount(row.get("amount")))
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(BigDecimal.valueOf(weights));

		List<Map<String, Object>> budget = list(reports, "incomeBudget");
		assertThat(budget.stream().map(month -> amount(month.get("planned"))).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(BigDecimal.valueOf(99L * weights));
		assertThat(budget.stream().map(month -> amount(month.get("received"))).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(BigDecimal.valueOf(weights));

		for (Owned owned : all) {
			GraphQlTester.Path statement = as(caller).document(STATEMENT)
				.variable("customerId", owned.customer())
				.variable("from", today.minusDays(30).toString())
				.variable("to", today.toString())
				.variable("currency", CURRENCY)
				.execute()
				.path("customerStatement");
			if (visible.contains(owned)) {
				assertThat(amount(statement.entity(MAP).get().get("received")))
					.isEqualByComparingTo(BigDecimal.valueOf(owned.weight()));
			}
			else {
				statement.valueIsNull();
			}
		}
	}

	private Map<String, Object> visible(TestUser caller, List<Owned> owned) {
		return as(caller).document(VISIBLE)
			.variable("customers", owned.stream().map(Owned::customer).toList())
			.variable("contracts", owned.stream().map(Owned::contract).toList())
			.variable("plans", owned.stream().map(Owned::plan).toList())
			.variable("planned", owned.stream().map(o -> o.planned().get(0)).toList())
			.variable("payments", owned.stream().map(Owned::payment).toList())
			.execute()
			.path("")
			.entity(MAP)
			.get();
	}

	// ---- what each owner has

	/**
	 * A customer of the owner (their own, or their partner's) with a contract of
	 * {@code 100 × weight}, a one-day task of {@code weight} hours assigned to the owner,
	 * a payment plan of half due five days ago and the rest in three days, and
	 * {@code weight} received (by the accountant) against the overdue half.
	 */
	private Owned owned(TestUser owner, String tag, int weight, String currency, LocalDate workDay) {
		LocalDate today = LocalDate.now(this.clock);
		String customer = OrderFixtures.customer(as(owner), unique("Scoped customer"));
		String contract = (String) mutate(owner, "createContract", "CreateContractInput", "contract { id }",
				Map.of("customerId", customer, "title", tag + " contract", "currency", currency, "total",
						String.valueOf(100 * weight)))
			.get("contract")
			.get("id");
		String stage = (String) mutate(owner, "createContractStage", "CreateContractStageInput", "stage { id }",
				Map.of("contractId", contract, "name", "Stage"))
			.get("stage")
			.get("id");
		String work = (String) mutate(owner, "createContractWork", "CreateContractWorkInput", "work { id }",
				Map.of("stageId", stage, "name", "Work"))
			.get("work")
			.get("id");
		mutate(owner, "createTask", "CreateTaskInput", "task { id }",
				Map.of("workId", work, "name", "Task", "startOn", workDay.toString(), "endOn", workDay.toString(),
						"assigneeId", owner.subject(), "plannedHours", String.valueOf(weight)));
		Map<String, Object> plan = mutate(owner, "createPaymentPlan", "CreatePaymentPlanInput",
				"paymentPlan { id plannedPayments { id } }",
				Map.of("contractId", contract, "terms",
						List.of(Map.of("kind", "PART", "percent", "50", "dueOn", today.minusDays(5).toString()),
								Map.of("kind", "REST", "dueOn", today.plusDays(3).toString()))))
			.get("paymentPlan");
		String payment = (String) mutate(ACCOUNTANT, "recordPayment", "RecordPaymentInput", "payment { id }",
				Map.of("idempotencyKey", UUID.randomUUID().toString(), "customerId", customer, "amount",
						String.valueOf(weight), "currency", currency, "receivedOn", today.toString(), "method",
						"BANK_TRANSFER"))
			.get("payment")
			.get("id");
		List<String> planned = ((List<?>) plan.get("plannedPayments")).stream()
			.map(p -> (String) ((Map<?, ?>) p).get("id"))
			.toList();
		return new Owned(owner, tag, weight, workDay, customer, contract, (String) plan.get("id"), planned, payment);
	}

	private record Owned(TestUser owner, String tag, int weight, LocalDate workDay, String customer, String contract,
			String plan, List<String> planned, String payment) {

	}

	/** What a partner's attempts must leave as it was: versions, paid and written-off. */
	private Map<String, Object> state(Owned owned) {
		return as(ACCOUNTANT).document("""
				query($contract: ID!, $plan: ID!) {
				  contract(id: $contract) { version title status stages { id } }
				  paymentPlan(id: $plan) {
				    version status nextVersion { id }
				    plannedPayments { paid { amount } writeOffReason invoice { id } }
				  }
				}""")
			.variable("contract", owned.contract())
			.variable("plan", owned.plan())
			.execute()
			.path("")
			.entity(MAP)
			.get();
	}

	// ---- helpers

	/** Runs a mutation that must succeed; returns its payload. */
	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> mutate(TestUser user, String mutation, String inputType, String selection,
			Map<String, Object> input) {
		Map<String, Object> payload = send(user, mutation, inputType, selection, input);
		assertThat((List<Object>) payload.get("userErrors")).as(mutation).isEmpty();
		return (Map<String, Map<String, Object>>) (Map<?, ?>) payload;
	}

	/** Runs a mutation that must be refused with the code, for every error it answers. */
	@SuppressWarnings("unchecked")
	private void assertCodes(TestUser user, String mutation, String inputType, String selection,
			Map<String, Object> input, String code) {
		Map<String, Object> payload = send(user, mutation, inputType, selection, input);
		assertThat((List<Map<String, Object>>) payload.get("userErrors")).as(mutation)
			.isNotEmpty()
			.allSatisfy(error -> assertThat(error.get("code")).isEqualTo(code));
	}

	private Map<String, Object> send(TestUser user, String mutation, String inputType, String selection,
			Map<String, Object> input) {
		return as(user)
			.document("mutation($input: %s!) { %s(input: $input) { %s userErrors { field code message } } }"
				.formatted(inputType, mutation, selection))
			.variable("input", input)
			.execute()
			.path(mutation)
			.entity(MAP)
			.get();
	}

	/** The ids of the answered nodes of a list, null where a node is absent. */
	private static List<String> ids(Map<String, Object> answer, String list) {
		List<String> ids = new ArrayList<>();
		for (Object node : (List<?>) answer.get(list)) {
			ids.add(node == null ? null : id(node));
		}
		return ids;
	}

	private static List<String> expected(List<Owned> all, List<Owned> visible, Function<Owned, String> id) {
		List<String> ids = new ArrayList<>();
		for (Owned owned : all) {
			ids.add(visible.contains(owned) ? id.apply(owned) : null);
		}
		return ids;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> nodes(Map<String, Object> answer, String list) {
		return ((List<Map<String, Object>>) answer.get(list)).stream().filter(Objects::nonNull).toList();
	}

	private static List<String> edgeIds(Object connection) {
		return ((List<?>) ((Map<?, ?>) connection).get("edges")).stream()
			.map(edge -> id(((Map<?, ?>) edge).get("node")))
			.toList();
	}

	private static String id(Object node) {
		return node == null ? null : (String) ((Map<?, ?>) node).get("id");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> answer, String field) {
		return (List<Map<String, Object>>) answer.get(field);
	}

	/**
	 * The rows of a collections list in this test's currency, read from the row's
	 * {@code currency} or from its money field.
	 */
	private static List<Map<String, Object>> rowsIn(Map<String, Object> collections, String list, String moneyField) {
		return list(collections, list).stream()
			.filter(row -> CURRENCY
				.equals(moneyField == null ? row.get("currency") : ((Map<?, ?>) row.get(moneyField)).get("currency")))
			.toList();
	}

	private static Map<String, Object> only(List<Map<String, Object>> rows) {
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private static BigDecimal amount(Object money) {
		return new BigDecimal((String) ((Map<?, ?>) money).get("amount"));
	}

}
