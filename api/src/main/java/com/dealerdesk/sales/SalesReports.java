package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The funnel, win/loss, time-in-stage and forecast reports. Each is one SQL statement
 * that aggregates in PostgreSQL over the deals the actor may see; no rows are loaded into
 * Java.
 */
@Repository
class SalesReports {

	/** The longest period a report may cover, so one request cannot scan a decade. */
	private static final int MAX_DAYS = 3 * 366;

	private final DatabaseClient database;

	private final Clock clock;

	SalesReports(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	record FunnelStep(UUID stageId, int reached, Double conversionToNext) {
	}

	record WinLoss(int won, int lost, Double winRate, List<LostReasonCount> lostReasons) {
	}

	record LostReasonCount(UUID reasonId, int count) {
	}

	record StageDuration(UUID stageId, int stays, double averageDays) {
	}

	record ForecastRow(String month, String currency, int count, BigDecimal amount, BigDecimal weightedAmount) {
	}

	Mono<List<FunnelStep>> funnel(Actor actor, Pipeline pipeline, LocalDate from, LocalDate to) {
		checkPeriod(from, to);
		Sql sql = new Sql().append("""
				with by_furthest as materialized (
				    select f.position as furthest, count(*) as deals
				    from opportunity o
				    join stage f on f.id = o.furthest_stage_id
				    where o.pipeline_id = """ + " ");
		sql.append(sql.param(pipeline.id()) + " and o.created_at >= "
				+ sql.param(from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()) + " and o.created_at < "
				+ sql.param(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "o.customer_id");
		sql.append("""
				    group by f.position
				) -- materialized: aggregated once, not once per stage by the subquery below
				select s.id, s.position,
				       coalesce((select sum(b.deals) from by_furthest b where b.furthest >= s.position), 0) as reached
				from stage s where s.pipeline_id = """ + " " + sql.param(pipeline.id()) + " order by s.position");
		return sql.on(this.database)
			.map(row -> new long[] { row.get("position", Integer.class), ((Number) row.get("reached")).longValue() })
			.all()
			.collectList()
			.map(counts -> {
				List<FunnelStep> steps = new ArrayList<>();
				for (int i = 0; i < counts.size(); i++) {
					long reached = counts.get(i)[1];
					Double conversion = i + 1 < counts.size() && reached > 0 ? (double) counts.get(i + 1)[1] / reached
							: null;
					steps.add(new FunnelStep(pipeline.stages().get(i).id(), (int) reached, conversion));
				}
				return steps;
			});
	}

	Mono<WinLoss> winLoss(Actor actor, LocalDate from, LocalDate to) {
		checkPeriod(from, to);
		Sql sql = new Sql().append(
				"select o.status, o.lost_reason_id, count(*) as deals from opportunity o where o.status in ('WON', 'LOST')");
		sql.append(" and o.closed_at >= " + sql.param(from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime()));
		sql.append(" and o.closed_at < " + sql.param(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime())
				+ " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "o.customer_id");
		sql.append(" group by o.status, o.lost_reason_id order by count(*) desc");
		return sql.on(this.database)
			.map(row -> new Object[] { row.get("status", String.class), row.get("lost_reason_id", UUID.class),
					row.get("deals", Long.class).intValue() })
			.all()
			.collectList()
			.map(rows -> {
				int won = rows.stream().filter(r -> "WON".equals(r[0])).mapToInt(r -> (int) r[2]).sum();
				List<LostReasonCount> reasons = rows.stream()
					.filter(r -> "LOST".equals(r[0]))
					.map(r -> new LostReasonCount((UUID) r[1], (int) r[2]))
					.toList();
				int lost = reasons.stream().mapToInt(LostReasonCount::count).sum();
				return new WinLoss(won, lost, won + lost == 0 ? null : (double) won / (won + lost), reasons);
			});
	}

	Mono<List<StageDuration>> stageDurations(Actor actor, Pipeline pipeline) {
		Sql sql = new Sql().append("""
				select h.to_stage_id as stage_id, count(*) as stays,
				       avg(extract(epoch from coalesce(h.left_at, now()) - h.changed_at)) / 86400 as days
				from opportunity_stage_change h
				join opportunity o on o.id = h.opportunity_id
				where h.status = 'OPEN' and (h.left_at is not null or o.status = 'OPEN')
				  and o.pipeline_id = """).append(" ");
		sql.append(sql.param(pipeline.id()) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "o.customer_id");
		sql.append(" group by h.to_stage_id");
		return sql.on(this.database)
			.map(row -> new StageDuration(row.get("stage_id", UUID.class), row.get("stays", Long.class).intValue(),
					row.get("days", BigDecimal.class).doubleValue()))
			.all()
			.collectList()
			.map(found -> pipeline.stages()
				.stream()
				.flatMap(stage -> found.stream().filter(d -> d.stageId().equals(stage.id())))
				.toList());
	}

	Mono<List<ForecastRow>> forecast(Actor actor, int months) {
		if (months < 1 || months > 36) {
			throw new InvalidArgumentException("INVALID_PERIOD", "`months` must be between 1 and 36.");
		}
		LocalDate start = LocalDate.now(this.clock).withDayOfMonth(1);
		Sql sql = new Sql();
		// each deal's weighted amount rounded once, to its currency's minor unit, then
		// summed
		String weighted = "round(o.amount * st.probability / 100, " + Money.decimalsIn(sql, "o.currency") + ")";
		sql.append("""
				select to_char(o.expected_close_date, 'YYYY-MM') as month, o.currency, count(*) as deals,
				       sum(o.amount) as amount, sum(%s) as weighted
				from opportunity o join stage st on st.id = o.stage_id
				where o.status = 'OPEN' and o.amount is not null""".formatted(weighted));
		sql.append(" and o.expected_close_date >= " + sql.param(start));
		sql.append(" and o.expected_close_date < " + sql.param(start.plusMonths(months)) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "o.customer_id");
		sql.append(" group by 1, 2 order by 1, 2");
		return sql.on(this.database)
			.map(row -> new ForecastRow(row.get("month", String.class), row.get("currency", String.class),
					row.get("deals", Long.class).intValue(),
					Money.of(row.get("amount", BigDecimal.class), row.get("currency", String.class)).amount(),
					Money.of(row.get("weighted", BigDecimal.class), row.get("currency", String.class)).amount()))
			.all()
			.collectList();
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidArgumentException("INVALID_PERIOD", "`to` must not be before `from`.");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidArgumentException("INVALID_PERIOD", "A report covers at most three years.");
		}
	}

}
