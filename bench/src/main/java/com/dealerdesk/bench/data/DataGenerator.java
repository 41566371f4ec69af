package com.dealerdesk.bench.data;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.dealerdesk.bench.DealerDeskProcess;

/**
 * The deterministic data generator of issue 13 (ADR 0041): fills a migrated DealerDesk
 * database with a data set of a {@link Size}, every value a function of the seed and the
 * row number, loaded with COPY in chunks with triggers and foreign key checks off
 * ({@code session_replication_role = replica}), derived columns filled by the generator,
 * big secondary indexes dropped during the load and built again after it.
 * <p>
 * What was generated is recorded in {@code bench_dataset}: generating the same size and
 * seed again is a no-op, another size or seed is refused.
 */
public final class DataGenerator {

	/** The default seed; {@code --seed} changes it. */
	public static final long DEFAULT_SEED = 13;

	/** Tables whose secondary indexes are dropped during the load and built after it. */
	private static final List<String> TABLES = List.of("app_user", "partner", "partner_territory", "campaign",
			"customer", "contact", "activity", "protection_key", "sales_order", "order_line", "invoice", "shipment",
			"shipment_line", "license_item", "license");

	/** What a generated database holds. */
	public record Dataset(Size size, long seed, boolean generatedNow, Map<String, Long> counts, double seconds) {
	}

	private DataGenerator() {
	}

