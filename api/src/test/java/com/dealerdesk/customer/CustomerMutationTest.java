package com.dealerdesk.customer;

import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.customer.CustomerFixtures.contact;
import static com.dealerdesk.customer.CustomerFixtures.create;
import static com.dealerdesk.customer.CustomerFixtures.input;
import static com.dealerdesk.support.TestPeople.INTEGRATION;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static com.dealerdesk.support.TestPeople.REP_SAME_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerMutationTest extends ApiTest {

	@Test
	void createsCustomerWithContactsOwnedByTheCallerAndWritesEventsInOrder() {
		String name = unique("Acme");
		Map<String, Object> customer = create(as(REP),
				input(name, "legalName", "  Acme Ltd  ", "email", "Sales@Acme.Example", "tags",
						List.of("cad", "CAD", " key "), "contacts",
						List.of(contact("Ann", "Lee", "ANN@acme.example"), contact("Bo", "Chan", "bo@acme.example"))));

		assertThat(customer).containsEntry("name", name)
			.containsEntry("legalName", "Acme Ltd")
			.containsEntry("email", "sales@acme.example")
			.containsEntry("status", "PROSPECT")
			.containsEntry("version", 1)
			.containsEntry("archived", false)
			.containsEntry("tags", List.of("cad", "key"));
		assertThat(((Map<?, ?>) customer.get("owner")).get("name")).isEqualTo("Rep");
		List<?> contacts = (List<?>) customer.get("contacts");
		assertThat(contacts).hasSize(2);
		// ordered by last name: Chan, Lee
		assertThat(((Map<?, ?>) contacts.get(1)).get("emails")).isEqualTo(List.of("ann@acme.example"));

		List<String> types = this.database.sql("""
				select e.type from outbox_event e
				where e.payload->>'id' = $1 or e.payload->>'customerId' = $1 order by e.sequence""")
			.bind(0, (String) customer.get("id"))
			.map(row -> row.get("type", String.class))
			.all()
			.collectList()
			.block();
		assertThat(types).containsExactly("customer.created", "contact.added", "contact.added");
	}

	@Test
	void updatesOnlyTheFieldsSentAndBumpsTheVersion() {
		Map<String, Object> customer = create(as(REP),
				input(unique("Partial"), "legalName", "Keep Me GmbH", "region", "Bavaria"));

		GraphQlTester.Response response = as(REP).documentName("updateCustomer")
			.variable("input",
					input(null, "id", customer.get("id"), "expectedVersion", 1, "status", "CANDIDATE", "region", null))
			.execute();

		response.path("updateCustomer.userErrors").entityList(Object.class).hasSize(0);
		response.path("updateCustomer.customer.status").entity(String.class).isEqualTo("CANDIDATE");
		response.path("updateCustomer.customer.legalName").entity(String.class).isEqualTo("Keep Me GmbH");
		response.path("updateCustomer.customer.region").valueIsNull();
		response.path("updateCustomer.customer.version").entity(Integer.class).isEqualTo(2);
		assertThat(count("select count(*) from outbox_event where type = 'customer.updated' and payload->>'id' = $1",
				customer.get("id")))
			.isEqualTo(1);
	}

	@Test
	void refusesAStaleVersionAndKeepsTheOtherUsersChange() {
		Map<String, Object> customer = create(as(REP), input(unique("Contended")));
		String id = (String) customer.get("id");
		as(REP).documentName("updateCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "name", "First writer"))
			.execute()
			.path("updateCustomer.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		GraphQlTester.Response second = as(REP).documentName("updateCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "name", "Second writer"))
			.execute();

		second.path("updateCustomer.customer").valueIsNull();
		second.path("updateCustomer.userErrors[0].code").entity(String.class).isEqualTo("STALE_VERSION");
		second.path("updateCustomer.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "expectedVersion");
		as(REP).documentName("customer")
			.variable("id", id)
			.execute()
			.path("customer.name")
			.entity(String.class)
			.isEqualTo("First writer");
		assertThat(
				count("select count(*) from outbox_event where type = 'customer.updated' and payload->>'id' = $1", id))
			.isEqualTo(1);
	}

	@Test
	void archivedCustomersLeaveListsRefuseEditsAndCanBeRestored() {
		String name = unique("Archivable");
		Map<String, Object> customer = create(as(REP), input(name));
		String id = (String) customer.get("id");

		as(REP).documentName("archiveCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 1))
			.execute()
			.path("archiveCustomer.customer.archived")
			.entity(Boolean.class)
			.isEqualTo(true);

		as(REP).documentName("customers")
			.variable("filter", Map.of("search", name))
			.execute()
			.path("customers.edges")
			.entityList(Object.class)
			.hasSize(0);
		as(REP).documentName("customers")
			.variable("filter", Map.of("search", name, "includeArchived", true))
			.execute()
			.path("customers.edges")
			.entityList(Object.class)
			.hasSize(1);
		as(REP).documentName("updateCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 2, "name", "Changed"))
			.execute()
			.path("updateCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");

		as(REP).documentName("restoreCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 2))
			.execute()
			.path("restoreCustomer.customer.archived")
			.entity(Boolean.class)
			.isEqualTo(false);
		assertThat(count("select count(*) from outbox_event where payload->>'id' = $1 and type in"
				+ " ('customer.archived', 'customer.restored')", id))
			.isEqualTo(2);
	}

	@Test
	void managesContactsWithOptimisticLocking() {
		Map<String, Object> customer = create(as(REP), input(unique("Contacts")));
		String customerId = (String) customer.get("id");

		GraphQlTester.Response added = as(REP).documentName("addContact")
			.variable("input",
					Map.of("customerId", customerId, "contact",
							Map.of("firstName", "Olga", "lastName", "Smirnova", "emails", List.of("Olga@Example.com"))))
			.execute();
		added.path("addContact.userErrors").entityList(Object.class).hasSize(0);
		String contactId = added.path("addContact.contact.id").entity(String.class).get();
		added.path("addContact.contact.customer.id").entity(String.class).isEqualTo(customerId);

		as(REP).documentName("updateContact")
			.variable("input", Map.of("id", contactId, "expectedVersion", 1, "jobTitle", "CFO"))
			.execute()
			.path("updateContact.contact.jobTitle")
			.entity(String.class)
			.isEqualTo("CFO");
		as(REP).documentName("updateContact")
			.variable("input", Map.of("id", contactId, "expectedVersion", 1, "jobTitle", "CEO"))
			.execute()
			.path("updateContact.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("STALE_VERSION");

		GraphQlTester.Response removed = as(REP).documentName("removeContact")
			.variable("input", Map.of("id", contactId, "expectedVersion", 2))
			.execute();
		removed.path("removeContact.removedContactId").entity(String.class).isEqualTo(contactId);
		removed.path("removeContact.customer.contacts").entityList(Object.class).hasSize(0);
		assertThat(count(
				"select count(*) from contact where removed_at is not null and emails @> array['olga@example.com']"))
			.isEqualTo(1);
	}

	@Test
	void managerAssignsToTeamButRepCannotAssignToOthers() {
		Map<String, Object> customer = create(as(MANAGER), input(unique("Assigned"), "ownerId", userId("t-rep")));
		assertThat(((Map<?, ?>) customer.get("owner")).get("name")).isEqualTo("Rep");

		as(MANAGER).documentName("createCustomer")
			.variable("input", input(unique("Outside team"), "ownerId", userId(REP_OTHER_TEAM.subject())))
			.execute()
			.path("createCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");
		as(REP).documentName("createCustomer")
			.variable("input", input(unique("Not mine"), "ownerId", userId(REP_SAME_TEAM.subject())))
			.execute()
			.path("createCustomer.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "ownerId");
	}

	@Test
	void sharingMakesACustomerVisibleToAColleague() {
		String name = unique("Shared");
		Map<String, Object> customer = create(as(REP), input(name));
		as(REP_OTHER_TEAM).documentName("customer")
			.variable("id", customer.get("id"))
			.execute()
			.path("customer")
			.valueIsNull();

		as(REP).documentName("updateCustomer")
			.variable("input",
					Map.of("id", customer.get("id"), "expectedVersion", 1, "sharedWithIds",
							List.of(userId(REP_OTHER_TEAM.subject()))))
			.execute()
			.path("updateCustomer.customer.sharedWith[0].name")
			.entity(String.class)
			.isEqualTo("Rep in another team");

		as(REP_OTHER_TEAM).documentName("customer")
			.variable("id", customer.get("id"))
			.execute()
			.path("customer.name")
			.entity(String.class)
			.isEqualTo(name);
	}

	@Test
	void aColleagueACustomerIsSharedWithCannotTakeItOverOrReshareIt() {
		Map<String, Object> customer = create(as(REP), input(unique("Guarded")));
		String id = (String) customer.get("id");
		as(REP).documentName("updateCustomer")
			.variable("input",
					Map.of("id", id, "expectedVersion", 1, "sharedWithIds", List.of(userId(REP_OTHER_TEAM.subject()))))
			.execute()
			.path("updateCustomer.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		for (Map<String, Object> takeover : List.of(
				Map.<String, Object>of("id", id, "expectedVersion", 2, "ownerId", userId(REP_OTHER_TEAM.subject())),
				Map.<String, Object>of("id", id, "expectedVersion", 2, "sharedWithIds", List.of()))) {
			as(REP_OTHER_TEAM).documentName("updateCustomer")
				.variable("input", takeover)
				.execute()
				.path("updateCustomer.userErrors[0].code")
				.entity(String.class)
				.isEqualTo("NOT_ALLOWED");
		}
		// the colleague may still edit the customer's details
		as(REP_OTHER_TEAM).documentName("updateCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 2, "region", "Tyrol"))
			.execute()
			.path("updateCustomer.customer.region")
			.entity(String.class)
			.isEqualTo("Tyrol");
		assertThat(count("select count(*) from customer where id::text = $1 and owner_id = 't-rep'",
				com.dealerdesk.platform.graphql.GlobalId.parse(id).localId()))
			.isEqualTo(1);
	}

	@Test
	void integrationMustNameTheOwner() {
		as(INTEGRATION).documentName("createCustomer")
			.variable("input", input(unique("From the ERP")))
			.execute()
			.path("createCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("REQUIRED");
		Map<String, Object> created = create(as(INTEGRATION),
				input(unique("From the ERP"), "ownerId", userId("t-rep")));
		assertThat(((Map<?, ?>) created.get("owner")).get("name")).isEqualTo("Rep");
	}

	static String userId(String subject) {
		return com.dealerdesk.platform.graphql.GlobalId.of("User", subject);
	}

}
