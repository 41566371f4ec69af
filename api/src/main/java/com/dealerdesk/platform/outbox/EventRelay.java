package com.dealerdesk.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each API instance's one reader of the outbox. It holds one database connection of its
 * own, whatever the number of subscribers: it {@code LISTEN}s on it for commits, and on
 * each wake-up (or every poll interval, in case a notification was lost) it advances the
 * feed's <em>head</em>, the position up to which every event is final, reads the new
 * events once into a window of recent events, and announces the new head. Subscribers
 * pull from that window ({@link EventFeed}).
 *
 * <p>
 * <b>Why the head is safe without a writer lock</b> (ADR 0021). A position is drawn from
 * a sequence before its transaction commits, so a transaction holding position 10 may
 * commit after one holding 11. The relay reads the sequence's last value {@code L}, then
 * draws a transaction id {@code N} of its own: every transaction that drew a position up
 * to {@code L} had its id before that ({@link OutboxWriter} makes sure), so its id is
 * below {@code N}. Once the oldest transaction still running ({@code xmin} of a later
 * snapshot) is at or above {@code N}, all of them have ended, and every event up to
 * {@code L} is committed or gone for good: {@code L} becomes the head. (A snapshot's own
 * {@code xmax} would not do: it is one past the newest <em>completed</em> transaction,
 * and a transaction that started later and is still running may have a higher id.)
 */
