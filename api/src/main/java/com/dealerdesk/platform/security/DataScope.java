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
	 * The actor's scope as the keys it is made of: the owners (a rep, a manager's team)
	 * or partners (a partner and its sub-dealers) whose rows it sees, plus the rows
	 * shared with one user. A list in some order can then walk an index per key
	 * ({@code (owner_id, sort_name, id)}) instead of filtering one walk over every row,
	 * where a rep's few rows lie far apart (docs/performance.md, "Scoped lists").
	 * @return null when the actor sees every row
	 */
	public static Keys keys(Sql sql, Actor actor) {
		if (actor.partnerId() != null) {
			String partner = sql.param(actor.partnerId());
			return new Keys(false, "partner_scope(" + partner + ")", "%s in (select partner_scope(" + partner + "))",
					null);
		}
		if (actor.has(Role.PARTNER_USER)) {
			return Keys.NONE;
		}
		if (actor.seesEverything()) {
			return null;
		}
		if (actor.has(Role.SALES_MANAGER)) {
			String me = sql.param(actor.subject());
			return new Keys(true, "team_of(" + me + ")", "%s in (select team_of(" + me + "))", me);
		}
		if (actor.has(Role.SALES_REP)) {
			String me = sql.param(actor.subject());
			return new Keys(true, "(values (" + me + "::text))", "%s = " + me, me);
		}
		return Keys.NONE;
	}

	/**
	 * What {@link #keys} found.
	 *
	 * @param owners whether the keys are owners (else partners)
	 * @param set SQL for a set of one column, usable as {@code from <set> k(id)}
	 * @param member SQL with one {@code %s} for a column, true when its value is a key
	 * @param sharedWith the parameter naming the user whose shared rows are visible too,
	 * or null
	 */
	public record Keys(boolean owners, String set, String member, String sharedWith) {

		static final Keys NONE = new Keys(true, "(select null::text where false)", "false", null);

	}

	/**
	 * Appends {@code (predicate)} for rows with the given owner and partner columns.
	 * @param sharedWith SQL with one {@code %s} for the user id, true when the row is
	 * shared with that user (e.g.
	 * {@code exists (select 1 from customer_share s where s.customer_id = c.id and
	 * s.user_id = %s)})
	 */
	public static void restrict(Sql sql, Actor actor, String ownerColumn, String partnerColumn, String sharedWith) {
		Keys keys = keys(sql, actor);
		if (keys == null) {
			sql.append("(true)");
			return;
		}
		String member = keys.member().formatted(keys.owners() ? ownerColumn : partnerColumn);
		sql.append("(" + member + (keys.sharedWith() == null ? "" : " or " + sharedWith.formatted(keys.sharedWith()))
				+ ")");
	}

}
