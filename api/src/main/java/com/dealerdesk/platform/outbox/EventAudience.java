package com.dealerdesk.platform.outbox;

import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;

/**
 * Who receives an event: the same scope as queries. Events of a customer's business go to
 * those who may read that customer; the catalogue and pipelines to everyone; campaigns to
 * the vendor's staff; a webhook endpoint's events to its owner.
 */
public final class EventAudience {

	/**
	 * Aggregates without a customer that every caller reads (the catalogue, pipelines).
	 */
	private static final Set<String> PUBLIC_AGGREGATES = Set.of("Product", "Pipeline");

	private static final String WEBHOOK_ENDPOINT = "WebhookEndpoint";

	private enum Reach {

		/** The whole tenant: admins, accountants and the vendor's integrations. */
		EVERYTHING,
		/** One partner's business. */
		PARTNER,
		/** The customers the actor may read, asked when each event is delivered. */
		CUSTOMERS_IN_SCOPE,
		/** A partner user without a partner in the token: nothing. */
		NOTHING

	}

	private final Reach reach;

	private final Actor actor;

	private final UUID partnerId;

	private EventAudience(Reach reach, Actor actor, UUID partnerId) {
		this.reach = reach;
		this.actor = actor;
		this.partnerId = partnerId;
	}

	/** What a signed-in caller may receive. */
	public static EventAudience of(Actor actor) {
		if (actor.partnerId() != null) {
			return new EventAudience(Reach.PARTNER, actor, actor.partnerId());
		}
		if (actor.isPartner() || actor.roles().isEmpty()) {
			return new EventAudience(Reach.NOTHING, actor, null);
		}
		if (actor.seesEverything()) {
			return new EventAudience(Reach.EVERYTHING, actor, null);
		}
		return new EventAudience(Reach.CUSTOMERS_IN_SCOPE, actor, null);
	}

	/** A vendor's webhook endpoint: every event. */
	public static EventAudience everything() {
		return new EventAudience(Reach.EVERYTHING, null, null);
	}

	/** A partner's webhook endpoint: that partner's business. */
	public static EventAudience partner(UUID partnerId) {
		return new EventAudience(Reach.PARTNER, null, partnerId);
	}

	/**
	 * Whether the event may go to this audience, as far as can be told without the
	 * database; {@link #needsCustomerCheck} says when the customer must be asked too.
	 */
	boolean mayReceive(FeedEvent event) {
		EventOwner owner = event.owner();
		if (WEBHOOK_ENDPOINT.equals(event.aggregateType())) {
			return switch (this.reach) {
				case PARTNER -> this.partnerId.equals(owner.partnerId());
				case EVERYTHING -> owner.partnerId() == null && (this.actor == null || this.actor.has(Role.ADMIN));
				default -> false;
			};
		}
		return switch (this.reach) {
			case EVERYTHING -> true;
			case PARTNER -> (owner.customerId() == null && PUBLIC_AGGREGATES.contains(event.aggregateType()))
					|| (owner.customerId() != null && this.partnerId.equals(owner.partnerId()));
			case CUSTOMERS_IN_SCOPE -> true;
			case NOTHING -> false;
		};
	}

	/** True when the event is a customer's and only the customer area can tell. */
	boolean needsCustomerCheck(FeedEvent event) {
		return this.reach == Reach.CUSTOMERS_IN_SCOPE && event.owner().customerId() != null;
	}

	/** The caller whose customer scope is asked; set whenever a check is needed. */
	Actor actor() {
		return this.actor;
	}

	/** SQL narrowing the events read for this audience before the checks above. */
	String predicate(com.dealerdesk.platform.database.Sql sql) {
		return switch (this.reach) {
			case EVERYTHING, CUSTOMERS_IN_SCOPE -> "true";
			case PARTNER -> "(partner_id = " + sql.param(this.partnerId)
					+ " or (customer_id is null and aggregate_type in" + " ('Product', 'Pipeline')))";
			case NOTHING -> "false";
		};
	}

}
