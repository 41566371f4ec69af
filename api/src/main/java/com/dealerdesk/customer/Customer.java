package com.dealerdesk.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer row. {@code sortName} is the database's lower-cased name, kept so that
 * keyset cursors carry exactly the value PostgreSQL sorts by.
 */
public record Customer(UUID id, String name, String sortName, String legalName, String taxId, String industry,
		String region, CompanySize size, CustomerStatus status, String ownerId, UUID partnerId, List<String> tags,
		SourceChannel sourceChannel, String website, String email, String phone, String address, String notes,
		OffsetDateTime archivedAt, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt, UUID campaignId) {

	public boolean archived() {
		return this.archivedAt != null;
	}

}
