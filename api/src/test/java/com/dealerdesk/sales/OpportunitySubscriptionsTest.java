package com.dealerdesk.sales;

import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live views of open screens over a real WebSocket: the deal page and the pipeline
 * board get the deal as it is after a move, and a board never gets a deal its viewer may
 * not read.
 */
class OpportunitySubscriptionsTest extends ApiTest {

	@Test
	void theDealPageAndTheBoardGetTheDealAfterAMoveAndOnlyDealsInScope() {
		String pipeline = as(REP).documentName("sales")
			.operationName("pipelines")
			.execute()
			.path("pipelines[?(@.isDefault == true)].id")
			.entityList(String.class)
			.get()
			.get(0);
		List<String> stages = as(REP).documentName("sales")
			.operationName("pipelines")
			.execute()
			.path("pipelines[?(@.isDefault == true)].stages[?(@.closesAsWon == false)].id")
			.entityList(String.class)
			.get();
		String deal = deal(REP, "Watched deal");
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(REP))) {
			socket.subscribe("deal",
					"subscription($id: ID!) { opportunityChanged(id: $id) { id version stage { id } } }",
					Map.of("id", deal));
			socket.subscribe("board",
					"subscription($id: ID!) { pipelineChanged(pipelineId: $id) { id version stage { id } } }",
					Map.of("id", pipeline));
			// another team's deal in the same pipeline, then the rep's own move; a live
			// view
			// starts "from now on" once the server has set it up, which the protocol does
			// not
			// announce: move again until the page has seen a move
			deal(REP_OTHER_TEAM, "Not the rep's");
			Map<String, JsonNode> firstOf = new java.util.HashMap<>();
			int version = 1;
			while (!firstOf.containsKey("deal") && version < 10) {
				as(REP).documentName("sales")
					.operationName("moveOpportunity")
					.variable("input",
							Map.of("id", deal, "expectedVersion", version, "stageId", stages.get(version % 2)))
					.execute()
					.path("moveOpportunity.userErrors")
					.entityList(Object.class)
					.hasSize(0);
				version++;
				for (JsonNode message = socket
					.nextWithin(java.time.Duration.ofSeconds(2)); message != null; message = socket
						.nextWithin(java.time.Duration.ofMillis(200))) {
					firstOf.putIfAbsent(message.path("id").asString(), message);
				}
			}
			JsonNode onPage = data(firstOf.get("deal")).path("opportunityChanged");
			assertThat(onPage.path("id").asString()).isEqualTo(deal);
			assertThat(onPage.path("version").asInt()).isGreaterThan(1);
			assertThat(onPage.path("stage").path("id").asString()).isIn(stages.get(0), stages.get(1));
			// in position order: had the other team's deal leaked, it would come first
			JsonNode onBoard = data(firstOf.containsKey("board") ? firstOf.get("board") : nextFor(socket, "board"))
				.path("pipelineChanged");
			assertThat(onBoard.path("id").asString()).isEqualTo(deal);
			assertThat(onBoard.path("version").asInt()).isGreaterThan(1);
		}
	}

	private String deal(com.dealerdesk.support.TestTokens.TestUser owner, String name) {
		String customer = OrderFixtures.customer(as(owner), unique(name + " customer"));
		return as(owner).documentName("sales")
			.operationName("createOpportunity")
			.variable("input", Map.of("customerId", customer, "name", name))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
	}

	private static JsonNode nextFor(GraphQlSocket socket, String id) {
		while (true) {
			JsonNode message = socket.next();
			if (id.equals(message.path("id").asString())) {
				return message;
			}
		}
	}

	private static JsonNode data(JsonNode message) {
		assertThat(message.path("type").asString()).as("message %s", message).isEqualTo("next");
		return message.path("payload").path("data");
	}

}
