package com.dealerdesk.webhook;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * The webhook tables: endpoints in the caller's scope, and the delivery log. The vendor's
 * admins reach every endpoint; a partner's users (and admins) their partner's; nobody
 * else any.
 */
@Repository
class WebhookRepository {

	static final String ENDPOINT_ORDER = "CREATED_ASC";

	static final String DELIVERY_ORDER = "NEWEST_FIRST";

	static final BiFunction<Row, RowMetadata, WebhookEndpoint> ENDPOINT = (row, meta) -> new WebhookEndpoint(
			row.get("id", UUID.class), row.get("url", String.class), row.get("description", String.class),
			eventTypes(row.get("event_types", String[].class)),
			WebhookEndpointStatus.valueOf(row.get("status", String.class)), row.get("disabled_reason", String.class),
			row.get("partner_id", UUID.class), row.get("allow_private_network", Boolean.class),
			row.get("position", Long.class), row.get("consecutive_failures", Integer.class),
			row.get("previous_secret_expires_at", OffsetDateTime.class), row.get("created_at", OffsetDateTime.class),
			row.get("version", Integer.class));

	private static final BiFunction<Row, RowMetadata, WebhookDelivery> DELIVERY = (row, meta) -> {
		String type = row.get("event_type", String.class);
		return new WebhookDelivery(row.get("id", UUID.class), row.get("endpoint_id", UUID.class),
				row.get("event_position", Long.class), type == null ? null : EventType.valueOf(type),
				row.get("attempt", Integer.class), row.get("attempted_at", OffsetDateTime.class),
				WebhookDelivery.Outcome.valueOf(row.get("outcome", String.class)),
				row.get("status_code", Integer.class), row.get("latency_ms", Integer.class),
				row.get("response_excerpt", String.class), row.get("next_attempt_at", OffsetDateTime.class));
	};

	private final DatabaseClient database;

	WebhookRepository(DatabaseClient database) {
		this.database = database;
	}

	/** The endpoints the actor may see, as an SQL predicate. */
	static String scope(Actor actor, Sql sql) {
		if (actor.isPartner()) {
			return actor.partnerId() == null ? "false" : "partner_id = " + sql.param(actor.partnerId());
		}
		return actor.has(Role.ADMIN) ? "true" : "false";
	}

	Mono<WebhookEndpoint> byId(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select * from webhook_endpoint where id = " + sql.param(id) + " and " + scope(actor, sql));
		return sql.on(this.database).map(ENDPOINT).one();
	}

	Mono<PageRequest.Connection<WebhookEndpoint>> page(Actor actor, PageRequest page) {
		Sql sql = new Sql();
		sql.append("select * from webhook_endpoint where " + scope(actor, sql));
		if (page.after() != null) {
			sql.append(" and (created_at, id) > (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by created_at, id limit " + sql.param(page.fetchSize()));
		return sql.on(this.database)
			.map(ENDPOINT)
			.all()
			.collectList()
			.map(rows -> page.page(rows,
					endpoint -> new KeysetCursor(ENDPOINT_ORDER, endpoint.createdAt().toString(), endpoint.id())));
	}

	/**
	 * The latest deliveries of each endpoint (read in scope by the caller), newest first,
	 * in one statement ({@link ChildPages#lateral}).
	 */
	Mono<Map<UUID, List<WebhookDelivery>>> deliveries(Collection<UUID> endpointIds, PageRequest page) {
		return ChildPages.byParent(ChildPages.lateral(endpointIds, inner -> {
			inner.append("select * from webhook_delivery where endpoint_id = p.id");
			if (page.after() != null) {
				inner.append(" and (attempted_at, id) < (" + inner.param(page.after().time()) + ", "
						+ inner.param(page.after().id()) + ")");
			}
			inner.append(" order by attempted_at desc, id desc limit " + inner.param(page.fetchSize()));
		}), this.database, DELIVERY);
	}

	static KeysetCursor deliveryCursor(WebhookDelivery delivery) {
		return new KeysetCursor(DELIVERY_ORDER, delivery.attemptedAt().toString(), delivery.id());
	}

	/**
	 * Logs one attempt; {@code attempted_at} is when it started, by the database's clock.
	 * Nothing when the endpoint was deleted while the attempt ran.
	 */
	Mono<WebhookDelivery> logAttempt(UUID endpointId, Long eventPosition, EventType eventType, int attempt,
			WebhookSender.Result result, OffsetDateTime nextAttemptAt) {
		return this.database.sql("""
				insert into webhook_delivery (id, endpoint_id, event_position, event_type, attempt, attempted_at,
				                              outcome, status_code, latency_ms, response_excerpt, next_attempt_at)
				select $1, id, $3, $4, $5, clock_timestamp() - make_interval(secs => $6::int / 1000.0),
				       $7, $8, $9, $10, $11
				from webhook_endpoint where id = $2
				returning *""")
			.bind(0, UUID.randomUUID())
			.bind(1, endpointId)
			.bind(2, Parameter.fromOrEmpty(eventPosition, Long.class))
			.bind(3, Parameter.fromOrEmpty(eventType == null ? null : eventType.name(), String.class))
			.bind(4, attempt)
			.bind(5, result.latencyMs())
			.bind(6, result.succeeded() ? "SUCCEEDED" : "FAILED")
			.bind(7, Parameter.fromOrEmpty(result.statusCode(), Integer.class))
			.bind(8, result.latencyMs())
			.bind(9, Parameter.fromOrEmpty(result.excerpt(), String.class))
			.bind(10, Parameter.fromOrEmpty(nextAttemptAt, OffsetDateTime.class))
			.map(DELIVERY)
			.one();
	}

	private static List<EventType> eventTypes(String[] names) {
		return names == null ? List.of() : Arrays.stream(names).map(EventType::valueOf).toList();
	}

}
