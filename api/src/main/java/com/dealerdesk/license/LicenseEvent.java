package com.dealerdesk.license;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.dealerdesk.platform.outbox.EventType;

/**
 * Something that happened to a license: who, when, why, and what changed (the end date,
 * the key, or the edition and seats, before and after).
 */
record LicenseEvent(long id, UUID licenseId, Kind kind, OffsetDateTime at, String byUser, String reason,
		LocalDate endsOnBefore, LocalDate endsOnAfter, UUID fromKeyId, UUID toKeyId, String editionBefore,
		String editionAfter, Integer seatsBefore, Integer seatsAfter) {

	/** What happened, and the outbox event that tells integrations. */
	enum Kind {

		ISSUED(EventType.LICENSE_ISSUED), EXTENDED(EventType.LICENSE_EXTENDED), SHORTENED(EventType.LICENSE_SHORTENED),
		RENEWED(EventType.LICENSE_RENEWED), UPGRADED(EventType.LICENSE_UPGRADED), MOVED(EventType.LICENSE_MOVED),
		SUSPENDED(EventType.LICENSE_SUSPENDED), RESUMED(EventType.LICENSE_RESUMED), REVOKED(EventType.LICENSE_REVOKED);

		private final EventType eventType;

		Kind(EventType eventType) {
			this.eventType = eventType;
		}

		EventType eventType() {
			return this.eventType;
		}

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
