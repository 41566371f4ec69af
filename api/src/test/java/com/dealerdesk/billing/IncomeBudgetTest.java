package com.dealerdesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.billing.BillingApiFixtures.customer;
import static com.dealerdesk.billing.BillingApiFixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The income budget: open planned amounts by month, the weighted pipeline (each deal
 * rounded once to the currency's minor unit), receipts, the caller's scope and the
 * period's limits. Its months lie over a year ahead, where no other test has money.
 */
class IncomeBudgetTest extends ApiTest {

	private static final String BUDGET = """
			query($from: Date!, $to: Date!, $currency: String!) {
			  incomeBudget(from: $from, to: $to, currency: $currency) {
			    month planned { amount currency } weightedPipeline { amount } expected { amount } received { amount }
			  }
			}""";

	/** "Demo / trial installed" of the default pipeline: 50%. */
	private static final String HALF_WAY = GlobalId.of("Stage",
			UUID.fromString("5a1e0000-0000-4000-8000-000000000105"));

	@Test
	void plansMonthsFromOpenPlannedPaymentsTheWeightedPipelineAndReceipts() {
		LocalDate month = LocalDate.now(this.clock).plusMonths(14).withDayOfMonth(1);
		BillingRows rows = new BillingRows(this.database);
		BillingApiFixtures api = new BillingApiFixtures(as(TestPeople.ADMIN), as(TestPeople.ACCOUNTANT));
		String customer = customer(as(TestPeople.REP), "Budgeted");
		UUID order = api.orderId(customer);
		rows.plannedPayment(rows.plan(uuid(customer), order, "JPY", "SUPERSEDED", 1), 1, "70000", month);
		UUID plan = rows.plan(uuid(customer), order, "JPY", "ACTIVE", 2);
		UUID partlyPaid = rows.plannedPayment(plan, 1, "10000", month.plusDays(3));
		rows.plannedPayment(plan, 2, "999", month.plusMonths(1).plusDays(2));
		rows.writeOff(rows.plannedPayment(plan, 3, "5000", month.plusDays(9)));
		rows.allocate(rows.payment(uuid(customer), "RECEIPT", "JPY", "2500", month.plusDays(5)), partlyPaid, null,
				"2500");
		// 500.5 twice: each rounded once to 501, as the forecast report does: 1002
		deal(customer, "1001", "JPY", month.plusDays(20));
		deal(customer, "1001", "JPY", month.plusDays(21));
		// 0.5005 three times: each rounded once to 0.501: 1.503 (not 1.5015 rounded)
		for (int i = 0; i < 3; i++) {
			deal(customer, "1.001", "KWD", month.plusDays(i));
		}

		List<Map<String, Object>> budget = budget(TestPeople.REP, month.plusDays(10), month.plusMonths(1), "jpy");

		assertThat(budget).extracting(m -> m.get("month"))
			.containsExactly(month.toString(), month.plusMonths(1).toString());
		assertMonth(budget.get(0), "JPY", "7500", "1002", "8502", "2500");
		assertMonth(budget.get(1), "JPY", "999", "0", "999", "0");
		assertMonth(budget(TestPeople.MANAGER, month, month, "JPY").get(0), "JPY", "7500", "1002", "8502", "2500");
		assertMonth(budget(TestPeople.REP, month, month, "KWD").get(0), "KWD", "0.000", "1.503", "1.503", "0.000");
		// another team's rep sees none of it
		assertMonth(budget(TestPeople.REP_OTHER_TEAM, month, month, "JPY").get(0), "JPY", "0", "0", "0", "0");
		assertMonth(budget(TestPeople.PARTNER_A_USER, month, month, "KWD").get(0), "KWD", "0.000", "0.000", "0.000",
				"0.000");
	}

	@Test
	void refusesMoreThan24MonthsAPeriodBackwardsAndUnknownCurrencies() {
		assertThat(error("2026-01-01", "2027-12-31", "EUR")).isNull();
		assertThat(error("2026-01-01", "2028-01-01", "EUR")).isEqualTo("INVALID_PERIOD");
		assertThat(error("2026-03-01", "2026-02-28", "EUR")).isEqualTo("INVALID_PERIOD");
		assertThat(error("2026-01-01", "2026-02-01", "EURO")).isEqualTo("INVALID_CURRENCY");
	}

	private String error(String from, String to, String currency) {
		GraphQlTester.Response response = as(TestPeople.REP).document(BUDGET)
			.variable("from", from)
			.variable("to", to)
			.variable("currency", currency)
			.execute();
		List<String> codes = new java.util.ArrayList<>();
		response.errors().satisfy(errors -> errors.forEach(e -> codes.add((String) e.getExtensions().get("code"))));
		return codes.isEmpty() ? null : codes.get(0);
	}

	private void deal(String customer, String amount, String currency, LocalDate closes) {
		as(TestPeople.REP).document("""
				mutation($input: CreateOpportunityInput!) {
				  createOpportunity(input: $input) { userErrors { field code } }
				}""")
			.variable("input",
					Map.of("customerId", customer, "name", unique("Deal"), "stageId", HALF_WAY, "amount",
							Map.of("amount", amount, "currency", currency), "expectedCloseDate", closes.toString()))
			.execute()
			.path("createOpportunity.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private List<Map<String, Object>> budget(TestUser caller, LocalDate from, LocalDate to, String currency) {
		return as(caller).document(BUDGET)
			.variable("from", from.toString())
			.variable("to", to.toString())
			.variable("currency", currency)
			.execute()
			.path("incomeBudget")
			.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.get();
	}

	private static void assertMonth(Map<String, Object> month, String currency, String planned, String weighted,
			String expected, String received) {
		assertThat(((Map<?, ?>) month.get("planned")).get("currency")).isEqualTo(currency);
		assertThat(List.of(month.get("planned"), month.get("weightedPipeline"), month.get("expected"),
				month.get("received")))
			.extracting(money -> (Object) ((Map<?, ?>) money).get("amount"))
			.containsExactly((Object) planned, weighted, expected, received);
	}

}
