package com.dealerdesk.platform.error;

/**
 * A query argument the API cannot work with (a malformed id, a forged cursor, a page size
 * out of range). Reported as a GraphQL error of type BAD_REQUEST with
 * {@code extensions.code}.
 */
public class InvalidArgumentException extends RuntimeException {

	private final String code;

	public InvalidArgumentException(String code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
