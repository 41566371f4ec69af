package com.dealerdesk.channel;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;

/**
 * Who sees the channel's terms and figures (agreements, rebates, partner performance), as
 * a SQL predicate on a partner column:
 * <ul>
 * <li>a partner's users and integrations: their partner and its sub-dealers
 * ({@code partner_scope}), never a sibling or the parent;</li>
 * <li>admins, channel managers, sales managers, accountants and the vendor's
 * integrations: every partner (the channel's revenue is theirs to plan, book and
 * export);</li>
 * <li>everyone else (sales reps, project managers): nothing. A rep's own customers are
 * rarely a partner's, and the terms of the vendor's partners are not a rep's
 * business.</li>
 * </ul>
 */
final class PartnerPerformanceScope {

	private PartnerPerformanceScope() {
	}

	/** Appends {@code (predicate)} for rows of the given partner column. */
	static void restrict(Sql sql, Actor actor, String partnerColumn) {
		if (actor.partnerId() != null) {
			sql.append("(" + partnerColumn + " in (select partner_scope(" + sql.param(actor.partnerId()) + ")))");
		}
		else if (seesEveryPartner(actor)) {
			sql.append("(true)");
		}
		else {
			sql.append("(false)");
		}
	}

	private static boolean seesEveryPartner(Actor actor) {
		return !actor.isPartner() && (actor.has(Role.ADMIN) || actor.has(Role.CHANNEL_MANAGER)
				|| actor.has(Role.SALES_MANAGER) || actor.has(Role.ACCOUNTANT) || actor.has(Role.INTEGRATION));
	}

}
