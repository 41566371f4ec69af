package com.dealerdesk.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.outbox.EventFeed;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.webhook.WebhookInputs.CreateWebhookEndpointInput;
import com.dealerdesk.webhook.WebhookInputs.ReplayWebhookEndpointInput;
import com.dealerdesk.webhook.WebhookInputs.RotateWebhookSecretInput;
import com.dealerdesk.webhook.WebhookInputs.UpdateWebhookEndpointInput;
import com.dealerdesk.webhook.WebhookInputs.WebhookEndpointVersionInput;
import com.dealerdesk.webhook.WebhookInputs.WithSecret;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Registering and managing webhook endpoints (docs/webhooks.md). Each change is one
 * statement that checks the caller's scope and the expected version together; the URL is
 * checked, its host resolved, before anything is written.
 */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookService implements NodeFetcher {

	static final String TYPE = "WebhookEndpoint";

	private static final int DEFAULT_OVERLAP_HOURS = 24;

	private final DatabaseClient database;

	private final WebhookRepository repository;

	private final InputValidator validator;

	private final EventFeed feed;

	private final WebhookSender sender;

	private final WebhookProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	WebhookService(DatabaseClient database, WebhookRepository repository, InputValidator validator, EventFeed feed,
			WebhookSender sender, WebhookProperties properties, JsonMapper json, Clock clock) {
		this.database = database;
		this.repository = repository;
		this.validator = validator;
		this.feed = feed;
		this.sender = sender;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	Mono<PageRequest.Connection<WebhookEndpoint>> endpoints(Actor actor, Integer first, String after) {
		return Mono
			.defer(() -> this.repository.page(actor, PageRequest.of(first, after, WebhookRepository.ENDPOINT_ORDER)));
	}

	Mono<Map<UUID, List<WebhookDelivery>>> deliveries(Collection<UUID> endpointIds, PageRequest page) {
		return this.repository.deliveries(endpointIds, page);
	}

	@Override
	public Set<String> typeNames() {
		return Set.of(TYPE);
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : this.repository.byId(actor, uuid).cast(Object.class);
	}

	Mono<WithSecret> create(Actor actor, CreateWebhookEndpointInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CREATE, Subject.WEBHOOK_ENDPOINT);
			if (actor.isPartner() && actor.partnerId() == null) {
				throw new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
						"Your sign-in names no partner, so there is no scope to deliver."));
			}
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			boolean allowPrivate = Boolean.TRUE.equals(input.allowPrivateNetwork());
			requireAdminForPrivateNetwork(actor, allowPrivate, errors);
			Inputs.rejectIfAny(errors);
			URI url = WebhookUrls.parse(input.url(), this.properties.allowHttp());
			String secret = WebhookSignature.newSecret();
			List<EventType> types = input.eventTypes() == null ? List.of() : distinct(input.eventTypes());
			return WebhookUrls.resolveAllowed(url, allowPrivate)
				// deliveries start with the events after registration
				.then(this.feed.head())
				.flatMap(head -> {
					Sql sql = new Sql();
					sql.append(
							"""
									insert into webhook_endpoint (id, url, description, event_types, partner_id,
									                              allow_private_network, secret, position)
									values ("""
									+ String.join(", ", sql.param(UUID.randomUUID()), sql.param(url.toString()),
											sql.param(Inputs.clean(input.description()), String.class),
											sql.value(types), sql.param(actor.partnerId(), UUID.class),
											sql.param(allowPrivate), sql.param(secret), sql.param(head))
									+ ") returning *");
					return sql.on(this.database).map(WebhookRepository.ENDPOINT).one();
				})
				.onErrorMap(UniqueViolation.of("webhook_endpoint_one_per_owner_and_url"), ex -> duplicateUrl())
				.map(endpoint -> new WithSecret(endpoint, secret));
		});
	}

	Mono<WebhookEndpoint> update(Actor actor, UpdateWebhookEndpointInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.WEBHOOK_ENDPOINT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(TYPE, input.id(), errors, "input", "id");
			if (Boolean.TRUE.equals(input.allowPrivateNetwork().value())) {
				requireAdminForPrivateNetwork(actor, true, errors);
			}
			Changes changes = new Changes();
			changes.set("description", input.description(), Inputs::clean);
			changes.set("event_types", input.eventTypes(), types -> types == null ? List.of() : distinct(types));
			changes.set("allow_private_network", input.allowPrivateNetwork());
			Inputs.rejectIfAny(errors);
			URI url = input.url().isOmitted() ? null
					: WebhookUrls.parse(input.url().value(), this.properties.allowHttp());
			if (url != null) {
				changes.columns().put("url", url.toString());
			}
			if (url != null && !isVendorAdmin(actor)) {
				// only an admin lets an endpoint into private networks, and only for the
				// URL
				// they saw: a new URL from anyone else must be public
				changes.columns().put("allow_private_network", false);
			}
			return this.repository.byId(actor, id)
				.switchIfEmpty(Mono.error(WebhookService::notFound))
				.flatMap(current -> {
					boolean allowPrivate = (Boolean) changes.columns()
						.getOrDefault("allow_private_network", current.allowPrivateNetwork());
					URI checked = url != null ? url : URI.create(current.url());
					return WebhookUrls.resolveAllowed(checked, allowPrivate)
						.then(change(actor, id, input.expectedVersion(), changes.columns()));
				})
				.onErrorMap(UniqueViolation.of("webhook_endpoint_one_per_owner_and_url"), ex -> duplicateUrl());
		});
	}

	Mono<WithSecret> rotateSecret(Actor actor, RotateWebhookSecretInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.WEBHOOK_ENDPOINT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(TYPE, input.id(), errors, "input", "id");
			Inputs.rejectIfAny(errors);
			int overlapHours = input.overlapHours() == null ? DEFAULT_OVERLAP_HOURS : input.overlapHours();
			String secret = WebhookSignature.newSecret();
			Map<String, Object> columns = new LinkedHashMap<>();
			columns.put("secret", secret);
			// the old secret keeps signing for the overlap; none when the overlap is 0
			columns.put("previous_secret", overlapHours == 0 ? null : new Raw("secret"));
			columns.put("previous_secret_expires_at",
					overlapHours == 0 ? null : new Raw("now() + make_interval(hours => " + overlapHours + ")"));
			return change(actor, id, input.expectedVersion(), columns)
				.map(endpoint -> new WithSecret(endpoint, secret));
		});
	}

	Mono<WebhookEndpoint> enable(Actor actor, WebhookEndpointVersionInput input) {
		return Mono.defer(() -> {
			UUID id = requireUpdatable(actor, input.id());
			return this.repository.byId(actor, id)
				.switchIfEmpty(Mono.error(WebhookService::notFound))
				.flatMap(current -> this.feed.prunedThrough().flatMap(pruned -> {
					if (current.position() < pruned) {
						return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
								"Events after position " + current.position()
										+ " that this endpoint has not received were pruned; the feed now starts after "
										+ pruned + ". Replay from there (or later) first, then enable it.",
								"input", "id")));
					}
					return change(actor, id, input.expectedVersion(), resumed("ACTIVE", null));
				}));
		});
	}

	Mono<WebhookEndpoint> disable(Actor actor, WebhookEndpointVersionInput input) {
		return Mono.defer(() -> {
			UUID id = requireUpdatable(actor, input.id());
			Map<String, Object> columns = new LinkedHashMap<>();
			columns.put("status", "DISABLED");
			columns.put("disabled_reason",
					"Disabled by " + (actor.name() == null ? actor.subject() : actor.name()) + ".");
			columns.put("next_attempt_at", null);
			return change(actor, id, input.expectedVersion(), columns);
		});
	}

	Mono<String> delete(Actor actor, WebhookEndpointVersionInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.DELETE, Subject.WEBHOOK_ENDPOINT);
			List<UserError> errors = new ArrayList<>();
			UUID id = GlobalId.uuidOf(TYPE, input.id(), errors, "input", "id");
			Inputs.rejectIfAny(errors);
			Sql sql = new Sql();
			sql.append("delete from webhook_endpoint where id = " + sql.param(id) + " and version = "
					+ sql.param(input.expectedVersion()) + " and " + WebhookRepository.scope(actor, sql)
					+ " returning id");
			return sql.on(this.database)
				.map(row -> GlobalId.of(TYPE, row.get("id", UUID.class)))
				.one()
				.switchIfEmpty(Mono.defer(() -> whyUnchanged(actor, id)));
		});
	}

	Mono<WebhookEndpoint> replay(Actor actor, ReplayWebhookEndpointInput input) {
		return Mono.defer(() -> {
			UUID id = requireUpdatable(actor, input.id());
			long after = input.afterPosition();
			Map<String, Object> columns = resumed(null, null);
			columns.put("position", after);
			return this.feed.requireResumable(after)
				.onErrorMap(InvalidArgumentException.class,
						ex -> new UserErrorsException(
								UserError.of(UserErrorCode.INVALID_VALUE, ex.getMessage(), "input", "afterPosition")))
				.then(change(actor, id, input.expectedVersion(), columns));
		});
	}

	Mono<WebhookDelivery> test(Actor actor, String endpointId) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.WEBHOOK_ENDPOINT);
			List<UserError> errors = new ArrayList<>();
			UUID id = GlobalId.uuidOf(TYPE, endpointId, errors, "input", "id");
			Inputs.rejectIfAny(errors);
			return this.database.sql("""
					select secret, case when previous_secret_expires_at > now() then previous_secret end as previous
					from webhook_endpoint where id = $1""")
				.bind(0, id)
				.map(row -> WebhookSignature.secrets(row.get("secret", String.class),
						row.get("previous", String.class)))
				.one()
				.zipWith(this.repository.byId(actor, id))
				.switchIfEmpty(Mono.error(WebhookService::notFound))
				.flatMap(found -> {
					WebhookEndpoint endpoint = found.getT2();
					String pingId = UUID.randomUUID().toString();
					Map<String, Object> body = new LinkedHashMap<>();
					body.put("type", "PING");
					body.put("id", pingId);
					body.put("endpointId", GlobalId.of(TYPE, endpoint.id()));
					body.put("occurredAt", OffsetDateTime.now(this.clock).toString());
					return this.sender
						.send(URI.create(endpoint.url()), endpoint.allowPrivateNetwork(), pingId, "PING", 1,
								this.json.writeValueAsString(body), found.getT1())
						.flatMap(result -> this.repository.logAttempt(endpoint.id(), null, null, 1, result, null));
				});
		});
	}

	/**
	 * Sets the columns when the endpoint is in the actor's scope and at the expected
	 * version; NOT_FOUND or STALE_VERSION otherwise.
	 */
	private Mono<WebhookEndpoint> change(Actor actor, UUID id, Integer expectedVersion, Map<String, Object> columns) {
		Sql sql = new Sql().append("update webhook_endpoint set version = version + 1");
		columns.forEach((column, value) -> sql
			.append(", " + column + " = " + (value instanceof Raw expression ? expression.text() : sql.value(value))));
		sql.append(" where id = " + sql.param(id) + " and version = " + sql.param(expectedVersion) + " and "
				+ WebhookRepository.scope(actor, sql) + " returning *");
		return sql.on(this.database)
			.map(WebhookRepository.ENDPOINT)
			.one()
			.switchIfEmpty(Mono.defer(() -> whyUnchanged(actor, id)));
	}

	private <T> Mono<T> whyUnchanged(Actor actor, UUID id) {
		return this.repository.byId(actor, id)
			.flatMap(current -> Mono.<T>error(UserErrorsException.staleVersion("webhook endpoint", current.version())))
			.switchIfEmpty(Mono.error(WebhookService::notFound));
	}

	/** Columns that start deliveries afresh: no failures, nothing pending. */
	private static Map<String, Object> resumed(String status, String reason) {
		Map<String, Object> columns = new LinkedHashMap<>();
		if (status != null) {
			columns.put("status", status);
			columns.put("disabled_reason", reason);
		}
		columns.put("consecutive_failures", 0);
		columns.put("first_failure_at", null);
		columns.put("next_attempt_at", null);
		return columns;
	}

	private UUID requireUpdatable(Actor actor, String endpointId) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.WEBHOOK_ENDPOINT);
		List<UserError> errors = new ArrayList<>();
		UUID id = GlobalId.uuidOf(TYPE, endpointId, errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return id;
	}

	private static void requireAdminForPrivateNetwork(Actor actor, boolean allowPrivate, List<UserError> errors) {
		if (allowPrivate && !isVendorAdmin(actor)) {
			errors.add(UserError.of(UserErrorCode.NOT_ALLOWED,
					"Only the vendor's admins may let an endpoint reach private networks.", "input",
					"allowPrivateNetwork"));
		}
	}

	private static boolean isVendorAdmin(Actor actor) {
		return actor.has(Role.ADMIN) && !actor.isPartner();
	}

	/** A column value written as SQL rather than bound, for values the row computes. */
	private record Raw(String text) {

	}

	private static List<EventType> distinct(List<EventType> types) {
		return types.stream().distinct().sorted().toList();
	}

	private static UserErrorsException notFound() {
		return new UserErrorsException(
				UserError.of(UserErrorCode.NOT_FOUND, "No such webhook endpoint.", "input", "id"));
	}

	private static UserErrorsException duplicateUrl() {
		return new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
				"An endpoint with this URL is already registered: edit that one instead.", "input", "url"));
	}

}
