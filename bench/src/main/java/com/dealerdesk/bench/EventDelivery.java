package com.dealerdesk.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;

import io.netty.channel.ChannelOption;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;

/**
 * Delivery of events through the API: N WebSocket subscribers (graphql-transport-ws) to
 * {@code events(types: [PRODUCT_UPDATED])}, one writer committing events at a steady rate
 * straight into the outbox, and the delay from each commit (the moment the writer's
 * {@code commit} returned) to each subscriber's receipt of the event. Events written
 * during the warm-up are not counted.
 */
public final class EventDelivery {

	private static final String SUBSCRIPTION = "subscription { events(types: [PRODUCT_UPDATED]) { position data } }";

	private static final String NONCE = "\"bench\":";

	/** How long after the measurement counted events that are late may still arrive. */
	private static final Duration DRAIN = Duration.ofSeconds(30);

	private final DealerDeskProcess api;

	private final Database database;

	private final HttpClient sockets;

	private final String token;

	public EventDelivery(DealerDeskProcess api, Database database, String token) {
		this.api = api;
		this.database = database;
		this.token = token;
		// one TCP connection per subscriber, not a pool
		this.sockets = HttpClient.create(ConnectionProvider.newConnection())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
	}

	public Result run(int subscribers, int ratePerSecond, Duration warmUp, Duration measure) throws Exception {
		return run(subscribers, ratePerSecond, warmUp, measure, () -> {
		}, () -> {
		});
	}

	/**
	 * As {@link #run(int, int, Duration, Duration)}, calling {@code atStart} and
	 * {@code atEnd} around the measured window (to profile it).
	 */
	public Result run(int subscribers, int ratePerSecond, Duration warmUp, Duration measure, Runnable atStart,
			Runnable atEnd) throws Exception {
		Run run = new Run(subscribers, ratePerSecond * (warmUp.toSeconds() + measure.toSeconds() + 10));
		long connectStart = System.nanoTime();
		Disposable[] connections = new Disposable[subscribers];
		AtomicInteger opened = new AtomicInteger();
		String failure = null;
		try {
			// a subscriber that cannot connect is reported, and the others measured
			Flux.range(0, subscribers).flatMap(index -> subscribe(run, index).doOnNext(connection -> {
				connections[index] = connection;
				opened.incrementAndGet();
			}).onErrorResume(ex -> Mono.empty()), 50).then().block(Duration.ofMinutes(3));
		}
		catch (RuntimeException ex) {
			failure = ex.toString();
		}
		double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
		if (failure != null || opened.get() == 0) {
			closeAll(connections);
			return Result.failed(subscribers, opened.get(), connectSeconds, failure, run.firstErrors());
		}
		run.onlyThose(connections);
		ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
		try (Connection connection = this.database.connect("event-writer")) {
			connection.setAutoCommit(false);
			AtomicLong nonce = new AtomicLong();
			writer.scheduleAtFixedRate(() -> write(connection, run, nonce.getAndIncrement()), 0,
					1_000_000_000L / ratePerSecond, TimeUnit.NANOSECONDS);
			Thread.sleep(warmUp.toMillis());
			ResourceSampler.Usage usage;
			long receipts;
			long measureStart;
			long measureEnd;
			try (ResourceSampler sampler = new ResourceSampler(this.database, this.api.handle(),
					this.api.postgres().orElse(null))) {
				measureStart = System.nanoTime();
				long receiptsBefore = run.receipts();
				run.countFrom(nonce.get());
				atStart.run();
				Thread.sleep(measure.toMillis());
				run.countUntil(nonce.get());
				atEnd.run();
				measureEnd = System.nanoTime();
				receipts = run.receipts() - receiptsBefore;
				usage = sampler.usage();
			}
			writer.shutdown();
			writer.awaitTermination(10, TimeUnit.SECONDS);
			// counted events still on their way are waited for, up to a limit
			long drainUntil = System.nanoTime() + DRAIN.toNanos();
			while (!run.allDelivered() && System.nanoTime() < drainUntil) {
				Thread.sleep(100);
			}
			double seconds = (measureEnd - measureStart) / 1e9;
			return run.result(opened.get(), connectSeconds, seconds, receipts / seconds, usage);
		}
		finally {
			writer.shutdownNow();
			closeAll(connections);
		}
	}

