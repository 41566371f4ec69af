package com.dealerdesk.platform.graphql;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A context that was stopped and started again serves as before: the test framework
 * pauses cached contexts that way between test classes, and a drain left on would answer
 * every later request {@code SERVER_SHUTTING_DOWN} and end every subscription at once.
 */
class ShutdownDrainRestartTest extends ApiTest {

	private static final String EVENTS = """
			subscription { events(types: [CUSTOMER_CREATED]) { aggregateId data } }""";

	@Autowired
	private ShutdownDrain drain;

	@Test
	void servesRequestsAndSubscriptionsAgainAfterARestart() throws InterruptedException {
		CountDownLatch stopped = new CountDownLatch(1);
		this.drain.stop(stopped::countDown);
		assertThat(stopped.await(30, TimeUnit.SECONDS)).isTrue();
		this.drain.start();

		as(ADMIN).document("{ viewer { subject } }").execute().path("viewer.subject").hasValue();
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("live", EVENTS, Map.of());
			String name = unique("Restarted");
			OrderFixtures.customer(as(ADMIN), name);
			JsonNode message = socket.nextData("live");
			assertThat(message.path("type").asString()).as("%s", message).isEqualTo("next");
			assertThat(message.path("payload").path("data").path("events").path("data").path("name").asString())
				.isEqualTo(name);
		}
	}

}
