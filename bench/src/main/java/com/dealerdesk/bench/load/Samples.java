package com.dealerdesk.bench.load;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.dealerdesk.bench.Database;

/**
 * Random parameters drawn once from the data: a sample of each kind goes into a table
 * {@code bench_load_<kind>(n, …)} numbered 1..count, which pgbench's scripts pick rows of
 * with {@code \set n random(1, :count)}, and into memory for the API's requests. Both
 * sides draw from the same rows.
 */
final class Samples {

	/** Rows per kind: enough that caches are not flattered by a few hot rows. */
	private static final int SIZE = 2000;

	/**
	 * Each kind's sample, as a query over the data; {@code %1$s} is the tablesample
	 * clause of the table sampled, {@code %2$d} the size.
	 */
	private static final Map<String, String> KINDS = new LinkedHashMap<>();

	static {
		// customers that are not archived and have a region (the lists filter by it),
		// with an
		// as-you-type prefix of their name (3 to 6 characters)
		KINDS.put("customer", """
				select c.id, c.name, lower(left(c.name, 3 + abs(hashtext(c.id::text)) %% 4)) as prefix, c.region
				from customer c %1$s where c.archived_at is null and c.region is not null limit %2$d""");
		KINDS.put("license", """
				select l.serial from license l %1$s limit %2$d""");
		// what people type into the license registry's search: a serial's first 4
		// characters,
		// a protection key's number, a customer's name, in turns
		KINDS.put("license_search", """
				select term from (
				    (select left(l.serial, 4) as term from license l %1$s limit %2$d / 3)
				    union all
				    (select k.key_number from protection_key k order by random() limit %2$d / 3)
				    union all
				    (select c.name from customer c where c.id in (select customer_id from license l %1$s)
				     limit %2$d / 3)
				) t order by random()""");
		// customers with a planned payment still open: a payment for them is allocated
		KINDS.put("payer", """
				select distinct on (p.customer_id) p.customer_id as id, p.currency
				from planned_payment p %1$s
				where p.paid < p.amount and p.written_off_at is null
				order by p.customer_id limit %2$d""");
	}

	private final Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();

	private Samples() {
	}

	/** Draws the samples again (replacing the tables of a previous run). */
	static Samples draw(Database database) throws SQLException {
		Samples samples = new Samples();
		try (Connection connection = database.connect("samples"); Statement sql = connection.createStatement()) {
			for (Map.Entry<String, String> kind : KINDS.entrySet()) {
				String table = "bench_load_" + kind.getKey();
				String source = kind.getKey().equals("payer") ? "planned_payment"
						: kind.getKey().equals("customer") ? "customer" : "license";
				String query = kind.getValue().formatted(tablesample(sql, source), SIZE);
				sql.execute("drop table if exists " + table);
				sql.execute("create unlogged table " + table + " as select row_number() over () as n, s.* from ("
						+ query + ") s");
				sql.execute("alter table " + table + " add primary key (n)");
				sql.execute("analyze " + table);
				List<Map<String, String>> list = new ArrayList<>();
				try (ResultSet row = sql.executeQuery("select * from " + table + " order by n")) {
					int columns = row.getMetaData().getColumnCount();
					while (row.next()) {
						Map<String, String> values = new LinkedHashMap<>();
						for (int i = 1; i <= columns; i++) {
							values.put(row.getMetaData().getColumnLabel(i), row.getString(i));
						}
						list.add(values);
					}
				}
				samples.rows.put(kind.getKey(), list);
			}
		}
		return samples;
	}

	/**
	 * {@code tablesample system} of about twice the sample's share of the table, so that
	 * a sample is spread over the table without reading all of it.
	 */
	private static String tablesample(Statement sql, String table) throws SQLException {
		try (ResultSet row = sql
			.executeQuery("select greatest(reltuples, 1) from pg_class where relname = '" + table + "'")) {
			double rows = row.next() ? row.getDouble(1) : 1;
			double percent = Math.min(100, 2.0 * SIZE * 100 / rows);
			return percent >= 100 ? "" : "tablesample bernoulli (" + percent + ")";
		}
	}

	/** Whether the data had rows of the kind (a data set may lack some tables). */
	boolean has(String kind) {
		return kind == null || !this.rows.get(kind).isEmpty();
	}

	Map<String, String> pick(String kind, SplittableRandom random) {
		List<Map<String, String>> list = this.rows.get(kind);
		return list.get(random.nextInt(list.size()));
	}

	/**
	 * The pgbench variables {@code -D <kind>s=count} that bound {@code random(1, :…)}.
	 */
	List<String> pgbenchDefines() {
		List<String> defines = new ArrayList<>();
		// at least 1, so that random(1, :count) is valid for a script that is not run
		this.rows.forEach((kind, list) -> defines.add(kind + "s=" + Math.max(1, list.size())));
		return defines;
	}

	static String globalId(String type, String id) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
	}

}
