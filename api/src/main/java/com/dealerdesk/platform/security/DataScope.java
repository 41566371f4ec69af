package com.dealerdesk.platform.security;

import com.dealerdesk.platform.database.Sql;

/**
 * The rows an {@link Actor} may see, as a SQL predicate. Every repository that reads or
 * writes owned business data appends this predicate: there is no unscoped path to the
 * tables.
 *
 * <ul>
 * <li>a partner's users and integrations: rows of their partner and of its sub-dealers
 * (SQL function {@code partner_scope}), never a sibling's or the parent's;</li>
 * <li>admins, accountants, project managers, channel managers and the vendor's
 * integrations: every row;</li>
 * <li>sales managers: rows owned by anyone in their team, or shared with them;</li>
 * <li>sales reps: rows they own or that are shared with them;</li>
 * <li>anyone else: nothing.</li>
 * </ul>
 */
public final class DataScope {

	private DataScope() {
	}

	/**
	 * True when {@link #restrict} appends {@code (true)} for the actor: it sees every
	 * row.
	 */
	public static boolean seesEverything(Actor actor) {
		return actor.partnerId() == null && !actor.has(Role.PARTNER_USER) && actor.seesEverything();
	}

	/**
	 * Appends {@code (predicate)} for rows with the given owner and partner columns.
	 * @param sharedWith SQL with one {@code %s} for the user id, true when the row is
	 * shared with that user (e.g.
	 * {@code exists (select 1 from customer_share s where s.customer_id = c.id and
	 * s.user_id = %s)})
	 */
	public static void restrict(Sql sql, Actor actor, String ownerColumn, String partnerColumn, String sharedWith) {
		if (actor.partnerId() != null) {
			sql.append("(" + partnerColumn + " in (select partner_scope(" + sql.param(actor.partnerId()) + ")))");
		}
		else if (actor.has(Role.PARTNER_USER)) {
			sql.append("(false)");
		}
		else if (actor.seesEverything()) {
			sql.append("(true)");
		}
		else if (actor.has(Role.SALES_MANAGER)) {
			String me = sql.param(actor.subject());
			sql.append("(" + ownerColumn + " in (select team_of(" + me + ")) or " + sharedWith.formatted(me) + ")");
		}
		else if (actor.has(Role.SALES_REP)) {
			String me = sql.param(actor.subject());
			sql.append("(" + ownerColumn + " = " + me + " or " + sharedWith.formatted(me) + ")");
		}
		else {
			sql.append("(false)");
		}
	}

}
