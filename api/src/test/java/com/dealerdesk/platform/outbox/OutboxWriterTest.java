package com.dealerdesk.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
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
	 * event's sequence would skip the first forever. The first transaction commits only
	 * once the second is seen waiting for it, so no timing decides the outcome.
	 */
	@Test
	void eventsBecomeVisibleInSequenceOrder() {
		String type = "Ordering" + UUID.randomUUID();
		TransactionalOperator tx = TransactionalOperator.create(this.transactions);
		Sinks.One<Long> firstAppended = Sinks.one();
		Sinks.Empty<Void> commitFirst = Sinks.empty();
		Mono<Long> first = tx.transactional(
				append(type).doOnNext(firstAppended::tryEmitValue).delayUntil(sequence -> commitFirst.asMono()));
		Mono<Long> second = firstAppended.asMono().then(tx.transactional(append(type)));
		Mono<Long> visibleWhileFirstIsOpen = firstAppended.asMono()
			.then(aTransactionWaitsForTheOutboxLock())
			.then(this.database.sql("select count(*) from outbox_event where aggregate_type = $1")
				.bind(0, type)
				.map(row -> row.get(0, Long.class))
				.one())
			.doFinally(signal -> commitFirst.tryEmitEmpty());

		StepVerifier.create(Mono.zip(first, second, visibleWhileFirstIsOpen).zipWhen(result -> committed(type)))
			.assertNext(outcome -> {
				Tuple3<Long, Long, Long> result = outcome.getT1();
				assertThat(result.getT3()).as("events visible while the first transaction is open").isZero();
				assertThat(result.getT1()).as("the first event's sequence").isLessThan(result.getT2());
				assertThat(outcome.getT2()).containsExactly(result.getT1(), result.getT2());
			})
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	private Mono<List<Long>> committed(String type) {
		return this.database.sql("select sequence from outbox_event where aggregate_type = $1 order by sequence")
			.bind(0, type)
			.map(row -> row.get(0, Long.class))
			.all()
			.collectList();
	}

	/**
	 * Completes once a session waits for an advisory lock (the second writer behind the
	 * first); asks again at once until then, and fails when none ever waits.
	 */
	private Mono<Boolean> aTransactionWaitsForTheOutboxLock() {
		return this.database.sql("select exists (select 1 from pg_locks where locktype = 'advisory' and not granted)")
			.map(row -> row.get(0, Boolean.class))
			.one()
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(Integer.MAX_VALUE, Function.identity())
			.timeout(Duration.ofSeconds(20), Mono.error(() -> new AssertionError(
					"the second writer never waited for the first transaction: the outbox lock is not taken")));
	}

	@Test
	void writesTheEventWithItsMetadataAndPayload() {
		UUID aggregate = UUID.randomUUID();
		Mono<Map<String, Object>> written = this.outbox
			.append(ACTOR, EventType.CUSTOMER_UPDATED, "Thing", aggregate, 3, EventOwner.VENDOR,
					Map.of("name", "Ünïcødé ✓"))
			.flatMap(sequence -> this.database
				.sql("select type, aggregate_type, aggregate_version, actor, payload->>'name' as name"
						+ " from outbox_event where sequence = $1")
				.bind(0, sequence)
				.fetch()
				.one());
		StepVerifier.create(written)
			.assertNext(row -> assertThat(row).containsEntry("type", "customer.updated")
				.containsEntry("aggregate_type", "Thing")
				.containsEntry("aggregate_version", 3)
				.containsEntry("actor", "t-admin")
				.containsEntry("name", "Ünïcødé ✓"))
			.verifyComplete();
	}

	private Mono<Long> append(String aggregateType) {
		return this.outbox.append(ACTOR, EventType.CUSTOMER_UPDATED, aggregateType, UUID.randomUUID(), 1,
				EventOwner.VENDOR, Map.of("at", System.nanoTime()));
	}

}