	private static void closeAll(Disposable[] connections) {
		for (Disposable connection : connections) {
			if (connection != null) {
				connection.dispose();
			}
		}
	}

	/** One transaction with one event, as OutboxWriter writes it. */
	private static void write(Connection connection, Run run, long nonce) {
		try {
			OutboxScheme.TRANSACTION_ID.append(connection, "product.updated", "Product", null, nonce);
			connection.commit();
			run.committed(nonce, System.nanoTime());
		}
		catch (SQLException | RuntimeException ex) {
			run.error("writer: " + ex);
			try {
				connection.rollback();
			}
			catch (SQLException ignored) {
				// the next write reports the connection's state
			}
		}
	}

	/**
	 * Opens one subscriber's socket; emits when the server acknowledged
	 * {@code connection_init} and the subscription was sent.
	 */
	private Mono<Disposable> subscribe(Run run, int index) {
		URI uri = this.api.socketUri();
		Sinks.One<Boolean> acknowledged = Sinks.one();
		Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
		Disposable connection = this.sockets
			.websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").build())
			.uri(uri)
			.handle((in, out) -> {
				outbound.tryEmitNext(
						"{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + this.token + "\"}}");
				Mono<Void> receiving = in.receive().asString().doOnNext(message -> {
					if (message.contains(NONCE)) {
						run.received(index, message, System.nanoTime());
					}
					else if (message.contains("\"connection_ack\"")) {
						outbound.tryEmitNext("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\""
								+ SUBSCRIPTION + "\"}}");
						acknowledged.tryEmitValue(true);
					}
					else if (message.contains("\"ping\"")) {
						outbound.tryEmitNext("{\"type\":\"pong\"}");
					}
					else if (!message.contains("\"pong\"")) {
						run.error("subscriber: " + message);
					}
				}).then();
				Mono<Void> closed = in.receiveCloseStatus()
					.doOnNext(status -> run.error("socket closed by the API: " + status))
					.then();
				return out.sendString(outbound.asFlux()).then().and(receiving).and(closed);
			})
			.subscribe(null, ex -> {
				acknowledged.tryEmitError(ex);
				run.error("socket: " + ex);
			});
		return acknowledged.asMono().timeout(Duration.ofSeconds(60)).thenReturn(connection);
	}

	/** What one configuration recorded. */
	private static final class Run {

		private final AtomicLongArray commitNanos;

		private final AtomicIntegerArray receivedPerSubscriber;

		private final ConcurrentHistogram delayMicros = new ConcurrentHistogram(3);

		/**
		 * Receipts seen before their writer recorded the commit time: settled at the end.
		 */
		private final ConcurrentLinkedQueue<long[]> early = new ConcurrentLinkedQueue<>();

		private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

		private volatile long firstCounted = Long.MAX_VALUE;

		private volatile long endCounted = Long.MAX_VALUE;

		/** Counted events received, all subscribers together. */
		private final AtomicLong deliveries = new AtomicLong();

		/** Events received, counted or not. */
		private final AtomicLong receipts = new AtomicLong();

		private final boolean[] connected;

		Run(int subscribers, long capacity) {
			this.commitNanos = new AtomicLongArray((int) capacity);
			this.receivedPerSubscriber = new AtomicIntegerArray(subscribers);
			this.connected = new boolean[subscribers];
		}

		/** Leaves out of the counts the subscribers that never connected. */
		void onlyThose(Disposable[] connections) {
			for (int i = 0; i < connections.length; i++) {
				this.connected[i] = connections[i] != null;
			}
		}

		void countFrom(long nonce) {
			this.firstCounted = nonce;
		}

		void countUntil(long nonce) {
			this.endCounted = nonce;
		}

		void committed(long nonce, long nanos) {
			if (nonce < this.commitNanos.length()) {
				this.commitNanos.set((int) nonce, nanos);
			}
		}

