package com.dealerdesk.platform.error;

import java.util.List;

/**
 * A problem with the input that the caller can fix, returned in a mutation payload.
 *
 * @param field path to the input field at fault, or null for the input as a whole
 */
public record UserError(List<String> field, UserErrorCode code, String message) {

	public static UserError of(UserErrorCode code, String message, String... field) {
		return new UserError(field.length == 0 ? null : List.of(field), code, message);
	}

}