	/**
	 * {@code ./dealerdesk generate --size S|M|L [--seed N] [--data-dir DIR]}: into the
	 * database of DATABASE_URL, or else into an embedded database kept in
	 * {@code .dealerdesk-bench/<size>}, which the development jar migrates (and fills
	 * with the demo data) on its first start.
	 */
	public static void main(String[] args) throws Exception {
		Locale.setDefault(Locale.ROOT);
		Size size = null;
		long seed = DEFAULT_SEED;
		Path dataDir = null;
		for (int k = 0; k < args.length; k++) {
			String value = (k + 1 < args.length) ? args[k + 1] : null;
			switch (args[k]) {
				case "--size" -> size = Size.valueOf(value.toUpperCase(Locale.ROOT));
				case "--seed" -> seed = Long.parseLong(value);
				case "--data-dir" -> dataDir = Path.of(value);
				default -> usage("unknown argument " + args[k]);
			}
			k++;
		}
		if (size == null) {
			usage("--size is required");
		}
		String databaseUrl = System.getenv("DATABASE_URL");
		try {
			if (databaseUrl != null && !databaseUrl.isBlank()) {
				System.out.println("Database: DATABASE_URL");
				ensure(databaseUrl, size, seed);
				return;
			}
			Path dir = (dataDir != null) ? dataDir : Path.of(".dealerdesk-bench", size.name());
			Files.createDirectories(dir);
			System.out.printf(
					"Database: embedded PostgreSQL in %s; starting the development jar to migrate it" + " (log: %s)%n",
					dir, dir.resolve("api.log"));
			Path jar = Path.of(System.getProperty("jar", "api-dev/target/dealerdesk-dev.jar"));
			try (DealerDeskProcess api = DealerDeskProcess.start(jar, dir.toAbsolutePath(), null)) {
				ensure(api.databaseUrl(), size, seed);
			}
			System.out.printf("Run the app on it: DEALERDESK_DATA_DIR=%s ./dealerdesk run%n", dir);
		}
		catch (IllegalStateException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

	private static void ensure(String databaseUrl, Size size, long seed) throws SQLException {
		URI uri = URI.create(databaseUrl);
		String[] userInfo = (uri.getUserInfo() == null) ? new String[] { "postgres" } : uri.getUserInfo().split(":", 2);
		String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + ((uri.getPort() < 0) ? 5432 : uri.getPort())
				+ uri.getPath();
		ensure(jdbcUrl, userInfo[0], userInfo.length > 1 ? userInfo[1] : "", size, seed, System.out);
	}

	private static void usage(String problem) {
		System.err.println(problem + "\nusage: generate --size S|M|L [--seed N] [--data-dir DIR]");
		System.exit(2);
	}

	/**
	 * Makes sure the database holds the data set of this size and seed: generates it into
	 * a database that has none, returns at once when it is already there, and refuses a
	 * database that holds another one (or a lot of data that was not generated).
	 */
	public static Dataset ensure(String jdbcUrl, String user, String password, Size size, long seed)
			throws SQLException {
		return ensure(jdbcUrl, user, password, size, seed, System.out);
	}

	static Dataset ensure(String jdbcUrl, String user, String password, Size size, long seed, PrintStream out)
			throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password == null ? "" : password);
		properties.setProperty("ApplicationName", "dealerdesk-bench-generator");
		try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
			connection.setAutoCommit(true);
			if (scalar(connection, "select to_regclass('audit_entry')::text") == null) {
				throw new IllegalStateException("The database is not migrated: start the API on it once"
						+ " (DATABASE_URL=... ./dealerdesk run), then generate again.");
			}
			execute(connection, """
					create table if not exists bench_dataset (
					    id           int primary key default 1 check (id = 1),
					    size         text        not null,
					    seed         bigint      not null,
					    status       text        not null,
					    started_at   timestamptz not null default now(),
					    generated_at timestamptz,
					    seconds      numeric,
					    counts       jsonb,
					    indexes      jsonb
					)""");
			Dataset existing = existing(connection);
			if (existing != null) {
				if (existing.size() == size && existing.seed() == seed) {
					out.printf("The database already holds data set %s (seed %d): nothing to do.%n", size, seed);
					return existing;
				}
				throw new IllegalStateException("The database already holds data set " + existing.size() + " (seed "
						+ existing.seed() + "); generated sets do not mix. Use another database (or data directory)"
						+ " for " + size + " (seed " + seed + ").");
			}
			String status = scalar(connection, "select status from bench_dataset");
			if (status != null) {
				throw new IllegalStateException("A generation into this database was interrupted (" + status
						+ "): its rows are incomplete and some indexes may be missing (bench_dataset.indexes lists"
						+ " them). Start from a fresh database.");
			}
			long customers = Long.parseLong(scalar(connection, "select count(*) from customer"));
			if (customers > 1_000) {
				throw new IllegalStateException("The database holds " + customers + " customers that were not"
						+ " generated: the generator only adds to an empty or demo database.");
			}
			if (!"on".equals(scalar(connection, "select current_setting('is_superuser')"))) {
				throw new IllegalStateException("The generator loads with triggers and foreign key checks off"
						+ " (session_replication_role = replica), which needs a superuser; connect as one.");
			}
			return generate(connection, size, seed, out);
		}
	}

	private static Dataset generate(Connection connection, Size size, long seed, PrintStream out) throws SQLException {
		long started = System.nanoTime();
		out.printf("Generating data set %s (seed %d): %,d customers, %,d activities, about %,d licenses%n", size, seed,
				size.customers(), size.activities(), size.licenses());
		// no audit rows, no search-text triggers (the generator fills search_text), no
		// foreign key checks: the rows are consistent by construction
		execute(connection, "set session_replication_role = replica");
		execute(connection, "set synchronous_commit = off");
		execute(connection, "set maintenance_work_mem = '512MB'");
		List<String[]> indexes = secondaryIndexes(connection);
		try (PreparedStatement start = connection.prepareStatement(
				"insert into bench_dataset (size, seed, status, indexes) values (?, ?, 'loading', ?::jsonb)")) {
			start.setString(1, size.name());
			start.setLong(2, seed);
			start.setString(3,
					indexes.stream()
						.map(index -> '"' + index[1].replace("\"", "\\\"") + '"')
						.collect(Collectors.joining(",", "[", "]")));
			start.executeUpdate();
		}
		for (String[] index : indexes) {
			execute(connection, "drop index " + index[0]);
		}
		Generation generation = new Generation(connection, size, seed, out);
		Customers customers = new Customers(generation);
		customers.load();
		new Licensing(generation, customers).load();

		out.printf("Building %d indexes%n", indexes.size());
		Progress building = new Progress(out, "indexes", indexes.size());
		for (int k = 0; k < indexes.size(); k++) {
			execute(connection, indexes.get(k)[1]);
			building.update(k + 1, k + 1);
		}
		building.finish(indexes.size());
		execute(connection, "update bench_dataset set status = 'vacuuming', indexes = null");
		Progress vacuum = new Progress(out, "vacuum analyze", TABLES.size());
		for (int k = 0; k < TABLES.size(); k++) {
			execute(connection, "vacuum (analyze) " + TABLES.get(k));
			vacuum.update(k + 1, k + 1);
		}
		vacuum.finish(TABLES.size());
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, Long> counts = new LinkedHashMap<>(generation.counts());
		try (PreparedStatement done = connection.prepareStatement("update bench_dataset set status = 'complete',"
				+ " generated_at = now(), seconds = ?, counts = ?::jsonb")) {
			done.setDouble(1, seconds);
			done.setString(2,
					counts.entrySet()
						.stream()
						.map(entry -> '"' + entry.getKey() + "\":" + entry.getValue())
						.collect(Collectors.joining(",", "{", "}")));
			done.executeUpdate();
		}
		execute(connection, "set session_replication_role = origin");
		out.printf(Locale.ROOT, "Data set %s (seed %d) generated in %.1f s: %,d rows%n", size, seed, seconds,
				counts.values().stream().mapToLong(Long::longValue).sum());
		return new Dataset(size, seed, true, counts, seconds);
	}

	/**
	 * Name and definition of the indexes that back no constraint, on the loaded tables.
	 */
	private static List<String[]> secondaryIndexes(Connection connection) throws SQLException {
		List<String[]> indexes = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("""
				select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
				from pg_index i
				where i.indrelid = any (?::regclass[])
				  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
				order by i.indrelid::regclass::text, 1""")) {
			select.setArray(1, connection.createArrayOf("text", TABLES.toArray()));
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					indexes.add(new String[] { rows.getString(1), rows.getString(2) });
				}
			}
		}
		return indexes;
	}

	private static Dataset existing(Connection connection) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("select size, seed, counts::text, seconds from bench_dataset where status = 'complete'");
				ResultSet row = select.executeQuery()) {
			if (!row.next()) {
				return null;
			}
			Map<String, Long> counts = new LinkedHashMap<>();
			String json = row.getString(3);
			for (String entry : json.substring(1, json.length() - 1).split(",")) {
				String[] parts = entry.split(":");
				counts.put(parts[0].trim().replace("\"", ""), Long.parseLong(parts[1].trim()));
			}
			return new Dataset(Size.valueOf(row.getString(1)), row.getLong(2), false, counts, row.getDouble(4));
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String scalar(Connection connection, String sql) throws SQLException {
		try (var statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			return row.next() ? row.getString(1) : null;
		}
	}

}
