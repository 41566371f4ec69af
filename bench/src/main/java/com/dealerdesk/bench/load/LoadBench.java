package com.dealerdesk.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.dealerdesk.bench.Bench;
import com.dealerdesk.bench.Database;
import com.dealerdesk.bench.DealerDeskProcess;
import com.dealerdesk.bench.EventDelivery;
import com.dealerdesk.bench.ResourceSampler;
import com.dealerdesk.bench.data.DataGenerator;
import com.dealerdesk.bench.data.Size;

/**
 * {@code ./dealerdesk bench load --size S|M|L}: the API under concurrent clients beside
 * the best hand-written SQL for the same data (docs/performance.md, "Load benchmark"). It
 * starts the development jar on the generated database of that size, drives each
 * operation over HTTP with 1, 16 and 64 closed-loop clients, counts the SQL statements
 * each request costs, runs the pgbench script of the operation with as many clients, and
 * prints one markdown table, also written to {@code bench/target/load-<size>-<time>.md}.
 * Asserts nothing. Settings: {@code -Dclients=1,16,64 -Dwarmup=5s -Dmeasure=15s
 * -Dops=node,customerPage -Dsubscribers=2000 -Dprofile=dir -Dprofile-op=customerPage
 * -Dapi-jvm=-Xms6g,-XX:+AlwaysPreTouch} (options for the API's JVM).
 */
public final class LoadBench {

	/** Requests sent one after the other to count statements per request. */
	private static final int COUNTED_REQUESTS = 20;

	/** The longest the bench waits for the API to go idle after a row. */
	private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(60);

	private LoadBench() {
	}

