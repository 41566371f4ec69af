package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Open deals weighted by their stage's probability, by the month they are expected to
 * close, for other features' plans (billing's income budget). Summed in PostgreSQL.
 */
@Service
public class WeightedPipeline {

	private final DatabaseClient database;

	WeightedPipeline(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The open deals in the currency that the actor sees, expected to close from
	 * {@code from} until (before) {@code until}, summed per month (its first day): each
	 * deal's amount × probability / 100 rounded once, to the currency's minor unit, then
	 * summed, as the forecast report does (ADR 0010), so that both show the same figure.
	 */
	public Mono<Map<LocalDate, BigDecimal>> byMonth(Actor actor, String currency, LocalDate from, LocalDate until) {
		Sql sql = new Sql();
		String code = sql.param(currency);
		sql.append("""
				select date_trunc('month', o.expected_close_date)::date as month,
				       sum(round(o.amount * st.probability / 100, %s)) as weighted
				from opportunity o join stage st on st.id = o.stage_id
				where o.status = 'OPEN' and o.amount is not null and o.currency = %s"""
			.formatted(Money.decimalsIn(sql, code), code));
		sql.append(" and o.expected_close_date >= " + sql.param(from) + " and o.expected_close_date < "
				+ sql.param(until) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "o.customer_id");
		sql.append(" group by 1");
		return sql.on(this.database)
			.map(row -> Map.entry(row.get("month", LocalDate.class), row.get("weighted", BigDecimal.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

}
