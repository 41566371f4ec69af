package com.dealerdesk.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the API understood their token: the input of every scoped read and
 * write.
 *
 * @param subject the token subject: a user id, or a client id for an integration
 * @param name a display name from the token, if any
 * @param roles what the caller may do
 * @param partnerId set for a partner's users and integrations: they see that partner's
 * rows only
 * @param scopes the OAuth2 scopes the token was granted
 */
public record Actor(String subject, String name, Set<Role> roles, UUID partnerId, Set<String> scopes) {

	/**
	 * Where each GraphQL request's context holds the actor: controllers take it as
	 * {@code @ContextValue Actor actor}, so the key is the parameter's name.
	 */
	public static final String CONTEXT_KEY = "actor";

	/**
	 * DealerDesk itself, for what its scheduled jobs do (renewal reminders, reminders
	 * coming due): the outbox names it {@code dealerdesk}. Sees everything.
	 */
	public static final Actor SYSTEM = new Actor("dealerdesk", "DealerDesk", Set.of(Role.ADMIN), null, Set.of());

	public Actor

	{
		roles = Set.copyOf(roles);
		scopes = Set.copyOf(scopes);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isPartner() {
		return this.partnerId != null || has(Role.PARTNER_USER);
	}

	/** A person, as opposed to an integration acting on its own behalf. */
	public boolean isUser() {
		return !this.roles.isEmpty() && !(this.roles.size() == 1 && has(Role.INTEGRATION));
	}

	/**
	 * A sales rep and nothing more: sees what is shared with them, but may hand over only
	 * what they own.
	 */
	public boolean actsOnlyAsRep() {
		return has(Role.SALES_REP) && !has(Role.SALES_MANAGER) && !has(Role.ADMIN) && !isPartner();
	}

	/** Sees every row of the tenant (unless limited to a partner). */
	public boolean seesEverything() {
		return has(Role.ADMIN) || has(Role.ACCOUNTANT) || has(Role.PROJECT_MANAGER) || has(Role.CHANNEL_MANAGER)
				|| has(Role.INTEGRATION);
	}

}
