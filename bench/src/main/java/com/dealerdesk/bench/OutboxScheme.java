package com.dealerdesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * How a transaction appends an event to the outbox, statement for statement as
 * {@code OutboxWriter} does it, so that writes from the bench look to the relay and to
 * PostgreSQL like writes from the API.
 */
enum OutboxScheme {

	/**
	 * Until issue 9 (ADR 0004): one advisory lock, held until commit, serialises every
	 * event-writing transaction. The transaction id, a column since then, is taken in the
	 * insert.
	 */
	ADVISORY_LOCK("select pg_advisory_xact_lock(x'44446f7574626f78'::bigint)", "pg_current_xact_id()"),

	/**
	 * Since issue 9 (ADR 0021): no lock; the transaction's id taken in a subquery of the
	 * insert, evaluated before the position is drawn.
	 */
	TRANSACTION_ID(null, "x.id from (select pg_current_xact_id() as id offset 0) x");

	private static final String INSERT = """
			insert into outbox_event (event_id, type, aggregate_type, aggregate_id, aggregate_version,
			                          actor, customer_id, partner_id, payload, transaction_id)
			select ?, ?, ?, ?, 1, 'dealerdesk-bench', ?, null, ?::jsonb, %s
			returning sequence""";

	/** A statement run before the insert, or null. */
	private final String first;

	private final String transactionId;

	OutboxScheme(String first, String transactionId) {
		this.first = first;
		this.transactionId = transactionId;
	}

	/**
	 * Appends one event in the connection's current transaction.
	 * @param customerId the customer the event belongs to, or null for the catalogue
	 * @param nonce carried in the payload as {@code {"bench": nonce}}, so that receivers
	 * can tell which write they got
	 */
	long append(Connection connection, String type, String aggregateType, UUID customerId, long nonce)
			throws SQLException {
		if (this.first != null) {
			try (PreparedStatement first = connection.prepareStatement(this.first)) {
				first.execute();
			}
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT.formatted(this.transactionId))) {
			insert.setObject(1, UUID.randomUUID());
			insert.setString(2, type);
			insert.setString(3, aggregateType);
			insert.setObject(4, customerId == null ? UUID.randomUUID() : customerId);
			insert.setObject(5, customerId, java.sql.Types.OTHER);
			insert.setString(6, "{\"bench\": " + nonce + "}");
			try (ResultSet row = insert.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

}
