package com.dealerdesk.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import com.dealerdesk.platform.money.MoneyInput;
import com.dealerdesk.campaign.CampaignInputs.CreateCampaignInput;
import com.dealerdesk.campaign.CampaignInputs.UpdateCampaignInput;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns: the vendor's marketing actions. Its own people see them all; partners' users
 * see none (costs are internal). Admins and sales managers plan them.
 */
@Service
public class CampaignService implements NodeFetcher {

	private static final BiFunction<Row, RowMetadata, Campaign> CAMPAIGN = (row, meta) -> {
		BigDecimal cost = row.get("cost", BigDecimal.class);
		String currency = row.get("cost_currency", String.class);
		return new Campaign(row.get("id", UUID.class), row.get("name", String.class),
				CampaignKind.valueOf(row.get("kind", String.class)), row.get("starts_on", LocalDate.class),
				row.get("ends_on", LocalDate.class), cost == null ? null : Money.of(cost, currency),
				row.get("notes", String.class), row.get("version", Integer.class));
	};

	private final DatabaseClient database;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	CampaignService(DatabaseClient database, InputValidator validator, OutboxWriter outbox) {
		this.database = database;
		this.validator = validator;
		this.outbox = outbox;
	}

	public Mono<List<Campaign>> campaigns(Actor actor) {
		if (actor.isPartner()) {
			return Mono.just(List.of());
		}
		return this.database.sql("select * from campaign order by starts_on desc nulls last, id")
			.map(CAMPAIGN)
			.all()
			.collectList();
	}

	/** Campaigns by id, for attribution fields; empty for partners' users. */
	public Mono<Map<UUID, Campaign>> byIds(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty() || actor.isPartner()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select * from campaign where id = any($1)")
			.bind(0, ids.toArray(UUID[]::new))
			.map(CAMPAIGN)
			.all()
			.collectMap(Campaign::id);
	}

	/**
	 * Resolves a campaign id given in an input, recording INVALID_FORMAT or NOT_FOUND;
	 * partners' users cannot attribute to campaigns they cannot see.
	 */
	public Mono<UUID> requireCampaign(Actor actor, String campaignId, String... field) {
		List<UserError> errors = new ArrayList<>();
		UUID id = GlobalId.uuidOf("Campaign", campaignId, errors, field);
		Inputs.rejectIfAny(errors);
		return byIds(actor, Set.of(id)).filter(found -> found.containsKey(id))
			.map(found -> id)
			.switchIfEmpty(Mono.error(
					() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "No such campaign.", field))));
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Campaign");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : byIds(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, uuids -> byIds(actor, uuids));
	}

	@Transactional
	public Mono<Campaign> create(Actor actor, CreateCampaignInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.CAMPAIGN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		Money cost = cost(input.cost(), errors);
		checkPeriod(input.startsOn(), input.endsOn(), errors);
		Inputs.rejectIfAny(errors);
		Sql sql = new Sql();
		sql.append("insert into campaign (id, name, kind, starts_on, ends_on, cost, cost_currency, notes) values ("
				+ String.join(", ", sql.param(UUID.randomUUID()), sql.param(input.name().strip()),
						sql.value(input.kind()), sql.param(input.startsOn(), LocalDate.class),
						sql.param(input.endsOn(), LocalDate.class),
						sql.param(cost == null ? null : cost.amount(), BigDecimal.class),
						sql.param(cost == null ? null : cost.currency(), String.class),
						sql.param(Inputs.clean(input.notes()), String.class))
				+ ") returning *");
		return sql.on(this.database)
			.map(CAMPAIGN)
			.one()
			.flatMap(campaign -> event(actor, EventType.CAMPAIGN_CREATED, campaign));
	}

	@Transactional
	public Mono<Campaign> update(Actor actor, UpdateCampaignInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.CAMPAIGN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Campaign", input.id(), errors, "input", "id");
		Changes changes = new Changes();
		changes.set("name", input.name(), Inputs::clean);
		changes.set("kind", input.kind());
		changes.set("starts_on", input.startsOn());
		changes.set("ends_on", input.endsOn());
		changes.set("notes", input.notes(), Inputs::clean);
		Money cost = cost(input.cost().value(), errors);
		changes.set("cost", input.cost(), sent -> cost == null ? null : cost.amount());
		changes.set("cost_currency", input.cost(), sent -> cost == null ? null : cost.currency());
		Inputs.rejectIfAny(errors);
		Sql sql = new Sql().append("update campaign set version = version + 1, updated_at = now()");
		changes.columns().forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(" where id = " + sql.param(id) + " and version = " + sql.param(input.expectedVersion())
				+ " returning *");
		return byIds(actor, Set.of(id)).flatMap(found -> {
			Campaign current = found.get(id);
			if (current == null) {
				return Mono
					.error(new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", "id")));
			}
			// a partial update may move one end of the period past the other
			List<UserError> periodErrors = new ArrayList<>();
			checkPeriod(Inputs.sentOr(input.startsOn(), current.startsOn()),
					Inputs.sentOr(input.endsOn(), current.endsOn()), periodErrors);
			Inputs.rejectIfAny(periodErrors);
			return sql.on(this.database)
				.map(CAMPAIGN)
				.one()
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("campaign", current.version())));
		}).flatMap(campaign -> event(actor, EventType.CAMPAIGN_UPDATED, campaign));
	}

	private Mono<Campaign> event(Actor actor, EventType type, Campaign campaign) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Campaign", campaign.id()));
		payload.put("name", campaign.name());
		payload.put("kind", campaign.kind());
		payload.put("startsOn", campaign.startsOn() == null ? null : campaign.startsOn().toString());
		payload.put("endsOn", campaign.endsOn() == null ? null : campaign.endsOn().toString());
		payload.put("version", campaign.version());
		return this.outbox
			.append(actor, type, "Campaign", campaign.id(), campaign.version(), EventOwner.VENDOR, payload)
			.thenReturn(campaign);
	}

	private static Money cost(MoneyInput input, List<UserError> errors) {
		return input == null || input.amount() == null ? null
				: Money.checked(input.amount(), input.currency(), errors, "input", "cost");
	}

	private static void checkPeriod(LocalDate startsOn, LocalDate endsOn, List<UserError> errors) {
		if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must not be before the start.", "input", "endsOn"));
		}
	}

}
