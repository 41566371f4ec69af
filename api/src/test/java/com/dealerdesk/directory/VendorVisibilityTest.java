package com.dealerdesk.directory;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vendor staff appear to partner callers as the vendor: one stand-in user with the
 * configured name, no e-mail and no manager; a partner's own people by name.
 */
class VendorVisibilityTest extends ApiTest {

	private static final String STAND_IN_ID = GlobalId.of("User", VendorStandIn.ID);

	private static final String PEOPLE = """
			query($id: ID!) {
			  customer(id: $id) {
			    owner { id name email vendor manager { id } }
			    sharedWith { id name email vendor }
			  }
			  activities(customerId: $id, first: 10) {
			    edges { node { owner { id name email vendor } reminder { assignee { id name email vendor } } } }
			  }
			}""";

	@Test
	void partnerCallersSeeVendorStaffAsTheVendorAndTheirOwnPeopleByName() {
		String customerId = createdByPartnerA(unique("Vendor visibility"));
		// before the vendor steps in, the partner sees its own user by name
		assertThat(map(as(PARTNER_A_USER).document(PEOPLE).variable("id", customerId).execute(), "customer.owner"))
			.containsEntry("id", userId("t-partner-a"))
			.containsEntry("name", "Anna of A")
			.containsEntry("vendor", false);
		// the vendor's admin takes the customer over, shares it with a rep and logs a
		// call
		// with a reminder for itself
		Map<String, Object> update = Map.of("id", customerId, "expectedVersion", 1, "ownerId", userId("t-admin"),
				"sharedWithIds", List.of(userId("t-rep")));
		as(ADMIN).documentName("updateCustomer")
			.variable("input", update)
			.execute()
			.path("updateCustomer.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		as(ADMIN).documentName("logActivity")
			.variable("input",
					Map.of("customerId", customerId, "kind", "CALL", "subject", "Price check", "reminder",
							Map.of("dueAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString(), "assigneeId",
									userId("t-admin"))))
			.execute()
			.path("logActivity.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		GraphQlTester.Response partner = as(PARTNER_A_USER).document(PEOPLE).variable("id", customerId).execute();
		Map<String, Object> standIn = Map.of("id", STAND_IN_ID, "name", "DealerDesk sales", "vendor", true);
		assertThat(map(partner, "customer.owner")).containsAllEntriesOf(standIn)
			.containsEntry("email", null)
			.containsEntry("manager", null);
		assertThat(list(partner, "customer.sharedWith")).singleElement()
			.satisfies(shared -> assertThat(shared).containsAllEntriesOf(standIn));
		assertThat(map(partner, "activities.edges[0].node.owner")).containsAllEntriesOf(standIn);
		assertThat(map(partner, "activities.edges[0].node.reminder.assignee")).containsAllEntriesOf(standIn);
		assertThat(partner.returnResponse().toMap().toString()).doesNotContain("t-admin", "t-rep", "Admin", "Rep");

		// the vendor's own people still see each other by name
		GraphQlTester.Response vendor = as(ADMIN).document(PEOPLE).variable("id", customerId).execute();
		assertThat(map(vendor, "customer.owner")).containsEntry("id", userId("t-admin"))
			.containsEntry("name", "Admin")
			.containsEntry("vendor", false);
	}

	@Test
	void aPartnerFindsNoVendorPersonByIdAndOnlyItsOwnPeopleAmongUsers() {
		as(PARTNER_A_USER).document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", userId("t-admin"))
			.execute()
			.path("node")
			.valueIsNull();
		as(PARTNER_A_USER).document("query($id: ID!) { node(id: $id) { ... on User { id name vendor } } }")
			.variable("id", STAND_IN_ID)
			.execute()
			.path("node")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.isEqualTo(Map.of("id", STAND_IN_ID, "name", "DealerDesk sales", "vendor", true));
		as(ADMIN).document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", STAND_IN_ID)
			.execute()
			.path("node")
			.valueIsNull();
		as(PARTNER_A_USER).document("{ users { name vendor } viewer { user { name vendor } } }")
			.execute()
			.path("users[*].name")
			.entityList(String.class)
			.contains("Anna of A")
			.doesNotContain("Admin", "Rep", "Bob of B");
	}

	@Test
	void partnerSubscribersGetTheVendorInsteadOfItsStaffInEvents() {
		long start = count("select coalesce(max(sequence), 0) from outbox_event");
		String customerId = createdByPartnerA(unique("Vendor in events"));
		as(ADMIN).documentName("logActivity")
			.variable("input",
					Map.of("customerId", customerId, "kind", "TASK", "subject", "Send the price list", "reminder",
							Map.of("dueAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString(), "assigneeId",
									userId("t-admin"))))
			.execute()
			.path("logActivity.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(PARTNER_A_USER))) {
			socket.subscribe("a", """
					subscription($after: Long) {
					  events(types: [CUSTOMER_CREATED, ACTIVITY_LOGGED], after: $after) { type actor data }
					}""", Map.of("after", start));
			JsonNode created = socket.nextData("a").path("payload").path("data").path("events");
			assertThat(created.path("type").asString()).isEqualTo("CUSTOMER_CREATED");
			assertThat(created.path("actor").asString()).isEqualTo("t-partner-a");
			assertThat(created.path("data").path("ownerId").asString()).isEqualTo(userId("t-partner-a"));
			JsonNode logged = socket.nextData("a").path("payload").path("data").path("events");
			assertThat(logged.path("type").asString()).isEqualTo("ACTIVITY_LOGGED");
			assertThat(logged.path("actor").asString()).isEqualTo(VendorStandIn.ID);
			assertThat(logged.path("data").path("ownerId").asString()).isEqualTo(STAND_IN_ID);
			assertThat(logged.path("data").path("reminder").path("assigneeId").asString()).isEqualTo(STAND_IN_ID);
			assertThat(logged.toString()).doesNotContain(userId("t-admin"), "t-admin");
		}
	}

	@Test
	void aSubDealerSeesItsParentsPeopleAsTheParentOrganisation() {
		UUID parent = UUID.randomUUID();
		UUID sub = UUID.randomUUID();
		String parentName = unique("Parent org");
		this.database.sql("insert into partner (id, name) values ($1, $2)")
			.bind(0, parent)
			.bind(1, parentName)
			.then()
			.block();
		this.database.sql("insert into partner (id, name, parent_id) values ($1, $2, $3)")
			.bind(0, sub)
			.bind(1, unique("Sub org"))
			.bind(2, parent)
			.then()
			.block();
		String suffix = sub.toString().substring(0, 8);
		TestUser parentUser = new TestUser("t-paula-" + suffix, "Paula Parentperson", List.of("partner_user"), parent,
				List.of());
		TestUser subUser = new TestUser("t-sam-" + suffix, "Sam Subperson", List.of("partner_user"), sub, List.of());
		String organisation = GlobalId.of("User", User.organisationId(parent));
		long start = count("select coalesce(max(sequence), 0) from outbox_event");
		String customerId = createdBy(subUser, unique("Sub's customer"));
		// the parent sees its sub-dealer's customer and logs a call with a reminder for
		// itself
		as(parentUser).documentName("logActivity")
			.variable("input",
					Map.of("customerId", customerId, "kind", "CALL", "subject", "Parent's call", "reminder",
							Map.of("dueAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString(), "assigneeId",
									userId(parentUser.subject()))))
			.execute()
			.path("logActivity.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		GraphQlTester.Response seen = as(subUser).document(PEOPLE).variable("id", customerId).execute();
		Map<String, Object> asOrganisation = Map.of("id", organisation, "name", parentName, "vendor", false);
		assertThat(map(seen, "activities.edges[0].node.owner")).containsAllEntriesOf(asOrganisation)
			.containsEntry("email", null);
		assertThat(map(seen, "activities.edges[0].node.reminder.assignee")).containsAllEntriesOf(asOrganisation);
		assertThat(map(seen, "customer.owner")).containsEntry("id", userId(subUser.subject()))
			.containsEntry("name", "Sam Subperson");
		assertThat(seen.returnResponse().toMap().toString()).doesNotContain(parentUser.subject(), "Paula");
		// the organisation is a node to the sub-dealer; the person is not
		as(subUser).document("query($id: ID!) { node(id: $id) { ... on User { id name vendor } } }")
			.variable("id", organisation)
			.execute()
			.path("node")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.isEqualTo(asOrganisation);
		as(subUser).document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", userId(parentUser.subject()))
			.execute()
			.path("node")
			.valueIsNull();
		// another partner does not find the organisation by its id
		as(PARTNER_A_USER).document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", organisation)
			.execute()
			.path("node")
			.valueIsNull();
		// the parent itself sees its own person
		assertThat(map(as(parentUser).document(PEOPLE).variable("id", customerId).execute(),
				"activities.edges[0].node.owner"))
			.containsEntry("name", "Paula Parentperson");

		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(subUser))) {
			socket.subscribe("sub", """
					subscription($after: Long) {
					  events(types: [ACTIVITY_LOGGED], after: $after) { type actor data }
					}""", Map.of("after", start));
			JsonNode logged = socket.nextData("sub").path("payload").path("data").path("events");
			assertThat(logged.path("actor").asString()).isEqualTo(User.organisationId(parent));
			assertThat(logged.path("data").path("ownerId").asString()).isEqualTo(organisation);
			assertThat(logged.path("data").path("reminder").path("assigneeId").asString()).isEqualTo(organisation);
			assertThat(logged.toString()).doesNotContain(parentUser.subject());
		}
	}

	private String createdByPartnerA(String name) {
		return createdBy(PARTNER_A_USER, name);
	}

	private String createdBy(TestUser user, String name) {
		return as(user).documentName("createCustomer")
			.variable("input", Map.of("name", name))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
	}

	private static String userId(String subject) {
		return GlobalId.of("User", subject);
	}

	private static Map<String, Object> map(GraphQlTester.Response response, String path) {
		return response.path(path).entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	private static List<Map<String, Object>> list(GraphQlTester.Response response, String path) {
		return response.path(path).entityList(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

}
