package com.dealerdesk.platform.resilience;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.dealerdesk.platform.resilience.GraphQlCalls.Answer;
import com.dealerdesk.platform.resilience.GraphQlCalls.Kind;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.OtherInstances;
import com.dealerdesk.support.TestTokens;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to an API process under load: the requests it took are answered before it exits
 * (every write it committed was acknowledged, every acknowledged one is stored once), and
 * an open subscription gets its final message with the position to resume from before the
 * socket closes; resuming there on another instance misses and repeats nothing.
 */
class GracefulShutdownTest extends ApiTest {

	private static final String CUSTOMERS_CREATED = """
			subscription($after: Long) {
			  events(types: [CUSTOMER_CREATED], after: $after) { position data }
			}""";

	@Autowired
	private Environment environment;

	@Test
	void sigtermDrainsRequestsInFlightAndGivesSubscribersTheirResumePosition() throws Exception {
		String prefix = unique("Shut down");
		int apiPort = OtherInstances.freePort();
		long start = count("select coalesce(max(sequence), 0) from outbox_event");
		Process api = OtherInstances.startProcess(this.environment, apiPort, Path.of("target/sigterm-api"));
		GraphQlCalls calls = new GraphQlCalls(apiPort);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		List<Answer> others = new CopyOnWriteArrayList<>();
		AtomicBoolean stop = new AtomicBoolean();
		List<JsonNode> received = new ArrayList<>();
		JsonNode finalMessage;
		WebSocketCloseStatus closeStatus;
		long shutdownMillis;
		try (GraphQlSocket socket = GraphQlSocket.open(apiPort).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("1", CUSTOMERS_CREATED, Map.of("after", start));
			ExecutorService clients = Executors.newFixedThreadPool(8);
			for (int c = 0; c < 8; c++) {
				int client = c;
				clients.submit(() -> {
					for (int i = 0; !stop.get(); i++) {
						Answer answer = calls.createCustomer(prefix + " " + client + "-" + i);
						if (answer.kind() == Kind.OK) {
							acknowledged.add(prefix + " " + client + "-" + i);
						}
						else if (answer.kind() == Kind.NO_ANSWER && !api.isAlive()) {
							return;
						}
						else if (answer.kind() != Kind.NO_ANSWER && answer.kind() != Kind.RETRY) {
							others.add(answer);
						}
					}
				});
			}
			Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 200);

			long sigterm = System.nanoTime();
			api.destroy();
			assertThat(api.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
			shutdownMillis = (System.nanoTime() - sigterm) / 1_000_000;
			stop.set(true);
			clients.shutdown();
			assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

			closeStatus = socket.awaitClose(Duration.ofSeconds(10));
			JsonNode last = null;
			for (JsonNode message : socket.drain()) {
				if ("next".equals(message.path("type").asString())) {
					received.add(message.path("payload").path("data").path("events"));
				}
				else if (!"ping".equals(message.path("type").asString())) {
					last = message;
				}
			}
			finalMessage = last;
		}
		finally {
			api.destroyForcibly();
		}

		System.out.printf(
				"SIGTERM: the process ended %d ms after the signal; %d writes acknowledged; close status %s%n",
				shutdownMillis, acknowledged.size(), closeStatus);
		assertThat(others).as("no answer but success, UNAVAILABLE or none at all").isEmpty();
		// the server's close frame (it carries no status: 1005), not a dropped
		// connection (1006)
		assertThat(closeStatus.code()).as("closed with a close frame, not dropped").isEqualTo(1005);
		assertThat(finalMessage).as("a final message before the close").isNotNull();
		assertThat(finalMessage.path("type").asString()).isEqualTo("error");
		JsonNode extensions = finalMessage.path("payload").path(0).path("extensions");
		assertThat(extensions.path("code").asString()).isEqualTo("SERVER_SHUTTING_DOWN");
		long resumeAfter = extensions.path("resumeAfter").asLong();
		long lastReceived = received.isEmpty() ? start : received.get(received.size() - 1).path("position").asLong();
		assertThat(resumeAfter).as("the position of the last event sent").isEqualTo(lastReceived);

		Map<String, Long> stored = new java.util.HashMap<>();
		this.database.sql("select name, count(*) as n from customer where name like $1 group by name")
			.bind(0, prefix + " %")
			.map(row -> Map.entry(row.get("name", String.class), row.get("n", Long.class)))
			.all()
			.doOnNext(entry -> stored.put(entry.getKey(), entry.getValue()))
			.blockLast(Duration.ofSeconds(30));
		assertThat(stored.values()).as("none stored twice").allMatch(n -> n == 1);
		assertThat(stored.keySet()).as("what was stored was acknowledged: no request in flight was dropped")
			.isEqualTo(acknowledged);

		// resuming on another instance (the tests' own) gives the rest, once each
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("again", CUSTOMERS_CREATED, Map.of("after", resumeAfter));
			while (names(received, prefix).size() < stored.size()) {
				received.add(socket.nextData("again").path("payload").path("data").path("events"));
			}
		}
		List<Long> positions = received.stream().map(event -> event.path("position").asLong()).toList();
		assertThat(positions).isSorted().doesNotHaveDuplicates();
		assertThat(names(received, prefix)).isEqualTo(stored.keySet());
	}

	private static Set<String> names(List<JsonNode> events, String prefix) {
		Set<String> names = new HashSet<>();
		for (JsonNode event : events) {
			String name = event.path("data").path("name").asString();
			if (name.startsWith(prefix)) {
				names.add(name);
			}
		}
		return names;
	}

}
