package com.dealerdesk.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import com.dealerdesk.support.ApiTest;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Positions that cannot skip, without a writer lock: an event whose transaction commits
 * after a later-numbered one must still be delivered first, and writers must not wait for
 * each other. Transactions are held open on connections of the test's own, so the order
 * of commits is the test's, not chance's.
 */
class OutboxWriterTest extends ApiTest {

	private static final Actor ACTOR = new Actor("t-admin", "Admin", Set.of(Role.ADMIN), null, Set.of());

	@Autowired
	private OutboxWriter outbox;

	@Autowired
	private EventFeed feed;

	@Autowired
	private EventRelay relay;

	@Autowired
	private ConnectionFactory connections;

	@Test
	void anEventCommittedLaterWithASmallerPositionIsDeliveredFirstAndNothingIsSkipped() {
		List<FeedEvent> delivered = new CopyOnWriteArrayList<>();
		Disposable subscriber = subscribeFromNow(delivered);
		Connection held = open();
		try {
			long early = appendIn(held, "held open");
			// a second writer appends and commits while the first is still open: no lock
			// makes it wait
			long late = this.outbox
				.append(ACTOR, EventType.PRODUCT_UPDATED, "Product", UUID.randomUUID(), 1, EventOwner.VENDOR,
						Map.of("note", "committed first"))
				.block(Duration.ofSeconds(10));
			assertThat(early).isLessThan(late);

			long stepsBefore = this.relay.steps();
			Awaitility.await().until(() -> this.relay.steps() >= stepsBefore + 3);
			assertThat(positions(delivered)).as("nothing after the open transaction's position is delivered yet")
				.doesNotContain(early, late);

			Mono.from(held.commitTransaction()).block();
			Awaitility.await().until(() -> positions(delivered).contains(late));
			assertThat(positions(delivered)).containsSubsequence(early, late);
		}
		finally {
			subscriber.dispose();
			Mono.from(held.close()).block();
		}
	}

	@Test
	void aRolledBackTransactionHoldsNothingBackOnceItEnds() {
		List<FeedEvent> delivered = new CopyOnWriteArrayList<>();
		Disposable subscriber = subscribeFromNow(delivered);
		Connection held = open();
		try {
			long abandoned = appendIn(held, "rolled back");
			long late = this.outbox
				.append(ACTOR, EventType.PRODUCT_UPDATED, "Product", UUID.randomUUID(), 1, EventOwner.VENDOR,
						Map.of("note", "after the abandoned one"))
				.block(Duration.ofSeconds(10));
			Mono.from(held.rollbackTransaction()).block();
			Awaitility.await().until(() -> positions(delivered).contains(late));
			assertThat(positions(delivered)).doesNotContain(abandoned);
		}
		finally {
			subscriber.dispose();
			Mono.from(held.close()).block();
		}
	}

	@Test
	void writesTheEventWithItsTransactionOwnerAndPayload() {
		UUID aggregate = UUID.randomUUID();
		UUID customer = UUID.randomUUID();
		Map<String, Object> row = this.outbox
			.append(ACTOR, EventType.CUSTOMER_UPDATED, "Customer", aggregate, 3, EventOwner.customer(customer, null),
					Map.of("name", "Ünïcødé ✓"))
			.flatMap(position -> this.database.sql("""
					select type, aggregate_type, aggregate_version, actor, customer_id, payload->>'name' as name,
					       transaction_id::text as transaction_id
					from outbox_event where sequence = $1""").bind(0, position).fetch().one())
			.block(Duration.ofSeconds(10));
		assertThat(row).containsEntry("type", "customer.updated")
			.containsEntry("aggregate_type", "Customer")
			.containsEntry("aggregate_version", 3)
			.containsEntry("actor", "t-admin")
			.containsEntry("customer_id", customer)
			.containsEntry("name", "Ünïcødé ✓");
		assertThat((String) row.get("transaction_id")).matches("[1-9][0-9]*");
	}

	// ---- helpers

	private Disposable subscribeFromNow(List<FeedEvent> delivered) {
		long from = this.feed.head().block(Duration.ofSeconds(10));
		return this.feed.stream(EventAudience.everything(), Set.of(), from).subscribe(delivered::add);
	}

	private Connection open() {
		Connection connection = Mono.from(this.connections.create()).block(Duration.ofSeconds(10));
		Mono.from(connection.beginTransaction()).block();
		return connection;
	}

	/** Appends an event in the held transaction the way OutboxWriter does. */
	private static long appendIn(Connection connection, String note) {
		return Flux.from(connection.createStatement("select pg_current_xact_id()::text as x").execute())
			.flatMap(result -> result.map(row -> row.get("x", String.class)))
			.single()
			.flatMap(
					transaction -> Flux
						.from(connection
							.createStatement(
									"""
											insert into outbox_event (event_id, type, aggregate_type, aggregate_id, aggregate_version, actor,
											                          payload, transaction_id)
											values ($1, 'product.updated', 'Product', $2, 1, 't-admin', $3::jsonb, $4::xid8)
											returning sequence""")
							.bind("$1", UUID.randomUUID())
							.bind("$2", UUID.randomUUID())
							.bind("$3", "{\"note\": \"" + note + "\"}")
							.bind("$4", transaction)
							.execute())
						.flatMap(result -> result.map(row -> row.get("sequence", Long.class)))
						.single())
			.block(Duration.ofSeconds(10));
	}

	private static List<Long> positions(List<FeedEvent> events) {
		return events.stream().map(FeedEvent::position).toList();
	}

}
