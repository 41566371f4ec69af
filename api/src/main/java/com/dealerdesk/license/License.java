package com.dealerdesk.license;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer's right to use a product, identified by its serial number.
 *
 * @param state what was decided (ACTIVE, SUSPENDED, REVOKED); {@link #status} adds expiry
 * @param endsOn the last day it is valid; null for a perpetual license
 */
public record License(UUID id, String serial, UUID itemId, UUID productId, String editionCode, UUID customerId,
		int seats, LocalDate startsOn, LocalDate endsOn, LicenseStatus state, UUID keyId, UUID shipmentId,
		OffsetDateTime issuedAt, int version) {

	public enum LicenseStatus {

		ACTIVE, SUSPENDED, EXPIRED, REVOKED

	}

	/**
	 * The status on a day: revoked and suspended as set, expired once its last day
	 * passed.
	 */
	public LicenseStatus status(LocalDate today) {
		if (this.state != LicenseStatus.ACTIVE) {
			return this.state;
		}
		return this.endsOn != null && today.isAfter(this.endsOn) ? LicenseStatus.EXPIRED : LicenseStatus.ACTIVE;
	}

}
