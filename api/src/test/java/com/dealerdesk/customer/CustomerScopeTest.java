package com.dealerdesk.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static com.dealerdesk.customer.CustomerFixtures.create;
import static com.dealerdesk.customer.CustomerFixtures.input;
import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.INTEGRATION;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.NO_ROLE;
import static com.dealerdesk.support.TestPeople.OTHER_MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.READ_ONLY_INTEGRATION;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static com.dealerdesk.support.TestPeople.REP_SAME_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which customers: every read path applies the caller's scope. */
class CustomerScopeTest extends ApiTest {

	@Test
	void repsSeeTheirOwnManagersTheirTeamsAdminsAndAccountantsEverything() {
		String tag = unique("scope").replace(' ', '-');
		String repCustomer = (String) create(as(REP), input(unique("Rep's"), "tags", List.of(tag))).get("id");
		String colleagueCustomer = (String) create(as(REP_SAME_TEAM),
				input(unique("Colleague's"), "tags", List.of(tag)))
			.get("id");
		String otherTeamCustomer = (String) create(as(REP_OTHER_TEAM),
				input(unique("Other team's"), "tags", List.of(tag)))
			.get("id");

		assertThat(visibleIds(REP, tag)).containsExactlyInAnyOrder(repCustomer);
		assertThat(visibleIds(REP_SAME_TEAM, tag)).containsExactlyInAnyOrder(colleagueCustomer);
		assertThat(visibleIds(MANAGER, tag)).containsExactlyInAnyOrder(repCustomer, colleagueCustomer);
		assertThat(visibleIds(OTHER_MANAGER, tag)).containsExactlyInAnyOrder(otherTeamCustomer);
		assertThat(visibleIds(ADMIN, tag)).containsExactlyInAnyOrder(repCustomer, colleagueCustomer, otherTeamCustomer);
		assertThat(visibleIds(ACCOUNTANT, tag)).hasSize(3);
		assertThat(visibleIds(INTEGRATION, tag)).hasSize(3);
		assertThat(visibleIds(NO_ROLE, tag)).isEmpty();
		assertThat(visibleIds(PARTNER_A_USER, tag)).isEmpty();
	}

