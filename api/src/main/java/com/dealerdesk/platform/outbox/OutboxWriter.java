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
 * Writers do not wait for each other. Each event records the id of the transaction that
 * wrote it, taken before the event's position, so that the relay ({@link EventRelay}) can
 * tell when no transaction that may still commit a smaller position is left (ADR 0021).
 */
@Component
public class OutboxWriter {

	private final DatabaseClient database;

	private final JsonMapper json;

	OutboxWriter(DatabaseClient database, JsonMapper json) {
		this.database = database;
		// one serialisation of money for every payload: decimal strings, never JSON
		// numbers
		this.json = json.rebuild().addModule(DecimalStrings.module()).build();
	}

	/**
	 * @param type the event type; the outbox stores its dotted name, e.g.
	 * {@code customer.updated}
	 * @param owner the customer (and its partner) the changed object belongs to, so that
	 * each subscriber sees only what its scope includes
	 * @param payload the aggregate after the change, serialised as JSON; {@code Money}
	 * and every other {@code BigDecimal} as decimal strings
	 * @return the event's position in the feed
	 */
	public Mono<Long> append(Actor actor, EventType type, String aggregateType, UUID aggregateId, int aggregateVersion,
			EventOwner owner, Object payload) {
		String payloadJson = this.json.writeValueAsString(payload);
		// pg_current_xact_id() assigns the transaction its id if it has none yet, and the
		// id must exist before the insert draws the position (the relay's horizon relies
		// on it): the subquery (kept a plan node of its own by offset 0) yields its row
		// before the insert's projection calls nextval for the position
		return this.database.sql("""
				insert into outbox_event (event_id, type, aggregate_type, aggregate_id, aggregate_version,
				                          actor, customer_id, partner_id, payload, transaction_id)
				select $1, $2, $3, $4, $5, $6, $7, $8, $9, x.id
				from (select pg_current_xact_id() as id offset 0) x
				returning sequence""")
			.bind(0, UUID.randomUUID())
			.bind(1, type.storedName())
			.bind(2, aggregateType)
			.bind(3, aggregateId)
			.bind(4, aggregateVersion)
			.bind(5, actor.subject())
			.bind(6, Parameter.fromOrEmpty(owner.customerId(), UUID.class))
			.bind(7, Parameter.fromOrEmpty(owner.partnerId(), UUID.class))
			.bind(8, Json.of(payloadJson))
			.map(row -> row.get("sequence", Long.class))
			.one();
	}

}
