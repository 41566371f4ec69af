package com.dealerdesk.bench.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.dealerdesk.bench.Database;

/**
 * SQL statements per request, counted by PostgreSQL itself: {@code pg_stat_statements}
 * (top-level statements, BEGIN and COMMIT included) is reset, a number of requests is
 * sent one after the other, and the calls are added up, leaving out the bench's own
 * statements on the statistics views.
 */
final class StatementCounter {

	private static final String CALLS = """
			select coalesce(sum(calls), 0) from pg_stat_statements
			where dbid = (select oid from pg_database where datname = current_database())
			  and query not like '%pg_stat_statements%' and query not like '%pg_stat_activity%'""";

	private final Database database;

	private StatementCounter(Database database) {
		this.database = database;
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

	static StatementCounter of(Database database) {
		return new StatementCounter(database);
	}

	/** Statements per request over {@code requests} requests sent one after the other. */
	double perRequest(Driver.Client client, Operation operation, int requests) throws SQLException {
		try (Connection connection = this.database.connect("statements");
				Statement sql = connection.createStatement()) {
			sql.execute("select pg_stat_statements_reset()");
			for (int i = 0; i < requests; i++) {
				client.send(operation);
			}
			try (ResultSet row = sql.executeQuery(CALLS)) {
				row.next();
				return row.getDouble(1) / requests;
			}
		}
	}

}
