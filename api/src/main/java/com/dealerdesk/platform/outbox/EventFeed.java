package com.dealerdesk.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import com.dealerdesk.platform.database.DatabaseFailures;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.StreamEndedException;
import com.dealerdesk.platform.error.UnavailableException;
import com.dealerdesk.platform.security.Actor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The event feed as its consumers see it: every event an audience may receive, in
 * position order, from any retained position on, then live. Subscriptions and webhooks
 * read through it; nothing else reads the outbox.
 *
 * <p>
 * A stream pulls: it reads the next events only when its consumer asks for more, from the
 * relay's window of recent events while it keeps up, from the database while it catches
 * up. A slow consumer therefore holds no memory but its place and slows nobody; one that
 * falls behind the window after it was live is told to resume.
 */
@Component
@EnableConfigurationProperties(EventProperties.class)
public class EventFeed {

	private final EventRelay relay;

	private final DatabaseClient database;

	private final CustomerVisibility customers;

	private final EventProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	/** Fires when the instance shuts down: every subscription's stream ends. */
	private volatile Sinks.Empty<Void> closing = Sinks.empty();

	/** Fires once no subscription's stream is open after {@link #close()}. */
	private volatile Sinks.Empty<Void> closed = Sinks.empty();

	/** Subscriptions' streams open on this instance (also a gauge). */
	private final AtomicInteger open = new AtomicInteger();

	private volatile boolean closingStarted;

	EventFeed(EventRelay relay, DatabaseClient database, CustomerVisibility customers, EventProperties properties,
			JsonMapper json, Clock clock, MeterRegistry meters) {
		this.clock = clock;
		Gauge.builder("dealerdesk.subscriptions.live", this.open, AtomicInteger::get)
			.description("GraphQL subscriptions open on this instance (event feed streams)")
			.register(meters);
		this.relay = relay;
		this.database = database;
		this.customers = customers;
		this.properties = properties;
		this.json = json;
	}

	/**
	 * Every event of the given types (all when empty) the audience may receive: those
	 * after {@code after}, then live ones; from the current head when {@code after} is
	 * null. Fails with {@code POSITION_PRUNED} or {@code POSITION_IN_FUTURE} for a
	 * position it cannot resume from, and with {@code SUBSCRIBER_TOO_SLOW} when the
	 * consumer has not caught up with the head for longer than
	 * {@code dealerdesk.events.max-behind}.
	 */
	public Flux<FeedEvent> stream(EventAudience audience, Set<EventType> types, Long after) {
		Mono<Void> checked = after == null ? Mono.empty() : requireResumable(after);
		return checked.thenMany(Flux.defer(() -> {
			Reader reader = new Reader(audience, types, after);
			// each stream works on a worker of its own: the relay announces heads on one
			// thread, which must not serve every subscriber in turn
			return this.relay.heads()
				.onBackpressureLatest()
				.publishOn(Schedulers.parallel(), 1)
				.concatMap(reader::upTo, 1);
		}));
	}

	/**
	 * Events about one object that the actor may receive, from now on: for live views of
	 * open screens, which read the object again rather than resume.
	 */
	public Flux<FeedEvent> live(Actor actor, String aggregateType, UUID aggregateId) {
		return live(actor, aggregateType).filter(event -> event.aggregateId().equals(aggregateId));
	}

	/**
	 * Events about objects of one aggregate type that the actor may receive, from now on:
	 * for live views of open screens, which read the object again rather than resume.
	 */
	public Flux<FeedEvent> live(Actor actor, String aggregateType) {
		return endingWith(
				stream(EventAudience.of(actor), Set.of(), null)
					.filter(event -> aggregateType.equals(event.aggregateType())),
				() -> new Ending("Subscribe again and read the object again.", Map.of()));
	}

	/**
	 * A subscription to the feed: a view of each event the audience may receive after
	 * {@code after} (after the current head when null), made by {@code view} (empty to
	 * leave an event out). The stream ends with an {@code UNAVAILABLE} error when the
	 * instance shuts down ({@code SERVER_SHUTTING_DOWN}) or the database is unavailable,
	 * carrying {@code resumeAfter}: the position of the last view emitted (or where it
	 * started), so that a new subscription with {@code after: resumeAfter} misses and
	 * repeats nothing.
	 */
	public <T> Flux<T> subscription(EventAudience audience, Set<EventType> types, Long after,
			Function<FeedEvent, Mono<T>> view, ToLongFunction<T> positionOf) {
		Mono<Long> start = after != null ? Mono.just(after) : head();
		return start.flatMapMany(from -> {
			// only views already emitted count: one being made when the stream is cut is
			// dropped and comes again after resuming
			AtomicLong delivered = new AtomicLong(from);
			Flux<T> views = stream(audience, types, from).concatMap(view)
				.doOnNext(each -> delivered.set(positionOf.applyAsLong(each)));
			return endingWith(views, () -> {
				long resumeAfter = delivered.get();
				return new Ending("Subscribe again with `after: " + resumeAfter + "`, the position of the last event "
						+ "you were sent, to miss and repeat nothing.", Map.of("resumeAfter", resumeAfter));
			});
		});
	}

