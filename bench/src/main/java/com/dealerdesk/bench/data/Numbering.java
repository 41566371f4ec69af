package com.dealerdesk.bench.data;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Gapless document numbers per kind and year ({@code ORD-2026-00042}), as the API's
 * DocumentNumbers gives them, for documents whose time grows with their row number: the
 * rows of a year are consecutive, so a row's number is its place in its year after the
 * numbers the database had already used that year. document_counter is moved past them at
 * the end.
 */
final class Numbering {

	private final String kind;

	private final long units;

	private final LongUnaryOperator time;

	/** The year's last number before the generated rows. */
	private final Map<Integer, Integer> before = new HashMap<>();

	private final Map<Integer, Long> firstOfYear = new HashMap<>();

	Numbering(Generation generation, String kind, long units, LongUnaryOperator time) throws SQLException {
		this.kind = kind;
		this.units = units;
		this.time = time;
		for (String row : generation
			.strings("select year || ':' || last from document_counter where kind = '" + kind + "'")) {
			String[] parts = row.split(":");
			this.before.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
		}
	}

	String number(long i) {
		int year = Generation.year(this.time.applyAsLong(i));
		long number = this.before.getOrDefault(year, 0) + i - first(year) + 1;
		return "%s-%d-%05d".formatted(this.kind, year, number);
	}

	/** The first row of the year (rows after the last when none is in it). */
	private long first(int year) {
		return this.firstOfYear.computeIfAbsent(year, y -> {
			long start = Generation.startOfYear(y);
			long low = 1;
			long high = this.units + 1;
			while (low < high) {
				long middle = (low + high) >>> 1;
				if (this.time.applyAsLong(middle) >= start) {
					high = middle;
				}
				else {
					low = middle + 1;
				}
			}
			return low;
		});
	}

	/** Moves document_counter past the generated numbers. */
	void commit(Generation generation) throws SQLException {
		if (this.units == 0) {
			return;
		}
		int firstYear = Generation.year(this.time.applyAsLong(1));
		int lastYear = Generation.year(this.time.applyAsLong(this.units));
		for (int year = firstYear; year <= lastYear; year++) {
			long count = first(year + 1) - first(year);
			if (count > 0) {
				generation.execute("insert into document_counter (kind, year, last) values ('" + this.kind + "', "
						+ year + ", " + (this.before.getOrDefault(year, 0) + count)
						+ ") on conflict (kind, year) do update set last = excluded.last");
			}
		}
	}

}
