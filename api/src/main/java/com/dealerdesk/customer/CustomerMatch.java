package com.dealerdesk.customer;

import java.util.UUID;

/**
 * A customer recognised by one or more of the keys of
 * {@link com.dealerdesk.platform.text.CustomerKeys}, with what the channel's conflict
 * evidence names.
 */
public record CustomerMatch(UUID id, String name, String taxId, String email, UUID partnerId, String region,
		String industry, boolean byTaxId, boolean byName, boolean byEmailDomain) {

}
