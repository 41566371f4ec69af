package com.dealerdesk.channel;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;

/**
 * Who sees partners' accounts, as a SQL predicate on a partner column. Narrower than
 * {@link PartnerPerformanceScope}: money owed is not a sales manager's business.
 * <ul>
 * <li>a partner's users and integrations: their partner and its sub-dealers
 * ({@code partner_scope}), never a sibling or the parent, like every partner row;</li>
 * <li>admins, channel managers, accountants and the vendor's integrations: every
 * partner;</li>
 * <li>everyone else (sales managers, sales reps, project managers): nothing.</li>
 * </ul>
 */
final class PartnerAccountScope {

	private PartnerAccountScope() {
	}

	/** Appends {@code (predicate)} for rows of the given partner column. */
	static void restrict(Sql sql, Actor actor, String partnerColumn) {
		if (actor.partnerId() != null) {
			sql.append("(" + partnerColumn + " in (select partner_scope(" + sql.param(actor.partnerId()) + ")))");
		}
		else if (!actor.isPartner() && (actor.has(Role.ADMIN) || actor.has(Role.CHANNEL_MANAGER)
				|| actor.has(Role.ACCOUNTANT) || actor.has(Role.INTEGRATION))) {
			sql.append("(true)");
		}
		else {
			sql.append("(false)");
		}
	}

}
