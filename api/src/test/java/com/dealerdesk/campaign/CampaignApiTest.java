package com.dealerdesk.campaign;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

class CampaignApiTest extends ApiTest {

	private static final String CREATE = """
			mutation($input: CreateCampaignInput!) {
			  createCampaign(input: $input) {
			    campaign { id name kind startsOn endsOn cost { amount currency } version }
			    userErrors { field code }
			  }
			}""";

	@Test
	void attributesLeadsAndDealsAndComputesTheReturn() {
		String campaignId = as(MANAGER).document(CREATE)
			.variable("input",
					Map.of("name", unique("Autumn promo"), "kind", "PRICE_PROMOTION", "startsOn", "2026-10-01",
							"endsOn", "2026-11-30", "cost", Map.of("amount", "2000", "currency", "EUR")))
			.execute()
			.path("createCampaign.campaign.id")
			.entity(String.class)
			.get();

		String customerId = as(REP)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {"
					+ " customer { id sourceCampaign { id } } userErrors { code } } }")
			.variable("input", Map.of("name", unique("Lead from promo"), "sourceCampaignId", campaignId))
			.execute()
			.path("createCustomer.customer.sourceCampaign.id")
			.entity(String.class)
			.isEqualTo(campaignId)
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
		String createDeal = "mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {"
				+ " opportunity { id campaign { name } } userErrors { field code } } }";
		String won = as(REP).documentName("sales")
			.operationName("pipelines")
			.execute()
			.path("pipelines[0].stages[?(@.name == 'Contract signed')].id")
			.entityList(String.class)
			.get()
			.get(0);
		as(REP).document(createDeal)
			.variable("input",
					Map.of("customerId", customerId, "name", "Won", "campaignId", campaignId, "stageId", won, "amount",
							Map.of("amount", "5000", "currency", "EUR")))
			.execute()
			.path("createOpportunity.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		as(REP).document(createDeal)
			.variable("input",
					Map.of("customerId", customerId, "name", "Open", "campaignId", campaignId, "amount",
							Map.of("amount", "700", "currency", "EUR")))
			.execute()
			.path("createOpportunity.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		GraphQlTester.Response report = as(REP)
			.document("{ campaignReport { campaign { id } leads opportunities won wonAmounts { amount currency }"
					+ " receivedAmounts { amount } returnOnCost } }")
			.execute();
		String row = "campaignReport[?(@.campaign.id == '" + campaignId + "')]";
		report.path(row + ".leads").entityList(Integer.class).containsExactly(1);
		report.path(row + ".opportunities").entityList(Integer.class).containsExactly(2);
		report.path(row + ".won").entityList(Integer.class).containsExactly(1);
		report.path(row + ".wonAmounts[*].amount").entityList(String.class).containsExactly("5000.00");
		// the return is on money received (billing's CampaignReceiptsTest), and none was
		report.path(row + ".receivedAmounts[*]").entityList(Object.class).hasSize(0);
		report.path(row + ".returnOnCost").entityList(Double.class).containsExactly(0.0);
	}

	@Test
	void onlyPlannersCreateCampaignsAndBadInputIsRefused() {
		String name = unique("Refused");
		assertThat(errors(REP, Map.of("name", name, "kind", "WEBINAR"))).containsExactly("=NOT_ALLOWED");
		assertThat(errors(PARTNER_A_USER, Map.of("name", name, "kind", "WEBINAR"))).containsExactly("=NOT_ALLOWED");
		assertThat(errors(MANAGER,
				Map.of("name", name, "kind", "WEBINAR", "startsOn", "2026-05-02", "endsOn", "2026-05-01")))
			.containsExactly("input.endsOn=INVALID_VALUE");
		assertThat(errors(MANAGER,
				Map.of("name", name, "kind", "WEBINAR", "cost", Map.of("amount", "-1", "currency", "EUR"))))
			.containsExactly("input.cost.amount=INVALID_VALUE");
		assertThat(count("select count(*) from campaign where name = $1", name)).isZero();

		String planned = as(MANAGER).document(CREATE)
			.variable("input", Map.of("name", unique("Planned"), "kind", "WEBINAR", "startsOn", "2026-05-01"))
			.execute()
			.path("createCampaign.campaign.id")
			.entity(String.class)
			.get();
		as(MANAGER).document(
				"mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { userErrors { field code } } }")
			.variable("input", Map.of("id", planned, "expectedVersion", 1, "endsOn", "2026-04-01"))
			.execute()
			.path("updateCampaign.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "endsOn");

		as(PARTNER_A_USER).document("{ campaigns { id } }")
			.execute()
			.path("campaigns")
			.entityList(Object.class)
			.hasSize(0);
		as(REP).document(
				"mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { userErrors { field code } } }")
			.variable("input", Map.of("name", name, "sourceCampaignId", GlobalId.of("Campaign", UUID.randomUUID())))
			.execute()
			.path("createCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		assertThat(count("select count(*) from customer where name = $1", name)).isZero();
	}

	@SuppressWarnings("unchecked")
	private List<String> errors(TestUser user, Map<String, Object> input) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) (List<?>) as(user).document(CREATE)
			.variable("input", input)
			.execute()
			.path("createCampaign.userErrors")
			.entityList(Map.class)
			.get();
		return errors.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

}
