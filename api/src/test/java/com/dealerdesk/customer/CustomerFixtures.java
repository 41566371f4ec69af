package com.dealerdesk.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Creating customers through the API, for tests that need some. */
final class CustomerFixtures {

	private CustomerFixtures() {
	}

	/**
	 * An input map with the given name (left out when null) and further key/value pairs,
	 * nulls allowed.
	 */
	static Map<String, Object> input(String name, Object... more) {
		Map<String, Object> input = new LinkedHashMap<>();
		if (name != null) {
			input.put("name", name);
		}
		for (int i = 0; i < more.length; i += 2) {
			input.put((String) more[i], more[i + 1]);
		}
		return input;
	}

	static Map<String, Object> contact(String firstName, String lastName, String email) {
		return Map.of("firstName", firstName, "lastName", lastName, "emails", List.of(email));
	}

	/**
	 * Creates a customer and returns the created object as a map (id, version,
	 * contacts...).
	 */
	static Map<String, Object> create(GraphQlTester tester, Map<String, Object> input) {
		GraphQlTester.Response response = tester.documentName("createCustomer").variable("input", input).execute();
		response.path("createCustomer.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createCustomer.customer").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

}
