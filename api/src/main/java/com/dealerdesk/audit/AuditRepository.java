package com.dealerdesk.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.dealerdesk.platform.audit.AuditContext;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_entry} table. Row changes are written by the database's audit trigger;
 * this writes the security events (logins, token refusals, permission denials), each in a
 * statement of its own, outside the request's transaction, and reads the trail.
 */
@Repository
class AuditRepository {

	/** Newest first, by the entry's number; the cursor's value is that number. */
	static final String ORDER = "AUDIT_NEWEST";

	private static final UUID NO_UUID = new UUID(0, 0);

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	AuditRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/**
	 * Records a security event; with a dedupe key, once per key (a login), or counted on
	 * the existing entry (a refusal).
	 */
	Mono<Void> record(AuditKind kind, AuditContext who, Map<String, Object> detail, String dedupeKey,
			boolean countRepeats) {
		Sql sql = new Sql();
		sql.append("insert into audit_entry (kind, actor_subject, actor_name, client_id, partner_id, operation,"
				+ " request_id, detail, dedupe_key) values (" + sql.param(kind.name()) + ", "
				+ sql.param(who.subject(), String.class) + ", " + sql.param(who.name(), String.class) + ", "
				+ sql.param(who.clientId(), String.class) + ", " + sql.param(who.partnerId(), UUID.class) + ", "
				+ sql.param(who.operation(), String.class) + ", " + sql.param(who.requestId(), String.class) + ", "
				+ sql.param(Json.of(this.json.writeValueAsString(detail))) + ", " + sql.param(dedupeKey, String.class)
				+ ")");
		if (dedupeKey != null) {
			sql.append(" on conflict (kind, dedupe_key) where dedupe_key is not null do "
					+ (countRepeats ? "update set count = audit_entry.count + 1" : "nothing"));
		}
		return sql.on(this.database).then();
	}

	Mono<PageRequest.Connection<AuditEntry>> page(AuditFilter filter, PageRequest page) {
		Sql sql = new Sql();
		sql.append("select * from audit_entry where true");
		if (filter.record() != null) {
			GlobalId record = GlobalId.require(filter.record());
			String table = AuditRecords.tableOf(record.type());
			if (table == null) {
				return Mono.just(page.page(List.of(), AuditRepository::cursorOf));
			}
			sql.append(" and record_table = " + sql.param(table) + " and record_id = " + sql.param(record.localId()));
		}
		if (filter.actor() != null) {
			sql.append(" and actor_subject = " + sql.param(filter.actor()));
		}
		if (filter.from() != null) {
			sql.append(" and at >= " + sql.param(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" and at < " + sql.param(filter.to()));
		}
		if (filter.kinds() != null && !filter.kinds().isEmpty()) {
			sql.append(" and kind = any(" + sql.param(filter.kinds().stream().map(Enum::name).toArray(String[]::new))
					+ ")");
		}
		if (page.after() != null) {
			sql.append(" and id < " + sql.param(position(page.after())));
		}
		sql.append(" order by id desc limit " + sql.param(page.fetchSize()));
		return sql.on(this.database)
			.map(this::read)
			.all()
			.collectList()
			.map(rows -> page.page(rows, AuditRepository::cursorOf));
	}

	private static KeysetCursor cursorOf(AuditEntry entry) {
		return new KeysetCursor(ORDER, Long.toString(entry.id()), NO_UUID);
	}

	private static long position(KeysetCursor cursor) {
		try {
			return Long.parseLong(cursor.value());
		}
		catch (NumberFormatException ex) {
			throw new InvalidArgumentException("INVALID_CURSOR",
					"Not a valid cursor: pass a `cursor` or `endCursor` returned by this API.");
		}
	}

	private AuditEntry read(Readable row) {
		Map<String, Object> changes = readObject(row.get("changes", Json.class));
		List<AuditEntry.FieldChange> fields = new ArrayList<>();
		if (changes != null) {
			changes.forEach((field, value) -> {
				Map<?, ?> change = (Map<?, ?>) value;
				fields.add(new AuditEntry.FieldChange(field, change.get("before"), change.get("after"),
						Boolean.TRUE.equals(change.get("redacted"))));
			});
		}
		return new AuditEntry(row.get("id", Long.class), row.get("at", OffsetDateTime.class),
				AuditKind.valueOf(row.get("kind", String.class)), row.get("actor_subject", String.class),
				row.get("actor_name", String.class), row.get("client_id", String.class),
				row.get("operation", String.class), row.get("request_id", String.class),
				row.get("record_table", String.class), row.get("record_id", String.class),
				row.get("change", String.class), List.copyOf(fields), readObject(row.get("detail", Json.class)),
				row.get("count", Integer.class));
	}

	private Map<String, Object> readObject(Json value) {
		return value == null ? null : this.json.readValue(value.asString(), OBJECT);
	}

}
