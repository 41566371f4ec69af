package com.dealerdesk.event;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicBoolean;

import com.dealerdesk.platform.error.StreamEndedException;
import com.dealerdesk.platform.outbox.EventAudience;
import com.dealerdesk.platform.outbox.EventFeed;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.FeedEvent;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.OtherInstances;
import com.dealerdesk.support.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed across API instances and through the death of one: an event committed through
 * any instance reaches subscribers of every other; a subscriber of an instance killed in
 * the middle of a stream of mutations resumes, after the restart, with every committed
 * event and none invented; a slow subscriber holds back nobody and is told to resume (at
 * the feed, where a test decides exactly what the consumer asks for: over a socket, the
 * sockets' buffers would decide).
 */
class EventFeedResilienceTest extends ApiTest {

	private static final String CUSTOMERS_CREATED = """
			subscription($after: Long) {
			  events(types: [CUSTOMER_CREATED], after: $after) { position aggregateId data }
			}""";

	@Autowired
	private Environment environment;

	@Autowired
	private EventFeed feed;

	@Test
	void aChangeThroughOneInstanceReachesASubscriberOfAnother() {
		try (ConfigurableApplicationContext other = OtherInstances.startInThisJvm(this.environment);
				GraphQlSocket socket = GraphQlSocket.open(OtherInstances.portOf(other))
					.init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("1", CUSTOMERS_CREATED, Map.of("after", newestPosition()));
			String created = createCustomer(this.port, unique("Made on instance one"));
			assertThat(socket.nextData("1").path("payload").path("data").path("events").path("aggregateId").asString())
				.isEqualTo(created);
		}
	}

	@Test
	void aSubscriberOfAKilledInstanceResumesWithEveryCommittedEventAndNoneInvented() {
		Path workDir = Path.of("target/killed-api");
		String prefix = unique("Killed mid-stream");
		int port = OtherInstances.freePort();
		long start = newestPosition();
		Process api = OtherInstances.startProcess(this.environment, port, workDir);
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		List<JsonNode> received = new ArrayList<>();
		try {
			AtomicBoolean stop = new AtomicBoolean();
			try (GraphQlSocket socket = GraphQlSocket.open(port).init(TestTokens.tokenFor(ADMIN))) {
				socket.subscribe("1", CUSTOMERS_CREATED, Map.of("after", start));
				// thousands of mutations, four at a time, until the process dies under
				// them
				Mono<Void> load = Flux.range(0, 3000)
					.takeWhile(i -> !stop.get())
					.flatMap(i -> createCustomerMono(port, prefix + " " + i).doOnNext(acknowledged::add)
						.onErrorResume(ex -> Mono.empty()), 4)
					.then();
				load.subscribe();
				Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 600);
				api.destroyForcibly();
				Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !api.isAlive());
				stop.set(true);
				received.addAll(socket.drain()
					.stream()
					.filter(message -> "next".equals(message.path("type").asString()))
					.toList());
			}
			long last = received.isEmpty() ? start
					: received.get(received.size() - 1)
						.path("payload")
						.path("data")
						.path("events")
						.path("position")
						.asLong();

			Process restarted = OtherInstances.startProcess(this.environment, port, workDir.resolve("restarted"));
			try (GraphQlSocket socket = GraphQlSocket.open(port).init(TestTokens.tokenFor(ADMIN))) {
				socket.subscribe("again", CUSTOMERS_CREATED, Map.of("after", last));
				long committed = count("select count(*) from customer where name like $1", prefix + " %");
				while (names(received, prefix).size() < committed) {
					try {
						received.add(socket.nextData("again"));
					}
					catch (AssertionError ex) {
						throw new AssertionError("received " + names(received, prefix).size() + " of " + committed
								+ " after resuming from " + last + "; newest in the outbox "
								+ count("select max(sequence) from outbox_event") + ", of ours "
								+ count("select max(o.sequence) from outbox_event o join customer c on c.id = o.aggregate_id"
										+ " where c.name like $1", prefix + " %"),
								ex);
					}
				}
			}
			finally {
				restarted.destroyForcibly();
			}
		}
		finally {
			api.destroyForcibly();
		}

		List<Long> positions = received.stream()
			.map(message -> message.path("payload").path("data").path("events").path("position").asLong())
			.toList();
		assertThat(positions).as("in order, none twice").isSorted().doesNotHaveDuplicates();
		Set<String> committedIds = new HashSet<>(this.database.sql("select id from customer where name like $1")
			.bind(0, prefix + " %")
			.map(row -> com.dealerdesk.platform.graphql.GlobalId.of("Customer", row.get("id", java.util.UUID.class)))
			.all()
			.collectList()
			.block());
		Set<String> receivedIds = new HashSet<>(received.stream()
			.map(message -> message.path("payload").path("data").path("events").path("aggregateId").asString())
			.toList());
		assertThat(acknowledged).as("every acknowledged mutation was committed").isSubsetOf(committedIds);
		assertThat(receivedIds).as("every committed event received, none invented").isEqualTo(committedIds);
		assertThat(committedIds.size()).as("the kill came in the middle of the stream").isBetween(600, 2999);
	}

	@Test
	void aSlowSubscriberHoldsBackNobodyAndIsToldToResumeWithNoGap() {
		long start = newestPosition();
		Set<EventType> products = Set.of(EventType.PRODUCT_UPDATED);
		// the slow one takes one event and then nothing, as a consumer that stopped
		// reading
		List<FeedEvent> slowGot = new CopyOnWriteArrayList<>();
		AtomicReference<Throwable> slowEnded = new AtomicReference<>();
		BaseSubscriber<FeedEvent> slow = new BaseSubscriber<>() {
			@Override
			protected void hookOnSubscribe(Subscription subscription) {
				request(1);
			}

			@Override
			protected void hookOnNext(FeedEvent event) {
				slowGot.add(event);
			}

			@Override
			protected void hookOnError(Throwable error) {
				slowEnded.set(error);
			}
		};
		this.feed.stream(EventAudience.everything(), products, start).subscribe(slow);
		List<Long> written = writeBigEvents(3000);

		List<Long> fastGot = this.feed.stream(EventAudience.everything(), products, start)
			.map(FeedEvent::position)
			.take(written.size())
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(fastGot).as("a fast subscriber gets everything while the slow one takes nothing")
			.containsExactlyElementsOf(written);
		assertThat(slowGot).hasSize(1);

		// a minute and more later, the slow one asks for more: it is told to resume
		this.clock.travel(Duration.ofMinutes(2));
		slow.request(Long.MAX_VALUE);
		Awaitility.await().until(() -> slowEnded.get() != null);
		assertThat(slowEnded.get()).isInstanceOf(StreamEndedException.class);
		StreamEndedException ended = (StreamEndedException) slowEnded.get();
		assertThat(ended.code()).isEqualTo("SUBSCRIBER_TOO_SLOW");
		long resumeAfter = (Long) ended.details().get("resumeAfter");
		assertThat(resumeAfter).isEqualTo(slowGot.get(slowGot.size() - 1).position());

		// resuming from there gives the rest: with what it had, every event once, in
		// order
		this.clock.travel(Duration.ofMinutes(-2));
		List<Long> all = new ArrayList<>(slowGot.stream().map(FeedEvent::position).toList());
		all.addAll(this.feed.stream(EventAudience.everything(), products, resumeAfter)
			.map(FeedEvent::position)
			.take(written.size() - all.size())
			.collectList()
			.block(Duration.ofSeconds(60)));
		assertThat(all).containsExactlyElementsOf(written);
	}

	// ---- helpers

	/**
	 * Events of 8 KB each, written in one transaction the way OutboxWriter writes them:
	 * more than the sockets' buffers hold.
	 */
	private List<Long> writeBigEvents(int count) {
		return this.database.sql("""
				insert into outbox_event (event_id, type, aggregate_type, aggregate_id, aggregate_version, actor,
				                          payload, transaction_id)
				select gen_random_uuid(), 'product.updated', 'Product', gen_random_uuid(), 1, 't-admin',
				       jsonb_build_object('filler', repeat('x', 8192), 'n', n), pg_current_xact_id()
				from generate_series(1, $1) n
				returning sequence""")
			.bind(0, count)
			.map(row -> row.get("sequence", Long.class))
			.all()
			.sort()
			.collectList()
			.block(Duration.ofSeconds(60));
	}

	private long newestPosition() {
		return count("select coalesce(max(sequence), 0) from outbox_event");
	}

	private static Set<String> names(List<JsonNode> received, String prefix) {
		Set<String> names = new HashSet<>();
		for (JsonNode message : received) {
			String name = message.path("payload").path("data").path("events").path("data").path("name").asString();
			if (name.startsWith(prefix)) {
				names.add(name);
			}
		}
		return names;
	}

	private static String createCustomer(int port, String name) {
		return createCustomerMono(port, name).block(Duration.ofSeconds(30));
	}

	private static Mono<String> createCustomerMono(int port, String name) {
		return WebClient.create("http://localhost:" + port)
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(ADMIN))
			.bodyValue(Map.of("query",
					"mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }",
					"variables", Map.of("input", Map.of("name", name))))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.mapNotNull(body -> body.path("data").path("createCustomer").path("customer").path("id").asString(null));
	}

}
