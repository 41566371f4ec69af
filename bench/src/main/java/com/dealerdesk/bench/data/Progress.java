package com.dealerdesk.bench.data;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of one table: a bar redrawn in place on a terminal, plain lines (every ten
 * seconds and at the end) otherwise, so that logs stay readable.
 */
final class Progress {

	private static final boolean TERMINAL = System.console() != null;

	private final PrintStream out;

	private final String table;

	private final long total;

	private final long started = System.nanoTime();

	private long lastPrinted = this.started;

	Progress(PrintStream out, String table, long total) {
		this.out = out;
		this.table = table;
		this.total = total;
	}

	/** {@code done} of {@code total} units; rows counts what was written. */
	void update(long done, long rows) {
		long now = System.nanoTime();
		if (TERMINAL) {
			this.out.print("\r" + line(done, rows, now));
			this.out.flush();
		}
		else if (now - this.lastPrinted > 10_000_000_000L) {
			this.out.println(line(done, rows, now));
			this.lastPrinted = now;
		}
	}

	/** Prints the final line; returns the seconds taken. */
	double finish(long rows) {
		long now = System.nanoTime();
		this.out.println((TERMINAL ? "\r" : "") + line(this.total, rows, now));
		return (now - this.started) / 1e9;
	}

	private String line(long done, long rows, long now) {
		double seconds = Math.max(1e-3, (now - this.started) / 1e9);
		double fraction = (this.total == 0) ? 1 : (double) done / this.total;
		int width = 24;
		int filled = (int) Math.round(fraction * width);
		return String.format(Locale.ROOT, "  %-26s [%s%s] %5.1f%% %,13d rows %,10.0f rows/s %7.1f s", this.table,
				"#".repeat(filled), " ".repeat(width - filled), fraction * 100, rows, rows / seconds, seconds);
	}

}
