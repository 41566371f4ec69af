package com.dealerdesk.partner;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A reseller or dealer in the vendor's channel.
 *
 * @param tierId the tier it buys at; null: list price
 * @param parentId the partner it is a sub-dealer of; null for a first-level partner
 * @param formerCustomerId the customer it grew from, if any
 */
public record Partner(UUID id, String name, String legalName, String taxId, String country, String address,
		PartnerStatus status, String statusReason, UUID tierId, UUID parentId, UUID formerCustomerId, int version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

}
