package com.dealerdesk.bench.data;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the load skipped, checked afterwards ({@code generate --verify}): every foreign
 * key (not checked with {@code session_replication_role = replica}) and the derived
 * columns the triggers and services would have kept. Each check counts offending rows;
 * all must be 0.
 */
final class Verify {

	private static final Map<String, String> DERIVED = new LinkedHashMap<>();

	static {
		DERIVED.put("opportunity.furthest_stage_id from the history", """
				select count(*) from opportunity o
				join (select distinct on (h.opportunity_id) h.opportunity_id, h.to_stage_id
				      from opportunity_stage_change h join stage s on s.id = h.to_stage_id
				      order by h.opportunity_id, s.position desc) f on f.opportunity_id = o.id
				where o.furthest_stage_id is distinct from f.to_stage_id""");
		DERIVED.put("opportunity_stage_change.left_at: the next change, open stay last",
				"""
						select count(*) from (
						    select left_at, lead(changed_at) over (partition by opportunity_id order by changed_at, id) as next_at
						    from opportunity_stage_change) h
						where h.left_at is distinct from h.next_at""");
		DERIVED.put("sales_order.total: the sum of its lines", """
				select count(*) from sales_order o
				where o.total <> (select coalesce(sum(price), 0) from order_line l where l.order_id = o.id)""");
		DERIVED.put("planned_payment.paid: the sum of its allocations",
				"""
						select count(*) from planned_payment p
						where p.paid <> (select coalesce(sum(amount), 0) from payment_allocation a where a.planned_payment_id = p.id)""");
		DERIVED.put("payment.allocated: the sum of its allocations",
				"""
						select count(*) from payment p
						where p.allocated <> (select coalesce(sum(amount), 0) from payment_allocation a where a.payment_id = p.id)""");
		DERIVED.put("document numbers within document_counter", """
				select count(*) from (
				    select split_part(number, '-', 1) as kind, split_part(number, '-', 2)::int as year,
				           max(split_part(number, '-', 3)::int) as last
				    from (select number from sales_order union all select number from shipment
				          union all select number from invoice union all select number from contract
				          union all select number from payment union all select number from deal_registration
				          union all select document_number from quote_series) d
				    group by 1, 2) n
				left join document_counter c on c.kind = n.kind and c.year = n.year
				where c.last is distinct from n.last""");
		DERIVED.put("quote_series: one gapless series of numbers per year", """
				select count(*) from (
				    select split_part(document_number, '-', 2) as year, count(*) as numbers,
				           max(split_part(document_number, '-', 3)::int) as last
				    from quote_series group by 1) q
				where q.numbers <> q.last""");
	}

	private Verify() {
	}

	/** Prints each check; returns the number of failed ones. */
	static int run(Connection connection, Size size, PrintStream out) throws SQLException {
		int failed = 0;
		Map<String, String> checks = new LinkedHashMap<>();
		for (String[] key : foreignKeys(connection)) {
			checks.put("foreign key " + key[0], key[1]);
		}
		// the words, not their order: the trigger aggregates contact names in whatever
		// order
		// its plan reads them (by table order, or by last name through
		// contact_customer_idx)
		checks.put("customer.search_text: the words the trigger computes", "select count(*) from generate_series(1, "
				+ size.customers() + ") i join customer c on c.id = md5('dd:customer:' || i)::uuid"
				+ " where (select array_agg(w order by w) from regexp_split_to_table(c.search_text, ' ') w)"
				+ " <> (select array_agg(w order by w) from regexp_split_to_table(customer_search_text(c), ' ') w)");
		checks.putAll(DERIVED);
		out.printf("Verifying %d foreign keys and derived columns%n", checks.size());
		for (Map.Entry<String, String> check : checks.entrySet()) {
			long offending;
			try (Statement statement = connection.createStatement();
					ResultSet row = statement.executeQuery(check.getValue())) {
				row.next();
				offending = row.getLong(1);
			}
			if (offending != 0) {
				failed++;
				out.printf("  FAILED %-70s %,d rows%n", check.getKey(), offending);
			}
		}
		out.printf("%d checks, %d failed%n", checks.size(), failed);
		// the same size and seed give the same rows: compare these between two databases
		// (without product ids, which the demo catalogue makes at random)
		long n = size.customers();
		Map<String, Long> slots = new LinkedHashMap<>();
		slots.put("customer", n);
		slots.put("contact", n * Size.CONTACT_SLOTS);
		slots.put("activity", size.activities());
		slots.put("opportunity", n * Size.DEAL_SLOTS);
		slots.put("license", n * Licensing.SLOTS);
		slots.put("payment", (long) size.contracts() * Contracts.INSTALMENTS);
		for (Map.Entry<String, Long> table : slots.entrySet()) {
			try (Statement statement = connection.createStatement();
					ResultSet row = statement.executeQuery(
							"select md5(string_agg((to_jsonb(t) - 'product_id')::text, '|' order by t.id)) from generate_series(1, "
									+ table.getValue() + ") i join " + table.getKey() + " t on t.id = md5('dd:"
									+ table.getKey() + ":' || i)::uuid")) {
				row.next();
				out.printf("  checksum %-20s %s%n", table.getKey(), row.getString(1));
			}
		}
		return failed;
	}

	/** Every foreign key of the schema as a count of the rows it does not find. */
	private static List<String[]> foreignKeys(Connection connection) throws SQLException {
		List<String[]> keys = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"""
								select c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
								       (select string_agg(quote_ident(a.attname), ',' order by k.n) from unnest(c.conkey) with ordinality k(attnum, n)
								        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum),
								       (select string_agg(quote_ident(a.attname), ',' order by k.n) from unnest(c.confkey) with ordinality k(attnum, n)
								        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum)
								from pg_constraint c
								where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
								order by 2, 1""")) {
			while (row.next()) {
				String child = row.getString(4);
				String parent = row.getString(5);
				String notNull = String.join(" and ",
						java.util.Arrays.stream(child.split(","))
							.map(column -> "c." + column + " is not null")
							.toList());
				keys.add(new String[] { row.getString(2) + "." + row.getString(1),
						"select count(*) from " + row.getString(2) + " c where " + notNull
								+ " and not exists (select 1 from " + row.getString(3) + " p where ("
								+ prefixed("p", parent) + ") = (" + prefixed("c", child) + "))" });
			}
		}
		return keys;
	}

	private static String prefixed(String alias, String columns) {
		return String.join(",",
				java.util.Arrays.stream(columns.split(",")).map(column -> alias + "." + column).toList());
	}

}
