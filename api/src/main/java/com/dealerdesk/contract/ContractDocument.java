package com.dealerdesk.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A file attached to a contract; its content is read separately. */
record ContractDocument(UUID id, UUID contractId, Kind kind, String fileName, String contentType, int sizeBytes,
		String sha256, String uploadedBy, OffsetDateTime uploadedAt) {

	enum Kind {

		TECHNICAL_SPECIFICATION, OTHER

	}

}