	public static void main(String[] args) throws Exception {
		Size size = Size.S;
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--size")) {
				size = Size.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
			}
		}
		int[] clientCounts = ints(System.getProperty("clients", "1,16,64"));
		Duration warmUp = seconds("warmup", "5s");
		Duration measure = seconds("measure", "15s");
		Path jar = Path.of(System.getProperty("jar", "api-dev/target/dealerdesk-dev.jar"));
		Path dataDir = Path.of(System.getProperty("data-dir", ".dealerdesk-bench/" + size)).toAbsolutePath();
		Files.createDirectories(dataDir);
		String databaseUrl = System.getenv("DATABASE_URL");
		Optional<Profiler> profiler = Profiler.fromProperties();
		List<String> jvmOptions = new ArrayList<>(profiler.map(Profiler::jvmOptions).orElse(List.of()));
		// more options for the API's JVM, comma-separated:
		// -Dapi-jvm=-Xms6g,-XX:+AlwaysPreTouch
		String apiJvm = System.getProperty("api-jvm", "");
		if (!apiJvm.isBlank()) {
			jvmOptions.addAll(List.of(apiJvm.trim().split(",")));
		}
		// the integration client would be held to 50 requests per second: the limit is
		// what is measured then, not the API
		jvmOptions.add("-Ddealerdesk.security.rate-limit.enabled=false");
		System.out.printf("DealerDesk load benchmark, size %s, %s, %d cores, %s; data in %s%n", size, Instant.now(),
				Runtime.getRuntime().availableProcessors(), Bench.load(), dataDir);
		if (databaseUrl == null) {
			preloadStatements(dataDir.resolve("postgres"));
		}
		DealerDeskProcess api = DealerDeskProcess.start(jar, dataDir, databaseUrl, jvmOptions);
		try {
			Database database = new Database(api.databaseUrl());
			// generated once per data directory (or database) and reused: L takes many
			// minutes
			URI uri = URI.create(api.databaseUrl());
			String[] userInfo = uri.getUserInfo().split(":", 2);
			DataGenerator.Dataset dataset = DataGenerator.ensure(
					"jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(), userInfo[0],
					userInfo.length > 1 ? userInfo[1] : "", size, Long.getLong("seed", DataGenerator.DEFAULT_SEED));
			System.out.printf("Data set %s (seed %d)%s%n", dataset.size(), dataset.seed(),
					dataset.generatedNow() ? String.format(", generated in %.0f s", dataset.seconds()) : "");
			boolean counting = StatementCounter.available(database);
			if (!counting && api.postgres().isPresent()) {
				// the embedded server loads the module from its next start on
				try (Connection connection = database.connect("setup"); Statement sql = connection.createStatement()) {
					sql.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
				}
				api.close();
				api = DealerDeskProcess.start(jar, dataDir, databaseUrl, jvmOptions);
				database = new Database(api.databaseUrl());
				counting = StatementCounter.available(database);
			}
			new LoadBench().run(api, database, size, counting, profiler, clientCounts, warmUp, measure);
		}
		finally {
			api.close();
		}
	}

	/**
	 * Has an existing embedded server load pg_stat_statements from its start, as
	 * {@code ALTER SYSTEM} would, so that a generated data directory needs no restart; a
	 * new one gets it by ALTER SYSTEM and one restart.
	 */
	private static void preloadStatements(Path postgresDir) throws IOException {
		Path autoConf = postgresDir.resolve("postgresql.auto.conf");
		if (Files.exists(autoConf) && !Files.readString(autoConf).contains("pg_stat_statements")) {
			Files.writeString(autoConf, "shared_preload_libraries = 'pg_stat_statements'\n",
					java.nio.file.StandardOpenOption.APPEND);
		}
	}

	private void run(DealerDeskProcess api, Database database, Size size, boolean counting, Optional<Profiler> profiler,
			int[] clientCounts, Duration warmUp, Duration measure) throws Exception {
		String token = api.integrationToken();
		Samples samples = Samples.draw(database);
		Optional<Pgbench> pgbench = Pgbench.find(api, samples);
		StringBuilder report = new StringBuilder();
		report
			.append(String.format("Run of %s at size %s: %s; PostgreSQL %s; %d cores; %s%n%n",
					DateTimeFormatter.ISO_INSTANT
						.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
					size, rows(database), database.setting("server_version"),
					Runtime.getRuntime().availableProcessors(), Bench.load()));
		report.append(String.format(
				"API start-up (process start to /readyz) %.1f s; warm-up %d s, measured %d s per"
						+ " row; SQL by %s%s%n%n",
				api.startUp().toMillis() / 1000.0, warmUp.toSeconds(), measure.toSeconds(),
				pgbench.isPresent() ? pgbench.get().version() + " -M prepared"
						: "nothing: pgbench is missing" + " (install Debian's postgresql-client)",
				profiler.map(p -> "; profiled: " + p.describe()).orElse("")));
		System.out.print(report);
		Driver driver = new Driver(api, database, token);
		boolean nestedDeals = Operation.schemaHasNestedDeals(driver.client(0), samples);
		String deals = nestedDeals
				? "The pages of customers include each one's open deals (Customer.opportunities).\n\n"
				: "The schema has no Customer.opportunities: the pages of customers carry contacts and licenses only.\n\n";
		report.append(deals);
		System.out.print(deals);
		Optional<StatementCounter> counter = counting
				? Optional.of(StatementCounter.start(database, Duration.ofSeconds(5))) : Optional.empty();
		String statementsNote = counter
			.map(c -> String.format(
					"SQL statements per request: %d requests one after the other, less the API's"
							+ " background work (%.1f statements/s when idle); in brackets as counted.%n%n",
					COUNTED_REQUESTS, c.background()))
			.orElse("SQL statements per request: not counted (the server does not load pg_stat_statements).\n\n");
		report.append(statementsNote);
		System.out.print(statementsNote);
		String header = "| operation | clients | API req/s | API p50 ms | API p99 ms | errors | SQL stmts/req "
				+ "| SQL tx/s | SQL p50 ms | SQL p99 ms | API ÷ SQL req/s | API ÷ SQL p50 | CPU % API / PG / bench |\n"
				+ "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--|\n";
		report.append(header);
		System.out.print(header);
		List<String> only = System.getProperty("ops", "").isBlank() ? List.of()
				: Arrays.asList(System.getProperty("ops").split(","));
		for (Operation operation : Operation.all(samples, pipelineId(database), vendorUserId(database), nestedDeals)) {
			if (!only.isEmpty() && !only.contains(operation.name())) {
				continue;
			}
			if (!samples.has(operation.sample())) {
				String line = String.format("| %s | – | not measured: the data has no %s rows to draw from |%n",
						operation.name(), operation.sample());
				report.append(line);
				System.out.print(line);
				continue;
			}
			String statements;
			try {
				statements = counter.isPresent()
						? counter.get().perRequest(driver.client(1), operation, COUNTED_REQUESTS) : "n/a";
			}
			catch (RuntimeException ex) {
				// the requests fail: the measurement below shows how often
				statements = "error";
				System.out.println("    counting statements of " + operation.name() + ": " + ex.getMessage());
			}
			for (int clients : clientCounts) {
				Driver.Result result = measureApi(api, database, driver, operation, clients, warmUp, measure, profiler);
				// an overloaded row leaves work behind (requests its clients gave up
				// on): the next measurement starts once the API is idle again
				settle(api, database);
				Pgbench.Result sql = null;
				if (pgbench.isPresent()) {
					try {
						sql = pgbench.get().run(operation.script(), clients, warmUp, measure, api, database);
					}
					catch (IllegalStateException ex) {
						// a script that fails leaves its columns empty, not the run
						System.out.println("    " + Driver.abbreviate(ex.getMessage()));
					}
				}
				String line = String.format(
						"| %s | %d | %.1f | %.2f | %.2f | %d | %s | %s | %s | %s | %s | %s | %s |%n", operation.name(),
						clients, result.perSecond(), result.medianMillis(), result.p99Millis(), result.errors(),
						statements, sql == null ? "–" : String.format("%.1f", sql.perSecond()),
						sql == null ? "–" : String.format("%.2f", sql.medianMillis()),
						sql == null ? "–" : String.format("%.2f", sql.p99Millis()),
						sql == null ? "–" : String.format("%.3g", result.perSecond() / sql.perSecond()),
						sql == null ? "–" : String.format("%.3g", result.medianMillis() / sql.medianMillis()),
						cpu(result.usage()));
				report.append(line);
				System.out.print(line);
				if (result.firstError() != null) {
					System.out.printf("    first error of %s: %s%n", operation.name(), result.firstError());
				}
			}
		}
		subscriptions(api, database, token, warmUp, measure, profiler, report);
		String memory = String.format("%nAPI memory: peak resident (VmHWM) %s MB, heap in use after the run %s MB%n",
				megabytes(api.peakResidentBytes()), megabytes(api.heapUsedBytes()));
		report.append(memory);
		System.out.print(memory);
		Path file = Path.of("bench", "target",
				"load-" + size + "-"
						+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
						+ ".md");
		Files.createDirectories(file.getParent());
		Files.writeString(file, report);
		System.out.printf("%nWritten to %s%n", file.toAbsolutePath());
	}

	private static Driver.Result measureApi(DealerDeskProcess api, Database database, Driver driver,
			Operation operation, int clients, Duration warmUp, Duration measure, Optional<Profiler> profiler)
			throws InterruptedException, SQLException {
		Optional<Profiler> profiling = profiler.filter(p -> p.wants(operation.name()));
		String name = operation.name() + "-" + clients + "c";
		return driver.run(operation, clients, warmUp, measure, () -> profiling.ifPresent(p -> startProfiler(p, api)),
				() -> profiling.ifPresent(p -> stopProfiler(p, api, name)));
	}

	/**
	 * Waits, for at most {@link #SETTLE_AT_MOST}, until the API used under a tenth of a
	 * core over half a second and none of its database sessions is active.
	 */
	private static void settle(DealerDeskProcess api, Database database) throws InterruptedException, SQLException {
		long until = System.nanoTime() + SETTLE_AT_MOST.toNanos();
		long cpu = cpuNanos(api);
		while (System.nanoTime() < until) {
			Thread.sleep(500);
			long now = cpuNanos(api);
			boolean idle = now - cpu < 50_000_000L && database.activeApiSessions() == 0;
			cpu = now;
			if (idle) {
				return;
			}
		}
		System.out.printf("    the API was still busy %d s after the row%n", SETTLE_AT_MOST.toSeconds());
	}

	private static long cpuNanos(DealerDeskProcess api) {
		return api.handle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	private static void startProfiler(Profiler profiler, DealerDeskProcess api) {
		try {
			profiler.start(api.handle());
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			System.out.println("    profiler did not start: " + ex.getMessage());
		}
	}

	private static void stopProfiler(Profiler profiler, DealerDeskProcess api, String name) {
		try {
			System.out.println("    flame graph: " + profiler.stop(api.handle(), name));
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			System.out.println("    profiler did not stop: " + ex.getMessage());
		}
	}

	/**
	 * Subscription delivery as {@code bench events} measures it, at a few thousand
	 * subscribers ({@code -Dsubscribers=2000,10000} for more; 0 leaves it out).
	 */
	private static void subscriptions(DealerDeskProcess api, Database database, String token, Duration warmUp,
			Duration measure, Optional<Profiler> profiler, StringBuilder report) throws Exception {
		int[] counts = ints(System.getProperty("subscribers", "2000"));
		if (counts.length == 0 || counts[0] == 0) {
			return;
		}
		String header = "\n| subscribers | connect s | committed/s | delivered/s | delivery p50 ms | p99 ms "
				+ "| complete | CPU % API / PG / bench |\n|--:|--:|--:|--:|--:|--:|--:|--|\n";
		report.append(header);
		System.out.print(header);
		EventDelivery delivery = new EventDelivery(api, database, token);
		for (int subscribers : counts) {
			Optional<Profiler> profiling = profiler.filter(p -> p.wants("subscribers"));
			EventDelivery.Result result = delivery.run(subscribers, Integer.getInteger("rate", 10), warmUp, measure,
					() -> profiling.ifPresent(p -> startProfiler(p, api)),
					() -> profiling.ifPresent(p -> stopProfiler(p, api, "subscribers-" + subscribers)));
			String line = result.usage() == null
					? String.format("| %d | only %d connected: %s |%n", subscribers, result.opened(), result.failure())
					: String.format("| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %s |%n", subscribers,
							result.connectSeconds(), result.committedPerSecond(), result.deliveredPerSecond(),
							result.medianMillis(), result.p99Millis(), result.complete(), cpu(result.usage()));
			report.append(line);
			System.out.print(line);
			if (result.opened() < subscribers) {
				System.out.printf("    %d of %d subscribers connected (the others timed out)%s%n", result.opened(),
						subscribers, result.errors().isEmpty() ? "" : "; errors:" + result.errors());
			}
			if (result.complete() < result.opened()) {
				System.out.printf("    fewest events one subscriber got: %d of %d%s%n", result.fewest(),
						result.events(), result.errors().isEmpty() ? "; no error seen" : "; errors:" + result.errors());
			}
		}
	}

	private static String cpu(ResourceSampler.Usage usage) {
		return String.format("%.0f / %.0f / %.0f", usage.apiCpu(), usage.postgresCpu(), usage.benchCpu());
	}

	private static String megabytes(long bytes) {
		return bytes < 0 ? "n/a" : Long.toString(bytes / (1024 * 1024));
	}

	/** The data's size by the planner's row estimates. */
	private static String rows(Database database) throws SQLException {
		try (Connection connection = database
			.connect("setup"); Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("""
					select string_agg(format('%s %s', to_char(greatest(reltuples, 0), 'FM999,999,999,999'),
					                         relname), ', ' order by relname)
					from pg_class where relname in ('customer', 'contact', 'activity', 'opportunity', 'license',
					                                'contract', 'planned_payment', 'payment') and relkind = 'r'""")) {
			row.next();
			return row.getString(1);
		}
	}

	private static String pipelineId(Database database) throws SQLException {
		try (Connection connection = database.connect("setup");
				Statement sql = connection.createStatement();
				ResultSet row = sql.executeQuery("select id from pipeline where is_default")) {
			if (!row.next()) {
				throw new IllegalStateException("no default pipeline");
			}
			return Samples.globalId("Pipeline", row.getString(1));
		}
	}

	/** The vendor's first user by id: the owner of the customers createCustomer makes. */
	private static String vendorUserId(Database database) throws SQLException {
		try (Connection connection = database.connect("setup");
				Statement sql = connection.createStatement();
				ResultSet row = sql
					.executeQuery("select id from app_user where partner_id is null order by id limit 1")) {
			row.next();
			return Samples.globalId("User", row.getString(1));
		}
	}

	private static int[] ints(String list) {
		return list.isBlank() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
	}

	private static Duration seconds(String property, String fallback) {
		String text = System.getProperty(property, fallback).trim();
		return Duration.ofSeconds(Long.parseLong(text.endsWith("s") ? text.substring(0, text.length() - 1) : text));
	}

}
