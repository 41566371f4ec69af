package com.dealerdesk.customer;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.DataScope;

/**
 * Which customers an actor sees, as SQL, for this feature and for features whose rows
 * belong to a customer (activities, mail, opportunities...). Those join no customer table
 * themselves: they ask this class, so the customer area keeps its tables to itself.
 */
public final class CustomerScope {

	private static final String SHARED_WITH = "exists (select 1 from customer_share s where s.customer_id = c.id and s.user_id = %s)";

	private CustomerScope() {
	}

	/** Appends the predicate for customer rows aliased {@code c}. */
	static void restrict(Sql sql, Actor actor) {
		DataScope.restrict(sql, actor, "c.owner_id", "c.partner_id", SHARED_WITH);
	}

	/**
	 * Appends a predicate that holds when the customer whose id is in
	 * {@code customerIdColumn} is visible to the actor.
	 */
	public static void restrictToVisibleCustomer(Sql sql, Actor actor, String customerIdColumn) {
		sql.append("exists (select 1 from customer c where c.id = " + customerIdColumn + " and ");
		restrict(sql, actor);
		sql.append(")");
	}

}
