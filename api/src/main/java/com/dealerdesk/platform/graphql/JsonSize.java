package com.dealerdesk.platform.graphql;

import java.util.Collection;
import java.util.Map;

/**
 * The length of a value written as JSON, in characters, counted without writing it; the
 * count stops soon after it passes a ceiling, so a huge value costs little to measure.
 */
final class JsonSize {

	private JsonSize() {
	}

	static long of(Object value, long ceiling) {
		return add(0, value, ceiling);
	}

	private static long add(long size, Object value, long ceiling) {
		if (size > ceiling) {
			return size;
		}
		if (value instanceof Map<?, ?> map) {
			long total = size + 2;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				total = add(total + String.valueOf(entry.getKey()).length() + 4, entry.getValue(), ceiling);
			}
			return total;
		}
		if (value instanceof Collection<?> items) {
			long total = size + 2;
			for (Object item : items) {
				total = add(total + 1, item, ceiling);
			}
			return total;
		}
		if (value instanceof CharSequence text) {
			return size + text.length() + 2;
		}
		return size + String.valueOf(value).length();
	}

}
