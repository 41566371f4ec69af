package com.dealerdesk.directory;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * The identity provider's side of a partner's portal users: a user made there with the
 * {@code partner_user} role and the {@code partner_id} claim, and disabled there. The
 * development identity provider implements it in the development jar; elsewhere
 * {@link RecordedInvitations} records the invitation for the operator to carry out
 * (docs/operations.md). The first implementation that {@link #isAvailable() is available}
 * (in {@code @Order}) is used.
 */
public interface PartnerUserProvisioning {

	/** Whether this implementation can serve here (its identity provider runs). */
	boolean isAvailable();

	/**
	 * Makes the user in the identity provider, who signs in with {@code username} and
	 * gets it as the token subject.
	 * @return the one-time initial password to show the inviter once, or empty where the
	 * identity provider sends its own invitation
	 */
	Mono<String> provision(NewPartnerUser user);

	/** Stops the user from signing in again. */
	Mono<Void> disable(String username);

	/** A portal user to make. */
	record NewPartnerUser(String username, String name, String email, UUID partnerId) {

	}

}
