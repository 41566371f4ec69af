package com.dealerdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.dealerdesk.bench.load.LoadBench;

/**
 * {@code ./dealerdesk bench [events|writes|collections|load]}: starts the development jar
 * on free ports with a fresh database, measures, prints tables and asserts nothing
 * (docs/performance.md, "Event feed" and "Collections and budget"; the default runs
 * events and writes). Settings are system properties, e.g.
 * {@code -Dsubscribers=1,100 -Drate=20 -Dwarmup=20s -Dmeasure=30s}; {@code -Dkeep=true}
 * keeps the data directory (the API's log and database) after the run. {@code load} is
 * {@link LoadBench}: on a generated database of a size, not a fresh one.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		String what = args.length > 0 ? args[0] : "all";
		if (what.equals("generate")) {
			com.dealerdesk.bench.data.DataGenerator.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (what.equals("load")) {
			// on the generated data of a size, with its own start and report
			LoadBench.main(args);
			return;
		}
		if (!List.of("all", "events", "writes", "collections").contains(what)) {
			System.err.println("usage: bench [all|events|writes|collections|load --size S|M|L]");
			System.exit(2);
		}
		Path jar = Path.of(System.getProperty("jar", "api-dev/target/dealerdesk-dev.jar"));
		Path dataDir = Files.createTempDirectory("dealerdesk-bench-");
		System.out.printf("DealerDesk bench, %s, %d cores, API log and data in %s%n", Instant.now(),
				Runtime.getRuntime().availableProcessors(), dataDir);
		try (DealerDeskProcess api = DealerDeskProcess.start(jar, dataDir, System.getenv("DATABASE_URL"))) {
			Database database = new Database(api.databaseUrl());
			System.out.printf("PostgreSQL %s, fsync %s, synchronous_commit %s; %s%n",
					database.setting("server_version"), database.setting("fsync"),
					database.setting("synchronous_commit"), load());
			String token = api.integrationToken();
			if (what.equals("collections")) {
				collections(api, database, token);
			}
			if (what.equals("all") || what.equals("events")) {
				events(api, database, token);
			}
			if (what.equals("all") || what.equals("writes")) {
				writes(api, database, token);
			}
		}
		if (!Boolean.getBoolean("keep")) {
			try (var files = Files.walk(dataDir)) {
				files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
		}
	}

	private static void events(DealerDeskProcess api, Database database, String token) throws Exception {
		int[] counts = Arrays.stream(System.getProperty("subscribers", "1,100,1000,10000").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		int rate = Integer.getInteger("rate", 10);
		Duration warmUp = duration("warmup", "20s");
		Duration measure = duration("measure", "30s");
		System.out.printf("%nEvent delivery: one writer commits %d events/s (one event per transaction);"
				+ " warm-up %d s, measured %d s%n", rate, warmUp.toSeconds(), measure.toSeconds());
		System.out.printf("%11s %9s %11s %13s %11s %9s %9s %9s %13s %12s %8s %8s %8s%n", "subscribers", "connect s",
				"committed/s", "delivered/s", "median ms", "p99 ms", "max ms", "complete", "fewest/events",
				"API DB conn", "API cpu", "PG cpu", "bench cpu");
		EventDelivery delivery = new EventDelivery(api, database, token);
		for (int subscribers : counts) {
			EventDelivery.Result result = delivery.run(subscribers, rate, warmUp, measure);
			if (result.opened() < subscribers) {
				System.out.printf("%11s only %d of %d subscribers connected (%.1f s)%s%n", "", result.opened(),
						subscribers, result.connectSeconds(), result.failure() == null ? "" : ": " + result.failure());
			}
			if (result.failure() != null || result.opened() == 0) {
				System.out.printf("%11s not measured%s%n", "", result.errors());
				continue;
			}
			ResourceSampler.Usage usage = result.usage();
			System.out.printf("%11d %9.1f %11.1f %13.1f %11.1f %9.1f %9.1f %9d %13s %12d %7.0f%% %7.0f%% %8.0f%%%n",
					subscribers, result.connectSeconds(), result.committedPerSecond(), result.deliveredPerSecond(),
					result.medianMillis(), result.p99Millis(), result.maxMillis(), result.complete(),
					result.fewest() + "/" + result.events(), usage.apiSessions(), usage.apiCpu(), usage.postgresCpu(),
					usage.benchCpu());
			System.out.printf("%11s %s; API sessions at their peak: %s%s%n", "", load(), usage.sessionsByState(),
					result.errors().isEmpty() ? "" : "; errors:" + result.errors());
		}
	}

	private static void writes(DealerDeskProcess api, Database database, String token) throws Exception {
		int writers = Integer.getInteger("writers", 16);
		Duration warmUp = duration("write-warmup", "10s");
		Duration measure = duration("write-measure", "20s");
		System.out.printf("%nWrite throughput: %d concurrent writers, each on its own customer; warm-up %d s,"
				+ " measured %d s%n", writers, warmUp.toSeconds(), measure.toSeconds());
		System.out.printf("%-52s %9s %9s %9s %8s %8s %8s%n", "each transaction: update a customer + its event", "tx/s",
				"p50 ms", "p99 ms", "API cpu", "PG cpu", "bench cpu");
		WriteThroughput throughput = new WriteThroughput(api, database);
		for (OutboxScheme scheme : OutboxScheme.values()) {
			print(throughput.sql(scheme, true, writers, warmUp, measure));
		}
		print(throughput.sql(OutboxScheme.TRANSACTION_ID, false, writers, warmUp, measure));
		print(throughput.api(token, writers, warmUp, measure));
	}

	private static void collections(DealerDeskProcess api, Database database, String token) throws Exception {
		int customers = Integer.getInteger("customers", 20_000);
		int contracts = Integer.getInteger("contracts", 100_000);
		int opportunities = Integer.getInteger("opportunities", 20_000);
		int[] clientCounts = Arrays.stream(System.getProperty("clients", "1,16").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		Duration warmUp = duration("read-warmup", "10s");
		Duration measure = duration("read-measure", "45s");
		CollectionsLoad load = new CollectionsLoad(api, database);
		System.out.printf(
				"%nSeeding %,d customers, %,d contracts with an active payment plan each, %,d planned"
						+ " payments, their payments, %,d open opportunities%n",
				customers, contracts, contracts * 10, opportunities);
		System.out.printf("Seeded in %.1f s%n", load.seed(customers, contracts, opportunities));
		for (int clients : clientCounts) {
			System.out.printf(
					"%nReads: %d concurrent clients, each one request after the other; warm-up %d s,"
							+ " measured %d s (requests started in it); %s%n",
					clients, warmUp.toSeconds(), measure.toSeconds(), load());
			System.out.printf("%-52s %9s %9s %9s %8s %8s %8s%n", "each request", "req/s", "p50 ms", "p99 ms", "API cpu",
					"PG cpu", "bench cpu");
			print(load.apiCollections(token, clients, warmUp, measure));
			print(load.sqlCollections(clients, warmUp, measure));
			print(load.apiBudget(token, clients, warmUp, measure));
			print(load.sqlBudget(clients, warmUp, measure));
		}
		System.out.printf("%nEXPLAIN (ANALYZE, BUFFERS), one client, warm cache:%n");
		load.explain();
	}

	private static void print(WriteThroughput.Result result) {
		ResourceSampler.Usage usage = result.usage();
		System.out.printf("%-52s %9.1f %9.2f %9.2f %7.0f%% %7.0f%% %8.0f%%%s%n", result.label(),
				result.transactionsPerSecond(), result.medianMillis(), result.p99Millis(), usage.apiCpu(),
				usage.postgresCpu(), usage.benchCpu(),
				result.errors().equals("{}") ? "" : "  errors: " + result.errors());
	}

	/**
	 * The machine's load average (1, 5, 15 minutes): other work on the same cores skews
	 * every figure.
	 */
	public static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return "load average " + fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (java.io.IOException ex) {
			return "load average unknown";
		}
	}

	private static Duration duration(String property, String fallback) {
		String text = System.getProperty(property, fallback).trim();
		return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
	}

}
