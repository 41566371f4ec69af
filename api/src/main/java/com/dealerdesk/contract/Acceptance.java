package com.dealerdesk.contract;

import java.time.OffsetDateTime;

/** Who accepted a stage or a work, when, and what they noted. */
public record Acceptance(String acceptedBy, OffsetDateTime acceptedAt, String note) {

	static Acceptance of(String acceptedBy, OffsetDateTime acceptedAt, String note) {
		return acceptedAt == null ? null : new Acceptance(acceptedBy, acceptedAt, note);
	}

}
