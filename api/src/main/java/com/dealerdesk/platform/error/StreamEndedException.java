package com.dealerdesk.platform.error;

import java.util.Map;

/**
 * Why the API ended a subscription's stream (the subscriber fell too far behind, its
 * token expired), with what the client needs to carry on: reported as a GraphQL error
 * with {@code extensions.code} and the details as further extensions.
 */
public class StreamEndedException extends RuntimeException {

	private final String code;

	private final Map<String, Object> details;

	public StreamEndedException(String code, String message, Map<String, Object> details) {
		super(message, null, false, false);
		this.code = code;
		this.details = Map.copyOf(details);
	}

	public String code() {
		return this.code;
	}

	public Map<String, Object> details() {
		return this.details;
	}

}
