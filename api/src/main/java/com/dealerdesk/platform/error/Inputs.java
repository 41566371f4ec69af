package com.dealerdesk.platform.error;

import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;

import org.springframework.graphql.data.ArgumentValue;

/**
 * Small steps every mutation takes with its input: ids, partial updates, text clean-up.
 */
public final class Inputs {

	private Inputs() {
	}

	/**
	 * The UUID of a global id of the given type; otherwise records INVALID_FORMAT
	 * (malformed) or NOT_FOUND (another type) at the field and returns null.
	 */
	public static UUID uuidOf(String type, String id, List<UserError> errors, String... field) {
		UUID uuid = GlobalId.uuidOf(type, id);
		if (uuid == null) {
			errors.add(GlobalId.parse(id) == null ? UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid id.", field)
					: UserError.of(UserErrorCode.NOT_FOUND, "Not found.", field));
		}
		return uuid;
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
