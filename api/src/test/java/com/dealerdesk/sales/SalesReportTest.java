package com.dealerdesk.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reports against a hand-computed fixture: four deals of a rep nobody else's deals
 * reach.
 */
class SalesReportTest extends ApiTest {

	@Test
	void funnelWinLossDurationsAndForecastMatchTheFixture() {
		TestUser rep = TestUser.of("t-rep-" + UUID.randomUUID(), "sales_rep");
		this.database.sql("insert into app_user (id, name) values ($1, 'Report rep')")
			.bind(0, rep.subject())
			.then()
			.block();
		String customer = as(rep)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", Map.of("name", unique("Report customer")))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
		LocalDate today = LocalDate.now(this.clock);

		String d1 = create(rep, Map.of("customerId", customer, "name", "won"));
		move(rep, d1, 1, 4);
		move(rep, d1, 2, 7);
		String d2 = create(rep, Map.of("customerId", customer, "name", "lost on price"));
		move(rep, d2, 1, 4);
		lose(rep, d2, 2, "Price");
		String d3 = create(rep, Map.of("customerId", customer, "name", "lost to competitor"));
		lose(rep, d3, 1, "Competitor");
		String d4 = create(rep, Map.of("customerId", customer, "name", "open", "amount",
				Map.of("amount", "1000", "currency", "EUR"), "expectedCloseDate", inTheForecast(today)));
		move(rep, d4, 1, 2);

		GraphQlTester.Response reports = as(rep).documentName("sales")
			.operationName("reports")
			.variable("from", today.minusDays(1).toString())
			.variable("to", today.plusDays(1).toString())
			.execute();

		reports.path("funnelReport[*].reached").entityList(Integer.class).containsExactly(4, 3, 2, 2, 1, 1, 1, 0, 0);
		List<Double> conversions = reports.path("funnelReport[*].conversionToNext").entityList(Double.class).get();
		assertThat(conversions.get(0)).isCloseTo(0.75, within(1e-9));
		assertThat(conversions.get(1)).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(conversions.get(3)).isCloseTo(0.5, within(1e-9));
		assertThat(conversions.get(6)).isCloseTo(0.0, within(1e-9));

		reports.path("winLossReport.won").entity(Integer.class).isEqualTo(1);
		reports.path("winLossReport.lost").entity(Integer.class).isEqualTo(2);
		reports.path("winLossReport.winRate")
			.entity(Double.class)
			.satisfies(rate -> assertThat(rate).isCloseTo(1.0 / 3, within(1e-9)));
		assertThat(reports.path("winLossReport.lostReasons[*].reason.name").entityList(String.class).get())
			.containsExactlyInAnyOrder("Price", "Competitor");

		reports.path("stageDurationReport[?(@.stage.position == 1)].stays")
			.entityList(Integer.class)
			.containsExactly(4);
		reports.path("stageDurationReport[?(@.stage.position == 2)].stays")
			.entityList(Integer.class)
			.containsExactly(1);
		reports.path("stageDurationReport[?(@.stage.position == 4)].stays")
			.entityList(Integer.class)
			.containsExactly(2);

		reports.path("forecastReport").entityList(Map.class).hasSize(1);
		reports.path("forecastReport[0].count").entity(Integer.class).isEqualTo(1);
		reports.path("forecastReport[0].amount").entity(String.class).satisfies(a -> assertThat(a).startsWith("1000"));
		reports.path("forecastReport[0].weightedAmount").entity(String.class).isEqualTo("100.00");
	}

	@Test
	void partnersSeeOnlyTheirOwnDealsInEveryReport() {
		TestUser partnerA = com.dealerdesk.support.TestPeople.PARTNER_A_USER;
		TestUser partnerB = com.dealerdesk.support.TestPeople.PARTNER_B_USER;
		String currency = "SEK";
		LocalDate today = LocalDate.now(this.clock);
		for (TestUser partner : List.of(partnerA, partnerB)) {
			String customer = as(partner)
				.document(
						"mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
				.variable("input", Map.of("name", unique("Partner report customer")))
				.execute()
				.path("createCustomer.customer.id")
				.entity(String.class)
				.get();
			create(partner,
					Map.of("customerId", customer, "name", "Partner deal", "amount",
							Map.of("amount", partner == partnerA ? "100" : "900", "currency", currency),
							"expectedCloseDate", inTheForecast(today)));
		}
		GraphQlTester.Response reports = as(partnerA).documentName("sales")
			.operationName("reports")
			.variable("from", today.minusDays(1).toString())
			.variable("to", today.plusDays(1).toString())
			.execute();
		reports.path("forecastReport[?(@.currency == 'SEK')].amount")
			.entityList(String.class)
			.containsExactly("100.00");
		assertThat(as(partnerA).documentName("sales")
			.operationName("pipelineReport")
			.execute()
			.path("pipelineReport[?(@.currency == 'SEK')].amount")
			.entityList(String.class)
			.get()).containsExactly("100.00");
		reports.path("funnelReport[0].reached")
			.entity(Integer.class)
			.satisfies(reached -> assertThat(reached).isPositive());
		assertThat(as(partnerB).documentName("sales")
			.operationName("reports")
			.variable("from", today)
			.variable("to", today)
			.execute()
			.path("forecastReport[?(@.currency == 'SEK')].amount")
			.entityList(String.class)
			.get()).containsExactly("900.00");
	}

	@Test
	void refusesAnInvertedOrOverlongPeriod() {
		for (String[] period : new String[][] { { "2026-05-01", "2026-04-01" }, { "2020-01-01", "2026-01-01" } }) {
			as(TestUser.of("t-rep", "sales_rep"))
				.document("query($from: Date!, $to: Date!) { winLossReport(from: $from, to: $to) { won } }")
				.variable("from", period[0])
				.variable("to", period[1])
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_PERIOD")));
		}
	}

	private String create(TestUser rep, Map<String, Object> input) {
		GraphQlTester.Response response = as(rep).documentName("sales")
			.operationName("createOpportunity")
			.variable("input", input)
			.execute();
		response.path("createOpportunity.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createOpportunity.opportunity.id").entity(String.class).get();
	}

	private void move(TestUser rep, String id, int version, int position) {
		String stageId = as(rep).documentName("sales")
			.operationName("pipelines")
			.execute()
			.path("pipelines[0].stages[?(@.position == " + position + ")].id")
			.entityList(String.class)
			.get()
			.get(0);
		as(rep).documentName("sales")
			.operationName("moveOpportunity")
			.variable("input", Map.of("id", id, "expectedVersion", version, "stageId", stageId))
			.execute()
			.path("moveOpportunity.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private void lose(TestUser rep, String id, int version, String reason) {
		String reasonId = as(rep).documentName("sales")
			.operationName("pipelines")
			.execute()
			.path("lostReasons[?(@.name == '" + reason + "')].id")
			.entityList(String.class)
			.get()
			.get(0);
		as(rep).documentName("sales")
			.operationName("markOpportunityLost")
			.variable("input", Map.of("id", id, "expectedVersion", version, "lostReasonId", reasonId))
			.execute()
			.path("markOpportunityLost.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/**
	 * A close date inside the three-month forecast whether the server's today is the
	 * test's or, past midnight, the next day.
	 */
	private static String inTheForecast(LocalDate today) {
		return today.plusMonths(1).withDayOfMonth(15).toString();
	}

}
