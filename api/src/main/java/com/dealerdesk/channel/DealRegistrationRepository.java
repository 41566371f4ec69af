package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.channel.DealRegistration.Conflict;
import com.dealerdesk.channel.DealRegistration.Kind;
import com.dealerdesk.channel.DealRegistration.Line;
import com.dealerdesk.channel.DealRegistration.Match;
import com.dealerdesk.channel.DealRegistration.Status;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Deal registrations, their lines and conflicts. A partner's callers see their partner's
 * and its sub-dealers' registrations; the vendor's staff see all.
 */
@Repository
class DealRegistrationRepository {

	/** Sort order of registration lists: newest first. */
	static final String NEWEST = "SUBMITTED_DESC";

	private static final BiFunction<Row, RowMetadata, DealRegistration> REGISTRATION = (row, meta) -> {
		String currency = row.get("currency", String.class);
		return new DealRegistration(row.get("id", UUID.class), row.get("number", String.class),
				row.get("partner_id", UUID.class), row.get("registered_by", String.class),
				row.get("customer_id", UUID.class), row.get("customer_name", String.class),
				row.get("customer_tax_id", String.class), row.get("customer_email_domain", String.class),
				row.get("customer_region", String.class), row.get("customer_industry", String.class),
				row.get("tax_id_key", String.class), row.get("name_key", String.class),
				Money.of(row.get("expected_amount", BigDecimal.class), currency),
				row.get("expected_close_on", LocalDate.class), row.get("note", String.class),
				Status.valueOf(row.get("status", String.class)), row.get("submitted_at", OffsetDateTime.class),
				row.get("decided_at", OffsetDateTime.class), row.get("decided_by", String.class),
				row.get("rejection_reason", String.class), row.get("protected_until", LocalDate.class),
				row.get("opportunity_id", UUID.class), row.get("version", Integer.class));
	};

	private final DatabaseClient database;

	private final JsonMapper json;

	DealRegistrationRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	/** Appends the actor's scope on registrations aliased {@code r}. */
	static void restrict(Sql sql, Actor actor) {
		if (actor.partnerId() != null) {
			sql.append("r.partner_id in (select partner_scope(" + sql.param(actor.partnerId()) + "))");
		}
		else {
			// a partner's role without a partner sees nothing; the vendor's staff see all
			sql.append(actor.isPartner() ? "false" : "true");
		}
	}

	Mono<Map<UUID, DealRegistration>> visible(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		Sql sql = new Sql();
		sql.append("select r.* from deal_registration r where r.id = any(" + sql.param(ids.toArray(UUID[]::new))
				+ ") and ");
		restrict(sql, actor);
		return sql.on(this.database).map(REGISTRATION).all().collectMap(DealRegistration::id);
	}

