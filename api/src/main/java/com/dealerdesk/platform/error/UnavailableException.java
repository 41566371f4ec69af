package com.dealerdesk.platform.error;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API could not do what was asked, for a reason that passes (the database is down or
 * busy, the instance is shutting down): reported as a GraphQL error classified
 * {@code UNAVAILABLE}, with {@code extensions.code}, {@code retryable} and, when it is,
 * {@code retryAfterSeconds}, plus the details (e.g. where a subscription resumes).
 */
public class UnavailableException extends RuntimeException {

	/** How long a client should wait before it tries again (docs/operations.md). */
	public static final int RETRY_AFTER_SECONDS = 2;

	private final String code;

	private final boolean retryable;

	private final Map<String, Object> details;

	private UnavailableException(String code, String message, boolean retryable, Map<String, Object> details) {
		super(message, null, false, false);
		this.code = code;
		this.retryable = retryable;
		this.details = Map.copyOf(details);
	}

	/** Nothing was done: the same request may be sent again after the hint. */
	public static UnavailableException retryable(String code, String message, Map<String, Object> details) {
		return new UnavailableException(code, message, true, details);
	}

	/**
	 * The change may or may not have been saved (the connection broke while it was
	 * committed): the client reads before it sends the change again.
	 */
	public static UnavailableException outcomeUnknown() {
		return new UnavailableException("OUTCOME_UNKNOWN",
				"The database connection broke while this change was being saved, so it may or may not have been saved. "
						+ "Read the object back before you send the change again.",
				false, Map.of());
	}

	public String code() {
		return this.code;
	}

	public boolean isRetryable() {
		return this.retryable;
	}

	/** What the client sees besides the code: retry hints and the details. */
	public Map<String, Object> extensions() {
		Map<String, Object> extensions = new LinkedHashMap<>(this.details);
		extensions.put("retryable", this.retryable);
		if (this.retryable) {
			extensions.put("retryAfterSeconds", RETRY_AFTER_SECONDS);
		}
		return extensions;
	}

}
