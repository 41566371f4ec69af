package com.dealerdesk.platform.pagination;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import com.dealerdesk.platform.error.InvalidArgumentException;

/**
 * A keyset position: the sort key value and id of the last row seen, under a named sort
 * order. Encoded as opaque base64url text. Only cursors of this form are accepted: an
 * offset cursor, a cursor of another sort order or any other text is refused, so no
 * cursor can force a deep scan.
 *
 * @param order the sort order the cursor was issued for, e.g. {@code NAME_ASC}
 * @param value the sort key of the row, as text
 * @param id the row id, the tie-breaker that makes the order total
 */
public record KeysetCursor(String order, String value, UUID id) {

	private static final String VERSION = "k1";

	private static final int MAX_LENGTH = 1024;

	public String encode() {
		String text = VERSION + "\n" + this.order + "\n" + this.id + "\n" + this.value;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Decodes a cursor issued for the given order.
	 * @throws InvalidArgumentException when the cursor is malformed, forged or of another
	 * order
	 */
	public static KeysetCursor decode(String cursor, String expectedOrder) {
		if (cursor.length() > MAX_LENGTH) {
			throw invalid();
		}
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 4);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
		if (parts.length != 4 || !VERSION.equals(parts[0])) {
			throw invalid();
		}
		if (!parts[1].equals(expectedOrder)) {
			throw new InvalidArgumentException("INVALID_CURSOR",
					"The cursor belongs to another sort order: start again without `after`.");
		}
		try {
			UUID id = UUID.fromString(parts[2]);
			return new KeysetCursor(parts[1], parts[3], id);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	/**
	 * The sort key as a timestamp, for orders by time; INVALID_CURSOR when it is not one.
	 */
	public OffsetDateTime time() {
		try {
			return OffsetDateTime.parse(this.value);
		}
		catch (DateTimeParseException ex) {
			throw invalid();
		}
	}

	private static InvalidArgumentException invalid() {
		return new InvalidArgumentException("INVALID_CURSOR",
				"Not a valid cursor: pass a `cursor` or `endCursor` returned by this API.");
	}

}
