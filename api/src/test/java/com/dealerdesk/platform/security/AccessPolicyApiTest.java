package com.dealerdesk.platform.security;

import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy over HTTP: {@code viewer.permissions} lists what a caller may change, and an
 * accountant, who reads every customer, has each write refused with NOT_ALLOWED and a
 * message that says why, with nothing written.
 */
class AccessPolicyApiTest extends ApiTest {

	private static final String PERMISSIONS = "{ viewer { permissions { action subject } } }";

	@Test
	void viewerPermissionsAreThePolicys() {
		assertThat(
				as(ACCOUNTANT).document(PERMISSIONS).execute().path("viewer.permissions").entityList(Map.class).get())
			.containsExactly(Map.of("action", "CREATE", "subject", "INVOICE"),
					Map.of("action", "DELETE", "subject", "INVOICE"), Map.of("action", "CREATE", "subject", "CONTRACT"),
					Map.of("action", "UPDATE", "subject", "CONTRACT"),
					Map.of("action", "DELETE", "subject", "CONTRACT"),
					Map.of("action", "CREATE", "subject", "PAYMENT_PLAN"),
					Map.of("action", "UPDATE", "subject", "PAYMENT_PLAN"),
					Map.of("action", "CREATE", "subject", "PAYMENT"), Map.of("action", "UPDATE", "subject", "PAYMENT"),
					Map.of("action", "UPDATE", "subject", "PARTNER_ACCOUNT"));
		assertThat(as(REP).document(PERMISSIONS).execute().path("viewer.permissions").entityList(Map.class).get())
			.contains(Map.of("action", "CREATE", "subject", "CUSTOMER"),
					Map.of("action", "DELETE", "subject", "CONTACT"))
			.doesNotContain(Map.of("action", "CHANGE_TERMS", "subject", "LICENSE"),
					Map.of("action", "CREATE", "subject", "PRODUCT"));
	}

	@Test
	void anAccountantsWritesAreRefusedWithReasonsAndWriteNothing() {
		String name = unique("Accountant sees");
		String customer = as(REP)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", Map.of("name", name))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
		// the accountant reads it...
		as(ACCOUNTANT).document("query($id: ID!) { customer(id: $id) { name } }")
			.variable("id", customer)
			.execute()
			.path("customer.name")
			.entity(String.class)
			.isEqualTo(name);

		// ...but changes nothing about it
		assertRefused(as(ACCOUNTANT).document(
				"mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { userErrors { field code message } } }")
			.variable("input", Map.of("id", customer, "expectedVersion", 1, "name", name + " renamed"))
			.execute(), "updateCustomer", "Your role may not change customers");
		assertRefused(as(ACCOUNTANT).document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { userErrors { field code message } } }")
			.variable("input", Map.of("customerId", customer, "name", "Accountant's deal"))
			.execute(), "createOpportunity", "Your role may not create deals");
		assertRefused(as(ACCOUNTANT).document(
				"mutation($input: LogActivityInput!) { logActivity(input: $input) { userErrors { field code message } } }")
			.variable("input", Map.of("customerId", customer, "kind", "CALL", "subject", "Accountant's call"))
			.execute(), "logActivity", "Your role may not create activities");

		assertThat(count("select count(*) from customer where name = $1", name + " renamed")).isZero();
		assertThat(count("select count(*) from opportunity where name = 'Accountant''s deal'")).isZero();
		assertThat(count("select count(*) from activity where subject = 'Accountant''s call'")).isZero();
	}

	@SuppressWarnings("unchecked")
	private static void assertRefused(GraphQlTester.Response response, String mutation, String message) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) (List<?>) response.path(mutation + ".userErrors")
			.entityList(Map.class)
			.get();
		assertThat(errors).singleElement().satisfies(error -> {
			assertThat(error).containsEntry("code", "NOT_ALLOWED").containsEntry("field", null);
			assertThat((String) error.get("message")).startsWith(message).contains("sales reps");
		});
	}

}
