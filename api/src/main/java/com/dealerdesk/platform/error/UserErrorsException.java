package com.dealerdesk.platform.error;

import java.util.List;

/**
 * Thrown inside a transactional service method when the input cannot be applied: the
 * transaction rolls back, and the controller turns the errors into the mutation payload's
 * {@code userErrors}.
 */
public class UserErrorsException extends RuntimeException {

	private final List<UserError> errors;

	public UserErrorsException(List<UserError> errors) {
		super(errors.toString(), null, false, false);
		this.errors = List.copyOf(errors);
	}

	public UserErrorsException(UserError error) {
		this(List.of(error));
	}

	/**
	 * The object changed since the caller read it: STALE_VERSION at
	 * {@code input.expectedVersion}, naming the version it is at now.
	 * @param what the object, as people call it: "deal", "license", ...
	 */
	public static UserErrorsException staleVersion(String what, int currentVersion) {
		return new UserErrorsException(UserError.of(UserErrorCode.STALE_VERSION, "Someone else changed this " + what
				+ " since you read it (now at version " + currentVersion + "): reload and apply your change again.",
				"input", "expectedVersion"));
	}

	public List<UserError> errors() {
		return this.errors;
	}

}
