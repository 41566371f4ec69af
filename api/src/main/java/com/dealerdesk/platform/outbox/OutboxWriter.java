package com.dealerdesk.platform.outbox;

import java.util.UUID;

import com.dealerdesk.platform.money.DecimalStrings;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * Appends domain events to the outbox inside the caller's transaction: the event exists
 * if and only if the change it describes was committed.
 *
 * <p>
 * Before inserting, the writer takes a transaction-scoped advisory lock, held until
 * commit. Writers of events therefore commit one after another, so the order of
 * {@code sequence} values is the order in which events become visible: a subscriber
 * resuming "after sequence N" can never miss an event that was still uncommitted when it
 * read N. Call it as the last step of a transaction to keep the lock short.
 */
@Component
public class OutboxWriter {

	/** Advisory lock key reserved for the outbox ("DDoutbox" in ASCII). */
	private static final long OUTBOX_LOCK = 0x44446f7574626f78L;

	private final DatabaseClient database;

	private final JsonMapper json;

	OutboxWriter(DatabaseClient database, JsonMapper json) {
		this.database = database;
		// one serialisation of money for every payload: decimal strings, never JSON
		// numbers
		this.json = json.rebuild().addModule(DecimalStrings.module()).build();
	}

	/**
	 * @param type the event type, e.g. {@code customer.updated}
	 * @param partnerId the partner the aggregate belongs to, so partner subscribers see
	 * only theirs
	 * @param payload the aggregate after the change, serialised as JSON; {@code Money}
	 * and every other {@code BigDecimal} as decimal strings
	 * @return the event's sequence number in the feed
	 */
	public Mono<Long> append(Actor actor, String type, String aggregateType, UUID aggregateId, int aggregateVersion,
			UUID partnerId, Object payload) {
		String payloadJson = this.json.writeValueAsString(payload);
		return this.database.sql("select pg_advisory_xact_lock($1)")
			.bind(0, OUTBOX_LOCK)
			.then()
			.then(this.database.sql("""
					insert into outbox_event (event_id, type, aggregate_type, aggregate_id, aggregate_version,
					                          actor, partner_id, payload)
					values ($1, $2, $3, $4, $5, $6, $7, $8)
					returning sequence""")
				.bind(0, UUID.randomUUID())
				.bind(1, type)
				.bind(2, aggregateType)
				.bind(3, aggregateId)
				.bind(4, aggregateVersion)
				.bind(5, actor.subject())
				.bind(6, Parameter.fromOrEmpty(partnerId, UUID.class))
				.bind(7, Json.of(payloadJson))
				.map(row -> row.get("sequence", Long.class))
				.one());
	}

}