	Mono<List<DealRegistration>> page(Actor actor, List<Status> statuses, UUID partnerId, Boolean hasConflicts,
			PageRequest page) {
		Sql sql = new Sql().append("select r.* from deal_registration r where ");
		restrict(sql, actor);
		if (statuses != null && !statuses.isEmpty()) {
			sql.append(
					" and r.status = any(" + sql.param(statuses.stream().map(Enum::name).toArray(String[]::new)) + ")");
		}
		if (partnerId != null) {
			sql.append(" and r.partner_id = " + sql.param(partnerId));
		}
		if (hasConflicts != null) {
			sql.append((hasConflicts ? " and " : " and not ")
					+ "exists (select 1 from deal_registration_conflict k where k.registration_id = r.id)");
		}
		if (page.after() != null) {
			sql.append(" and (r.submitted_at, r.id) < (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by r.submitted_at desc, r.id desc limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(REGISTRATION).all().collectList();
	}

	/** Locks a visible registration until the transaction ends. */
	Mono<DealRegistration> lock(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select r.* from deal_registration r where r.id = " + sql.param(id) + " and ");
		restrict(sql, actor);
		return sql.append(" for update of r").on(this.database).map(REGISTRATION).one();
	}

	Mono<Void> insert(DealRegistration r, List<Line> lines) {
		Sql sql = new Sql();
		sql.append("insert into deal_registration (id, number, partner_id, registered_by, customer_id, customer_name,"
				+ " customer_tax_id, customer_email_domain, customer_region, customer_industry, tax_id_key, name_key,"
				+ " currency, expected_amount, expected_close_on, note) values ("
				+ String.join(", ", sql.param(r.id()), sql.param(r.number()), sql.param(r.partnerId()),
						sql.param(r.registeredBy()), sql.param(r.customerId(), UUID.class), sql.param(r.customerName()),
						sql.param(r.customerTaxId(), String.class), sql.param(r.customerEmailDomain(), String.class),
						sql.param(r.customerRegion(), String.class), sql.param(r.customerIndustry(), String.class),
						sql.param(r.taxIdKey(), String.class), sql.param(r.nameKey()),
						sql.param(r.expectedAmount().currency()), sql.param(r.expectedAmount().amount()),
						sql.param(r.expectedCloseOn()), sql.param(r.note(), String.class))
				+ ")");
		return sql.on(this.database)
			.then()
			.then(this.database
				.sql("""
						insert into deal_registration_line (registration_id, position, product_id, edition_code, quantity)
						select $1, p, product, nullif(edition, ''), quantity
						from unnest($2::uuid[], $3::text[], $4::int[]) with ordinality as l(product, edition, quantity, p)""")
				.bind(0, r.id())
				.bind(1, lines.stream().map(Line::productId).toArray(UUID[]::new))
				.bind(2, lines.stream()
					.map(line -> line.editionCode() == null ? "" : line.editionCode())
					.toArray(String[]::new))
				.bind(3, lines.stream().map(Line::quantity).toArray(Integer[]::new))
				.then());
	}

	/** Writes the conflicts with their facts (jsonb {@code details}, ADR 0032). */
	Mono<Void> insertConflicts(List<Conflict> conflicts) {
		return Flux.fromIterable(conflicts).concatMap(conflict -> {
			Sql sql = new Sql();
			sql.append("insert into deal_registration_conflict (registration_id, position, kind, matched_by, evidence,"
					+ " other_registration_id, customer_id, details) values ("
					+ String.join(", ", sql.param(conflict.registrationId()), sql.param(conflict.position()),
							sql.param(conflict.kind().name()),
							sql.param(conflict.matchedBy().stream().map(Enum::name).toArray(String[]::new)),
							sql.param(conflict.evidence()), sql.param(conflict.otherRegistrationId(), UUID.class),
							sql.param(conflict.customerId(), UUID.class),
							sql.param(Json.of(this.json.writeValueAsString(conflict.facts()))))
					+ ")");
			return sql.on(this.database).then();
		}).then();
	}

	/**
	 * Writes the columns at the expected version, raising it; empty when the version is
	 * stale.
	 */
	Mono<DealRegistration> update(UUID id, int expectedVersion, Map<String, Object> columns) {
		Sql sql = new Sql().append("update deal_registration r set version = r.version + 1, updated_at = now()");
		columns.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(
				" where r.id = " + sql.param(id) + " and r.version = " + sql.param(expectedVersion) + " returning r.*");
		return sql.on(this.database).map(REGISTRATION).one();
	}

	Mono<Map<UUID, List<Line>>> linesOf(Collection<UUID> ids) {
		return this.database.sql("""
				select * from deal_registration_line where registration_id = any($1)
				order by registration_id, position""")
			.bind(0, ids.toArray(UUID[]::new))
			.map(row -> new Line(row.get("registration_id", UUID.class), row.get("position", Integer.class),
					row.get("product_id", UUID.class), row.get("edition_code", String.class),
					row.get("quantity", Integer.class)))
			.all()
			.collect(Collectors.groupingBy(Line::registrationId));
	}

	Mono<Map<UUID, List<Conflict>>> conflictsOf(Collection<UUID> ids) {
		return this.database.sql("""
				select * from deal_registration_conflict where registration_id = any($1)
				order by registration_id, position""")
			.bind(0, ids.toArray(UUID[]::new))
			.map(row -> new Conflict(row.get("registration_id", UUID.class), row.get("position", Integer.class),
					Kind.valueOf(row.get("kind", String.class)),
					Arrays.stream(row.get("matched_by", String[].class)).map(Match::valueOf).toList(),
					row.get("evidence", String.class), row.get("other_registration_id", UUID.class),
					row.get("customer_id", UUID.class),
					this.json.readValue(row.get("details", Json.class).asString(), ConflictFacts.class)))
			.all()
			.collect(Collectors.groupingBy(Conflict::registrationId));
	}

	/** The partners whose business is the given partner's: itself and its sub-dealers. */
	Mono<Set<UUID>> partnerFamily(UUID partnerId) {
		return this.database.sql("select partner_scope($1) as id")
			.bind(0, partnerId)
			.map(row -> row.get("id", UUID.class))
			.all()
			.collect(Collectors.toSet());
	}

	/**
	 * Registrations of partners outside {@code family} that still hold a claim
	 * (SUBMITTED, or APPROVED and protected on {@code today}) and match a key or the
	 * customer; each branch uses its partial index of V31.
	 */
	Flux<Claim> claims(Set<UUID> family, String taxIdKey, String nameKey, String emailDomain, UUID customerId,
			LocalDate today, boolean protectedOnly) {
		Sql sql = new Sql();
		String tax = sql.param(taxIdKey, String.class);
		String name = sql.param(nameKey, String.class);
		String domain = sql.param(emailDomain, String.class);
		String customer = sql.param(customerId, UUID.class);
		// one branch per key, each served by its partial index of V31
		String claiming = "status in ('SUBMITTED', 'APPROVED')";
		sql.append("select r.*, coalesce(r.tax_id_key = " + tax + ", false) as by_tax," + " coalesce(r.name_key = "
				+ name + ", false) as by_name," + " coalesce(r.customer_email_domain = " + domain
				+ ", false) as by_domain"
				+ " from deal_registration r where r.id in (select id from deal_registration where " + claiming
				+ " and tax_id_key = " + tax + " union select id from deal_registration where " + claiming
				+ " and name_key = " + name + " union select id from deal_registration where " + claiming
				+ " and customer_email_domain = " + domain + " union select id from deal_registration where " + claiming
				+ " and customer_id = " + customer + ")");
		sql.append(" and r.partner_id <> all(" + sql.param(family.toArray(UUID[]::new)) + ")");
		sql.append(" and (" + (protectedOnly ? "" : "r.status = 'SUBMITTED' or ")
				+ "(r.status = 'APPROVED' and r.protected_until >= " + sql.param(today) + "))");
		sql.append(" order by r.submitted_at, r.id limit 20");
		return sql.on(this.database)
			.map((row, meta) -> new Claim(REGISTRATION.apply(row, meta),
					Boolean.TRUE.equals(row.get("by_tax", Boolean.class)),
					Boolean.TRUE.equals(row.get("by_name", Boolean.class)),
					Boolean.TRUE.equals(row.get("by_domain", Boolean.class))))
			.all();
	}

	/**
	 * Another partner's registration that claims the same customer, and how it matched.
	 */
	record Claim(DealRegistration registration, boolean byTaxId, boolean byName, boolean byEmailDomain) {

	}

	/**
	 * Serialises decisions about one customer: an advisory lock per match key, taken in
	 * one order, held until the transaction ends.
	 */
	Mono<Void> lockKeys(Collection<String> keys) {
		return this.database
			.sql("select count(pg_advisory_xact_lock(hashtextextended('deal_registration:' || k, 0)))"
					+ " from (select distinct unnest($1::text[]) as k order by 1) keys")
			.bind(0, keys.toArray(String[]::new))
			.then();
	}

	/**
	 * Ends the claims of {@code today}: APPROVED ones past their protection, and
	 * SUBMITTED ones not decided within {@code protectionDays}; a batch at a time,
	 * skipping rows another instance holds.
	 */
	Mono<List<DealRegistration>> expire(LocalDate today, int protectionDays, int batch) {
		return this.database.sql("""
				update deal_registration r set status = 'EXPIRED', version = r.version + 1, updated_at = now()
				where r.id in (
				    select x.id from deal_registration x
				    where (x.status = 'APPROVED' and x.protected_until < $1)
				       or (x.status = 'SUBMITTED' and x.submitted_at < ($1 - $2::int)::timestamp at time zone 'UTC')
				    order by x.id limit $3 for update skip locked)
				returning r.*""")
			.bind(0, today)
			.bind(1, protectionDays)
			.bind(2, batch)
			.map(REGISTRATION)
			.all()
			.collectList();
	}

}
