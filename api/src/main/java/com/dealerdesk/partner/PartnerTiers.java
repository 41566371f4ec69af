package com.dealerdesk.partner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.partner.PartnerInputs.CreatePartnerTierInput;
import com.dealerdesk.partner.PartnerInputs.DeleteInput;
import com.dealerdesk.partner.PartnerInputs.UpdatePartnerTierInput;
import com.dealerdesk.platform.database.ForeignKeyViolation;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel's tiers, and the tier a partner is on for the catalogue and the documents
 * (its customers are priced at it; it sees only its prices). A tier prices through the
 * catalogue (prices naming its code, read through the product feature's view
 * {@code product_tier_price_count}) or a default discount, so it needs one of them. The
 * vendor's staff see every tier; a partner's callers only the tiers of the partners in
 * their scope (their own, and their sub-dealers' through {@code Partner.tier}), and in
 * {@code partnerTiers} only their own partner's.
 */
@Service
public class PartnerTiers implements NodeFetcher {

	static final String TYPE = "PartnerTier";

	private static final BiFunction<Row, RowMetadata, PartnerTier> TIER = (row, meta) -> new PartnerTier(
			row.get("id", UUID.class), row.get("code", String.class), row.get("name", String.class),
			row.get("position", Integer.class), row.get("default_discount_percent", BigDecimal.class),
			row.get("version", Integer.class));

	private final DatabaseClient database;

	private final InputValidator validator;

	PartnerTiers(DatabaseClient database, InputValidator validator) {
		this.database = database;
		this.validator = validator;
	}

	/** The tiers the actor sees, lowest first: a partner's callers only their own. */
	Mono<List<PartnerTier>> tiers(Actor actor) {
		Sql sql = new Sql();
		sql.append("select * from partner_tier t where " + ownTier(actor, sql) + " order by position, id");
		return sql.on(this.database).map(TIER).all().collectList();
	}

	/** Tiers by id, of the partners in the actor's scope. */
	public Mono<Map<UUID, PartnerTier>> byIds(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		Sql sql = new Sql();
		sql.append("select * from partner_tier t where t.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ")");
		if (actor.isPartner()) {
			sql.append(" and t.id in (select p.tier_id from partner p where "
					+ PartnerDirectory.scope(actor, sql, "p.id") + ")");
		}
		else if (actor.roles().isEmpty()) {
			sql.append(" and false");
		}
		return sql.on(this.database).map(TIER).all().collectMap(PartnerTier::id);
	}

	/**
	 * The tier the partner is on; empty without a partner, or for a partner without a
	 * tier.
	 */
	public Mono<Optional<PartnerTier>> ofPartner(UUID partnerId) {
		if (partnerId == null) {
			return Mono.just(Optional.empty());
		}
		return ofPartners(Set.of(partnerId)).map(found -> Optional.ofNullable(found.get(partnerId)));
	}

	/** The tiers of these partners, by partner; partners without a tier are left out. */
	public Mono<Map<UUID, PartnerTier>> ofPartners(Collection<UUID> partnerIds) {
		if (partnerIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				select p.id as partner_id, t.* from partner p join partner_tier t on t.id = p.tier_id
				where p.id = any($1)""")
			.bind(0, partnerIds.toArray(UUID[]::new))
			.map((row, meta) -> Map.entry(row.get("partner_id", UUID.class), TIER.apply(row, meta)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** Of these codes, those a tier has. */
	public Mono<Set<String>> existingCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Mono.just(Set.of());
		}
		return this.database.sql("select code from partner_tier where code = any($1)")
			.bind(0, codes.toArray(String[]::new))
			.map(row -> row.get("code", String.class))
			.all()
			.collect(Collectors.toSet());
	}

	/** How many catalogue prices name each tier. */
	Mono<Map<String, Integer>> priceCounts(Collection<String> codes) {
		return this.database.sql("select tier, price_count from product_tier_price_count where tier = any($1)")
			.bind(0, codes.toArray(String[]::new))
			.map(row -> Map.entry(row.get("tier", String.class), row.get("price_count", Integer.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	@Override
	public Set<String> typeNames() {
		return Set.of(TYPE);
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

	/** NOT_FOUND at {@code input.tierId} unless the tier exists. */
	Mono<Void> requireExists(UUID tierId) {
		return this.database.sql("select 1 from partner_tier where id = $1")
			.bind(0, tierId)
			.map(row -> 1)
			.one()
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such tier.", "input", "tierId"))))
			.then();
	}

	@Transactional
	public Mono<PartnerTier> create(Actor actor, CreatePartnerTierInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CREATE, Subject.PARTNER_TIER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			String code = input.code() == null ? null : input.code().strip().toUpperCase(Locale.ROOT);
			if (code != null && !code.matches("^[A-Z][A-Z0-9_]{0,29}$")) {
				errors.add(UserError.of(UserErrorCode.INVALID_FORMAT,
						"Upper-case letters, digits and underscores, starting with a letter, e.g. GOLD.", "input",
						"code"));
			}
			Inputs.rejectIfAny(errors);
			Mono<Void> priced = requirePriced(code, input.defaultDiscountPercent(), "defaultDiscountPercent");
			return priced
				.then(this.database.sql("insert into partner_tier (id, code, name, position, default_discount_percent)"
						+ " values ($1, $2, $3, coalesce($4::int, (select coalesce(max(position), 0) + 1 from partner_tier)), $5)"
						+ " returning *")
					.bind(0, UUID.randomUUID())
					.bind(1, code)
					.bind(2, input.name().strip())
					.bind(3, Parameter.fromOrEmpty(input.position(), Integer.class))
					.bind(4, Parameter.fromOrEmpty(input.defaultDiscountPercent(), BigDecimal.class))
					.map(TIER)
					.one())
				.onErrorMap(UniqueViolation.of("partner_tier_code_key"), ex -> new UserErrorsException(UserError
					.of(UserErrorCode.CONFLICT, "There is a tier " + code + " already.", "input", "code")));
		});
	}

	@Transactional
	public Mono<PartnerTier> update(Actor actor, UpdatePartnerTierInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER_TIER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(TYPE, input.id(), errors, "input", "id");
			Changes changes = new Changes();
			changes.set("name", input.name(), Inputs::clean);
			changes.set("position", input.position());
			changes.set("default_discount_percent", input.defaultDiscountPercent());
			Inputs.rejectIfAny(errors);
			return lock(id, input.expectedVersion()).flatMap(current -> {
				Mono<Void> priced = input.defaultDiscountPercent().isOmitted() ? Mono.empty() : requirePriced(
						current.code(), input.defaultDiscountPercent().value(), "defaultDiscountPercent");
				Sql sql = new Sql().append("update partner_tier set version = version + 1, updated_at = now()");
				changes.columns().forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
				sql.append(" where id = " + sql.param(id) + " returning *");
				return priced.then(sql.on(this.database).map(TIER).one());
			});
		});
	}

	/**
	 * Deletes a tier no partner is on and no catalogue price or priced quote or order
	 * line names.
	 */
	@Transactional
	public Mono<String> delete(Actor actor, DeleteInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.DELETE, Subject.PARTNER_TIER);
			List<UserError> errors = new ArrayList<>();
			UUID id = GlobalId.uuidOf(TYPE, input.id(), errors, "input", "id");
			Inputs.rejectIfAny(errors);
			return lock(id, input.expectedVersion()).flatMap(current -> this.database.sql("""
					select (select count(*) from partner where tier_id = $1) as partners,
					       coalesce((select price_count from product_tier_price_count where tier = $2), 0) as prices""")
				.bind(0, id)
				.bind(1, current.code())
				.map(row -> new long[] { row.get("partners", Long.class), row.get("prices", Integer.class) })
				.one()
				.flatMap(uses -> {
					if (uses[0] > 0 || uses[1] > 0) {
						return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
								"The tier is in use: " + uses[0] + " partner(s) are on it and " + uses[1]
										+ " catalogue price(s) name it. Move the partners and remove the prices first.",
								"input", "id")));
					}
					return this.database.sql("delete from partner_tier where id = $1").bind(0, id).then();
				})
				// quote and order lines priced at the tier keep it as their record
				.onErrorMap(
						ForeignKeyViolation.of("quote_line_partner_tier_id_fkey")
							.or(ForeignKeyViolation.of("order_line_partner_tier_id_fkey")),
						ex -> new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
								"Quote or order lines were priced at this tier, so it stays as their record.", "input",
								"id")))
				.thenReturn(GlobalId.of(TYPE, id)));
		});
	}

	/**
	 * Locks the tier partners are priced at; the tier feature's own rows only, so a
	 * partner put on the tier at the same time waits (its foreign key) and is then
	 * refused or counted.
	 */
	private Mono<PartnerTier> lock(UUID id, Integer expectedVersion) {
		return this.database.sql("select * from partner_tier where id = $1 for update")
			.bind(0, id)
			.map(TIER)
			.one()
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such tier.", "input", "id"))))
			.flatMap(current -> expectedVersion == null || current.version() != expectedVersion
					? Mono.error(UserErrorsException.staleVersion("tier", current.version())) : Mono.just(current));
	}

	/** INVALID_VALUE at the discount field when the tier would have no price at all. */
	private Mono<Void> requirePriced(String code, BigDecimal discount, String field) {
		if (discount != null) {
			return Mono.empty();
		}
		return priceCounts(
				Set.of(code))
			.flatMap(
					counts -> counts.getOrDefault(
							code, 0) > 0
									? Mono.empty()
									: Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
											"A tier needs a default discount, or at least one catalogue price for "
													+ code + ": give a discount, or add the prices first.",
											"input", field))));
	}

	private static String ownTier(Actor actor, Sql sql) {
		if (actor.partnerId() != null) {
			return "t.id = (select p.tier_id from partner p where p.id = " + sql.param(actor.partnerId()) + ")";
		}
		return actor.isPartner() || actor.roles().isEmpty() ? "false" : "true";
	}

}