	/**
	 * Ends a stream at shutdown, and when the database is unavailable, with an
	 * {@code UNAVAILABLE} error saying how to go on.
	 */
	private <T> Flux<T> endingWith(Flux<T> stream, Supplier<Ending> ending) {
		return stream.takeUntilOther(this.closing.asMono()).concatWith(Mono.error(() -> {
			Ending end = ending.get();
			return UnavailableException.retryable("SERVER_SHUTTING_DOWN",
					"This API instance is shutting down. " + end.howToGoOn(), end.details());
		})).onErrorMap(DatabaseFailures::isUnavailable, ex -> {
			Ending end = ending.get();
			return UnavailableException.retryable("UNAVAILABLE",
					"The database is unavailable for a moment. " + end.howToGoOn(), end.details());
		}).doOnSubscribe(subscription -> this.open.incrementAndGet()).doFinally(signal -> {
			if (this.open.decrementAndGet() == 0 && this.closingStarted) {
				this.closed.tryEmitEmpty();
			}
		});
	}

	private record Ending(String howToGoOn, Map<String, Object> details) {
	}

	/**
	 * Ends every subscription's stream, each with its final error: the instance shuts
	 * down. Completes once all have ended.
	 */
	public Mono<Void> close() {
		this.closingStarted = true;
		this.closing.tryEmitEmpty();
		if (this.open.get() == 0) {
			this.closed.tryEmitEmpty();
		}
		return this.closed.asMono();
	}

	/**
	 * Serves subscriptions again after {@link #close()}: a stopped application context
	 * may be started again (the test framework pauses cached contexts that way).
	 */
	public void reopen() {
		this.closing = Sinks.empty();
		this.closed = Sinks.empty();
		this.closingStarted = false;
	}

	/**
	 * One page of events after {@code after} up to the current head, for consumers that
	 * keep their own position (webhooks): at most {@code limit} events scanned.
	 */
	public Mono<Page> page(EventAudience audience, Set<EventType> types, long after, int limit) {
		return this.relay.heads().next().flatMap(head -> read(audience, types, after, head, limit));
	}

	/** The current head: every event at or below it is final. */
	public Mono<Long> head() {
		return this.relay.heads().next();
	}

	/**
	 * Each new head of this instance as the relay announces it (the latest first): a
	 * signal to look for new events, for consumers that keep their own position.
	 */
	public Flux<Long> heads() {
		return this.relay.heads();
	}

	/** Where the retained feed starts: positions up to this were pruned. */
	public Mono<Long> prunedThrough() {
		return this.database.sql("select pruned_through from outbox_retention")
			.map(row -> row.get("pruned_through", Long.class))
			.one();
	}

	/**
	 * Refuses a position that is pruned or beyond any position handed out; one between
	 * this instance's head and the newest is fine (another instance may be ahead).
	 */
	public Mono<Void> requireResumable(long after) {
		if (after < 0) {
			return Mono.error(new InvalidArgumentException("POSITION_INVALID",
					"Positions start at 0, the beginning of the feed; " + after + " is none."));
		}
		return this.database.sql("""
				select r.pruned_through,
				       (select case when is_called then last_value else 0 end from outbox_event_sequence_seq) as newest
				from outbox_retention r""")
			.map(row -> new long[] { row.get("pruned_through", Long.class), row.get("newest", Long.class) })
			.one()
			.flatMap(bounds -> {
				if (after < bounds[0]) {
					return Mono.error(new InvalidArgumentException("POSITION_PRUNED",
							"Events up to position " + bounds[0] + " were pruned; the feed now starts after "
									+ bounds[0] + ". Resume from there, or resynchronise from the queries.",
							Map.of("feedStartsAfter", bounds[0])));
				}
				if (after > bounds[1]) {
					return Mono.error(new InvalidArgumentException("POSITION_IN_FUTURE",
							"No event has position " + after + " yet; the newest is " + bounds[1] + ".",
							Map.of("newest", bounds[1])));
				}
				return Mono.empty();
			});
	}

	/** The events read for one step: those to deliver and how far the scan reached. */
	public record Page(List<FeedEvent> events, long scannedThrough) {
	}

	/**
	 * Events in {@code (after, upTo]} from the database, at most {@code limit} scanned.
	 */
	private Mono<Page> read(EventAudience audience, Set<EventType> types, long after, long upTo, int limit) {
		Sql sql = new Sql();
		sql.append("select " + EventRows.COLUMNS + " from outbox_event where sequence > " + sql.param(after)
				+ " and sequence <= " + sql.param(upTo));
		if (!types.isEmpty()) {
			sql.append(" and type = any(" + sql.param(types.stream().map(EventType::storedName).toArray(String[]::new))
					+ ")");
		}
		sql.append(" and " + audience.predicate(sql) + " order by sequence limit " + sql.param(limit));
		Mono<List<Optional<FeedEvent>>> rows = sql.on(this.database)
			.map(row -> EventRows.read(row, this.json))
			.all()
			.collectList();
		return rows.flatMap(read -> {
			List<FeedEvent> events = read.stream().flatMap(Optional::stream).toList();
			long reached = read.size() < limit ? upTo : events.get(events.size() - 1).position();
			return deliverable(audience, types, events).map(kept -> new Page(kept, reached));
		});
	}

