package com.dealerdesk.license;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A hardware or software key that programs check; licenses are bound to it. */
record ProtectionKey(UUID id, String keyNumber, String name, Kind kind, Status status, UUID customerId, UUID replacedBy,
		int version, OffsetDateTime createdAt) {

	enum Kind {

		HARDWARE, SOFTWARE

	}

	enum Status {

		ACTIVE, REPLACED

	}

}
