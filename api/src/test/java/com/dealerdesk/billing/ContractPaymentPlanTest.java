package com.dealerdesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The small vendor's 3/4/3 plan on a contract, end to end through both features: 30% on
 * signing, 40% on acceptance of stage 2, 30% 30 days after completion. Each part gets its
 * due date when the contract reaches its milestone, in the contract's own transaction.
 */
class ContractPaymentPlanTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final String PLAN_FIELDS = """
			id contract { number } total { amount currency }
			plannedPayments { label amount { amount } dueOn status trigger { event offsetDays stage { name } } }""";

	@Test
	@SuppressWarnings("unchecked")
	void theThreePartsFallDueOnSigningStageAcceptanceAndCompletion() {
		LocalDate today = LocalDate.now(this.clock);
		String customer = OrderFixtures.customer(as(REP), unique("3/4/3 customer"));
		Map<String, Object> contract = mutate("createContract",
				Map.of("customerId", customer, "title", "ERP roll-out", "currency", "EUR", "total", "10000.00"),
				"contract { id number version }", "contract");
		String contractId = (String) contract.get("id");
		String[] stages = new String[2];
		String[] works = new String[2];
		for (int i = 0; i < 2; i++) {
			stages[i] = (String) mutate("createContractStage",
					Map.of("contractId", contractId, "name", "Stage " + (i + 1)), "stage { id }", "stage")
				.get("id");
			works[i] = (String) mutate("createContractWork", Map.of("stageId", stages[i], "name", "Work " + (i + 1)),
					"work { id }", "work")
				.get("id");
		}

		Map<String, Object> plan = mutate("createPaymentPlan", Map.of("contractId", contractId, "terms",
				List.of(Map.of("kind", "PART", "percent", "30", "trigger", Map.of("event", "CONTRACT_SIGNED")),
						Map.of("kind", "PART", "percent", "40", "trigger",
								Map.of("event", "STAGE_ACCEPTED", "stageId", stages[1])),
						Map.of("kind", "REST", "trigger", Map.of("event", "CONTRACT_COMPLETED", "offsetDays", 30)))),
				"paymentPlan { " + PLAN_FIELDS + " }", "paymentPlan");
		List<Map<String, Object>> planned = (List<Map<String, Object>>) plan.get("plannedPayments");
		assertThat(planned).extracting(p -> ((Map<String, Object>) p.get("amount")).get("amount"))
			.containsExactly("3000.00", "4000.00", "3000.00");
		assertThat(planned).extracting(p -> p.get("dueOn")).containsOnlyNulls();
		assertThat(planned).extracting(p -> p.get("status")).containsOnly("PLANNED");
		assertThat(((Map<String, Object>) ((Map<String, Object>) planned.get(1).get("trigger")).get("stage")))
			.containsEntry("name", "Stage 2");
		assertThat(((Map<String, Object>) plan.get("contract")).get("number")).isEqualTo(contract.get("number"));

		mutate("changeContractStatus",
				Map.of("id", contractId, "expectedVersion", 1, "status", "SIGNED", "signedOn", today.toString()),
				"contract { id }", "contract");
		assertThat(dueDates(contractId)).containsExactly(today.toString(), null, null);

		for (int i = 0; i < 2; i++) {
			mutate("acceptContractWork", Map.of("id", works[i], "expectedVersion", 1), "work { id }", "work");
			mutate("acceptContractStage", Map.of("id", stages[i], "expectedVersion", 1), "stage { id }", "stage");
		}
		assertThat(dueDates(contractId)).containsExactly(today.toString(), today.toString(), null);

		mutate("changeContractStatus", Map.of("id", contractId, "expectedVersion", 2, "status", "IN_PROGRESS"),
				"contract { id }", "contract");
		mutate("changeContractStatus", Map.of("id", contractId, "expectedVersion", 3, "status", "COMPLETED"),
				"contract { id }", "contract");
		assertThat(dueDates(contractId)).containsExactly(today.toString(), today.toString(),
				today.plusDays(30).toString());
	}

	/**
	 * The due dates of the contract's active plan, in order, read through
	 * Contract.paymentPlan.
	 */
	@SuppressWarnings("unchecked")
	private List<Object> dueDates(String contractId) {
		Map<String, Object> plan = as(REP)
			.document("query($id: ID!) { contract(id: $id) { paymentPlan { plannedPayments { dueOn } } } }")
			.variable("id", contractId)
			.execute()
			.path("contract.paymentPlan")
			.entity(MAP)
			.get();
		return ((List<Map<String, Object>>) plan.get("plannedPayments")).stream().map(p -> p.get("dueOn")).toList();
	}

	/** Runs a mutation as the rep that must succeed, and returns the payload's field. */
	private Map<String, Object> mutate(String mutation, Map<String, Object> input, String selection, String field) {
		String inputType = mutation.startsWith("accept") ? "AcceptInput"
				: Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
		GraphQlTester.Response response = as(REP)
			.document("mutation($input: %s!) { %s(input: $input) { %s userErrors { field code message } } }"
				.formatted(inputType, mutation, selection))
			.variable("input", input)
			.execute();
		response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
		return response.path(mutation + "." + field).entity(MAP).get();
	}

}
