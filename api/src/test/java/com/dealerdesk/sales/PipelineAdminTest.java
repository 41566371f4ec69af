package com.dealerdesk.sales;

import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

class PipelineAdminTest extends ApiTest {

	private static final String SAVE = """
			mutation($input: SavePipelineInput!) {
			  savePipeline(input: $input) {
			    pipeline { id name version isDefault stages { id name position probability closesAsWon } }
			    userErrors { field code }
			  }
			}""";

	@Test
	void adminsShapePipelinesButStagesInUseStay() {
		String name = unique("Services");
		GraphQlTester.Response created = as(ADMIN).document(SAVE)
			.variable("input", Map.of("name", name, "stages",
					List.of(Map.of("name", "Lead", "probability", 10), Map.of("name", "Offer", "probability", 40),
							Map.of("name", "Signed", "probability", 100, "closesAsWon", true))))
			.execute();
		created.path("savePipeline.userErrors").entityList(Object.class).hasSize(0);
		Map<?, ?> pipeline = created.path("savePipeline.pipeline").entity(Map.class).get();
		List<?> stages = (List<?>) pipeline.get("stages");
		String lead = (String) ((Map<?, ?>) stages.get(0)).get("id");
		String offer = (String) ((Map<?, ?>) stages.get(1)).get("id");
		String signed = (String) ((Map<?, ?>) stages.get(2)).get("id");

		// a deal in "Lead"
		String customer = as(REP)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", Map.of("name", unique("Pipeline admin customer")))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
		as(REP).document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("customerId", customer, "name", "In lead", "pipelineId", pipeline.get("id")))
			.execute()
			.path("createOpportunity.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		// reorder and rename, drop the unused "Offer"
		GraphQlTester.Response changed = as(ADMIN).document(SAVE)
			.variable("input",
					Map.of("id", pipeline.get("id"), "expectedVersion", 1, "name", name, "stages",
							List.of(Map.of("id", lead, "name", "Qualified lead", "probability", 15),
									Map.of("id", signed, "name", "Signed", "probability", 100, "closesAsWon", true))))
			.execute();
		changed.path("savePipeline.pipeline.stages[*].name")
			.entityList(String.class)
			.containsExactly("Qualified lead", "Signed");
		changed.path("savePipeline.pipeline.version").entity(Integer.class).isEqualTo(2);
		assertThat(count("select count(*) from stage where id::text = $1",
				com.dealerdesk.platform.graphql.GlobalId.parse(offer).localId()))
			.isZero();

		// dropping the stage that holds a deal is refused, and nothing changes
		as(ADMIN).document(SAVE)
			.variable("input",
					Map.of("id", pipeline.get("id"), "expectedVersion", 2, "name", name, "stages",
							List.of(Map.of("id", signed, "name", "Signed", "probability", 100, "closesAsWon", true))))
			.execute()
			.path("savePipeline.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
		as(ADMIN).document(SAVE)
			.variable("input",
					Map.of("id", pipeline.get("id"), "expectedVersion", 1, "name", name, "stages",
							List.of(Map.of("id", lead, "name", "Lead", "probability", 10))))
			.execute()
			.path("savePipeline.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("STALE_VERSION");

		// a deal signed from "Lead": its furthest stage follows the stages' order, also
		// when an admin changes that order (the funnel counts by it)
		Map<?, ?> deal = as(REP)
			.document("mutation($input: CreateOpportunityInput!) {"
					+ " createOpportunity(input: $input) { opportunity { id version } } }")
			.variable("input", Map.of("customerId", customer, "name", "Signed one", "pipelineId", pipeline.get("id")))
			.execute()
			.path("createOpportunity.opportunity")
			.entity(Map.class)
			.get();
		as(REP).document(
				"mutation($input: MoveOpportunityInput!) { moveOpportunity(input: $input) { userErrors { code } } }")
			.variable("input", Map.of("id", deal.get("id"), "expectedVersion", deal.get("version"), "stageId", signed))
			.execute()
			.path("moveOpportunity.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(furthestStageOf((String) deal.get("id"))).isEqualTo(signed);
		as(ADMIN).document(SAVE)
			.variable("input",
					Map.of("id", pipeline.get("id"), "expectedVersion", 2, "name", name, "stages",
							List.of(Map.of("id", signed, "name", "Signed", "probability", 100, "closesAsWon", true),
									Map.of("id", lead, "name", "Qualified lead", "probability", 15))))
			.execute()
			.path("savePipeline.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(furthestStageOf((String) deal.get("id"))).as("Lead now comes after Signed").isEqualTo(lead);
	}

	private String furthestStageOf(String dealId) {
		return this.database.sql("select furthest_stage_id::text as stage from opportunity where id::text = $1")
			.bind(0, com.dealerdesk.platform.graphql.GlobalId.parse(dealId).localId())
			.map(row -> com.dealerdesk.platform.graphql.GlobalId.of("Stage", row.get("stage", String.class)))
			.one()
			.block();
	}

	@Test
	void onlyAdminsAndOnlySaneStages() {
		Map<String, Object> input = Map.of("name", unique("Nope"), "stages",
				List.of(Map.of("name", "A", "probability", 10)));
		as(MANAGER).document(SAVE)
			.variable("input", input)
			.execute()
			.path("savePipeline.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");
		as(ADMIN).document(SAVE)
			.variable("input",
					Map.of("name", unique("Bad"), "stages",
							List.of(Map.of("name", "A", "probability", 150), Map.of("name", "a", "probability", 10))))
			.execute()
			.path("savePipeline.userErrors[*].field")
			.entityList(Object.class)
			.hasSize(2);
		String reason = unique("Lost to open source");
		String add = "mutation($input: AddLostReasonInput!) { addLostReason(input: $input) { lostReason { name } userErrors { code } } }";
		as(ADMIN).document(add)
			.variable("input", Map.of("name", reason))
			.execute()
			.path("addLostReason.lostReason.name")
			.entity(String.class)
			.isEqualTo(reason);
		as(ADMIN).document(add)
			.variable("input", Map.of("name", reason))
			.execute()
			.path("addLostReason.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
	}

}