	/**
	 * The events of the list the audience may receive now, asking the partner scope and
	 * the customer area once each.
	 */
	private Mono<List<FeedEvent>> deliverable(EventAudience audience, Set<EventType> types, List<FeedEvent> events) {
		List<FeedEvent> matching = events.stream()
			.filter(event -> types.isEmpty() || types.contains(event.type()))
			.filter(audience::mayReceive)
			.toList();
		return ofSubDealers(audience, matching).flatMap(candidates -> ofVisibleCustomers(audience, candidates));
	}

	/** Of the events, those of the audience's own partner or of its sub-dealers. */
	private Mono<List<FeedEvent>> ofSubDealers(EventAudience audience, List<FeedEvent> events) {
		Set<UUID> toCheck = events.stream()
			.filter(audience::needsPartnerCheck)
			.map(event -> event.owner().partnerId())
			.collect(Collectors.toSet());
		if (toCheck.isEmpty()) {
			return Mono.just(events);
		}
		return this.database.sql("select s.id from partner_scope($1) as s(id) where s.id = any($2)")
			.bind(0, audience.partnerId())
			.bind(1, toCheck.toArray(UUID[]::new))
			.map(row -> row.get("id", UUID.class))
			.all()
			.collect(Collectors.toSet())
			.map(subDealers -> events.stream()
				.filter(event -> !audience.needsPartnerCheck(event) || subDealers.contains(event.owner().partnerId()))
				.toList());
	}

	private Mono<List<FeedEvent>> ofVisibleCustomers(EventAudience audience, List<FeedEvent> candidates) {
		Set<UUID> toCheck = candidates.stream()
			.filter(audience::needsCustomerCheck)
			.map(event -> event.owner().customerId())
			.collect(Collectors.toSet());
		if (toCheck.isEmpty()) {
			return Mono.just(candidates);
		}
		return this.customers.visibleTo(audience.actor(), toCheck)
			.map(visible -> candidates.stream()
				.filter(event -> !audience.needsCustomerCheck(event) || visible.contains(event.owner().customerId()))
				.toList());
	}

	/** One subscriber's place in the feed; used by one stream, step after step. */
	private final class Reader {

		private final EventAudience audience;

		private final Set<EventType> types;

		/** Everything up to here was delivered or skipped; null until the first head. */
		private Long cursor;

		private long lastSent;

		/** Since when the subscriber has not been at the head; null while it is. */
		private Instant behindSince;

		Reader(EventAudience audience, Set<EventType> types, Long after) {
			this.audience = audience;
			this.types = Set.copyOf(types);
			this.cursor = after;
			this.lastSent = after == null ? 0 : after;
		}

		/**
		 * The events up to the given head, read in steps as the consumer asks for them.
		 */
		Flux<FeedEvent> upTo(long head) {
			if (this.cursor == null) {
				this.cursor = head;
				this.lastSent = head;
			}
			if (this.cursor >= head) {
				this.behindSince = null;
				return Flux.empty();
			}
			if (this.behindSince == null) {
				this.behindSince = EventFeed.this.clock.instant();
			}
			return Mono.defer(() -> step(head))
				.expand(page -> this.cursor < head ? Mono.defer(() -> step(head)) : Mono.empty())
				// one page at a time: the next is read when this one is taken, so a slow
				// consumer holds one page, and every step checks how far behind it is
				.concatMapIterable(Page::events, 1)
				.doOnNext(event -> this.lastSent = event.position())
				.doOnComplete(() -> this.behindSince = null);
		}

		/**
		 * The next page: from the window while it covers the cursor, else from the
		 * database.
		 */
		private Mono<Page> step(long head) {
			Duration behind = Duration.between(this.behindSince, EventFeed.this.clock.instant());
			if (behind.compareTo(EventFeed.this.properties.maxBehind()) > 0) {
				return Mono.error(new StreamEndedException("SUBSCRIBER_TOO_SLOW",
						"You have been behind the live feed for longer than "
								+ EventFeed.this.properties.maxBehind().toSeconds()
								+ " seconds. Subscribe again with `after: " + this.lastSent
								+ "`, the position of the last event you were sent.",
						Map.of("resumeAfter", this.lastSent)));
			}
			int pageSize = EventFeed.this.properties.pageSize();
			EventRelay.Window window = EventFeed.this.relay.window();
			if (this.cursor >= window.coversAfter()) {
				List<FeedEvent> next = window.between(this.cursor, Math.min(head, window.head()));
				long reached = Math.min(head, window.head());
				if (next.size() > pageSize) {
					next = next.subList(0, pageSize);
					reached = next.get(pageSize - 1).position();
				}
				long scanned = reached;
				return deliverable(this.audience, this.types, next).map(events -> advance(new Page(events, scanned)));
			}
			return read(this.audience, this.types, this.cursor, head, pageSize).map(this::advance);
		}

		private Page advance(Page page) {
			this.cursor = page.scannedThrough();
			return page;
		}

	}

}
