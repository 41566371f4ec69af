package com.dealerdesk.partner;

import java.util.List;
import java.util.Map;

import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

class PartnerApiTest extends PartnerFixtures {

	@Test
	void aChannelManagerOnboardsAPartnerAndChangesIt() {
		String name = unique("Contoso Reseller");
		GraphQlTester.Response created = partnerCall(CHANNEL_MANAGER, "createPartner",
				map("name", name, "legalName", "Contoso Reseller GmbH", "taxId", "DE 123 456 789", "country", "de",
						"address", "Hauptstr. 1, Berlin", "territories",
						List.of(map("region", "Bavaria"), map("industry", "Construction", "region", "Saxony"))));
		assertThat(errors(created, "createPartner")).isEmpty();
		created.path("createPartner.partner.status").entity(String.class).isEqualTo("PROSPECTIVE");
		created.path("createPartner.partner.country").entity(String.class).isEqualTo("DE");
		created.path("createPartner.partner.territories[1].industry").entity(String.class).isEqualTo("Construction");
		String id = created.path("createPartner.partner.id").entity(String.class).get();
		assertThat(count("select count(*) from outbox_event where type = 'partner.created' and aggregate_id = $1",
				uuid(id)))
			.isEqualTo(1);

		GraphQlTester.Response updated = partnerCall(CHANNEL_MANAGER, "updatePartner",
				map("id", id, "expectedVersion", 1, "address", null, "territories", List.of(map("region", "Hesse"))));
		assertThat(errors(updated, "updatePartner")).isEmpty();
		updated.path("updatePartner.partner.version").entity(Integer.class).isEqualTo(2);
		updated.path("updatePartner.partner.address").valueIsNull();
		updated.path("updatePartner.partner.legalName").entity(String.class).isEqualTo("Contoso Reseller GmbH");
		updated.path("updatePartner.partner.territories[*].region").entityList(String.class).containsExactly("Hesse");

		GraphQlTester.Response stale = partnerCall(CHANNEL_MANAGER, "updatePartner",
				map("id", id, "expectedVersion", 1, "name", "Lost update"));
		assertThat(errors(stale, "updatePartner")).containsExactly("input.expectedVersion=STALE_VERSION");
		stale.path("updatePartner.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).contains("version 2"));

		// found by its legal name, tax id or a word of its name
		for (String search : List.of("contoso gmbh", "DE 123", name.substring(name.lastIndexOf(' ') + 1))) {
			as(REP).documentName("partner")
				.operationName("partners")
				.variable("search", search)
				.execute()
				.path("partners.edges[*].node.id")
				.entityList(String.class)
				.contains(id);
		}
	}

	@Test
	void statusMovesOnlyAlongTheAllowedPathsAndSuspendingNeedsAReason() {
		String id = partnerCall(CHANNEL_MANAGER, "createPartner", map("name", unique("Status Co")))
			.path("createPartner.partner.id")
			.entity(String.class)
			.get();
		assertThat(errors(
				partnerCall(CHANNEL_MANAGER, "changePartnerStatus",
						map("id", id, "expectedVersion", 1, "status", "SUSPENDED", "reason", "Not yet")),
				"changePartnerStatus"))
			.containsExactly("input.status=INVALID_VALUE");
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "changePartnerStatus",
				map("id", id, "expectedVersion", 1, "status", "ACTIVE")), "changePartnerStatus"))
			.isEmpty();
		assertThat(errors(
				partnerCall(CHANNEL_MANAGER, "changePartnerStatus",
						map("id", id, "expectedVersion", 2, "status", "SUSPENDED", "reason", "  ")),
				"changePartnerStatus"))
			.containsExactly("input.reason=REQUIRED");
		assertThat(errors(
				partnerCall(REP, "changePartnerStatus",
						map("id", id, "expectedVersion", 2, "status", "SUSPENDED", "reason", "Unpaid invoices")),
				"changePartnerStatus"))
			.containsExactly("=NOT_ALLOWED");
		GraphQlTester.Response suspended = partnerCall(CHANNEL_MANAGER, "changePartnerStatus",
				map("id", id, "expectedVersion", 2, "status", "SUSPENDED", "reason", "Unpaid invoices"));
		suspended.path("changePartnerStatus.partner.status").entity(String.class).isEqualTo("SUSPENDED");
		assertThat(count("select count(*) from partner where id = $1 and status_reason = 'Unpaid invoices'", uuid(id)))
			.isEqualTo(1);
		assertThat(errors(
				partnerCall(CHANNEL_MANAGER, "changePartnerStatus",
						map("id", id, "expectedVersion", 3, "status", "TERMINATED", "reason", "Contract ended")),
				"changePartnerStatus"))
			.isEmpty();
		assertThat(errors(
				partnerCall(ADMIN, "changePartnerStatus", map("id", id, "expectedVersion", 4, "status", "ACTIVE")),
				"changePartnerStatus"))
			.containsExactly("input.status=INVALID_VALUE");
		assertThat(
				count("select count(*) from outbox_event where type = 'partner.status_changed' and aggregate_id = $1",
						uuid(id)))
			.isEqualTo(3);
	}

	@Test
	void badInputIsRefusedWithNothingWritten() {
		String name = unique("Refused");
		assertThat(errors(partnerCall(REP, "createPartner", map("name", name)), "createPartner"))
			.containsExactly("=NOT_ALLOWED");
		assertThat(errors(
				partnerCall(CHANNEL_MANAGER, "createPartner",
						map("name", name, "country", "Germany", "status", "SUSPENDED", "territories", List.of(map()))),
				"createPartner"))
			.containsExactlyInAnyOrder("input.country=INVALID_FORMAT", "input.status=INVALID_VALUE",
					"input.territories.0=REQUIRED");
		assertThat(count("select count(*) from partner where name = $1", name)).isZero();
	}

	@Test
	void contactsAreAddedAndRemoved() {
		String id = activePartner(unique("Contacts Co"));
		GraphQlTester.Response added = partnerCall(CHANNEL_MANAGER, "addPartnerContact", map("partnerId", id,
				"expectedVersion", 1, "name", "Greta Gruber", "role", "Sales lead", "email", "greta@contacts.example"));
		assertThat(errors(added, "addPartnerContact")).isEmpty();
		String contactId = added.path("addPartnerContact.partner.contacts[0].id").entity(String.class).get();
		assertThat(errors(
				partnerCall(CHANNEL_MANAGER, "addPartnerContact",
						map("partnerId", id, "expectedVersion", 2, "name", "Bad", "email", "not-an-address")),
				"addPartnerContact"))
			.containsExactly("input.email=INVALID_FORMAT");
		GraphQlTester.Response removed = partnerCall(CHANNEL_MANAGER, "removePartnerContact",
				map("partnerId", id, "expectedVersion", 2, "contactId", contactId));
		assertThat(errors(removed, "removePartnerContact")).isEmpty();
		removed.path("removePartnerContact.partner.contacts").entityList(Object.class).hasSize(0);
	}

	@Test
	void partnersArePagedByNameAndFiltered() {
		String prefix = unique("Paged");
		String parent = activePartner(prefix + " a");
		String b = activeSubDealer(parent, prefix + " b");
		String c = activeSubDealer(parent, prefix + " c");
		GraphQlTester.Response first = as(ADMIN).documentName("partner")
			.operationName("partners")
			.variable("search", prefix)
			.variable("first", 2)
			.execute();
		first.path("partners.edges[*].node.id").entityList(String.class).containsExactly(parent, b);
		first.path("partners.edges[0].node.subDealers[*].id").entityList(String.class).containsExactly(b, c);
		String after = first.path("partners.pageInfo.endCursor").entity(String.class).get();
		as(ADMIN).documentName("partner")
			.operationName("partners")
			.variable("search", prefix)
			.variable("first", 2)
			.variable("after", after)
			.execute()
			.path("partners.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(c);
		as(ADMIN).documentName("partner")
			.operationName("partners")
			.variable("parentId", parent)
			.variable("status", List.of("ACTIVE"))
			.execute()
			.path("partners.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(b, c);
	}

	@Test
	void subDealersGoOneLevelDeep() {
		String top = activePartner(unique("Top"));
		String sub = activeSubDealer(top, unique("Sub"));
		String other = activePartner(unique("Other"));
		// a sub-dealer has none of its own
		assertThat(errors(partnerCall(ADMIN, "createPartner", map("name", unique("Too deep"), "parentId", sub)),
				"createPartner"))
			.containsExactly("input.parentId=INVALID_VALUE");
		// a partner with sub-dealers is no sub-dealer
		assertThat(errors(
				partnerCall(ADMIN, "updatePartner", map("id", top, "expectedVersion", version(top), "parentId", other)),
				"updatePartner"))
			.containsExactly("input.parentId=INVALID_VALUE");
		assertThat(errors(partnerCall(ADMIN, "updatePartner",
				map("id", other, "expectedVersion", version(other), "parentId", other)), "updatePartner"))
			.containsExactly("input.parentId=INVALID_VALUE");
		// moved under another first-level partner, and back to the first level
		assertThat(errors(
				partnerCall(ADMIN, "updatePartner", map("id", sub, "expectedVersion", version(sub), "parentId", other)),
				"updatePartner"))
			.isEmpty();
		assertThat(errors(
				partnerCall(ADMIN, "updatePartner", map("id", sub, "expectedVersion", version(sub), "parentId", null)),
				"updatePartner"))
			.isEmpty();
		assertThat(count("select count(*) from partner where parent_id is not null and id = $1", uuid(sub))).isZero();
	}

	@Test
	void twoPartnersPutUnderEachOtherAtOnceMakeNoCycle() {
		String one = activePartner(unique("One"));
		String two = activePartner(unique("Two"));
		List<Map<String, Object>> answers = com.dealerdesk.support.Concurrently.mutateEach(this.port, ADMIN, "partner",
				"updatePartner", List.of(map("id", one, "expectedVersion", 1, "parentId", two),
						map("id", two, "expectedVersion", 1, "parentId", one)));
		long linked = answers.stream().filter(answer -> ((List<?>) answer.get("userErrors")).isEmpty()).count();
		assertThat(linked).isEqualTo(1);
		assertThat(count("select count(*) from partner where id in ($1, $2) and parent_id is not null", uuid(one),
				uuid(two)))
			.isEqualTo(1);
	}

	@Test
	void aPartnersUsersOnboardSubDealersUnderTheirOwnPartnerOnly() {
		String partner = activePartner(unique("Parent"));
		TestUser parentUser = userOf(partner, unique("t-parent-user"));
		GraphQlTester.Response created = partnerCall(parentUser, "createPartner", map("name", unique("Their sub")));
		assertThat(errors(created, "createPartner")).isEmpty();
		created.path("createPartner.partner.parent.id").entity(String.class).isEqualTo(partner);
		created.path("createPartner.partner.status").entity(String.class).isEqualTo("PROSPECTIVE");
		String sub = created.path("createPartner.partner.id").entity(String.class).get();

		String stranger = activePartner(unique("Stranger"));
		assertThat(errors(partnerCall(parentUser, "createPartner",
				map("name", unique("Elsewhere"), "parentId", stranger, "status", "ACTIVE")), "createPartner"))
			.containsExactlyInAnyOrder("input.parentId=NOT_ALLOWED", "input.status=NOT_ALLOWED");
		// they change their sub-dealers, never their own partner, its tier or a stranger
		assertThat(errors(
				partnerCall(parentUser, "updatePartner", map("id", sub, "expectedVersion", 1, "address", "Ringstr. 5")),
				"updatePartner"))
			.isEmpty();
		assertThat(errors(
				partnerCall(parentUser, "updatePartner", map("id", partner, "expectedVersion", 1, "name", "Renamed")),
				"updatePartner"))
			.containsExactly("input.id=NOT_ALLOWED");
		assertThat(errors(
				partnerCall(parentUser, "updatePartner", map("id", stranger, "expectedVersion", 1, "name", "Renamed")),
				"updatePartner"))
			.containsExactly("input.id=NOT_FOUND");
		assertThat(
				errors(partnerCall(parentUser, "updatePartner", map("id", sub, "expectedVersion", 2, "parentId", null)),
						"updatePartner"))
			.containsExactly("input.parentId=NOT_ALLOWED");
		assertThat(errors(partnerCall(parentUser, "changePartnerStatus",
				map("id", sub, "expectedVersion", 2, "status", "ACTIVE")), "changePartnerStatus"))
			.containsExactly("=NOT_ALLOWED");
	}

	@Test
	void subDealersAreSeenOneLevelDownAndNeverSidewaysOrUp() {
		String parent = activePartner(unique("Visible parent"));
		String sub = activeSubDealer(parent, unique("Visible sub"));
		String sibling = activeSubDealer(parent, unique("Visible sibling"));
		TestUser parentUser = userOf(parent, unique("t-visible-parent"));
		TestUser subUser = userOf(sub, unique("t-visible-sub"));

		// the parent's users: their partner and both sub-dealers, by list, id, node and
		// nesting
		as(parentUser).documentName("partner")
			.operationName("partners")
			.execute()
			.path("partners.edges[*].node.id")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(parent, sub, sibling));
		as(parentUser).documentName("partner")
			.operationName("partner")
			.variable("id", parent)
			.execute()
			.path("partner.subDealers[*].id")
			.entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder(sub, sibling));
		as(parentUser).documentName("partner")
			.operationName("partnerNode")
			.variable("id", sub)
			.execute()
			.path("node.id")
			.entity(String.class)
			.isEqualTo(sub);

		// the sub-dealer's users: their own only, not the parent nor the sibling
		as(subUser).documentName("partner")
			.operationName("partners")
			.execute()
			.path("partners.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(sub);
		as(subUser).documentName("partner")
			.operationName("partner")
			.variable("id", sub)
			.execute()
			.path("partner.parent")
			.valueIsNull();
		for (String hidden : List.of(parent, sibling)) {
			as(subUser).documentName("partner")
				.operationName("partner")
				.variable("id", hidden)
				.execute()
				.path("partner")
				.valueIsNull();
			as(subUser).documentName("partner")
				.operationName("partnerNode")
				.variable("id", hidden)
				.execute()
				.path("node")
				.valueIsNull();
		}
		// and another partner's users see none of them
		as(PARTNER_A_USER).documentName("partner")
			.operationName("partners")
			.variable("search", "Visible")
			.execute()
			.path("partners.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

}
