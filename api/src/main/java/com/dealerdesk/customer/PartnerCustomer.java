package com.dealerdesk.customer;

import java.util.UUID;

/**
 * A customer made for a partner when the vendor approves the partner's deal registration:
 * the partner's, owned by the partner's user who registered it.
 */
public record PartnerCustomer(String name, String taxId, String region, String industry, UUID partnerId,
		String ownerId) {

}
