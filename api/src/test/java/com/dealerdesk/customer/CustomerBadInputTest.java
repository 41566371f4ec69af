package com.dealerdesk.customer;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static com.dealerdesk.customer.CustomerFixtures.contact;
import static com.dealerdesk.customer.CustomerFixtures.create;
import static com.dealerdesk.customer.CustomerFixtures.input;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What careless users, buggy integrations and attackers send: each gets a specific error,
 * nothing is written, and no internals leak.
 */
class CustomerBadInputTest extends ApiTest {

	@Test
	void reportsEachBadFieldAtItsPathAndWritesNothing() {
		String name = unique("Bad");
		Map<String, Object> bad = input(name, "email", "not-an-email", "website", "javascript:alert(1)", "phone",
				"call me maybe", "taxId", "x".repeat(51), "tags", Collections.nCopies(21, "t"), "contacts",
				List.of(contact("Ok", "Fine", "ok@example.com"),
						Map.of("lastName", " ", "emails", List.of("ok@example.com", "broken@"))));

		List<Map<String, Object>> errors = userErrors(
				as(REP).documentName("createCustomer").variable("input", bad).execute(), "createCustomer");

		assertThat(errors)
			.extracting(error -> String.join(".", (List<String>) error.get("field")) + "=" + error.get("code"))
			.containsExactlyInAnyOrder("input.email=INVALID_FORMAT", "input.website=INVALID_FORMAT",
					"input.phone=INVALID_FORMAT", "input.taxId=TOO_LONG", "input.tags=TOO_LONG",
					"input.contacts.1.lastName=REQUIRED", "input.contacts.1.emails.1=INVALID_FORMAT");
		assertThat(count("select count(*) from customer where name = $1", name)).isZero();
		assertThat(count("select count(*) from contact where last_name = 'Fine' and emails @> array['ok@example.com']"))
			.isZero();
	}

