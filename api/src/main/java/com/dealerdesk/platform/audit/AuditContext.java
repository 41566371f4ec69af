package com.dealerdesk.platform.audit;

import java.util.UUID;

import reactor.util.context.Context;

import com.dealerdesk.platform.security.Actor;

/**
 * Who acts, in which operation and request: carried in the Reactor context of a GraphQL
 * request and written into every write transaction it opens, where the audit trigger
 * reads it (ADR 0037).
 *
 * @param subject the token subject, or {@code dealerdesk} for the scheduled jobs
 * @param name the actor's display name
 * @param clientId the OAuth2 client the token was issued to, if the token says
 * @param partnerId the actor's partner
 * @param operation the GraphQL operation name (or the job)
 * @param requestId the request id of the server log
 */
public record AuditContext(String subject, String name, String clientId, UUID partnerId, String operation,
		String requestId) {

	/** What a transaction records when nobody is calling: DealerDesk's own jobs. */
	public static final AuditContext SYSTEM = new AuditContext(Actor.SYSTEM.subject(), Actor.SYSTEM.name(), null, null,
			null, null);

	/** A scheduled job's context, to name the job in the audit. */
	public static Context job(String job) {
		return Context.of(AuditContext.class, new AuditContext(SYSTEM.subject(), SYSTEM.name(), null, null, job, null));
	}

}
