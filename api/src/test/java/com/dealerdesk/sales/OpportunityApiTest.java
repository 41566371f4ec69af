package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

class OpportunityApiTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Test
	void defaultPipelineHasTheDealersStages() {
		GraphQlTester.Response response = as(REP).documentName("sales").operationName("pipelines").execute();
		response.path("pipelines[0].isDefault").entity(Boolean.class).isEqualTo(true);
		response.path("pipelines[0].stages[*].name")
			.entityList(String.class)
			.containsExactly("Information collected", "Target confirmed", "First contact", "Meeting",
					"Demo / trial installed", "Negotiation", "Contract signed", "Installation and training", "Paid");
		response.path("lostReasons[*].name").entityList(String.class).contains("Price", "Competitor", "No budget");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDealMovesThroughTheFunnelToWonWithItsHistory() {
		String customerId = customer(REP);
		Map<String, Object> deal = create(REP, Map.of("customerId", customerId, "name", "CAD seats", "amount",
				Map.of("amount", "12000.50", "currency", "eur")));
		assertThat(deal).containsEntry("status", "OPEN");
		assertThat((Map<String, Object>) deal.get("amount")).containsEntry("amount", "12000.50")
			.containsEntry("currency", "EUR");
		assertThat((Map<String, Object>) deal.get("weightedAmount")).containsEntry("amount", "600.03");
		assertThat(((Map<?, ?>) deal.get("stage")).get("name")).isEqualTo("Information collected");

		GraphQlTester.Response negotiation = move(REP, deal, 1, stageId("Negotiation"));
		negotiation.path("moveOpportunity.opportunity.status").entity(String.class).isEqualTo("OPEN");
		GraphQlTester.Response signed = move(REP, deal, 2, stageId("Contract signed"));
		signed.path("moveOpportunity.opportunity.status").entity(String.class).isEqualTo("WON");
		signed.path("moveOpportunity.opportunity.closedAt").hasValue();
		signed.path("moveOpportunity.opportunity.history[*].to.name")
			.entityList(String.class)
			.containsExactly("Information collected", "Negotiation", "Contract signed");
		signed.path("moveOpportunity.opportunity.history[2].from.name").entity(String.class).isEqualTo("Negotiation");
		signed.path("moveOpportunity.opportunity.history[2].changedBy.name").entity(String.class).isEqualTo("Rep");

		move(REP, deal, 2, stageId("Paid")).path("moveOpportunity.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("STALE_VERSION");
		move(REP, deal, 3, stageId("Paid")).path("moveOpportunity.opportunity.status")
			.entity(String.class)
			.isEqualTo("WON");
		assertThat(this.database.sql(
				"select type from outbox_event where payload->>'id' = $1 and type like 'opportunity.%' order by sequence")
			.bind(0, deal.get("id"))
			.map(row -> row.get("type", String.class))
			.all()
			.collectList()
			.block())
			.as("won once, right after the move that won it; a move between winning stages is only a stage change")
			.containsExactly("opportunity.created", "opportunity.stage_changed", "opportunity.stage_changed",
					"opportunity.won", "opportunity.stage_changed");
	}

	@Test
	void linesKeepWhatTheCustomerLookedAtButDidNotBuy() {
		Map<String, Object> deal = create(REP, Map.of("customerId", customer(REP), "name", "Suite"));
		String set = "mutation($input: SetOpportunityLinesInput!) { setOpportunityLines(input: $input) {"
				+ " opportunity { version lines { position product quantity unitPrice { amount currency } bought } }"
				+ " userErrors { field code } } }";
		GraphQlTester.Response response = as(REP).document(set)
			.variable("input",
					Map.of("id", deal.get("id"), "expectedVersion", 1, "lines",
							List.of(Map.of("product", "CAD Pro", "quantity", 5, "unitPrice",
									Map.of("amount", "1200", "currency", "EUR")),
									Map.of("product", "PDM add-on", "quantity", 5, "bought", false))))
			.execute();
		response.path("setOpportunityLines.opportunity.version").entity(Integer.class).isEqualTo(2);
		response.path("setOpportunityLines.opportunity.lines[*].bought")
			.entityList(Boolean.class)
			.containsExactly(true, false);
		response.path("setOpportunityLines.opportunity.lines[0].unitPrice.amount")
			.entity(String.class)
			.isEqualTo("1200.00");
		as(REP).document(set)
			.variable("input",
					Map.of("id", deal.get("id"), "expectedVersion", 2, "lines",
							List.of(Map.of("product", " ", "quantity", 0))))
			.execute()
			.path("setOpportunityLines.userErrors[*].field")
			.entityList(Object.class)
			.hasSize(2);
	}

	@Test
	void aRepCannotTakeOverAColleaguesDealOnASharedCustomer() {
		String customerId = customer(REP);
		as(REP)
			.document(
					"mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { userErrors { code } } }")
			.variable("input",
					Map.of("id", customerId, "expectedVersion", 1, "sharedWithIds",
							List.of(com.dealerdesk.platform.graphql.GlobalId.of("User", REP_OTHER_TEAM.subject()))))
			.execute()
			.path("updateCustomer.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		Map<String, Object> deal = create(REP, Map.of("customerId", customerId, "name", "Not yours"));
		as(REP_OTHER_TEAM).document(
				"mutation($input: UpdateOpportunityInput!) { updateOpportunity(input: $input) { userErrors { field code } } }")
			.variable("input",
					Map.of("id", deal.get("id"), "expectedVersion", 1, "ownerId",
							com.dealerdesk.platform.graphql.GlobalId.of("User", REP_OTHER_TEAM.subject())))
			.execute()
			.path("updateOpportunity.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");
	}

	@Test
	void lostDealsNeedAReasonWhenThePipelineSaysSo() {
		Map<String, Object> deal = create(REP, Map.of("customerId", customer(REP), "name", "Too expensive"));
		as(REP).documentName("sales")
			.operationName("markOpportunityLost")
			.variable("input", Map.of("id", deal.get("id"), "expectedVersion", 1))
			.execute()
			.path("markOpportunityLost.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "lostReasonId");

		GraphQlTester.Response lost = as(REP).documentName("sales")
			.operationName("markOpportunityLost")
			.variable("input",
					Map.of("id", deal.get("id"), "expectedVersion", 1, "lostReasonId", lostReasonId("Price"), "note",
							"20% over budget"))
			.execute();
		lost.path("markOpportunityLost.opportunity.status").entity(String.class).isEqualTo("LOST");
		lost.path("markOpportunityLost.opportunity.lostReason.name").entity(String.class).isEqualTo("Price");
		lost.path("markOpportunityLost.opportunity.history[*].status")
			.entityList(String.class)
			.containsExactly("OPEN", "LOST");

		// moving a lost deal back into an open stage reopens it
		move(REP, deal, 2, stageId("Meeting")).path("moveOpportunity.opportunity.status")
			.entity(String.class)
			.isEqualTo("OPEN");
	}

	@Test
	void refusesBadDealInputWithoutWriting() {
		String customerId = customer(REP);
		String name = unique("Bad deal");
		assertThat(createErrors(REP,
				Map.of("customerId", customerId, "name", name, "amount", Map.of("amount", "-5", "currency", "EUR"))))
			.containsExactly("input.amount.amount=INVALID_VALUE");
		assertThat(createErrors(REP,
				Map.of("customerId", customerId, "name", name, "amount", Map.of("amount", "5", "currency", "XYZ"))))
			.containsExactly("input.amount.currency=INVALID_VALUE");
		assertThat(createErrors(REP,
				Map.of("customerId", customerId, "name", name, "amount", Map.of("amount", "5.001", "currency", "EUR"))))
			.containsExactly("input.amount.amount=INVALID_VALUE");
		assertThat(createErrors(REP,
				Map.of("customerId", customerId, "name", name, "stageId",
						com.dealerdesk.platform.graphql.GlobalId.of("Stage", "00000000-0000-4000-8000-000000000001"))))
			.containsExactly("input.stageId=INVALID_VALUE");
		String partnerBCustomer = customer(PARTNER_B_USER);
		assertThat(createErrors(PARTNER_A_USER, Map.of("customerId", partnerBCustomer, "name", name)))
			.containsExactly("input.customerId=NOT_FOUND");
		assertThat(count("select count(*) from opportunity where name = $1", name)).isZero();

		as(REP).documentName("sales")
			.operationName("createOpportunity")
			.variable("input",
					Map.of("customerId", customerId, "name", name, "amount", Map.of("amount", 12.5, "currency", "EUR")))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void pipelineReportAggregatesOpenDealsInScope() {
		TestUser owner = REP_OTHER_TEAM;
		String customerId = customer(owner);
		String currency = "CHF";
		create(owner, Map.of("customerId", customerId, "name", "A", "amount",
				Map.of("amount", "1000", "currency", currency), "stageId", stageId("Meeting")));
		create(owner, Map.of("customerId", customerId, "name", "B", "amount",
				Map.of("amount", "333.33", "currency", currency), "stageId", stageId("Meeting")));
		create(owner, Map.of("customerId", customerId, "name", "C", "amount",
				Map.of("amount", "500", "currency", currency), "stageId", stageId("Negotiation")));
		create(owner, Map.of("customerId", customerId, "name", "Won, not in the open pipeline", "amount",
				Map.of("amount", "999", "currency", currency), "stageId", stageId("Contract signed")));

		List<Map<String, Object>> rows = report(owner).stream()
			.filter(row -> currency.equals(row.get("currency")))
			.toList();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("count", 2);
		assertThat(new BigDecimal((String) rows.get(0).get("amount"))).isEqualByComparingTo("1333.33");
		// 30% of 1000 + 30% of 333.33 = 300.00 + 100.00 (rounded per deal)
		assertThat(new BigDecimal((String) rows.get(0).get("weightedAmount"))).isEqualByComparingTo("400.00");
		assertThat(new BigDecimal((String) rows.get(1).get("weightedAmount"))).isEqualByComparingTo("350.00");
		assertThat(report(MANAGER).stream().filter(row -> currency.equals(row.get("currency")))).isEmpty();
	}

	@Test
	void pipelineReportSplitsRowsByOwnerOnlyWhenTheSelectionReadsTheOwner() {
		String currency = "NZD";
		String meeting = stageId("Meeting");
		for (TestUser owner : List.of(REP, REP_OTHER_TEAM)) {
			create(owner, Map.of("customerId", customer(owner), "name", "Owner split", "amount",
					Map.of("amount", owner == REP ? "100.10" : "200.20", "currency", currency), "stageId", meeting));
		}

		List<Map<String, Object>> byOwner = meetingRows(
				"{ pipelineReport { stage { id } owner { id } currency count amount weightedAmount } }", currency,
				meeting);
		List<Map<String, Object>> byStage = meetingRows(
				"{ pipelineReport { stage { id } currency count amount weightedAmount } }", currency, meeting);

		assertThat(byOwner).extracting(row -> row.get("owner")).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
		assertThat(byStage).singleElement().satisfies(total -> {
			assertThat(total).containsEntry("count",
					byOwner.stream().mapToInt(row -> (Integer) row.get("count")).sum());
			for (String sum : List.of("amount", "weightedAmount")) {
				assertThat(new BigDecimal((String) total.get(sum))).isEqualByComparingTo(byOwner.stream()
					.map(row -> new BigDecimal((String) row.get(sum)))
					.reduce(BigDecimal::add)
					.get());
			}
		});
	}

	// ---- helpers

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> meetingRows(String query, String currency, String stageId) {
		return ((List<Map<String, Object>>) (List<?>) as(ADMIN).document(query)
			.execute()
			.path("pipelineReport")
			.entityList(Map.class)
			.get())
			.stream()
			.filter(row -> currency.equals(row.get("currency"))
					&& stageId.equals(((Map<String, Object>) row.get("stage")).get("id")))
			.toList();
	}

	private String customer(TestUser owner) {
		return as(owner)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", Map.of("name", unique("Deal customer")))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
	}

	private Map<String, Object> create(TestUser user, Map<String, Object> input) {
		GraphQlTester.Response response = as(user).documentName("sales")
			.operationName("createOpportunity")
			.variable("input", input)
			.execute();
		response.path("createOpportunity.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createOpportunity.opportunity").entity(MAP).get();
	}

	@SuppressWarnings("unchecked")
	private List<String> createErrors(TestUser user, Map<String, Object> input) {
		GraphQlTester.Response response = as(user).documentName("sales")
			.operationName("createOpportunity")
			.variable("input", input)
			.execute();
		response.path("createOpportunity.opportunity").valueIsNull();
		List<Map<String, Object>> errors = (List<Map<String, Object>>) (List<?>) response
			.path("createOpportunity.userErrors")
			.entityList(Map.class)
			.get();
		List<String> codes = new ArrayList<>();
		errors
			.forEach(error -> codes.add(String.join(".", (List<String>) error.get("field")) + "=" + error.get("code")));
		return codes;
	}

	private GraphQlTester.Response move(TestUser user, Map<String, Object> deal, int version, String stageId) {
		return as(user).documentName("sales")
			.operationName("moveOpportunity")
			.variable("input", Map.of("id", deal.get("id"), "expectedVersion", version, "stageId", stageId))
			.execute();
	}

	private String stageId(String name) {
		return as(REP).documentName("sales")
			.operationName("pipelines")
			.execute()
			.path("pipelines[0].stages[?(@.name == '" + name + "')].id")
			.entityList(String.class)
			.get()
			.get(0);
	}

	private String lostReasonId(String name) {
		return as(REP).documentName("sales")
			.operationName("pipelines")
			.execute()
			.path("lostReasons[?(@.name == '" + name + "')].id")
			.entityList(String.class)
			.get()
			.get(0);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> report(TestUser user) {
		return (List<Map<String, Object>>) (List<?>) as(user).documentName("sales")
			.operationName("pipelineReport")
			.execute()
			.path("pipelineReport")
			.entityList(Map.class)
			.get();
	}

}
