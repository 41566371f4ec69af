package com.dealerdesk.customer;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.DataScope;

/**
 * Which customers an actor sees, and which match a search or an owner, as SQL, for this
 * feature and for features whose rows belong to a customer (activities, mail,
 * opportunities, licenses...). Those name no customer table themselves: they ask this
 * class, so the customer area keeps its tables to itself (TableOwnershipTest).
 */
public final class CustomerScope {

	/** The shortest word with a trigram (pg_trgm). */
	private static final int TRIGRAM = 3;

	// an uncorrelated IN: PostgreSQL hashes the user's shares once per statement;
	// the correlated EXISTS before probed customer_share per customer (ADR 0043)
	private static final String SHARED_WITH = "c.id in (select s.customer_id from customer_share s where s.user_id = %s)";

	private CustomerScope() {
	}

	/** Appends the predicate for customer rows aliased {@code c}. */
	static void restrict(Sql sql, Actor actor) {
		DataScope.restrict(sql, actor, "c.owner_id", "c.partner_id", SHARED_WITH);
	}

	/**
	 * Appends a query of the customers the actor sees that meet {@code conditions} (SQL
	 * on {@code c}, each part starting with {@code " and "}), in the order and limit of
	 * {@code orderAndLimit}. For a scoped actor it is one walk per owner or partner of
	 * the scope, each reading its own index range ({@code customer_owner_idx},
	 * {@code customer_partner_idx}), plus the customers shared with the user, merged: one
	 * walk of the global order filtered by the scope read 22,000 rows for a rep's first
	 * page at size L and 700,000 for a search's (docs/performance.md, "Scoped lists").
	 */
	static void appendVisibleInOrder(Sql sql, Actor actor, String conditions, String orderAndLimit) {
		DataScope.Keys keys = DataScope.keys(sql, actor);
		if (keys == null) {
			sql.append("select c.* from customer c where true" + conditions + orderAndLimit);
			return;
		}
		String keyColumn = keys.owners() ? "c.owner_id" : "c.partner_id";
		sql.append("select c.* from ((select c.* from " + keys.set() + " k(id) cross join lateral "
				+ "(select c.* from customer c where " + keyColumn + " = k.id" + conditions + orderAndLimit + ") c)");
		if (keys.sharedWith() != null) {
			// shared customers an owner of the scope owns are in the walks already
			sql.append(" union all (select c.* from customer c where " + SHARED_WITH.formatted(keys.sharedWith())
					+ " and not exists (select 1 from " + keys.set() + " k(id) where k.id = c.owner_id)" + conditions
					+ orderAndLimit + ")");
		}
		sql.append(") c" + orderAndLimit);
	}

	/**
	 * Appends a predicate that holds when the customer whose id is in
	 * {@code customerIdColumn} is visible to the actor.
	 */
	public static void restrictToVisibleCustomer(Sql sql, Actor actor, String customerIdColumn) {
		if (DataScope.seesEverything(actor)) {
			// every customer id references a customer (foreign key): looking each
			// one up only cost a join over all customers at size L (ADR 0043)
			sql.append("(" + customerIdColumn + " is not null)");
			return;
		}
		sql.append("exists (select 1 from customer c where c.id = " + customerIdColumn + " and ");
		restrict(sql, actor);
		sql.append(")");
	}

	/**
	 * Appends a derived table {@code (id, owner_id, partner_id)} of the customers the
	 * actor sees, for reports that join their rows to the customer's owner and partner
	 * (collections by owner and partner) by the customer's id.
	 */
	public static void visibleCustomerOwners(Sql sql, Actor actor) {
		sql.append("(select c.id, c.owner_id, c.partner_id from customer c where ");
		restrict(sql, actor);
		sql.append(")");
	}

	/**
	 * Appends a query of the ids of at most {@code limit} customers matching {@code text}
	 * anywhere in their names, tax id or contacts' names (the beginning of the name when
	 * {@code text} is shorter than three characters, see {@link #matching}).
	 */
	public static void idsOfCustomersMatching(Sql sql, String text, int limit) {
		sql.append("select c.id from customer c where ");
		matching(sql, List.of(text));
		sql.append(" limit " + limit);
	}

	/**
	 * Appends a predicate that holds when the customer in {@code customerIdColumn}
	 * matches {@code text} as in {@link #idsOfCustomersMatching}, tested row by row: for
	 * a caller walking its own index that expects a match within a few rows.
	 * {@code offset 0} keeps PostgreSQL from turning the test into a join that starts
	 * from the customers.
	 */
	public static void customerMatchesPerRow(Sql sql, String customerIdColumn, String text) {
		sql.append("exists (select 1 from customer c where c.id = " + customerIdColumn + " and ");
		matching(sql, List.of(text));
		sql.append(" offset 0)");
	}

	/**
	 * Appends a predicate on customer rows aliased {@code c} that holds when every word
	 * occurs in the names, tax id or contacts' names, served by the trigram index on
	 * {@code search_text}. Words shorter than three characters have no trigram, and
	 * {@code LIKE '%ab%'} would read the whole index: a search made only of such words
	 * (someone has just started typing) matches the beginning of the name instead, read
	 * from the name index in name order (ADR 0043).
	 */
	static void matching(Sql sql, List<String> words) {
		if (!matchesByTrigram(words)) {
			sql.append("c.sort_name like lower(" + sql.param(Sql.startingWith(String.join(" ", words))) + ")");
			return;
		}
		sql.append(words.stream()
			.map(word -> "c.search_text like lower(" + sql.param(Sql.containing(word)) + ")")
			.collect(Collectors.joining(" and ")));
	}

	/** Whether {@link #matching} reads the trigram index for these words. */
	static boolean matchesByTrigram(List<String> words) {
		return words.stream().anyMatch(word -> word.length() >= TRIGRAM);
	}

	/**
	 * Appends a predicate that holds when the customer in {@code customerIdColumn} is
	 * owned by {@code ownerId} and belongs to {@code partnerId} (a null one is not
	 * checked).
	 */
	public static void restrictToCustomersOf(Sql sql, String customerIdColumn, String ownerId, UUID partnerId) {
		sql.append("exists (select 1 from customer c where c.id = " + customerIdColumn);
		if (ownerId != null) {
			sql.append(" and c.owner_id = " + sql.param(ownerId));
		}
		if (partnerId != null) {
			sql.append(" and c.partner_id = " + sql.param(partnerId));
		}
		sql.append(")");
	}

}
