package com.dealerdesk.bench.data;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows of one table in PostgreSQL's COPY text format, sent in chunks: one {@code COPY …
 * FROM STDIN} (and, with autocommit, one transaction) per chunk.
 */
final class Copy {

	private final String sql;

	private final StringBuilder text = new StringBuilder(1 << 20);

	private boolean firstField = true;

	private long rows;

	Copy(String table, String columns) {
		this.sql = "copy " + table + " (" + columns + ") from stdin";
	}

	/** Starts a row. */
	Copy row() {
		this.rows++;
		this.firstField = true;
		return this;
	}

	/** Ends a row. */
	void end() {
		this.text.append('\n');
	}

	long rows() {
		return this.rows;
	}

	private StringBuilder field() {
		if (!this.firstField) {
			this.text.append('\t');
		}
		this.firstField = false;
		return this.text;
	}

	Copy nul() {
		field().append("\\N");
		return this;
	}

	Copy text(String value) {
		if (value == null) {
			return nul();
		}
		StringBuilder out = field();
		for (int k = 0; k < value.length(); k++) {
			char c = value.charAt(k);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return this;
	}

	Copy number(long value) {
		field().append(value);
		return this;
	}

	/** Cents as a decimal amount. */
	Copy cents(long cents) {
		long whole = Math.abs(cents);
		long rest = whole % 100;
		return raw((cents < 0 ? "-" : "") + (whole / 100) + (rest < 10 ? ".0" : ".") + rest);
	}

	Copy bool(boolean value) {
		field().append(value ? 't' : 'f');
		return this;
	}

	Copy uuid(UUID value) {
		return (value == null) ? nul() : raw(value.toString());
	}

	/** An instant as epoch seconds. */
	Copy instant(long epochSecond) {
		return raw(Instant.ofEpochSecond(epochSecond).toString());
	}

	Copy date(long epochDay) {
		return raw(LocalDate.ofEpochDay(epochDay).toString());
	}

	/** A text array; elements are plain words (no quotes or backslashes). */
	Copy array(String... values) {
		StringBuilder out = field().append('{');
		for (int k = 0; k < values.length; k++) {
			if (k > 0) {
				out.append(',');
			}
			out.append('"').append(values[k]).append('"');
		}
		out.append('}');
		return this;
	}

	/** A value already in COPY text form. */
	Copy raw(String value) {
		field().append(value);
		return this;
	}

	boolean isFull() {
		return this.text.length() > (4 << 20);
	}

	boolean isEmpty() {
		return this.text.length() == 0;
	}

	/** Sends what was written as one COPY and starts afresh. */
	void flush(Connection connection) throws SQLException {
		if (this.text.length() == 0) {
			return;
		}
		byte[] bytes = this.text.toString().getBytes(StandardCharsets.UTF_8);
		CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(this.sql);
		try {
			in.writeToCopy(bytes, 0, bytes.length);
			in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
		this.text.setLength(0);
	}

}
