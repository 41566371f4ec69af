package com.dealerdesk.directory;

import java.util.UUID;

/**
 * A person who works in DealerDesk, identified by their token subject; or, with
 * {@code vendor} set, the vendor as an organisation, as partner callers see its staff
 * ({@link VendorStandIn}).
 */
public record User(String id, String name, String email, String managerId, UUID partnerId, boolean vendor) {

	public User(String id, String name, String email, String managerId, UUID partnerId) {
		this(id, name, email, managerId, partnerId, false);
	}

}
