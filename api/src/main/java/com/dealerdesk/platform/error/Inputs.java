package com.dealerdesk.platform.error;

import java.util.List;

import org.springframework.graphql.data.ArgumentValue;

/**
 * Small steps every mutation takes with its input: partial updates, text clean-up.
 */
public final class Inputs {

	private Inputs() {
	}

	/**
	 * The value the client sent for a field of a partial update, or the current one when
	 * the field was left out.
	 */
	public static <T> T sentOr(ArgumentValue<T> field, T current) {
		return field.isOmitted() ? current : field.value();
	}

	public static void rejectIfAny(List<UserError> errors) {
		if (!errors.isEmpty()) {
			throw new UserErrorsException(errors);
		}
	}

	/** Trimmed text, or null when blank. */
	public static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
