package com.dealerdesk.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;

/**
 * Relay global object ids: {@code base64url("Type:localId")}, opaque to clients, so one
 * {@code node(id:)} query can fetch any object.
 */
public record GlobalId(String type, String localId) {

	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,40}");

	private static final int MAX_LENGTH = 200;

	public static String of(String type, Object localId) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((type + ":" + localId).getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes an id, or returns null when it is not a well-formed global id. */
	public static GlobalId parse(String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return null;
		}
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = text.indexOf(':');
		if (colon < 0 || !TYPE.matcher(text.substring(0, colon)).matches() || colon == text.length() - 1) {
			return null;
		}
		return new GlobalId(text.substring(0, colon), text.substring(colon + 1));
	}

	/**
	 * Decodes an id of a query argument, failing with a BAD_REQUEST error when malformed.
	 */
	public static GlobalId require(String id) {
		GlobalId globalId = parse(id);
		if (globalId == null) {
			throw new InvalidArgumentException("INVALID_ID", "Not a valid id: use an `id` returned by this API.");
		}
		return globalId;
	}

	/**
	 * The UUID of a query argument's id of the given type: a BAD_REQUEST error when
	 * malformed, null when of another type (so the object is simply not found).
	 */
	public static UUID requireUuidOf(String type, String id) {
		GlobalId globalId = require(id);
		return type.equals(globalId.type()) ? globalId.asUuid() : null;
	}

	/**
	 * The UUID of an id of the given type, or null when the id is malformed or of another
	 * type.
	 */
	public static UUID uuidOf(String type, String id) {
		GlobalId globalId = parse(id);
		if (globalId == null || !globalId.type().equals(type)) {
			return null;
		}
		return globalId.asUuid();
	}

	/**
	 * The UUID of a mutation input's id of the given type; otherwise records
	 * INVALID_FORMAT (malformed) or NOT_FOUND (another type) at the field and returns
	 * null.
	 */
	public static UUID uuidOf(String type, String id, List<UserError> errors, String... field) {
		UUID uuid = uuidOf(type, id);
		if (uuid == null) {
			errors.add(parse(id) == null ? UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid id.", field)
					: UserError.of(UserErrorCode.NOT_FOUND, "Not found.", field));
		}
		return uuid;
	}

	/** The local id as a UUID, or null if it is not one. */
	public UUID asUuid() {
		try {
			UUID uuid = UUID.fromString(this.localId);
			return uuid.toString().equals(this.localId) ? uuid : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
