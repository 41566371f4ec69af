package com.dealerdesk.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple3;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxWriterTest extends ApiTest {

	private static final Actor ACTOR = new Actor("t-admin", "Admin", Set.of(Role.ADMIN), null, Set.of());

	@Autowired
	private OutboxWriter outbox;

	@Autowired
	private ReactiveTransactionManager transactions;

	/**
	 * While one transaction holding an event is still open, a second one that appends
	 * later must not become visible first: otherwise a subscriber that read the second
	 * event's sequence would skip the first forever.
	 */
	@Test
	void eventsBecomeVisibleInSequenceOrder() {
		String type = "test.ordering." + UUID.randomUUID();
		TransactionalOperator tx = TransactionalOperator.create(this.transactions);
		Mono<Long> slow = tx.transactional(append(type).delayElement(Duration.ofMillis(1500)));
		Mono<Long> fast = Mono.delay(Duration.ofMillis(300)).then(tx.transactional(append(type)));
		Mono<Long> visibleWhileSlowIsOpen = Mono.delay(Duration.ofMillis(900))
			.then(this.database.sql("select count(*) from outbox_event where type = $1")
				.bind(0, type)
				.map(row -> row.get(0, Long.class))
				.one());

		Tuple3<Long, Long, Long> result = Mono.zip(slow, fast, visibleWhileSlowIsOpen).block(Duration.ofSeconds(10));

		assertThat(result.getT3()).as("events visible while the first transaction is open").isZero();
		assertThat(result.getT1()).as("the first event's sequence").isLessThan(result.getT2());
		List<Long> committed = this.database.sql("select sequence from outbox_event where type = $1 order by sequence")
			.bind(0, type)
			.map(row -> row.get(0, Long.class))
			.all()
			.collectList()
			.block();
		assertThat(committed).containsExactly(result.getT1(), result.getT2());
	}

	@Test
	void writesTheEventWithItsMetadataAndPayload() {
		UUID aggregate = UUID.randomUUID();
		Long sequence = this.outbox
			.append(ACTOR, "test.written", "Thing", aggregate, 3, null, Map.of("name", "Ünïcødé ✓"))
			.block();
		Map<String, Object> row = this.database
			.sql("select type, aggregate_type, aggregate_version, actor, payload->>'name' as name"
					+ " from outbox_event where sequence = $1")
			.bind(0, sequence)
			.fetch()
			.one()
			.block();
		assertThat(row).containsEntry("type", "test.written")
			.containsEntry("aggregate_type", "Thing")
			.containsEntry("aggregate_version", 3)
			.containsEntry("actor", "t-admin")
			.containsEntry("name", "Ünïcødé ✓");
	}

	private Mono<Long> append(String type) {
		return this.outbox.append(ACTOR, type, "Test", UUID.randomUUID(), 1, null, Map.of("at", System.nanoTime()));
	}

}
