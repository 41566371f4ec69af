package com.dealerdesk.license;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something that happened to a license: who, when, why, and what changed (the end date,
 * the key, or the edition and seats, before and after).
 */
record LicenseEvent(long id, UUID licenseId, Kind kind, OffsetDateTime at, String byUser, String reason,
		LocalDate endsOnBefore, LocalDate endsOnAfter, UUID fromKeyId, UUID toKeyId, String editionBefore,
		String editionAfter, Integer seatsBefore, Integer seatsAfter) {

	enum Kind {

		ISSUED, EXTENDED, RENEWED, UPGRADED, MOVED, SUSPENDED, RESUMED, REVOKED

	}

	static LicenseEvent of(UUID licenseId, Kind kind, String byUser, String reason) {
		return new LicenseEvent(0, licenseId, kind, null, byUser, reason, null, null, null, null, null, null, null,
				null);
	}

	LicenseEvent withEnds(LocalDate before, LocalDate after) {
		return new LicenseEvent(this.id, this.licenseId, this.kind, this.at, this.byUser, this.reason, before, after,
				this.fromKeyId, this.toKeyId, this.editionBefore, this.editionAfter, this.seatsBefore, this.seatsAfter);
	}

	LicenseEvent withKeys(UUID from, UUID to) {
		return new LicenseEvent(this.id, this.licenseId, this.kind, this.at, this.byUser, this.reason,
				this.endsOnBefore, this.endsOnAfter, from, to, this.editionBefore, this.editionAfter, this.seatsBefore,
				this.seatsAfter);
	}

	LicenseEvent withUpgrade(String editionFrom, String editionTo, int seatsFrom, int seatsTo) {
		return new LicenseEvent(this.id, this.licenseId, this.kind, this.at, this.byUser, this.reason,
				this.endsOnBefore, this.endsOnAfter, this.fromKeyId, this.toKeyId, editionFrom, editionTo, seatsFrom,
				seatsTo);
	}

}
