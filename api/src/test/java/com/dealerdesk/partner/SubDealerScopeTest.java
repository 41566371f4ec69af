package com.dealerdesk.partner;

import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner sees its sub-dealers' business as its own, one level down; a sub-dealer sees
 * neither its parent's nor its siblings': through queries, {@code node(id)} and the event
 * feed.
 */
class SubDealerScopeTest extends PartnerFixtures {

	private static final String EVENTS = """
			subscription($types: [EventType!], $after: Long) {
			  events(types: $types, after: $after) { aggregateId type }
			}""";

	@Test
	void aParentSeesItsSubDealersCustomersAndASubDealerOnlyItsOwn() {
		String prefix = unique("Scoped");
		String parent = activePartner(prefix + " parent");
		String sub = activeSubDealer(parent, prefix + " sub");
		String sibling = activeSubDealer(parent, prefix + " sibling");
		TestUser parentUser = userOf(parent, unique("t-scope-parent"));
		TestUser subUser = userOf(sub, unique("t-scope-sub"));
		TestUser siblingUser = userOf(sibling, unique("t-scope-sibling"));

		String ofParent = OrderFixtures.customer(as(parentUser), prefix + " customer of parent");
		String ofSub = OrderFixtures.customer(as(subUser), prefix + " customer of sub");
		String ofSibling = OrderFixtures.customer(as(siblingUser), prefix + " customer of sibling");

		assertThat(customers(parentUser, prefix)).containsExactlyInAnyOrder(ofParent, ofSub, ofSibling);
		assertThat(customers(subUser, prefix)).containsExactly(ofSub);
		assertThat(customers(siblingUser, prefix)).containsExactly(ofSibling);

		assertNodeVisible(parentUser, ofSub);
		assertNodeVisible(subUser, ofSub);
		assertNodeHidden(subUser, ofParent);
		assertNodeHidden(subUser, ofSibling);
		// nested: the sub-dealer's customer names its partner to the parent
		as(parentUser).document("query($id: ID!) { customer(id: $id) { partner { id name } } }")
			.variable("id", ofSub)
			.execute()
			.path("customer.partner.id")
			.entity(String.class)
			.isEqualTo(sub);
	}

	@Test
	void theEventFeedFollowsTheSameScope() {
		String prefix = unique("Feed");
		String parent = activePartner(prefix + " parent");
		String sub = activeSubDealer(parent, prefix + " sub");
		String sibling = activeSubDealer(parent, prefix + " sibling");
		TestUser parentUser = userOf(parent, unique("t-feed-parent"));
		TestUser subUser = userOf(sub, unique("t-feed-sub"));
		TestUser siblingUser = userOf(sibling, unique("t-feed-sibling"));
		long start = count("select coalesce(max(sequence), 0) from outbox_event");
		try (GraphQlSocket parentSocket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(parentUser));
				GraphQlSocket subSocket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(subUser))) {
			Map<String, Object> variables = Map.of("types", List.of("CUSTOMER_CREATED"), "after", start);
			parentSocket.subscribe("parent", EVENTS, variables);
			subSocket.subscribe("sub", EVENTS, variables);
			String ofSibling = OrderFixtures.customer(as(siblingUser), prefix + " of sibling");
			String ofParent = OrderFixtures.customer(as(parentUser), prefix + " of parent");
			String ofSub = OrderFixtures.customer(as(subUser), prefix + " of sub");
			// in position order: the parent gets all three; had the sibling's or the
			// parent's leaked to the sub-dealer, it would come first
			assertThat(List.of(aggregateId(parentSocket.nextData("parent")),
					aggregateId(parentSocket.nextData("parent")), aggregateId(parentSocket.nextData("parent"))))
				.containsExactly(ofSibling, ofParent, ofSub);
			assertThat(aggregateId(subSocket.nextData("sub"))).isEqualTo(ofSub);
		}
	}

	@Test
	void aPartnersOwnEventsReachItAndItsParentButNotASibling() {
		String prefix = unique("Own events");
		String parent = activePartner(prefix + " parent");
		String sub = activeSubDealer(parent, prefix + " sub");
		String sibling = activeSubDealer(parent, prefix + " sibling");
		TestUser parentUser = userOf(parent, unique("t-own-parent"));
		TestUser siblingUser = userOf(sibling, unique("t-own-sibling"));
		long start = count("select coalesce(max(sequence), 0) from outbox_event");
		try (GraphQlSocket parentSocket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(parentUser));
				GraphQlSocket siblingSocket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(siblingUser))) {
			Map<String, Object> variables = Map.of("types", List.of("PARTNER_UPDATED"), "after", start);
			parentSocket.subscribe("parent", EVENTS, variables);
			siblingSocket.subscribe("sibling", EVENTS, variables);
			partnerCall(CHANNEL_MANAGER, "updatePartner", map("id", sub, "expectedVersion", 1, "address", "Sub 1"));
			partnerCall(CHANNEL_MANAGER, "updatePartner",
					map("id", sibling, "expectedVersion", 1, "address", "Sibling 1"));
			assertThat(aggregateId(parentSocket.nextData("parent"))).isEqualTo(sub);
			assertThat(aggregateId(siblingSocket.nextData("sibling"))).isEqualTo(sibling);
		}
	}

	private List<String> customers(TestUser user, String search) {
		return as(user).document(
				"query($filter: CustomerFilter) { customers(first: 50, filter: $filter) { edges { node { id } } } }")
			.variable("filter", Map.of("search", search))
			.execute()
			.path("customers.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private void assertNodeVisible(TestUser user, String id) {
		nodeOf(user, id).path("node.id").entity(String.class).isEqualTo(id);
	}

	private void assertNodeHidden(TestUser user, String id) {
		nodeOf(user, id).path("node").valueIsNull();
	}

	private org.springframework.graphql.test.tester.GraphQlTester.Response nodeOf(TestUser user, String id) {
		return as(user).document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute();
	}

	private static String aggregateId(JsonNode message) {
		assertThat(message.path("type").asString()).as("message %s", message).isEqualTo("next");
		return message.path("payload").path("data").path("events").path("aggregateId").asString();
	}

}
