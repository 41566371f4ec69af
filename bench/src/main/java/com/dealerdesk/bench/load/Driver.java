package com.dealerdesk.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.dealerdesk.bench.Database;
import com.dealerdesk.bench.DealerDeskProcess;
import com.dealerdesk.bench.ResourceSampler;
import org.HdrHistogram.ConcurrentHistogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A closed-loop load generator over real HTTP: N client threads, each with its own HTTP
 * client (so its own connections), each sending its next request as soon as the answer to
 * the previous one is read. Requests started in the warm-up are not counted.
 */
final class Driver {

	private final DealerDeskProcess api;

	private final Database database;

	private final String token;

	Driver(DealerDeskProcess api, Database database, String token) {
		this.api = api;
		this.database = database;
		this.token = token;
	}

	/** One client of its own: its HTTP client and random source. */
	final class Client {

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(30))
			.build();

		final SplittableRandom random;

		Client(long seed) {
			this.random = new SplittableRandom(seed);
		}

		/**
		 * Sends one GraphQL request of the operation; throws for an HTTP error, GraphQL
		 * errors, a null {@code data} or a mutation's {@code userErrors}.
		 */
		JsonNode send(Operation operation) {
			String body = operation.body(this.random);
			HttpRequest request = HttpRequest.newBuilder(Driver.this.api.apiUri("/graphql"))
				.header("Authorization", "Bearer " + Driver.this.token)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			HttpResponse<String> response;
			try {
				response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex.toString(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
			if (response.statusCode() != 200) {
				throw new IllegalStateException("HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
			}
			JsonNode answer = JsonMapper.shared().readTree(response.body());
			if (answer.has("errors") || answer.path("data").isNull() || answer.path("data").isMissingNode()) {
				throw new IllegalStateException(abbreviate(answer.path("errors").toString()));
			}
			for (JsonNode payload : answer.path("data")) {
				JsonNode userErrors = payload.path("userErrors");
				if (userErrors.isArray() && !userErrors.isEmpty()) {
					throw new IllegalStateException("userErrors " + abbreviate(userErrors.toString()));
				}
			}
			return answer;
		}

	}

	Client client(long seed) {
		return new Client(seed);
	}

	/** Runs the operation with {@code clients} concurrent clients. */
	Result run(Operation operation, int clients, Duration warmUp, Duration measure, Runnable atMeasureStart,
			Runnable atMeasureEnd) throws InterruptedException, SQLException {
		ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3);
		AtomicLong done = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		long start = System.nanoTime();
		long countFrom = start + warmUp.toNanos();
		long end = countFrom + measure.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Client client = client(operation.name().hashCode() * 31L + i);
			Thread thread = new Thread(() -> {
				long now = System.nanoTime();
				while (now < end) {
					boolean failed = false;
					try {
						client.send(operation);
					}
					catch (RuntimeException ex) {
						failed = true;
						firstError.compareAndSet(null, ex.getMessage());
					}
					long after = System.nanoTime();
					if (now >= countFrom) {
						if (failed) {
							errors.incrementAndGet();
						}
						else {
							latencyMicros.recordValue((after - now) / 1000);
							done.incrementAndGet();
						}
					}
					now = after;
				}
			}, "load-client-" + i);
			thread.start();
			threads.add(thread);
		}
		Thread.sleep(Math.max(0, (countFrom - System.nanoTime()) / 1_000_000));
		ResourceSampler.Usage usage;
		try (ResourceSampler sampler = new ResourceSampler(this.database, this.api.handle(),
				this.api.postgres().orElse(null))) {
			atMeasureStart.run();
			Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
			atMeasureEnd.run();
			for (Thread thread : threads) {
				thread.join();
			}
			usage = sampler.usage();
		}
		return new Result(done.get() / (measure.toNanos() / 1e9), latencyMicros.getValueAtPercentile(50) / 1000.0,
				latencyMicros.getValueAtPercentile(99) / 1000.0, done.get(), errors.get(), firstError.get(), usage);
	}

	static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	/**
	 * @param perSecond answered requests per second, all clients together
	 * @param errors failed requests, not in the other figures
	 */
	record Result(double perSecond, double medianMillis, double p99Millis, long requests, long errors,
			String firstError, ResourceSampler.Usage usage) {
	}

}
