package com.dealerdesk.bench.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import com.dealerdesk.bench.Database;

/**
 * SQL statements per request, counted by PostgreSQL itself: {@code pg_stat_statements}
 * (top-level statements, BEGIN and COMMIT included) is reset, a number of requests is
 * sent one after the other, and the calls are added up, leaving out the bench's own
 * statements on the statistics views. The API's background work (event relay, webhook
 * worker, schedulers) runs statements too: their rate, measured once with no request in
 * flight, is subtracted for the time the requests took.
 */
final class StatementCounter {

	private static final String CALLS = """
			select coalesce(sum(calls), 0) from pg_stat_statements
			where dbid = (select oid from pg_database where datname = current_database())
			  and query not like '%pg_stat_statements%' and query not like '%pg_stat_activity%'""";

	private final Database database;

	/** Statements per second that the API runs with no request in flight. */
	private final double background;

	private StatementCounter(Database database, double background) {
		this.database = database;
		this.background = background;
	}

	/**
	 * Whether the server loads pg_stat_statements; creates the extension in the database
	 * when it does.
	 */
	static boolean available(Database database) throws SQLException {
		try (Connection connection = database.connect("statements"); Statement sql = connection.createStatement()) {
			try (ResultSet row = sql.executeQuery("select current_setting('shared_preload_libraries')")) {
				row.next();
				if (!row.getString(1).contains("pg_stat_statements")) {
					return false;
				}
			}
			sql.execute("create extension if not exists pg_stat_statements");
			return true;
		}
	}

	/** Measures the background rate over {@code idle}, with no request sent. */
	static StatementCounter start(Database database, Duration idle) throws SQLException, InterruptedException {
		try (Connection connection = database.connect("statements"); Statement sql = connection.createStatement()) {
			sql.execute("select pg_stat_statements_reset()");
			long start = System.nanoTime();
			Thread.sleep(idle.toMillis());
			return new StatementCounter(database, calls(sql) / ((System.nanoTime() - start) / 1e9));
		}
	}

	double background() {
		return this.background;
	}

	/**
	 * Statements per request over {@code requests} requests sent one after the other, as
	 * text: less the background work, and in brackets as counted (they differ where
	 * requests are slow, e.g. on a loaded machine, and the subtraction is coarse).
	 */
	String perRequest(Driver.Client client, Operation operation, int requests) throws SQLException {
		try (Connection connection = this.database.connect("statements");
				Statement sql = connection.createStatement()) {
			sql.execute("select pg_stat_statements_reset()");
			long start = System.nanoTime();
			for (int i = 0; i < requests; i++) {
				client.send(operation);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double calls = calls(sql);
			return String.format("%.1f (%.1f)", Math.max(0, calls - this.background * seconds) / requests,
					calls / requests);
		}
	}

	private static double calls(Statement sql) throws SQLException {
		try (ResultSet row = sql.executeQuery(CALLS)) {
			row.next();
			return row.getDouble(1);
		}
	}

}
