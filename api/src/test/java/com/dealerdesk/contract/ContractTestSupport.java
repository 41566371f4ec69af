package com.dealerdesk.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens.TestUser;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Requests of the contract documents in {@code graphql-test/contract.graphql}. */
abstract class ContractTestSupport extends ApiTest {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	/** Plans projects and sees everything. */
	static final TestUser PM = TestPeople.PROJECT_MANAGER;

	/** Runs a mutation that must succeed and returns the payload's field. */
	Map<String, Object> mutate(TestUser user, String mutation, Map<String, Object> input, String field) {
		GraphQlTester.Response response = send(user, mutation, input);
		response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
		return response.path(mutation + "." + field).entity(MAP).get();
	}

	Map<String, Object> payload(TestUser user, String mutation, Map<String, Object> input) {
		return send(user, mutation, input).path(mutation).entity(MAP).get();
	}

	/** The user errors of a mutation, as "field.path=CODE". */
	@SuppressWarnings("unchecked")
	List<String> errors(TestUser user, String mutation, Map<String, Object> input) {
		return ((List<Map<String, Object>>) (List<?>) send(user, mutation, input).path(mutation + ".userErrors")
			.entityList(Map.class)
			.get())
			.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	List<String> messages(TestUser user, String mutation, Map<String, Object> input) {
		return ((List<Map<String, Object>>) (List<?>) send(user, mutation, input).path(mutation + ".userErrors")
			.entityList(Map.class)
			.get()).stream().map(error -> (String) error.get("message")).toList();
	}

	GraphQlTester.Response send(TestUser user, String mutation, Map<String, Object> input) {
		return as(user).documentName("contract").operationName(mutation).variable("input", input).execute();
	}

	Map<String, Object> contract(TestUser user, String id) {
		return as(user).documentName("contract")
			.operationName("contract")
			.variable("id", id)
			.execute()
			.path("contract")
			.entity(MAP)
			.get();
	}

	/** A draft contract of a new customer of the user, 1000.00 EUR. */
	Map<String, Object> draft(TestUser user) {
		String customer = OrderFixtures.customer(as(user), unique("Contract customer"));
		return draft(user, customer);
	}

	Map<String, Object> draft(TestUser user, String customerId) {
		return mutate(user, "createContract",
				Map.of("customerId", customerId, "title", "Implementation", "currency", "EUR", "total", "1000.00"),
				"contract");
	}

	String stage(TestUser user, String contractId, String name) {
		return (String) mutate(user, "createContractStage", Map.of("contractId", contractId, "name", name), "stage")
			.get("id");
	}

	String work(TestUser user, String stageId, String name) {
		return (String) mutate(user, "createContractWork", Map.of("stageId", stageId, "name", name), "work").get("id");
	}

	/** A task of a work, or a subtask (parentId), from start to end. */
	Map<String, Object> task(TestUser user, String workId, String parentId, String name, String start, String end,
			String plannedHours) {
		Map<String, Object> input = new LinkedHashMap<>(Map.of("name", name, "startOn", start, "endOn", end));
		if (workId != null) {
			input.put("workId", workId);
		}
		if (parentId != null) {
			input.put("parentId", parentId);
		}
		if (plannedHours != null) {
			input.put("plannedHours", plannedHours);
		}
		return mutate(user, "createTask", input, "task");
	}

	static String local(String id) {
		return com.dealerdesk.platform.graphql.GlobalId.parse(id).localId();
	}

}
