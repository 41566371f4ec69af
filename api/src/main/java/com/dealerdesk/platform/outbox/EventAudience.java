package com.dealerdesk.platform.outbox;

import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;

/**
 * Who receives an event: the same scope as queries. Events of a customer's business go to
 * those who may read that customer; the catalogue and pipelines to everyone; campaigns to
 * the vendor's staff; a webhook endpoint's events to its owner. A partner receives its
 * own business and its sub-dealers' (SQL function {@code partner_scope}, asked when the
 * event is delivered, as sub-dealers come and go), never a sibling's or its parent's.
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
		/** One partner's business and its sub-dealers'. */
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

	/** A partner's webhook endpoint: that partner's business and its sub-dealers'. */
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
			// another partner's events are kept for the sub-dealer check
			case PARTNER -> (owner.customerId() == null && PUBLIC_AGGREGATES.contains(event.aggregateType()))
					|| owner.partnerId() != null;
			case CUSTOMERS_IN_SCOPE -> true;
			case NOTHING -> false;
		};
	}

	/** True when the event is a customer's and only the customer area can tell. */
	boolean needsCustomerCheck(FeedEvent event) {
		return this.reach == Reach.CUSTOMERS_IN_SCOPE && event.owner().customerId() != null;
	}

	/**
	 * True when the event is another partner's and only the partner area can tell whether
	 * it is a sub-dealer of this audience's partner.
	 */
	boolean needsPartnerCheck(FeedEvent event) {
		UUID owner = event.owner().partnerId();
		return this.reach == Reach.PARTNER && owner != null && !this.partnerId.equals(owner);
	}

	/** The partner whose sub-dealers are asked; set whenever that check is needed. */
	UUID partnerId() {
		return this.partnerId;
	}

	/** The caller whose customer scope is asked; set whenever a check is needed. */
	Actor actor() {
		return this.actor;
	}

	/** SQL narrowing the events read for this audience before the checks above. */
	String predicate(com.dealerdesk.platform.database.Sql sql) {
		return switch (this.reach) {
			case EVERYTHING, CUSTOMERS_IN_SCOPE -> "true";
			case PARTNER -> "(partner_id in (select partner_scope(" + sql.param(this.partnerId) + "))"
					+ " or (customer_id is null and aggregate_type in" + " ('Product', 'Pipeline')))";
			case NOTHING -> "false";
		};
	}

}
