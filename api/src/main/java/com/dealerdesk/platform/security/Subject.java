package com.dealerdesk.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * A kind of object an {@link AccessPolicy} rules on, named after its schema type, with
 * the actions it has. Reading is not here: what an actor sees is their {@link DataScope}.
 */
public enum Subject {

	CUSTOMER("customers", Action.CREATE, Action.UPDATE),

	CONTACT("contacts", Action.CREATE, Action.UPDATE, Action.DELETE),

	ACTIVITY("activities", Action.CREATE, Action.UPDATE),

	MAIL_MESSAGE("messages in the mail archive", Action.CREATE),

	OPPORTUNITY("deals", Action.CREATE, Action.UPDATE),

	QUOTE("quotes", Action.CREATE, Action.UPDATE),

	CAMPAIGN("campaigns", Action.CREATE, Action.UPDATE),

	PIPELINE("pipelines", Action.CREATE, Action.UPDATE),

	LOST_REASON("lost reasons", Action.CREATE, Action.UPDATE),

	PRODUCT("products of the catalogue", Action.CREATE, Action.UPDATE),

	ORDER("orders", Action.CREATE, Action.UPDATE, Action.DELETE),

	SHIPMENT("shipments", Action.CREATE, Action.DELETE),

	INVOICE("invoices", Action.CREATE, Action.DELETE),

	LICENSE("licenses", Action.CREATE, Action.UPDATE, Action.CHANGE_TERMS),

	PROTECTION_KEY("protection keys", Action.CREATE, Action.UPDATE),

	WEBHOOK_ENDPOINT("webhook endpoints", Action.CREATE, Action.UPDATE, Action.DELETE),

	CONTRACT("contracts", Action.CREATE, Action.UPDATE, Action.DELETE),

	/** A contract's stages, works, tasks, dependencies and acceptances. */
	PROJECT_PLAN("project plans", Action.CREATE, Action.UPDATE, Action.DELETE),

	PAYMENT_PLAN("payment plans", Action.CREATE, Action.UPDATE),

	PAYMENT("payments", Action.CREATE, Action.UPDATE),

	/** A partner's organisation, status, tier, territories, contacts and sub-dealers. */
	PARTNER("partners", Action.CREATE, Action.UPDATE),

	/** The channel's tiers and their prices. */
	PARTNER_TIER("partner tiers", Action.CREATE, Action.UPDATE, Action.DELETE),

	/** Agreements with partners and their rebate bands. */
	PARTNER_AGREEMENT("partner agreements", Action.CREATE, Action.UPDATE),

	/**
	 * A partner's accounts with the vendor: create (open one, credit a year-end rebate),
	 * change the terms (prepaid, credit limit), update (record payments, adjust).
	 */
	PARTNER_ACCOUNT("partner accounts", Action.CREATE, Action.UPDATE, Action.CHANGE_TERMS),

	/** A partner's portal users: invite, disable. */
	PARTNER_USER("partner portal users", Action.CREATE, Action.UPDATE),

	/** Deal registrations: submit (create), withdraw (update), approve or reject. */
	DEAL_REGISTRATION("deal registrations", Action.CREATE, Action.UPDATE, Action.APPROVE),

	/** Who changed what and when, logins and refusals: read. */
	AUDIT("the audit trail", Action.READ);

	private final String plural;

	private final Set<Action> actions;

	Subject(String plural, Action first, Action... more) {
		this.plural = plural;
		this.actions = EnumSet.of(first, more);
	}

	/** The actions this kind of object has. */
	public Set<Action> actions() {
		return EnumSet.copyOf(this.actions);
	}

	String plural() {
		return this.plural;
	}

}