@Component
public class EventRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

	/** Channel of the outbox's insert trigger (V2__outbox.sql). */
	private static final String CHANNEL = "outbox_event";

	/** The longest one step may take before the relay reconnects. */
	private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

	private final ConnectionFactory connections;

	private final JsonMapper json;

	private final EventProperties properties;

	private final Sinks.Many<Long> heads = Sinks.many().replay().latest();

	private volatile Window window;

	/**
	 * (last value, next transaction id) pairs not yet known to be final; touched by the
	 * relay loop only.
	 */
	private final List<long[]> pending = new ArrayList<>();

	private volatile Disposable running;

	/** Steps taken, so that tests can wait for the relay to have looked. */
	private final AtomicLong steps = new AtomicLong();

	/** The newest position handed out, as of the last step (for the lag gauge). */
	private final AtomicLong newest = new AtomicLong();

	private final MeterRegistry meters;

	/** From an event's commit time to its relay: how late live subscribers see it. */
	private final Timer lag;

	EventRelay(ConnectionFactory connections, JsonMapper json, EventProperties properties, MeterRegistry meters) {
		this.connections = connections;
		this.json = json;
		this.properties = properties;
		this.meters = meters;
		this.lag = Timer.builder("dealerdesk.events.relay.lag")
			.description("Time from an event's transaction to its relay to this instance's subscribers")
			.publishPercentileHistogram()
			.register(meters);
		Gauge.builder("dealerdesk.events.relay.head", this, relay -> relay.window == null ? 0 : relay.window.head())
			.description("Position up to which this instance has relayed every event")
			.register(meters);
		Gauge
			.builder("dealerdesk.events.relay.behind", this,
					relay -> relay.window == null ? 0 : Math.max(0, relay.newest.get() - relay.window.head()))
			.description("Positions handed out but not yet relayed by this instance, as of its last look")
			.register(meters);
	}

	/**
	 * The head after each advance, starting with the current one (once known): every
	 * event at or below it is in {@link #window()} or older than the window.
	 */
	public Flux<Long> heads() {
		return this.heads.asFlux();
	}

	/** How many times the relay has looked for a new head. */
	long steps() {
		return this.steps.get();
	}

	/** The recent events, at least up to the last head announced. */
	Window window() {
		return this.window;
	}

	// ---- the loop

	@Override
	public void start() {
		this.running = Mono.usingWhen(connect(), this::relay, PostgresqlConnection::close)
			.doOnError(ex -> log.warn("Event relay lost its database connection; reconnecting: {}", ex.toString()))
			// at most 2 s apart: after a database outage, subscribers and webhooks get
			// the events written since within seconds (docs/operations.md, Resilience)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(2)))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable relay = this.running;
		if (relay != null) {
			relay.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

	/** Before the web server starts, so that no subscriber comes before the relay. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	/** A connection of its own, outside the pool: it listens for as long as it lives. */
	private Mono<PostgresqlConnection> connect() {
		ConnectionFactory factory = this.connections;
		while (factory instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
			factory = inner;
		}
		return Mono.from(factory.create()).cast(PostgresqlConnection.class);
	}

	private Mono<Void> relay(PostgresqlConnection connection) {
		Flux<Object> wakeUps = Flux.merge(connection.getNotifications(), Flux.interval(this.properties.pollInterval())
			.filter(tick -> !this.pending.isEmpty() || tick % idleTicks() == 0));
		return connection.createStatement("LISTEN " + CHANNEL)
			.execute()
			.flatMap(PostgresqlResult::getRowsUpdated)
			.then(advance(connection))
			.thenMany(wakeUps.onBackpressureLatest()
				// a connection that stopped answering (a server gone without closing it)
				// is
				// given up and made again
				.concatMap(wakeUp -> advance(connection).timeout(STEP_TIMEOUT), 1))
			.then();
	}

	private long idleTicks() {
		return Math.max(1, this.properties.idlePollInterval().toMillis() / this.properties.pollInterval().toMillis());
	}

	/** One step: find the new head, read the events up to it, announce it. */
	private Mono<Void> advance(PostgresqlConnection connection) {
		return single(connection,
				"select case when is_called then last_value else 0 end from outbox_event_sequence_seq")
			.flatMap(last -> single(connection, "select pg_current_xact_id()::text")
				.flatMap(next -> single(connection, "select pg_snapshot_xmin(pg_current_snapshot())::text")
					.flatMap(oldestRunning -> step(connection, last, next, oldestRunning))));
	}

	private Mono<Void> step(PostgresqlConnection connection, long last, long nextTransaction, long oldestRunning) {
		this.steps.incrementAndGet();
		this.newest.set(last);
		// an earlier pair with the same last value becomes final no later than this one
		if (this.pending.isEmpty() || this.pending.get(this.pending.size() - 1)[0] < last) {
			this.pending.add(new long[] { last, nextTransaction });
		}
		long head = -1;
		for (var each = this.pending.iterator(); each.hasNext();) {
			long[] pair = each.next();
			if (pair[1] <= oldestRunning) {
				head = Math.max(head, pair[0]);
				each.remove();
			}
		}
		Window current = this.window;
		if (head < 0 || (current != null && head <= current.head())) {
			return Mono.empty();
		}
		if (current == null) {
			// the first head of this instance: live subscribers start here
			this.window = new Window(head, head, new FeedEvent[0]);
			this.heads.tryEmitNext(head);
			return Mono.empty();
		}
		long newHead = head;
		return readAfter(connection, current.head(), newHead).doOnNext(events -> {
			recordLag(events);
			this.window = current.append(events, newHead, this.properties.windowSize());
			this.heads.tryEmitNext(newHead);
		}).then();
	}

	private void recordLag(List<FeedEvent> events) {
		long now = this.meters.config().clock().wallTime();
		for (FeedEvent event : events) {
			this.lag.record(Math.max(0, now - event.occurredAt().toInstant().toEpochMilli()), TimeUnit.MILLISECONDS);
		}
	}

	/** The one value of a one-row, one-column query, as a number. */
	private static Mono<Long> single(PostgresqlConnection connection, String sql) {
		return connection.createStatement(sql)
			.execute()
			.flatMap(result -> result.map(row -> Long.parseLong(String.valueOf(row.get(0)))))
			.single();
	}

	private Mono<List<FeedEvent>> readAfter(PostgresqlConnection connection, long after, long upTo) {
		return connection
			.createStatement("select " + EventRows.COLUMNS
					+ " from outbox_event where sequence > $1 and sequence <= $2 order by sequence")
			.bind("$1", after)
			.bind("$2", upTo)
			.execute()
			.flatMap(result -> result.map(row -> EventRows.read(row, this.json)))
			.flatMap(Mono::justOrEmpty)
			.collectList();
	}

	/**
	 * The recent events, immutable: every committed event with a position in
	 * {@code (coversAfter, head]}, in order.
	 */
	record Window(long coversAfter, long head, FeedEvent[] events) {

		Window append(List<FeedEvent> more, long newHead, int capacity) {
			FeedEvent[] all = Arrays.copyOf(this.events, this.events.length + more.size());
			for (int i = 0; i < more.size(); i++) {
				all[this.events.length + i] = more.get(i);
			}
			if (all.length <= capacity) {
				return new Window(this.coversAfter, newHead, all);
			}
			int drop = all.length - capacity;
			return new Window(all[drop - 1].position(), newHead, Arrays.copyOfRange(all, drop, all.length));
		}

		/**
		 * The events in {@code (after, upTo]}; {@code after} must be at least
		 * {@link #coversAfter}.
		 */
		List<FeedEvent> between(long after, long upTo) {
			int from = firstAfter(after);
			int to = firstAfter(upTo);
			return Arrays.asList(this.events).subList(from, to);
		}

		private int firstAfter(long position) {
			int low = 0;
			int high = this.events.length;
			while (low < high) {
				int mid = (low + high) >>> 1;
				if (this.events[mid].position() <= position) {
					low = mid + 1;
				}
				else {
					high = mid;
				}
			}
			return low;
		}

	}

}
