package com.dealerdesk.platform.outbox;

import java.util.UUID;

/**
 * Whose business an event is: the customer the changed object belongs to and that
 * customer's partner. Subscriptions and webhooks deliver an event only to callers whose
 * scope includes that customer; events without a customer (the catalogue, campaigns,
 * pipelines) are the vendor's own.
 *
 * @param customerId the customer, or null for the vendor's own objects
 * @param partnerId the customer's partner, or null for the vendor's direct customers
 */
public record EventOwner(UUID customerId, UUID partnerId) {

	/** Campaigns, pipelines and products: no customer, no partner. */
	public static final EventOwner VENDOR = new EventOwner(null, null);

	public static EventOwner customer(UUID customerId, UUID partnerId) {
		return new EventOwner(customerId, partnerId);
	}

	/** Something of the partner itself rather than of one of its customers. */
	public static EventOwner partner(UUID partnerId) {
		return new EventOwner(null, partnerId);
	}

}
