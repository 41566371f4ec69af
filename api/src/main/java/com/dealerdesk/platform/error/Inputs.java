package com.dealerdesk.platform.error;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small steps every mutation takes with its input: presence, text clean-up. */
public final class Inputs {

	private Inputs() {
	}

	/** Records REQUIRED for fields that were sent as null or blank (partial updates). */
	public static void requireIfSent(Map<String, Object> rawInput, List<UserError> errors, String... fields) {
		for (String field : fields) {
			Object value = rawInput.get(field);
			boolean blank = value == null || value instanceof String text && text.isBlank();
			boolean reported = errors.stream().anyMatch(error -> List.of("input", field).equals(error.field()));
			if (rawInput.containsKey(field) && blank && !reported) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "Is required.", "input", field));
			}
		}
	}

	/** Puts the column's new value when the client sent the field (partial updates). */
	public static void putIfSent(Map<String, Object> changes, Set<String> sent, String field, String column,
			Object value) {
		if (sent.contains(field)) {
			changes.put(column, value);
		}
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
