package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.channel.PartnerPerformance.ProductSales;
import com.dealerdesk.channel.PartnerPerformance.RegionSales;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The figures of partner performance, each list one aggregating statement over the views
 * the order and sales features publish ({@code order_sale}, {@code order_line_sale},
 * {@code opportunity_outcome}) and the channel's own registrations and agreements.
 * Periods are whole UTC days; every statement is scoped by
 * {@link PartnerPerformanceScope} and, when asked, narrowed to one partner and its
 * sub-dealers.
 */
@Repository
class PartnerPerformanceRepository {

	private final DatabaseClient database;

	PartnerPerformanceRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * What a period asks for: [from, to] inclusive in UTC days, one currency, optionally
	 * one partner (with its sub-dealers), and the day the rebate year runs to.
	 *
	 * @param partnerId null for every partner in scope
	 * @param onlyNothing true when the partner asked for cannot exist (an id of another
	 * type): every list is empty
	 */
	record Period(LocalDate from, LocalDate to, String currency, UUID partnerId, boolean onlyNothing, LocalDate today) {

		OffsetDateTime start() {
			return this.from.atStartOfDay().atOffset(ZoneOffset.UTC);
		}

		OffsetDateTime end() {
			return this.to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
		}

	}

	/**
	 * A partner's row before its rebate is worked out.
	 *
	 * @param agreementId the agreement in the currency running today, or null
	 * @param rebateVolume the year's volume under it (own and sub-dealers' customers)
	 */
	record PartnerFigures(UUID partnerId, BigDecimal sales, int orders, int submitted, int approved, int rejected,
			int converted, UUID agreementId, BigDecimal rebateVolume) {

	}

