package com.dealerdesk.directory;

import java.util.UUID;

/**
 * A person who works in DealerDesk, identified by their token subject; or, with
 * {@code vendor} set, the vendor as an organisation, as partner callers see its staff
 * ({@link VendorStandIn}); or a partner organisation as its sub-dealers see its people
 * ({@link #organisation}).
 */
public record User(String id, String name, String email, String managerId, UUID partnerId, boolean vendor) {

	/** The local ids of partner organisations shown as users start with this. */
	private static final String ORGANISATION_PREFIX = "dealerdesk:partner:";

	public User(String id, String name, String email, String managerId, UUID partnerId) {
		this(id, name, email, managerId, partnerId, false);
	}

	/**
	 * A partner organisation standing for its people: its name, no e-mail, no manager,
	 * one id per organisation that names no person.
	 */
	public static User organisation(UUID partnerId, String name) {
		return new User(organisationId(partnerId), name, null, null, partnerId, false);
	}

	/** The local id of a partner organisation shown as a user. */
	public static String organisationId(UUID partnerId) {
		return ORGANISATION_PREFIX + partnerId;
	}

	/** The partner an organisation's local id stands for; null for any other id. */
	public static UUID organisationOf(String localId) {
		if (localId == null || !localId.startsWith(ORGANISATION_PREFIX)) {
			return null;
		}
		try {
			return UUID.fromString(localId.substring(ORGANISATION_PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
