package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.sales.WeightedPipeline;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Expected income by month in one currency: what planned payments still ask for, what the
 * open deals promise weighted by probability (the sales feature sums those), and what was
 * received. Each month is whole, from the month of {@code from} through that of
 * {@code to}.
 */
@Service
class IncomeBudget {

	/** The most months one budget covers. */
	static final int MAX_MONTHS = 24;

	private final DatabaseClient database;

	private final WeightedPipeline pipeline;

	IncomeBudget(DatabaseClient database, WeightedPipeline pipeline) {
		this.database = database;
		this.pipeline = pipeline;
	}

	record BudgetMonth(LocalDate month, Money planned, Money weightedPipeline, Money expected, Money received) {
	}

	Mono<List<BudgetMonth>> months(Actor actor, LocalDate from, LocalDate to, String currencyCode) {
		String currency = requireCurrency(currencyCode);
		LocalDate first = from.withDayOfMonth(1);
		LocalDate until = to.withDayOfMonth(1).plusMonths(1);
		if (to.isBefore(from)) {
			throw new InvalidArgumentException("INVALID_PERIOD", "`to` must not be before `from`.");
		}
		int months = (int) ChronoUnit.MONTHS.between(first, until);
		if (months > MAX_MONTHS) {
			throw new InvalidArgumentException("INVALID_PERIOD",
					"A budget covers at most " + MAX_MONTHS + " months; this one covers " + months + ".");
		}
		return Mono
			.zip(plannedAndReceived(actor, currency, first, until),
					this.pipeline.byMonth(actor, currency, first, until))
			.map(found -> {
				Money zero = Money.of(BigDecimal.ZERO, currency);
				List<BudgetMonth> budget = new ArrayList<>(months);
				for (LocalDate month = first; month.isBefore(until); month = month.plusMonths(1)) {
					BigDecimal[] sums = found.getT1().get(month);
					Money planned = sums == null ? zero : Money.of(sums[0], currency);
					Money received = sums == null ? zero : Money.of(sums[1], currency);
					BigDecimal weighted = found.getT2().get(month);
					Money pipeline = weighted == null ? zero : Money.of(weighted, currency);
					budget.add(new BudgetMonth(month, planned, pipeline, planned.plus(pipeline), received));
				}
				return budget;
			});
	}

	/**
	 * Per month: the open amounts of planned payments of active plans falling due in it,
	 * and the receipts received in it.
	 */
	private Mono<Map<LocalDate, BigDecimal[]>> plannedAndReceived(Actor actor, String currency, LocalDate first,
			LocalDate until) {
		Sql sql = new Sql();
		// as the columns' type (char(3)), so that the indexes on currency serve
		String code = sql.param(currency) + "::char(3)";
		String start = sql.param(first);
		String end = sql.param(until);
		sql.append("""
				select m.month, sum(m.planned) as planned, sum(m.received) as received from (
				    select date_trunc('month', p.due_on)::date as month, p.amount - p.paid as planned, 0 as received
				    from planned_payment p
				    where %s and p.currency = %s and p.due_on >= %s and p.due_on < %s and %s and\s""".formatted(
				CollectionsRepository.OPEN_PLANNED_PAYMENT, code, start, end, CollectionsRepository.OF_ACTIVE_PLAN));
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		sql.append("""

				union all
				select date_trunc('month', y.received_on)::date, 0, y.amount
				from payment y
				where y.kind = 'RECEIPT' and y.currency = %s and y.received_on >= %s and y.received_on < %s and\s"""
			.formatted(code, start, end));
		CustomerScope.restrictToVisibleCustomer(sql, actor, "y.customer_id");
		sql.append(") m group by m.month");
		return sql.on(this.database)
			.map(row -> Map.entry(row.get("month", LocalDate.class),
					new BigDecimal[] { row.get("planned", BigDecimal.class), row.get("received", BigDecimal.class) }))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** The ISO code of a currency argument, or a BAD_REQUEST error. */
	static String requireCurrency(String code) {
		List<UserError> errors = new ArrayList<>();
		Currency currency = Money.currency(code, errors, "currency");
		if (currency == null) {
			throw new InvalidArgumentException("INVALID_CURRENCY", errors.get(0).message());
		}
		return currency.getCurrencyCode();
	}

}