	/**
	 * Every partner with sales or registrations in the period, or an agreement in the
	 * currency running today; highest sales first.
	 */
	Mono<List<PartnerFigures>> byPartner(Actor actor, Period period) {
		Sql sql = new Sql();
		String currency = sql.param(period.currency());
		String start = sql.param(period.start());
		String end = sql.param(period.end());
		String today = sql.param(period.today());
		String yearStart = sql.param(period.today().withDayOfYear(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		String tomorrow = sql.param(period.today().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		sql.append("with sales as (select s.partner_id, sum(s.total) as sales, count(*) as orders from order_sale s");
		salesOfPeriod(sql, actor, period, "s", currency, start, end);
		sql.append(" group by s.partner_id), registrations as (select r.partner_id, count(*) as submitted,"
				+ " count(*) filter (where r.protected_until is not null) as approved,"
				+ " count(*) filter (where r.status = 'REJECTED') as rejected,"
				+ " count(*) filter (where r.protected_until is not null and o.status = 'WON') as converted"
				+ " from deal_registration r left join opportunity_outcome o on o.opportunity_id = r.opportunity_id"
				+ " where r.submitted_at >= " + start + " and r.submitted_at < " + end + " and ");
		restrict(sql, actor, period, "r.partner_id");
		sql.append(" group by r.partner_id), agreements as (select a.partner_id, a.id, a.starts_on, a.ends_on"
				+ " from partner_agreement a where a.currency = " + currency + " and a.starts_on <= " + today
				+ " and (a.ends_on is null or a.ends_on >= " + today + ") and ");
		restrict(sql, actor, period, "a.partner_id");
		sql.append("), ");
		rebateVolumes(sql, actor, period, currency, yearStart, tomorrow);
		sql.append(" select p.partner_id, coalesce(s.sales, 0) as sales, coalesce(s.orders, 0) as orders,"
				+ " coalesce(r.submitted, 0) as submitted, coalesce(r.approved, 0) as approved,"
				+ " coalesce(r.rejected, 0) as rejected, coalesce(r.converted, 0) as converted,"
				+ " b.id as agreement_id, b.volume as rebate_volume"
				+ " from (select partner_id from sales union select partner_id from registrations"
				+ " union select partner_id from agreements) p left join sales s on s.partner_id = p.partner_id"
				+ " left join registrations r on r.partner_id = p.partner_id"
				+ " left join rebates b on b.partner_id = p.partner_id"
				+ " order by coalesce(s.sales, 0) desc, p.partner_id");
		return sql.on(this.database)
			.map(row -> new PartnerFigures(row.get("partner_id", UUID.class), row.get("sales", BigDecimal.class),
					count(row, "orders"), count(row, "submitted"), count(row, "approved"), count(row, "rejected"),
					count(row, "converted"), row.get("agreement_id", UUID.class),
					row.get("rebate_volume", BigDecimal.class)))
			.all()
			.collectList();
	}

	/**
	 * The volume of a calendar year under the agreement, exactly as the rebate of
	 * {@link #byPartner} counts it (the partner's and its sub-dealers' sales in the
	 * agreement's currency, on the days of the year the agreement ran), whoever asks: for
	 * crediting the year's rebate.
	 */
	Mono<BigDecimal> yearVolume(PartnerAgreement agreement, int year) {
		LocalDate first = LocalDate.ofYearDay(year, 1);
		LocalDate last = first.plusYears(1).minusDays(1);
		Period period = new Period(first, last, agreement.currency(), null, false, last);
		Sql sql = new Sql();
		sql.append("with agreements as (select a.partner_id, a.id, a.starts_on, a.ends_on from partner_agreement a"
				+ " where a.id = " + sql.param(agreement.id()) + "), ");
		rebateVolumes(sql, Actor.SYSTEM, period, sql.param(agreement.currency()), sql.param(period.start()),
				sql.param(period.end()));
		sql.append(" select volume from rebates");
		return sql.on(this.database).map(row -> row.get("volume", BigDecimal.class)).one();
	}

	/**
	 * Appends the CTEs {@code year_sales} and {@code rebates} after a CTE
	 * {@code agreements} (partner_id, id, starts_on, ends_on): per agreement, the sales
	 * between the bounds of the partner and its sub-dealers on the days the agreement
	 * runs, summed by partner and day first: one pass over the year's orders.
	 */
	private static void rebateVolumes(Sql sql, Actor actor, Period period, String currency, String yearStart,
			String yearEnd) {
		sql.append("year_sales as (select y.partner_id, (y.placed_at at time zone 'UTC')::date as day,"
				+ " sum(y.total) as volume from order_sale y");
		salesOfPeriod(sql, actor, period, "y", currency, yearStart, yearEnd);
		sql.append(" group by 1, 2), rebates as (select a.partner_id, a.id, coalesce(sum(y.volume), 0) as volume"
				+ " from agreements a cross join lateral partner_scope(a.partner_id) as member(partner_id)"
				+ " left join year_sales y on y.partner_id = member.partner_id and y.day >= a.starts_on"
				+ " and (a.ends_on is null or y.day <= a.ends_on) group by a.partner_id, a.id)");
	}

	/**
	 * Sales by customer region, highest first; regions differing only in case and
	 * surrounding spaces are one, spelled as most of its orders' customers spell it.
	 */
	Mono<List<RegionSales>> byRegion(Actor actor, Period period) {
		Sql sql = new Sql();
		sql.append("select mode() within group (order by s.region) as region, sum(s.total) as sales,"
				+ " count(*) as orders from order_sale s");
		salesOfPeriod(sql, actor, period, "s");
		sql.append(" group by lower(nullif(btrim(s.region), '')) order by sales desc, region nulls last");
		return sql.on(this.database)
			.map(row -> new RegionSales(row.get("region", String.class),
					Money.of(row.get("sales", BigDecimal.class), period.currency()), count(row, "orders")))
			.all()
			.collectList();
	}

	/** Sales by product (order lines net of their discounts), highest first. */
	Mono<List<ProductSales>> byProduct(Actor actor, Period period) {
		Sql sql = new Sql();
		sql.append("select l.product_id, sum(l.price) as sales, sum(l.quantity) as quantity from order_line_sale l");
		salesOfPeriod(sql, actor, period, "l");
		sql.append(" group by l.product_id order by sales desc, l.product_id");
		return sql.on(this.database)
			.map(row -> new ProductSales(row.get("product_id", UUID.class),
					Money.of(row.get("sales", BigDecimal.class), period.currency()), count(row, "quantity")))
			.all()
			.collectList();
	}

	/**
	 * Where rows of {@code order_sale} or {@code order_line_sale} (under the alias) are
	 * partners' sales of the period in its currency, in scope.
	 */
	private static void salesOfPeriod(Sql sql, Actor actor, Period period, String alias) {
		salesOfPeriod(sql, actor, period, alias, sql.param(period.currency()), sql.param(period.start()),
				sql.param(period.end()));
	}

	/** As above, with the currency and the period's bounds already bound. */
	private static void salesOfPeriod(Sql sql, Actor actor, Period period, String alias, String currency, String start,
			String end) {
		sql.append(" where " + alias + ".partner_id is not null and " + alias + ".currency = " + currency + " and "
				+ alias + ".placed_at >= " + start + " and " + alias + ".placed_at < " + end + " and ");
		restrict(sql, actor, period, alias + ".partner_id");
	}

	/** The caller's scope, and the partner asked for with its sub-dealers. */
	private static void restrict(Sql sql, Actor actor, Period period, String partnerColumn) {
		PartnerPerformanceScope.restrict(sql, actor, partnerColumn);
		if (period.onlyNothing()) {
			sql.append(" and false");
		}
		else if (period.partnerId() != null) {
			sql.append(" and " + partnerColumn + " in (select partner_scope(" + sql.param(period.partnerId()) + "))");
		}
	}

	private static int count(Readable row, String column) {
		return Math.toIntExact(row.get(column, Long.class));
	}

}
