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

	public List<UserError> errors() {
		return this.errors;
	}

}
