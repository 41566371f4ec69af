package com.dealerdesk.bench.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Every generated value is a pure function of the seed and the row number: ids from the
 * table and row number alone (so that the load benchmark and SQL scripts can compute
 * them: {@code md5('dd:customer:' || i)::uuid}), everything else from a hash of seed,
 * table, row and field. The same size and seed give the same rows however the work is
 * chunked.
 */
final class Rows {

	private final long seed;

	Rows(long seed) {
		this.seed = seed;
	}

	/**
	 * The id of row {@code i} of {@code table}: PostgreSQL's {@code md5('dd:' || table ||
	 * ':' || i)::uuid}.
	 */
	static UUID id(String table, long i) {
		byte[] digest = md5("dd:" + table + ":" + i);
		long high = 0;
		long low = 0;
		for (int b = 0; b < 8; b++) {
			high = (high << 8) | (digest[b] & 0xff);
			low = (low << 8) | (digest[b + 8] & 0xff);
		}
		return new UUID(high, low);
	}

	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private static byte[] md5(String text) {
		return MD5.get().digest(text.getBytes(StandardCharsets.UTF_8));
	}

	/** 64 well-mixed bits for one field of one row. */
	long bits(int table, long i, int field) {
		return mix(mix(this.seed ^ (0x9E3779B97F4A7C15L * (table + 1))) ^ mix(i * 31 + field));
	}

	/** A number in [0, bound). */
	int pick(int table, long i, int field, int bound) {
		return (int) Long.remainderUnsigned(bits(table, i, field), bound);
	}

	/** True with the given probability in percent. */
	boolean chance(int table, long i, int field, int percent) {
		return pick(table, i, field, 100) < percent;
	}

	/** SplitMix64's finaliser. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
