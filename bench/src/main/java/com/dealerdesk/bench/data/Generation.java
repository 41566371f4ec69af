package com.dealerdesk.bench.data;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the generator on one connection: the size, the seed, what the database
 * already holds (users, products, document counters) and the tables written so far.
 */
final class Generation {

	/**
	 * "Now" of the generated business: times are relative to it, not to the clock, so
	 * that the rows are the same whatever the day (reminders due before it stay overdue).
	 */
	static final long ANCHOR = Instant.parse("2026-12-01T00:00:00Z").getEpochSecond();

	static final long ANCHOR_DAY = ANCHOR / 86_400;

	static final long DAY = 86_400;

	/** Customers were created over the six years before the anchor. */
	static final long HISTORY = 6 * 365 * DAY;

	final Connection connection;

	final Size size;

	final Rows rows;

	final PrintStream out;

	/** What PostgreSQL's lower() folds: all of Unicode, or ASCII only (C locale). */
	final boolean unicodeLower;

	private final Map<String, Long> counts = new LinkedHashMap<>();

	private final Map<String, Double> seconds = new LinkedHashMap<>();

	Generation(Connection connection, Size size, long seed, PrintStream out) throws SQLException {
		this.connection = connection;
		this.size = size;
		this.rows = new Rows(seed);
		this.out = out;
		this.unicodeLower = "ä".equals(string("select lower('Ä')"));
	}

	/**
	 * Writes the rows of units 1..units through the writer, in chunks, with a progress
	 * bar.
	 */
	void table(String table, String columns, long units, UnitWriter writer) throws SQLException {
		table(table, table, columns, units, writer);
	}

	/**
	 * As above, shown and counted under a label of its own (a second pass over a table).
	 */
	void table(String label, String table, String columns, long units, UnitWriter writer) throws SQLException {
		Copy copy = new Copy(table, columns);
		Progress progress = new Progress(this.out, label, units);
		for (long i = 1; i <= units; i++) {
			writer.write(i, copy);
			if (copy.isFull()) {
				copy.flush(this.connection);
				progress.update(i, copy.rows());
			}
		}
		copy.flush(this.connection);
		this.seconds.merge(table, progress.finish(copy.rows()), Double::sum);
		this.counts.merge(table, copy.rows(), Long::sum);
	}

	/** Writes the rows of one unit (a customer, a partner, ...). */
	@FunctionalInterface
	interface UnitWriter {

		void write(long i, Copy out);

	}

	/** What PostgreSQL's lower() gives for the text. */
	String lower(String text) {
		if (this.unicodeLower) {
			return text.toLowerCase(java.util.Locale.ROOT);
		}
		StringBuilder folded = new StringBuilder(text.length());
		for (int k = 0; k < text.length(); k++) {
			char c = text.charAt(k);
			folded.append((c >= 'A' && c <= 'Z') ? (char) (c + 32) : c);
		}
		return folded.toString();
	}

	Map<String, Long> counts() {
		return this.counts;
	}

	Map<String, Double> seconds() {
		return this.seconds;
	}

	void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	String string(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			return row.next() ? row.getString(1) : null;
		}
	}

	List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = this.connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
			while (row.next()) {
				values.add(row.getString(1));
			}
		}
		return values;
	}

	/** The calendar year of an epoch second. */
	static int year(long epochSecond) {
		return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC).getYear();
	}

	static long startOfYear(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
	}

}
