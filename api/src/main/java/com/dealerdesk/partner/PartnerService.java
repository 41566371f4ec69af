package com.dealerdesk.partner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.partner.PartnerInputs.AddPartnerContactInput;
import com.dealerdesk.partner.PartnerInputs.ChangePartnerStatusInput;
import com.dealerdesk.partner.PartnerInputs.CreatePartnerInput;
import com.dealerdesk.partner.PartnerInputs.RemovePartnerContactInput;
import com.dealerdesk.partner.PartnerInputs.TerritoryInput;
import com.dealerdesk.partner.PartnerInputs.UpdatePartnerInput;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Onboarding and changing partners. The vendor's channel managers and admins change any
 * partner; a partner's users create and change only their own partner's sub-dealers, and
 * never their tier or status (the vendor's decisions).
 *
 * <p>
 * Sub-dealers are one level deep: a sub-dealer has no sub-dealers of its own, and a
 * partner with sub-dealers is no sub-dealer. Both rows of a parent link (the parent and
 * the partner put under it) are locked, in id order, before the rule is checked, so two
 * changes at once cannot build a chain or a cycle between them.
 */
@Service
class PartnerService {

	private final DatabaseClient database;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final PartnerTiers tiers;

	PartnerService(DatabaseClient database, InputValidator validator, OutboxWriter outbox, PartnerTiers tiers) {
		this.database = database;
		this.validator = validator;
		this.outbox = outbox;
		this.tiers = tiers;
	}

	@Transactional
	public Mono<Partner> create(Actor actor, CreatePartnerInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CREATE, Subject.PARTNER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			PartnerStatus status = input.status() == null ? PartnerStatus.PROSPECTIVE : input.status();
			if (status != PartnerStatus.PROSPECTIVE && status != PartnerStatus.ACTIVE) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "A new partner is PROSPECTIVE or ACTIVE.", "input",
						"status"));
			}
			UUID tierId = input.tierId() == null ? null
					: GlobalId.uuidOf(PartnerTiers.TYPE, input.tierId(), errors, "input", "tierId");
			UUID parentId = input.parentId() == null ? null
					: GlobalId.uuidOf(PartnerDirectory.TYPE, input.parentId(), errors, "input", "parentId");
			if (actor.isPartner()) {
				// a partner's users onboard sub-dealers of their own partner, which the
				// vendor then activates and prices
				if (actor.partnerId() == null) {
					errors.add(UserError.of(UserErrorCode.NOT_ALLOWED, "Your sign-in names no partner."));
				}
				else if (parentId == null) {
					parentId = actor.partnerId();
				}
				else if (!parentId.equals(actor.partnerId())) {
					errors.add(UserError.of(UserErrorCode.NOT_ALLOWED,
							"You may add sub-dealers only under your own partner.", "input", "parentId"));
				}
				refuseVendorDecisions(status != PartnerStatus.PROSPECTIVE, tierId != null, errors);
			}
			checkTerritories(input.territories(), errors);
			Inputs.rejectIfAny(errors);
			UUID id = UUID.randomUUID();
			UUID parent = parentId;
			Sql sql = new Sql();
			sql.append(
					"insert into partner (id, name, legal_name, tax_id, country, address, status, tier_id, parent_id)"
							+ " values ("
							+ String.join(", ", sql.param(id), sql.param(input.name().strip()),
									sql.value(Inputs.clean(input.legalName())), sql.value(Inputs.clean(input.taxId())),
									sql.value(country(input.country())), sql.value(Inputs.clean(input.address())),
									sql.value(status), sql.param(tierId, UUID.class), sql.param(parent, UUID.class))
							+ ")");
			Mono<Void> checks = (tierId == null ? Mono.<Void>empty() : this.tiers.requireExists(tierId))
				.then(parent == null ? Mono.empty() : lockParentLink(actor, parent, null));
			return checks.then(sql.on(this.database).then())
				.then(replaceTerritories(id, input.territories()))
				.then(reload(id))
				.flatMap(partner -> event(actor, EventType.PARTNER_CREATED, partner, Map.of()));
		});
	}

	@Transactional
	public Mono<Partner> update(Actor actor, UpdatePartnerInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(PartnerDirectory.TYPE, input.id(), errors, "input", "id");
			Changes changes = new Changes();
			changes.set("name", input.name(), Inputs::clean);
			changes.set("legal_name", input.legalName(), Inputs::clean);
			changes.set("tax_id", input.taxId(), Inputs::clean);
			changes.set("country", input.country(), PartnerService::country);
			changes.set("address", input.address(), Inputs::clean);
			UUID tierId = changes.set("tier_id", input.tierId(),
					tier -> tier == null ? null : GlobalId.uuidOf(PartnerTiers.TYPE, tier, errors, "input", "tierId"));
			UUID parentId = changes.set("parent_id", input.parentId(), parent -> parent == null ? null
					: GlobalId.uuidOf(PartnerDirectory.TYPE, parent, errors, "input", "parentId"));
			if (actor.isPartner()) {
				refuseVendorDecisions(false, !input.tierId().isOmitted(), errors);
				if (!input.parentId().isOmitted() && (parentId == null || !parentId.equals(actor.partnerId()))) {
					errors.add(UserError.of(UserErrorCode.NOT_ALLOWED, "Your sub-dealers stay under your own partner.",
							"input", "parentId"));
				}
			}
			if (!input.territories().isOmitted()) {
				checkTerritories(input.territories().value(), errors);
			}
			Inputs.rejectIfAny(errors);
			Mono<Void> checks = (tierId == null ? Mono.<Void>empty() : this.tiers.requireExists(tierId))
				.then(parentId == null ? Mono.empty() : lockParentLink(actor, parentId, id));
			return checks.then(lockForChange(actor, id, input.expectedVersion())).flatMap(current -> {
				Sql sql = new Sql().append("update partner set version = version + 1, updated_at = now()");
				changes.columns().forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
				sql.append(" where id = " + sql.param(id));
				Mono<Void> territories = input.territories().isOmitted() ? Mono.empty()
						: replaceTerritories(id, input.territories().value());
				return sql.on(this.database).then().then(territories).then(reload(id));
			}).flatMap(partner -> event(actor, EventType.PARTNER_UPDATED, partner, Map.of()));
		});
	}

	@Transactional
	public Mono<Partner> changeStatus(Actor actor, ChangePartnerStatusInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER);
			if (actor.isPartner()) {
				throw new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
						"A partner's status is the vendor's decision: ask the vendor's channel manager."));
			}
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(PartnerDirectory.TYPE, input.id(), errors, "input", "id");
			String reason = Inputs.clean(input.reason());
			if (input.status() != null && input.status().needsReason() && reason == null) {
				errors.add(UserError.of(UserErrorCode.REQUIRED,
						"Say why the partner is " + input.status().name().toLowerCase(Locale.ROOT) + ".", "input",
						"reason"));
			}
			Inputs.rejectIfAny(errors);
			return lockForChange(actor, id, input.expectedVersion()).flatMap(current -> {
				if (!current.status().mayBecome(input.status())) {
					return Mono
						.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE, "A " + current.status()
								+ " partner cannot become " + input.status() + allowedFrom(current) + ".", "input",
								"status")));
				}
				return this.database
					.sql("update partner set status = $2, status_reason = $3, version = version + 1,"
							+ " updated_at = now() where id = $1")
					.bind(0, id)
					.bind(1, input.status().name())
					.bind(2, Parameter.fromOrEmpty(input.status().needsReason() ? reason : null, String.class))
					.then()
					.then(reload(id))
					.flatMap(partner -> {
						Map<String, Object> extra = new LinkedHashMap<>();
						extra.put("previousStatus", current.status());
						extra.put("reason", partner.statusReason());
						return event(actor, EventType.PARTNER_STATUS_CHANGED, partner, extra);
					});
			});
		});
	}

	@Transactional
	public Mono<Partner> addContact(Actor actor, AddPartnerContactInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(PartnerDirectory.TYPE, input.partnerId(), errors, "input", "partnerId");
			Inputs.rejectIfAny(errors);
			return lockForChange(actor, id, input.expectedVersion()).flatMap(current -> this.database
				.sql("insert into partner_contact (id, partner_id, name, role, email, phone)"
						+ " values ($1, $2, $3, $4, $5, $6)")
				.bind(0, UUID.randomUUID())
				.bind(1, id)
				.bind(2, input.name().strip())
				.bind(3, Parameter.fromOrEmpty(Inputs.clean(input.role()), String.class))
				.bind(4, Parameter.fromOrEmpty(Inputs.clean(input.email()), String.class))
				.bind(5, Parameter.fromOrEmpty(Inputs.clean(input.phone()), String.class))
				.then()
				.then(touch(id))).flatMap(partner -> event(actor, EventType.PARTNER_UPDATED, partner, Map.of()));
		});
	}

	@Transactional
	public Mono<Partner> removeContact(Actor actor, RemovePartnerContactInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(PartnerDirectory.TYPE, input.partnerId(), errors, "input", "partnerId");
			UUID contactId = GlobalId.uuidOf(PartnerController.CONTACT_TYPE, input.contactId(), errors, "input",
					"contactId");
			Inputs.rejectIfAny(errors);
			return lockForChange(actor, id, input.expectedVersion())
				.flatMap(current -> this.database
					.sql("delete from partner_contact where id = $1 and partner_id = $2 returning id")
					.bind(0, contactId)
					.bind(1, id)
					.map(row -> row.get("id", UUID.class))
					.one()
					.switchIfEmpty(Mono.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND,
							"The partner has no such contact.", "input", "contactId"))))
					.then(touch(id)))
				.flatMap(partner -> event(actor, EventType.PARTNER_UPDATED, partner, Map.of()));
		});
	}

	/**
	 * Locks the partner to change, checking the caller may change it and has read its
	 * current version: NOT_FOUND outside the caller's scope, NOT_ALLOWED for a partner's
	 * own row (its users change only their sub-dealers), STALE_VERSION naming the current
	 * version.
	 */
	private Mono<Partner> lockForChange(Actor actor, UUID id, Integer expectedVersion) {
		Sql sql = new Sql();
		sql.append("select * from partner p where p.id = " + sql.param(id) + " and "
				+ PartnerDirectory.scope(actor, sql, "p.id") + " for update");
		return sql.on(this.database)
			.map(PartnerDirectory.PARTNER)
			.one()
			.switchIfEmpty(Mono.error(() -> notFound("id")))
			.flatMap(current -> {
				if (actor.isPartner() && current.id().equals(actor.partnerId())) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
							"Your own partner's details are kept by the vendor: you change your sub-dealers'.", "input",
							"id")));
				}
				if (expectedVersion == null || current.version() != expectedVersion) {
					return Mono.error(UserErrorsException.staleVersion("partner", current.version()));
				}
				return Mono.just(current);
			});
	}

	/**
	 * Locks the parent and the partner put under it (null for a new one), in id order,
	 * then checks the two-level rule on what is now current.
	 */
	private Mono<Void> lockParentLink(Actor actor, UUID parentId, UUID childId) {
		if (parentId.equals(childId)) {
			return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
					"A partner cannot be its own parent.", "input", "parentId")));
		}
		List<UUID> ids = childId == null ? List.of(parentId) : List.of(parentId, childId);
		Sql sql = new Sql();
		sql.append("select p.*, " + PartnerDirectory.scope(actor, sql, "p.id") + " as visible,"
				+ " exists (select 1 from partner s where s.parent_id = p.id) as has_sub_dealers"
				+ " from partner p where p.id = any(" + sql.param(ids.toArray(UUID[]::new))
				+ ") order by p.id for update of p");
		return sql.on(this.database)
			.map((row, meta) -> new Locked(PartnerDirectory.PARTNER.apply(row, meta),
					Boolean.TRUE.equals(row.get("visible", Boolean.class)),
					Boolean.TRUE.equals(row.get("has_sub_dealers", Boolean.class))))
			.all()
			.collectMap(locked -> locked.partner().id())
			.flatMap(locked -> {
				Locked parent = locked.get(parentId);
				if (parent == null || !parent.visible()) {
					return Mono.error(notFound("parentId"));
				}
				if (parent.partner().parentId() != null) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
							parent.partner().name() + " is itself a sub-dealer: sub-dealers go one level deep.",
							"input", "parentId")));
				}
				if (parent.partner().status() == PartnerStatus.TERMINATED) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
							parent.partner().name() + " is terminated.", "input", "parentId")));
				}
				Locked child = childId == null ? null : locked.get(childId);
				if (child != null && child.hasSubDealers()) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE, child.partner()
						.name()
							+ " has sub-dealers of its own, so it cannot become one: sub-dealers go one level deep.",
							"input", "parentId")));
				}
				return Mono.empty();
			});
	}

	private Mono<Void> replaceTerritories(UUID partnerId, List<TerritoryInput> territories) {
		Mono<Void> cleared = this.database.sql("delete from partner_territory where partner_id = $1")
			.bind(0, partnerId)
			.then();
		if (territories == null || territories.isEmpty()) {
			return cleared;
		}
		Sql sql = new Sql();
		sql.append("insert into partner_territory (partner_id, position, region, industry) values ");
		for (int i = 0; i < territories.size(); i++) {
			TerritoryInput territory = territories.get(i);
			sql.append((i == 0 ? "" : ", ")
					+ "(" + String.join(", ", sql.param(partnerId), sql.param(i),
							sql.value(Inputs.clean(territory.region())), sql.value(Inputs.clean(territory.industry())))
					+ ")");
		}
		return cleared.then(sql.on(this.database).then());
	}

	private Mono<Partner> touch(UUID id) {
		return this.database.sql("update partner set version = version + 1, updated_at = now() where id = $1")
			.bind(0, id)
			.then()
			.then(reload(id));
	}

	private Mono<Partner> reload(UUID id) {
		return this.database.sql("select * from partner where id = $1").bind(0, id).map(PartnerDirectory.PARTNER).one();
	}

	private Mono<Partner> event(Actor actor, EventType type, Partner partner, Map<String, Object> extra) {
		return this.database
			.sql("select region, industry from partner_territory where partner_id = $1 order by position")
			.bind(0, partner.id())
			.map(row -> new Territory(row.get("region", String.class), row.get("industry", String.class)))
			.all()
			.collectList()
			.flatMap(territories -> {
				Map<String, Object> payload = PartnerEvents.payload(partner, territories);
				payload.putAll(extra);
				return this.outbox.append(actor, type, PartnerDirectory.TYPE, partner.id(), partner.version(),
						EventOwner.partner(partner.id()), payload);
			})
			.thenReturn(partner);
	}

	private static void refuseVendorDecisions(boolean status, boolean tier, List<UserError> errors) {
		if (status) {
			errors.add(UserError.of(UserErrorCode.NOT_ALLOWED,
					"A sub-dealer starts PROSPECTIVE; the vendor's channel manager activates it.", "input", "status"));
		}
		if (tier) {
			errors.add(UserError.of(UserErrorCode.NOT_ALLOWED, "A partner's tier is the vendor's decision.", "input",
					"tierId"));
		}
	}

	private static void checkTerritories(List<TerritoryInput> territories, List<UserError> errors) {
		if (territories == null) {
			return;
		}
		for (int i = 0; i < territories.size(); i++) {
			TerritoryInput territory = territories.get(i);
			if (Inputs.clean(territory.region()) == null && Inputs.clean(territory.industry()) == null) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "Give a region, an industry or both.", "input",
						"territories", String.valueOf(i)));
			}
		}
	}

	private static String country(String country) {
		String cleaned = Inputs.clean(country);
		return cleaned == null ? null : cleaned.toUpperCase(Locale.ROOT);
	}

	private static String allowedFrom(Partner current) {
		List<String> next = Arrays.stream(PartnerStatus.values())
			.filter(current.status()::mayBecome)
			.map(Enum::name)
			.toList();
		return next.isEmpty() ? " (it is final)" : " (it may become " + String.join(" or ", next) + ")";
	}

	private static UserErrorsException notFound(String field) {
		return new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "No such partner.", "input", field));
	}

	private record Locked(Partner partner, boolean visible, boolean hasSubDealers) {

	}

}