		void received(int subscriber, String message, long nanos) {
			int at = message.indexOf(NONCE) + NONCE.length();
			int end = at;
			while (end < message.length() && (Character.isDigit(message.charAt(end)) || message.charAt(end) == ' ')) {
				end++;
			}
			long nonce = Long.parseLong(message.substring(at, end).trim());
			this.receipts.incrementAndGet();
			if (nonce < this.firstCounted || nonce >= this.endCounted || nonce >= this.commitNanos.length()) {
				return;
			}
			this.receivedPerSubscriber.incrementAndGet(subscriber);
			this.deliveries.incrementAndGet();
			long committed = this.commitNanos.get((int) nonce);
			if (committed == 0) {
				this.early.add(new long[] { nonce, nanos });
			}
			else {
				this.delayMicros.recordValue(Math.max(0, (nanos - committed) / 1000));
			}
		}

		long receipts() {
			return this.receipts.get();
		}

		boolean allDelivered() {
			long subscribers = IntStream.range(0, this.connected.length).filter(i -> this.connected[i]).count();
			return this.deliveries.get() >= (this.endCounted - this.firstCounted) * subscribers;
		}

		void error(String message) {
			String kind = message.length() > 300 ? message.substring(0, 300) : message;
			this.errors.computeIfAbsent(kind, key -> new AtomicInteger()).incrementAndGet();
		}

		String firstErrors() {
			StringBuilder text = new StringBuilder();
			this.errors.entrySet()
				.stream()
				.limit(5)
				.forEach(error -> text.append("\n    ").append(error.getValue()).append(" × ").append(error.getKey()));
			return text.toString();
		}

		Result result(int opened, double connectSeconds, double measureSeconds, double receivedPerSecond,
				ResourceSampler.Usage usage) {
			for (long[] receipt : this.early) {
				long committed = this.commitNanos.get((int) receipt[0]);
				this.delayMicros.recordValue(Math.max(0, (receipt[1] - committed) / 1000));
			}
			long events = this.endCounted - this.firstCounted;
			int complete = 0;
			int fewest = Integer.MAX_VALUE;
			for (int i = 0; i < this.receivedPerSubscriber.length(); i++) {
				if (!this.connected[i]) {
					continue;
				}
				int received = this.receivedPerSubscriber.get(i);
				fewest = Math.min(fewest, received);
				if (received == events) {
					complete++;
				}
			}
			Histogram delays = this.delayMicros;
			return new Result(this.receivedPerSubscriber.length(), opened, connectSeconds, events / measureSeconds,
					receivedPerSecond, delays.getValueAtPercentile(50) / 1000.0,
					delays.getValueAtPercentile(99) / 1000.0, delays.getMaxValue() / 1000.0, events, complete, fewest,
					usage, null, firstErrors());
		}

	}

	/**
	 * @param subscribers subscribers asked for
	 * @param opened sockets acknowledged and subscribed
	 * @param committedPerSecond events committed per second during the measurement
	 * @param deliveredPerSecond events received per second during the measurement, all
	 * subscribers together (late ones from the warm-up included)
	 * @param medianMillis the median delay from commit to receipt of the counted events
	 * (those committed during the measurement, received up to 30 s after it)
	 * @param events events committed during the measurement
	 * @param complete connected subscribers that received every one of them
	 * @param fewest the fewest of them one subscriber received
	 * @param failure why the subscribers could not all be connected, or null
	 * @param errors the first kinds of error seen, with their counts
	 */
	public record Result(int subscribers, int opened, double connectSeconds, double committedPerSecond,
			double deliveredPerSecond, double medianMillis, double p99Millis, double maxMillis, long events,
			int complete, int fewest, ResourceSampler.Usage usage, String failure, String errors) {

		static Result failed(int subscribers, int opened, double connectSeconds, String failure, String errors) {
			return new Result(subscribers, opened, connectSeconds, 0, 0, 0, 0, 0, 0, 0, 0, null, failure, errors);
		}

	}

}
