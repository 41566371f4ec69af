package com.dealerdesk.platform.outbox;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Optional;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code outbox_event} rows into {@link FeedEvent}s: one column list, one mapping.
 */
final class EventRows {

	static final String COLUMNS = "sequence, event_id, type, aggregate_type, aggregate_id, aggregate_version, actor,"
			+ " occurred_at, transaction_id::text as transaction_id, customer_id, partner_id, payload";

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private EventRows() {
	}

	/**
	 * The event; empty for a type this version does not know (written by a newer one).
	 */
	static Optional<FeedEvent> read(Readable row, JsonMapper json) {
		return EventType.ofStoredName(row.get("type", String.class)).map(type -> read(row, type, json));
	}

	private static FeedEvent read(Readable row, EventType type, JsonMapper json) {
		Map<String, Object> data = json.readValue(row.get("payload", Json.class).asString(), OBJECT);
		return new FeedEvent(row.get("sequence", Long.class), row.get("event_id", UUID.class), type,
				row.get("aggregate_type", String.class), row.get("aggregate_id", UUID.class),
				row.get("aggregate_version", Integer.class), row.get("actor", String.class),
				row.get("occurred_at", OffsetDateTime.class), row.get("transaction_id", String.class),
				new EventOwner(row.get("customer_id", UUID.class), row.get("partner_id", UUID.class)), data);
	}

}
