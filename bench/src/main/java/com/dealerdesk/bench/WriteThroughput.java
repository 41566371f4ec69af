package com.dealerdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of event-writing transactions with concurrent writers: straight to
 * PostgreSQL, each transaction updating a customer and appending its event under either
 * {@link OutboxScheme}; and through the API, each writer sending {@code updateCustomer}.
 * Each writer keeps to its own customer, so that writers wait for each other only where
 * the scheme makes them.
 */
final class WriteThroughput {

	private final DealerDeskProcess api;

	private final Database database;

	WriteThroughput(DealerDeskProcess api, Database database) {
		this.api = api;
		this.database = database;
	}

	/** One writer's loop: one transaction (or request) per call. */
	interface Step {

		void run() throws Exception;

	}

	/**
	 * Runs each writer's step in a loop, first for the warm-up, then counted; the
	 * collections benchmark measures its readers the same way.
	 */
	static Result measure(DealerDeskProcess api, Database database, String label, List<Step> writers, Duration warmUp,
			Duration measure) throws InterruptedException, SQLException {
		ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3);
		AtomicLong done = new AtomicLong();
		ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
		long start = System.nanoTime();
		long countFrom = start + warmUp.toNanos();
		long end = countFrom + measure.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (Step writer : writers) {
			Thread thread = new Thread(() -> {
				long now = System.nanoTime();
				while (now < end) {
					try {
						writer.run();
					}
					catch (Exception ex) {
						errors.computeIfAbsent(ex.toString(), key -> new AtomicInteger()).incrementAndGet();
					}
					long after = System.nanoTime();
					if (now >= countFrom) {
						latencyMicros.recordValue((after - now) / 1000);
						done.incrementAndGet();
					}
					now = after;
				}
			});
			thread.start();
			threads.add(thread);
		}
		Thread.sleep(Math.max(0, (countFrom - System.nanoTime()) / 1_000_000));
		ResourceSampler.Usage usage;
		try (ResourceSampler sampler = new ResourceSampler(database, api.handle(), api.postgres().orElse(null))) {
			for (Thread thread : threads) {
				thread.join();
			}
			usage = sampler.usage();
		}
		return new Result(label, writers.size(), done.get() / (measure.toNanos() / 1e9),
				latencyMicros.getValueAtPercentile(50) / 1000.0, latencyMicros.getValueAtPercentile(99) / 1000.0, usage,
				errors.toString());
	}

	/**
	 * Each transaction: {@code update customer set updated_at = now()}, the event (as the
	 * scheme writes it), commit.
	 */
	Result sql(OutboxScheme scheme, boolean notify, int writers, Duration warmUp, Duration measure)
			throws SQLException, InterruptedException {
		List<UUID> customers = this.database.customerIds(writers);
		List<Connection> connections = new ArrayList<>();
		List<Step> steps = new ArrayList<>();
		AtomicLong nonce = new AtomicLong();
		try {
			for (int i = 0; i < writers; i++) {
				Connection connection = this.database.connect("sql-writer");
				connections.add(connection);
				if (!notify) {
					// ordinary triggers, the outbox's NOTIFY trigger among them, stay off
					// in this session: PostgreSQL serialises the commits of transactions
					// that NOTIFY (one lock, held until after commit), whatever the
					// outbox
					// does
					try (var set = connection.createStatement()) {
						set.execute("set session_replication_role = replica");
					}
				}
				connection.setAutoCommit(false);
				UUID customer = customers.get(i % customers.size());
				PreparedStatement update = connection
					.prepareStatement("update customer set updated_at = now() where id = ?");
				steps.add(() -> {
					try {
						update.setObject(1, customer);
						update.executeUpdate();
						scheme.append(connection, "customer.updated", "Customer", customer, nonce.incrementAndGet());
						connection.commit();
					}
					catch (SQLException ex) {
						connection.rollback();
						throw ex;
					}
				});
			}
			String label = (scheme == OutboxScheme.ADVISORY_LOCK ? "SQL, before: advisory lock, insert"
					: "SQL, after: insert taking its transaction id") + (notify ? "" : ", no NOTIFY");
			return measure(this.api, this.database, label, steps, warmUp, measure);
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}

	/**
	 * Each request: {@code updateCustomer} of the writer's own customer, with the version
	 * the previous answer returned.
	 */
	Result api(String token, int writers, Duration warmUp, Duration measure) throws SQLException, InterruptedException {
		List<UUID> customers = this.database.customerIds(writers);
		HttpClient http = HttpClient.newBuilder().build();
		URI graphql = this.api.apiUri("/graphql");
		List<Step> steps = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			String id = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("Customer:" + customers.get(i % customers.size())).getBytes());
			int[] version = { currentVersion(http, graphql, token, id) };
			AtomicLong count = new AtomicLong();
			steps.add(() -> {
				String mutation = "mutation($id: ID!, $v: Int!, $r: String) { updateCustomer(input: {id: $id,"
						+ " expectedVersion: $v, region: $r}) { customer { version } userErrors { code } } }";
				JsonNode answer = post(http, graphql, token, mutation, "{\"id\":\"" + id + "\",\"v\":" + version[0]
						+ ",\"r\":\"bench " + count.incrementAndGet() + "\"}");
				JsonNode updated = answer.path("data").path("updateCustomer").path("customer");
				if (updated.isMissingNode() || updated.isNull()) {
					version[0] = currentVersion(http, graphql, token, id);
					throw new IllegalStateException("updateCustomer: " + answer);
				}
				version[0] = updated.path("version").asInt();
			});
		}
		return measure(this.api, this.database, "through the API: updateCustomer", steps, warmUp, measure);
	}

	private static int currentVersion(HttpClient http, URI graphql, String token, String id) {
		JsonNode answer = post(http, graphql, token,
				"query($id: ID!) { node(id: $id) { ... on Customer { version } } }", "{\"id\":\"" + id + "\"}");
		return answer.path("data").path("node").path("version").asInt();
	}

	static JsonNode post(HttpClient http, URI graphql, String token, String query, String variables) {
		String body = "{\"query\":" + JsonMapper.shared().writeValueAsString(query) + ",\"variables\":" + variables
				+ "}";
		HttpRequest request = HttpRequest.newBuilder(graphql)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			return JsonMapper.shared().readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("POST /graphql failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * @param transactionsPerSecond committed transactions (or answered requests) per
	 * second, all writers together
	 * @param usage the API's database sessions and the CPU used while measuring
	 * @param errors failed transactions by error, counted apart from the figures
	 */
	record Result(String label, int writers, double transactionsPerSecond, double medianMillis, double p99Millis,
			ResourceSampler.Usage usage, String errors) {
	}

}