	@Test
	void outOfScopeObjectsAreAbsentNotForbidden() {
		Map<String, Object> customer = create(as(REP), input(unique("Private"), "contacts",
				List.of(CustomerFixtures.contact("Pia", "Private", "pia@private.example"))));
		String id = (String) customer.get("id");
		String contactId = (String) ((Map<?, ?>) ((List<?>) customer.get("contacts")).get(0)).get("id");

		as(REP_OTHER_TEAM).documentName("customer").variable("id", id).execute().path("customer").valueIsNull();
		as(REP_OTHER_TEAM).document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", contactId)
			.execute()
			.path("node")
			.valueIsNull();
		as(REP_OTHER_TEAM).documentName("updateCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "name", "Hijacked"))
			.execute()
			.path("updateCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		as(REP_OTHER_TEAM).documentName("updateContact")
			.variable("input", Map.of("id", contactId, "expectedVersion", 1, "lastName", "Hijacked"))
			.execute()
			.path("updateContact.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		as(REP).documentName("customer")
			.variable("id", id)
			.execute()
			.path("customer.name")
			.entity(String.class)
			.satisfies(name -> assertThat(name).startsWith("Private"));
	}

	@Test
	void partnersSeeOnlyTheirOwnPartnersCustomers() {
		String tag = unique("channel").replace(' ', '-');
		Map<String, Object> ofA = create(as(PARTNER_A_USER), input(unique("A's customer"), "tags", List.of(tag)));
		assertThat(((Map<?, ?>) ofA.get("partner")).get("name")).isEqualTo("Partner A");
		String idOfB = (String) create(as(PARTNER_B_USER), input(unique("B's customer"), "tags", List.of(tag)))
			.get("id");

		assertThat(visibleIds(PARTNER_A_USER, tag)).containsExactly((String) ofA.get("id"));
		assertThat(visibleIds(PARTNER_B_USER, tag)).containsExactly(idOfB);
		assertThat(visibleIds(REP, tag)).isEmpty();
		assertThat(visibleIds(ADMIN, tag)).hasSize(2);

		// A token of partner A used against partner B's customer: nothing to see, nothing
		// changed.
		as(PARTNER_A_USER).documentName("customer").variable("id", idOfB).execute().path("customer").valueIsNull();
		as(PARTNER_A_USER).documentName("archiveCustomer")
			.variable("input", Map.of("id", idOfB, "expectedVersion", 1))
			.execute()
			.path("archiveCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		as(PARTNER_A_USER).documentName("addContact")
			.variable("input", Map.of("customerId", idOfB, "contact", Map.of("lastName", "Spy")))
			.execute()
			.path("addContact.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		assertThat(count("select count(*) from contact where last_name = 'Spy'")).isZero();
	}

	@Test
	void partnerUserOfAnUnknownPartnerCanNeitherReadNorWrite() {
		TestUser stranger = new TestUser("t-stranger", "Stranger", List.of("partner_user"),
				java.util.UUID.fromString("00000000-0000-4000-8000-0000000000ff"), List.of());
		as(stranger).documentName("createCustomer")
			.variable("input", input(unique("Intruder")))
			.execute()
			.path("createCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");
		assertThat(count("select count(*) from app_user where id = 't-stranger'")).isZero();
	}

	@Test
	void readOnlyCallersCannotWrite() {
		String name = unique("Read only");
		as(ACCOUNTANT).documentName("createCustomer")
			.variable("input", input(name, "ownerId", CustomerMutationTest.userId("t-rep")))
			.execute()
			.path("createCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");
		// a token without the write scope is refused before the mutation runs
		as(READ_ONLY_INTEGRATION).documentName("createCustomer")
			.variable("input", input(name, "ownerId", CustomerMutationTest.userId("t-rep")))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INSUFFICIENT_SCOPE")));
		assertThat(count("select count(*) from customer where name = $1", name)).isZero();
	}

	@Test
	void requestsWithoutAValidTokenGet401() {
		String body = "{\"query\":\"{ viewer { subject } }\"}";
		http().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		for (String token : List.of(TestTokens.forgedTokenFor(REP), TestTokens.expiredTokenFor(REP), "not-a-jwt")) {
			http().post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + token)
				.bodyValue(body)
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
	}

	@Test
	void viewerReportsWhatTheTokenSaid() {
		as(PARTNER_A_USER).document("{ viewer { subject roles partner { name } user { name } } }")
			.execute()
			.path("viewer.roles")
			.entityList(String.class)
			.containsExactly("PARTNER_USER")
			.path("viewer.partner.name")
			.entity(String.class)
			.isEqualTo("Partner A")
			.path("viewer.user.name")
			.entity(String.class)
			.isEqualTo("Anna of A");
	}

	@Test
	void scopedListsMergeTheirOwnersAndSharesInOrderAcrossPages() {
		String tag = unique("merge").replace(' ', '-');
		String suffix = unique("").strip();
		Map<String, String> ids = new LinkedHashMap<>();
		// created in this order: B and D by the rep, A, C and E by a rep of another team
		for (String letter : List.of("B", "D", "A", "C", "E")) {
			TestUser owner = List.of("B", "D").contains(letter) ? REP : REP_OTHER_TEAM;
			ids.put(letter,
					(String) create(as(owner), input(letter + " merge " + suffix, "tags", List.of(tag))).get("id"));
		}
		share(REP_OTHER_TEAM, ids.get("A"), REP);
		share(REP_OTHER_TEAM, ids.get("C"), REP);
		share(REP_OTHER_TEAM, ids.get("E"), MANAGER);
		// the manager's team owns D already: shared too, it is listed once
		share(REP, ids.get("D"), MANAGER);

		Map<String, Object> byName = Map.of("field", "NAME", "direction", "ASC");
		Map<String, Object> newestFirst = Map.of("field", "CREATED_AT", "direction", "DESC");
		Map<String, Object> tagged = Map.of("tag", tag);
		assertThat(letters(ids, allPages(REP, tagged, byName, 2))).containsExactly("A", "B", "C", "D");
		assertThat(letters(ids, allPages(REP, tagged, newestFirst, 2))).containsExactly("C", "A", "D", "B");
		for (int pageSize : new int[] { 2, 10 }) {
			assertThat(letters(ids, allPages(MANAGER, tagged, byName, pageSize))).containsExactly("B", "D", "E");
			assertThat(letters(ids, allPages(MANAGER, tagged, newestFirst, pageSize))).containsExactly("E", "D", "B");
		}
		// a search of three or more characters walks the same merged order
		assertThat(letters(ids, allPages(REP, Map.of("tag", tag, "search", suffix), byName, 2))).containsExactly("A",
				"B", "C", "D");
	}

	private void share(TestUser owner, String customerId, TestUser with) {
		int version = as(owner).documentName("customer")
			.variable("id", customerId)
			.execute()
			.path("customer.version")
			.entity(Integer.class)
			.get();
		as(owner).documentName("updateCustomer")
			.variable("input",
					Map.of("id", customerId, "expectedVersion", version, "sharedWithIds",
							List.of(CustomerMutationTest.userId(with.subject()))))
			.execute()
			.path("updateCustomer.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** Every page, following the cursors. */
	private List<String> allPages(TestUser user, Map<String, Object> filter, Map<String, Object> order, int pageSize) {
		List<String> all = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 10; page++) {
			Map<String, Object> variables = new HashMap<>(
					Map.of("first", pageSize, "filter", filter, "orderBy", order));
			variables.put("after", after);
			GraphQlTester.Response response = as(user).documentName("customers").variables(variables).execute();
			all.addAll(response.path("customers.edges[*].node.id").entityList(String.class).get());
			if (!response.path("customers.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				return all;
			}
			after = response.path("customers.pageInfo.endCursor").entity(String.class).get();
		}
		throw new AssertionError("more than ten pages");
	}

	private static List<String> letters(Map<String, String> ids, List<String> found) {
		return found.stream()
			.map(id -> ids.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst().orElseThrow().getKey())
			.toList();
	}

	private List<String> visibleIds(TestUser user, String tag) {
		return as(user).documentName("customers")
			.variable("filter", Map.of("tag", tag))
			.execute()
			.path("customers.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

}