	@Test
	void aListOverItsCapGetsOneErrorNotOnePerEntry() {
		String name = unique("Many");
		Map<String, Object> bad = input(name, "taxId", "x".repeat(51), "contacts",
				List.of(Map.of("lastName", "Many", "emails", Collections.nCopies(5_000, "broken@"))));

		List<Map<String, Object>> errors = userErrors(
				as(REP).documentName("createCustomer").variable("input", bad).execute(), "createCustomer");

		assertThat(errors)
			.extracting(error -> String.join(".", (List<String>) error.get("field")) + "=" + error.get("code"))
			.containsExactlyInAnyOrder("input.contacts.0.emails=TOO_LONG", "input.taxId=TOO_LONG");
		assertThat(count("select count(*) from customer where name = $1", name)).isZero();

		// a filter's list: one GraphQL error, before any id is read
		as(REP).documentName("customers")
			.variable("filter", Map.of("ownerIds", Collections.nCopies(101, "%%%")))
			.execute()
			.errors()
			.satisfy(problems -> assertThat(problems).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "TOO_MANY_VALUES")));
	}

	@Test
	void requiresANameAndLimitsItsLength() {
		for (Object name : new Object[] { "", "   ", "n".repeat(201) }) {
			GraphQlTester.Response response = as(REP).documentName("createCustomer")
				.variable("input", input((String) name))
				.execute();
			assertThat(userErrors(response, "createCustomer")).singleElement()
				.satisfies(error -> assertThat(error.get("field")).isEqualTo(List.of("input", "name")));
		}
		Map<String, Object> customer = create(as(REP), input(unique("Named")));
		GraphQlTester.Response blanked = as(REP).documentName("updateCustomer")
			.variable("input", input(null, "id", customer.get("id"), "expectedVersion", 1, "name", null))
			.execute();
		assertThat(userErrors(blanked, "updateCustomer")).singleElement()
			.satisfies(error -> assertThat(error).containsEntry("code", "REQUIRED"));
	}

	@Test
	void missingRequiredArgumentsAreRejectedBySchemaValidation() {
		as(REP).document("mutation { createCustomer(input: {legalName: \"No name\"}) { userErrors { code } } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("ValidationError")));
	}

	@Test
	void storesSqlLookingTextLiterallyAndFindsItAgain() {
		String hostile = "Robert'); DROP TABLE customer;-- " + unique("x");
		Map<String, Object> customer = create(as(REP), input(hostile, "notes", "' OR '1'='1"));
		assertThat(customer.get("name")).isEqualTo(hostile);
		List<String> found = as(REP).documentName("customers")
			.variable("filter", Map.of("search", "'); drop"))
			.execute()
			.path("customers.edges[*].node.name")
			.entityList(String.class)
			.get();
		assertThat(found).contains(hostile);
		assertThat(count("select count(*) from customer")).isPositive();
	}

	@Test
	void rejectsControlCharacters() {
		String name = "Null\u0000byte " + unique("c");
		assertThat(userErrors(as(REP).documentName("createCustomer").variable("input", input(name)).execute(),
				"createCustomer"))
			.singleElement()
			.satisfies(error -> assertThat(error).containsEntry("code", "INVALID_FORMAT")
				.containsEntry("field", List.of("input", "name")));
	}

	@Test
	void checksTheFieldsAnUpdateSendsAtTheirPaths() {
		Map<String, Object> customer = create(as(REP), input(unique("Updated")));
		Map<String, Object> bad = input(null, "id", customer.get("id"), "expectedVersion", 1, "name", "Tab\u0007bell",
				"taxId", "x".repeat(51), "tags", List.of("ok", " "), "email", "broken@");

		List<Map<String, Object>> errors = userErrors(
				as(REP).documentName("updateCustomer").variable("input", bad).execute(), "updateCustomer");

		assertThat(errors)
			.extracting(error -> String.join(".", (List<String>) error.get("field")) + "=" + error.get("code"))
			.containsExactlyInAnyOrder("input.name=INVALID_FORMAT", "input.taxId=TOO_LONG", "input.tags.1=REQUIRED",
					"input.email=INVALID_FORMAT");
		assertThat(count("select count(*) from customer where name like 'Tab%bell'")).isZero();
	}

	@Test
	void unknownAndMalformedIdsAreDistinguished() {
		String unknownCustomer = GlobalId.of("Customer", "00000000-0000-4000-8000-000000000999");
		String aUserId = GlobalId.of("User", "t-rep");
		for (String id : List.of(unknownCustomer, aUserId)) {
			assertThat(userErrors(as(REP).documentName("updateCustomer")
				.variable("input", Map.of("id", id, "expectedVersion", 1, "name", "x"))
				.execute(), "updateCustomer")).singleElement()
				.satisfies(error -> assertThat(error).containsEntry("code", "NOT_FOUND"));
		}
		assertThat(userErrors(as(REP).documentName("updateCustomer")
			.variable("input", Map.of("id", "'; select 1 --", "expectedVersion", 1, "name", "x"))
			.execute(), "updateCustomer")).singleElement()
			.satisfies(error -> assertThat(error).containsEntry("code", "INVALID_FORMAT"));

		as(REP).documentName("customer").variable("id", unknownCustomer).execute().path("customer").valueIsNull();
		as(REP).documentName("customer")
			.variable("id", "%%%")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_ID")));
	}

	@Test
	void malformedRequestsNeverLeakInternals() {
		List<String> bodies = List.of("{\"query\": \"{ customers(first: \\\"ten\\\") { edges { cursor } } }\"}",
				"{\"query\": \"{ nope }\"}", "{\"query\": 42}", "not json at all",
				"{\"query\": \""
						+ "{ customers { edges { node { contacts { customer { contacts { customer { contacts { customer { contacts { customer { contacts { id } } } } } } } } } } } }"
						+ "\"}",
				"{\"query\": \"query($d: DateTime) { viewer { subject } }\", \"variables\": {\"d\": \"yesterday\"}}");
		for (String body : bodies) {
			String response = http().post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + com.dealerdesk.support.TestTokens.tokenFor(REP))
				.bodyValue(body)
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			assertThat(response).as(body)
				.isNotNull()
				.doesNotContain("Exception")
				.doesNotContain("at com.")
				.doesNotContain("at org.")
				.doesNotContain("SQL");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> userErrors(GraphQlTester.Response response, String mutation) {
		response.path(mutation + ".customer").valueIsNull();
		return (List<Map<String, Object>>) (List<?>) response.path(mutation + ".userErrors")
			.entityList(Map.class)
			.get();
	}

}
