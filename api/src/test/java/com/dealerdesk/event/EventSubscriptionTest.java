package com.dealerdesk.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event feed over real WebSockets (graphql-transport-ws) with real JWTs: order,
 * resuming without gap or duplicate, scope at delivery, and every way a client can get
 * the protocol or its position wrong.
 */
class EventSubscriptionTest extends ApiTest {

	static final String EVENTS = """
			subscription($types: [EventType!], $after: Long) {
			  events(types: $types, after: $after) {
			    position id type aggregateType aggregateId aggregateVersion actor occurredAt transactionId data
			  }
			}""";

	@Test
	void deliversInOrderThenResumesAfterADisconnectWithNoGapAndNoDuplicate() {
		long start = newestPosition();
		String prefix = unique("Resume");
		List<String> created = new ArrayList<>();
		List<JsonNode> received = new ArrayList<>();
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("1", EVENTS, Map.of("types", List.of("CUSTOMER_CREATED"), "after", start));
			for (int i = 0; i < 3; i++) {
				created.add(OrderFixtures.customer(as(ADMIN), prefix + " " + i));
			}
			for (int i = 0; i < 3; i++) {
				received.add(event(socket.nextData("1")));
			}
		}
		// while nobody listens
		for (int i = 3; i < 5; i++) {
			created.add(OrderFixtures.customer(as(ADMIN), prefix + " " + i));
		}
		long last = received.get(2).path("position").asLong();
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("again", EVENTS, Map.of("types", List.of("CUSTOMER_CREATED"), "after", last));
			received.add(event(socket.nextData("again")));
			received.add(event(socket.nextData("again")));
			// and live again
			created.add(OrderFixtures.customer(as(ADMIN), prefix + " 5"));
			received.add(event(socket.nextData("again")));
		}

		assertThat(received).extracting(event -> event.path("data").path("name").asString())
			.containsExactly(prefix + " 0", prefix + " 1", prefix + " 2", prefix + " 3", prefix + " 4", prefix + " 5");
		assertThat(received).extracting(event -> event.path("aggregateId").asString())
			.containsExactlyElementsOf(created);
		List<Long> positions = received.stream().map(event -> event.path("position").asLong()).toList();
		assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(position -> position > start);
		JsonNode first = received.get(0);
		assertThat(first.path("type").asString()).isEqualTo("CUSTOMER_CREATED");
		assertThat(first.path("aggregateType").asString()).isEqualTo("Customer");
		assertThat(first.path("aggregateVersion").asInt()).isEqualTo(1);
		assertThat(first.path("actor").asString()).isEqualTo("t-admin");
		assertThat(first.path("transactionId").asString()).matches("[1-9][0-9]*");
		assertThat(Instant.parse(first.path("occurredAt").asString())).isBefore(Instant.now().plusSeconds(60));
	}

	@Test
	void aPartnerReceivesOnlyItsOwnPartnersEvents() {
		long start = newestPosition();
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(PARTNER_A_USER))) {
			socket.subscribe("a", EVENTS, Map.of("types", List.of("CUSTOMER_CREATED"), "after", start));
			OrderFixtures.customer(as(PARTNER_B_USER), unique("Of partner B"));
			OrderFixtures.customer(as(ADMIN), unique("Direct customer"));
			String own = OrderFixtures.customer(as(PARTNER_A_USER), unique("Of partner A"));
			// events come in position order: had B's or the direct one leaked, it would
			// come first
			assertThat(event(socket.nextData("a")).path("aggregateId").asString()).isEqualTo(own);
		}
	}

	@Test
	void aRepReceivesOnlyEventsOfCustomersTheRepMayRead() {
		long start = newestPosition();
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(REP))) {
			socket.subscribe("rep", EVENTS, Map.of("types", List.of("CUSTOMER_CREATED"), "after", start));
			OrderFixtures.customer(as(REP_OTHER_TEAM), unique("Another team's"));
			String own = OrderFixtures.customer(as(REP), unique("The rep's own"));
			assertThat(event(socket.nextData("rep")).path("aggregateId").asString()).isEqualTo(own);
		}
	}

	@Test
	void aPositionBeyondTheNewestEventIsRefused() {
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("future", EVENTS, Map.of("after", newestPosition() + 1_000_000));
			assertThat(errorCode(socket.nextData("future"))).isEqualTo("POSITION_IN_FUTURE");
			socket.subscribe("negative", EVENTS, Map.of("after", -1));
			assertThat(errorCode(socket.nextData("negative"))).isEqualTo("POSITION_INVALID");
		}
	}

	@Test
	void resumingFromAPrunedPositionSaysWhereTheFeedStarts() {
		long newest = newestPosition();
		this.database.sql("update outbox_retention set pruned_through = $1").bind(0, newest).then().block();
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("pruned", EVENTS, Map.of("after", newest - 1));
			JsonNode error = socket.nextData("pruned");
			assertThat(errorCode(error)).isEqualTo("POSITION_PRUNED");
			assertThat(error.path("payload").get(0).path("extensions").path("feedStartsAfter").asLong())
				.isEqualTo(newest);
			assertThat(error.toString()).doesNotContain("Exception", "at com.");
		}
		finally {
			this.database.sql("update outbox_retention set pruned_through = 0").then().block();
		}
	}

	@Test
	void anUnknownEventTypeOrAMalformedPositionIsAValidationError() {
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("type", EVENTS, Map.of("types", List.of("CUSTOMER_EXPLODED")));
			JsonNode error = socket.nextData("type");
			assertThat(errorClassification(error)).isEqualTo("ValidationError");
			assertThat(error.toString()).contains("CUSTOMER_EXPLODED");
			socket.subscribe("position", EVENTS, Map.of("after", "the beginning"));
			assertThat(errorClassification(nextDataSkipping(socket, "position"))).isEqualTo("ValidationError");
		}
	}

	@Test
	void connectionInitWithoutAValidTokenClosesTheSocket() {
		for (Map<String, Object> payload : List.<Map<String, Object>>of(Map.of(),
				Map.of("Authorization", "Bearer " + TestTokens.forgedTokenFor(ADMIN)),
				Map.of("Authorization", "Bearer " + TestTokens.expiredTokenFor(ADMIN)),
				Map.of("Authorization", "Bearer not-a-jwt"))) {
			assertThat(closeCodeAfterInit(payload)).as("close code for %s", payload.keySet()).isEqualTo(4401);
		}
	}

	/**
	 * How the API closes a socket after this {@code connection_init}. A close for "no
	 * connection_init in time" (4408) means the server never looked at the message, which
	 * the suite has seen a few times when run on a loaded machine: then ask again, on a
	 * new socket, so that it is the token that is judged.
	 */
	private int closeCodeAfterInit(Map<String, Object> payload) {
		int code = 0;
		for (int attempt = 0; attempt < 3 && (code == 0 || code == 4408); attempt++) {
			try (GraphQlSocket socket = GraphQlSocket.open(this.port)) {
				socket.send(Map.of("type", "connection_init", "payload", payload));
				code = socket.awaitClose(Duration.ofSeconds(20)).code();
				assertThat(socket.drain()).as("nothing acknowledged")
					.noneMatch(message -> "connection_ack".equals(message.path("type").asString()));
			}
		}
		return code;
	}

	@Test
	void aSubscribeBeforeConnectionInitClosesTheSocket() {
		try (GraphQlSocket socket = GraphQlSocket.open(this.port)) {
			socket.subscribe("early", EVENTS, Map.of());
			assertThat(socket.awaitClose(Duration.ofSeconds(15)).code()).isEqualTo(4401);
		}
	}

	@Test
	void socketsThatNeverSendConnectionInitAreClosed() {
		List<GraphQlSocket> idle = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				idle.add(GraphQlSocket.open(this.port));
			}
			for (GraphQlSocket socket : idle) {
				WebSocketCloseStatus status = socket.awaitClose(Duration.ofSeconds(20));
				assertThat(status.code()).isEqualTo(4408);
			}
		}
		finally {
			idle.forEach(GraphQlSocket::close);
		}
	}

	@Test
	void tooManySubscriptionsOnOneConnectionAreRefused() {
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			for (int i = 0; i < 20; i++) {
				socket.subscribe("s" + i, EVENTS, Map.of());
			}
			socket.subscribe("one-too-many", EVENTS, Map.of());
			JsonNode refused = socket.nextData("one-too-many");
			assertThat(errorCode(refused)).isEqualTo("TOO_MANY_SUBSCRIPTIONS");
			// ending one makes room for another
			socket.send(Map.of("id", "s0", "type", "complete"));
			socket.subscribe("room-again", EVENTS, Map.of("types", List.of("CUSTOMER_CREATED")));
			String customer = OrderFixtures.customer(as(ADMIN), unique("Room again"));
			JsonNode next = nextDataSkipping(socket, "room-again");
			assertThat(event(next).path("aggregateId").asString()).isEqualTo(customer);
		}
	}

	@Test
	void aTokenThatExpiresDuringAStreamEndsIt() {
		String shortLived = TestTokens.tokenFor(ADMIN, Instant.now().plusSeconds(3));
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(shortLived)) {
			socket.subscribe("expiring", EVENTS, Map.of());
			assertThat(errorCode(nextDataSkipping(socket, "expiring"))).isEqualTo("TOKEN_EXPIRED");
		}
	}

	// ---- helpers

	private long newestPosition() {
		return count("select coalesce(max(sequence), 0) from outbox_event");
	}

	private static JsonNode event(JsonNode message) {
		assertThat(message.path("type").asString()).as("message %s", message).isEqualTo("next");
		return message.path("payload").path("data").path("events");
	}

	/**
	 * The code of an error message, or of the first error of a {@code next} with errors.
	 */
	private static String errorCode(JsonNode message) {
		JsonNode errors = "error".equals(message.path("type").asString()) ? message.path("payload")
				: message.path("payload").path("errors");
		assertThat(errors.isArray() && !errors.isEmpty()).as("errors in %s", message).isTrue();
		return errors.get(0).path("extensions").path("code").asString();
	}

	private static String errorClassification(JsonNode message) {
		JsonNode errors = "error".equals(message.path("type").asString()) ? message.path("payload")
				: message.path("payload").path("errors");
		assertThat(errors.isArray() && !errors.isEmpty()).as("errors in %s", message).isTrue();
		return errors.get(0).path("extensions").path("classification").asString();
	}

	/**
	 * The next message for {@code id}, ignoring messages of the socket's other
	 * subscriptions.
	 */
	private static JsonNode nextDataSkipping(GraphQlSocket socket, String id) {
		while (true) {
			JsonNode message = socket.next();
			if (id.equals(message.path("id").asString())) {
				return message;
			}
		}
	}

}
