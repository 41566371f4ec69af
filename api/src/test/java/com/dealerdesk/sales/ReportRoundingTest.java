package com.dealerdesk.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report amounts in currencies with 0, 2 and 3 decimals: each deal's weighted amount is
 * rounded once, to its currency's minor unit (as {@code Opportunity.weightedAmount} is),
 * and the rounded amounts are summed. A rep of their own sees only these deals.
 */
class ReportRoundingTest extends ApiTest {

	/** Per currency: deals, their amount, and 5 % of each deal rounded, then summed. */
	private static final List<Map<String, Object>> EXPECTED = List.of(row("EUR", 2, "2000.20", "100.02"),
			row("JPY", 2, "2020", "102"), row("KWD", 1, "0.246", "0.012"));

	private TestUser rep;

	@BeforeEach
	void aRepWithNoOtherDeals() {
		this.rep = TestUser.of("t-rounding-" + UUID.randomUUID().toString().substring(0, 8), "sales_rep");
		this.database.sql("insert into app_user (id, name) values ($1, $1)").bind(0, this.rep.subject()).then().block();
		String customer = OrderFixtures.customer(as(this.rep), unique("Rounding customer"));
		// "Information collected", the default first stage, weighs 5 %
		deal(customer, "1010", "JPY");
		deal(customer, "1010", "JPY");
		deal(customer, "0.246", "KWD");
		deal(customer, "1000.10", "EUR");
		deal(customer, "1000.10", "EUR");
	}

	@Test
	void thePipelineReportRoundsEachDealToItsCurrencysMinorUnit() {
		List<Map<String, Object>> rows = rows("{ pipelineReport { currency count amount weightedAmount } }",
				"pipelineReport", Map.of());

		assertThat(rows).containsExactlyInAnyOrderElementsOf(EXPECTED);
	}

	@Test
	void theForecastRoundsEachDealToItsCurrencysMinorUnit() {
		List<Map<String, Object>> rows = rows("{ forecastReport(months: 1) { currency count amount weightedAmount } }",
				"forecastReport", Map.of());

		assertThat(rows).containsExactlyInAnyOrderElementsOf(EXPECTED);
	}

	private void deal(String customer, String amount, String currency) {
		as(this.rep).documentName("sales")
			.operationName("createOpportunity")
			.variable("input",
					Map.of("customerId", customer, "name", "Deal in " + currency, "amount",
							Map.of("amount", amount, "currency", currency), "expectedCloseDate",
							LocalDate.now(this.clock).toString()))
			.execute()
			.path("createOpportunity.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> rows(String query, String field, Map<String, Object> variables) {
		return (List<Map<String, Object>>) (List<?>) as(this.rep).document(query)
			.variables(variables)
			.execute()
			.path(field)
			.entityList(Map.class)
			.get();
	}

	private static Map<String, Object> row(String currency, int count, String amount, String weighted) {
		return Map.of("currency", currency, "count", count, "amount", amount, "weightedAmount", weighted);
	}

}
