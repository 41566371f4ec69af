package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Agreements with their rebate bands, read in one statement each (bands aggregated per
 * agreement), scoped by {@link PartnerPerformanceScope}.
 */
@Repository
class PartnerAgreementRepository {

	/** An agreement with its bands as arrays, lowest threshold first. */
	static final String SELECT = """
			select a.id, a.partner_id, a.starts_on, a.ends_on, a.currency, a.note, a.version,
			       coalesce((select array_agg(b.threshold::text order by b.threshold) from rebate_band b
			                 where b.agreement_id = a.id), '{}') as thresholds,
			       coalesce((select array_agg(b.percent::text order by b.threshold) from rebate_band b
			                 where b.agreement_id = a.id), '{}') as percents
			from partner_agreement a
			""";

	static final BiFunction<Row, RowMetadata, PartnerAgreement> AGREEMENT = (row, meta) -> {
		String currency = row.get("currency", String.class).strip();
		String[] thresholds = row.get("thresholds", String[].class);
		String[] percents = row.get("percents", String[].class);
		List<RebateBand> bands = IntStream.range(0, thresholds.length)
			.mapToObj(
					i -> new RebateBand(Money.of(new BigDecimal(thresholds[i]), currency), new BigDecimal(percents[i])))
			.toList();
		return new PartnerAgreement(row.get("id", UUID.class), row.get("partner_id", UUID.class),
				row.get("starts_on", LocalDate.class), row.get("ends_on", LocalDate.class), currency, bands,
				row.get("note", String.class), row.get("version", Integer.class));
	};

	private final DatabaseClient database;

	PartnerAgreementRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<Map<UUID, PartnerAgreement>> byIds(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql().append(SELECT);
		sql.append("where a.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		PartnerPerformanceScope.restrict(sql, actor, "a.partner_id");
		return sql.on(this.database).map(AGREEMENT).all().collectMap(PartnerAgreement::id);
	}

	/** Each partner's agreements, latest first. */
	Mono<Map<UUID, List<PartnerAgreement>>> ofPartners(Actor actor, Collection<UUID> partnerIds) {
		Sql sql = new Sql().append(SELECT);
		sql.append("where a.partner_id = any(" + sql.param(partnerIds.toArray(UUID[]::new)) + ") and ");
		PartnerPerformanceScope.restrict(sql, actor, "a.partner_id");
		sql.append(" order by a.partner_id, a.starts_on desc");
		return sql.on(this.database)
			.map(AGREEMENT)
			.all()
			.collect(Collectors.groupingBy(PartnerAgreement::partnerId, Collectors.toList()));
	}

	/** The agreement, locked until the transaction ends, whoever the caller is. */
	Mono<PartnerAgreement> lockedById(UUID id) {
		return this.database.sql(SELECT + "where a.id = $1 for update of a").bind(0, id).map(AGREEMENT).one();
	}

	/**
	 * The first of the partner's agreements whose period meets the given one (other than
	 * the one excluded), for telling a refused writer which agreement is in the way.
	 */
	Mono<PartnerAgreement> overlapping(UUID partnerId, LocalDate startsOn, LocalDate endsOn, UUID excluded) {
		Sql sql = new Sql().append(SELECT);
		sql.append("where a.partner_id = " + sql.param(partnerId) + " and daterange(a.starts_on, a.ends_on, '[]') && "
				+ "daterange(" + sql.param(startsOn) + ", " + sql.param(endsOn, LocalDate.class) + ", '[]')"
				+ " and a.id is distinct from " + sql.param(excluded, UUID.class) + " order by a.starts_on limit 1");
		return sql.on(this.database).map(AGREEMENT).one();
	}

	Mono<Void> insert(PartnerAgreement agreement) {
		return this.database.sql("""
				insert into partner_agreement (id, partner_id, starts_on, ends_on, currency, note)
				values ($1, $2, $3, $4, $5, $6)""")
			.bind(0, agreement.id())
			.bind(1, agreement.partnerId())
			.bind(2, agreement.startsOn())
			.bind(3, Parameter.fromOrEmpty(agreement.endsOn(), LocalDate.class))
			.bind(4, agreement.currency())
			.bind(5, Parameter.fromOrEmpty(agreement.note(), String.class))
			.then()
			.then(insertBands(agreement.id(), agreement.rebateBands()));
	}

	/** Writes the agreement's period and note, one version up. */
	Mono<Void> update(PartnerAgreement agreement) {
		Sql sql = new Sql();
		sql.append("update partner_agreement set version = version + 1, updated_at = now(), starts_on = "
				+ sql.param(agreement.startsOn()) + ", ends_on = " + sql.param(agreement.endsOn(), LocalDate.class)
				+ ", note = " + sql.param(agreement.note(), String.class) + " where id = " + sql.param(agreement.id()));
		return sql.on(this.database).then();
	}

	Mono<Void> replaceBands(UUID agreementId, List<RebateBand> bands) {
		return this.database.sql("delete from rebate_band where agreement_id = $1")
			.bind(0, agreementId)
			.then()
			.then(insertBands(agreementId, bands));
	}

	private Mono<Void> insertBands(UUID agreementId, List<RebateBand> bands) {
		if (bands.isEmpty()) {
			return Mono.empty();
		}
		return this.database.sql("""
				insert into rebate_band (agreement_id, threshold, percent)
				select $1, threshold::numeric, percent::numeric
				from unnest($2::text[], $3::text[]) as b(threshold, percent)""")
			.bind(0, agreementId)
			.bind(1, bands.stream().map(band -> band.threshold().amount().toPlainString()).toArray(String[]::new))
			.bind(2, bands.stream().map(band -> band.percent().toPlainString()).toArray(String[]::new))
			.then();
	}

}
