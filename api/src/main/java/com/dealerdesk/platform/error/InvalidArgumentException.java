package com.dealerdesk.platform.error;

import java.util.List;
import java.util.Map;

/**
 * A query argument the API cannot work with (a malformed id, a forged cursor, a page size
 * out of range). Reported as a GraphQL error of type BAD_REQUEST with
 * {@code extensions.code}.
 */
public class InvalidArgumentException extends RuntimeException {

	private final String code;

	private final Map<String, Object> details;

	public InvalidArgumentException(String code, String message) {
		this(code, message, Map.of());
	}

	/**
	 * @param details more for the client to act on, sent as further {@code extensions}
	 * (e.g. where the event feed starts now)
	 */
	public InvalidArgumentException(String code, String message, Map<String, Object> details) {
		super(message, null, false, false);
		this.code = code;
		this.details = Map.copyOf(details);
	}

	/** The most values a list argument of a query (a filter's ids or statuses) takes. */
	public static final int MAX_LIST_VALUES = 100;

	/**
	 * Refuses a list argument longer than {@link #MAX_LIST_VALUES} with one
	 * {@code TOO_MANY_VALUES} error, before any element is looked at.
	 */
	public static void requireAtMost(List<?> values, String argument) {
		if (values != null && values.size() > MAX_LIST_VALUES) {
			throw new InvalidArgumentException("TOO_MANY_VALUES",
					"`" + argument + "` takes at most " + MAX_LIST_VALUES + " values, not " + values.size() + ".");
		}
	}

	public String code() {
		return this.code;
	}

	public Map<String, Object> details() {
		return this.details;
	}

}
