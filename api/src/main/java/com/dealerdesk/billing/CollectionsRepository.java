package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.billing.Collections.Ageing;
import com.dealerdesk.billing.Collections.AgeingRow;
import com.dealerdesk.billing.Collections.MonthAmount;
import com.dealerdesk.billing.Collections.Receivable;
import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Collections as SQL: what customers owe, aged and grouped in PostgreSQL over the
 * customers the actor sees, and what they paid by month.
 */
@Repository
class CollectionsRepository {

	/** The most rows of {@code byCustomer}: the customers with the most overdue. */
	static final int MAX_CUSTOMERS = 500;

	/** The most receivables listed as due this week, earliest first. */
	static final int MAX_DUE_THIS_WEEK = 200;

	/**
	 * A planned payment that {@code planned_payment_status} calls neither PAID nor
	 * WRITTEN_OFF, written as the predicate of the partial indexes of V26 so that they
	 * serve it.
	 */
	static final String OPEN_PLANNED_PAYMENT = "p.paid < p.amount and p.written_off_at is null";

	/**
	 * A planned payment of its plan's active version. Written as "not of a superseded
	 * one" (a plan is ACTIVE or SUPERSEDED): PostgreSQL checks it against a small hashed
	 * set of superseded plans (V30's partial index finds them) instead of looking up
	 * every planned payment's plan.
	 */
	static final String OF_ACTIVE_PLAN = "p.plan_id not in (select pp.id from payment_plan pp where pp.status = 'SUPERSEDED')";

	private final DatabaseClient database;

	CollectionsRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Totals, customers, owners and partners by age band. The open amounts are summed per
	 * customer and currency first, straight from the covering index of V30 (each band a
	 * range of due dates), and only those sums are joined to the customers' owners and
	 * partners and rolled up; customers with nothing overdue are left out of
	 * {@code byCustomer}, and only the {@value #MAX_CUSTOMERS} with most overdue are
	 * kept.
	 */
	Mono<Ageing> ageing(Actor actor, LocalDate asOf) {
		Sql sql = new Sql();
		// the first days of the bands, as due dates: as of asOf, a planned payment due
		// before it is OVERDUE (planned_payment_status) by asOf - due_on days
		String[] bands = { sql.param(asOf), sql.param(asOf.minusDays(30)), sql.param(asOf.minusDays(60)),
				sql.param(asOf.minusDays(90)) };
		sql.append("with seen as not materialized ");
		CustomerScope.visibleCustomerOwners(sql, actor);
		sql.append(
				"""
						, open_by_customer as materialized (
						    select c.id as customer_id, c.owner_id, c.partner_id, o.currency, o.not_due, o.days1to30,
						           o.days31to60, o.days61to90, o.over90,
						           o.days1to30 + o.days31to60 + o.days61to90 + o.over90 as overdue
						    from (
						        select coalesce(p.customer_id, i.customer_id) as customer_id,
						               coalesce(p.currency, i.currency) as currency,
						               coalesce(p.not_due, 0) + coalesce(i.not_due, 0) as not_due,
						               coalesce(p.days1to30, 0) + coalesce(i.days1to30, 0) as days1to30,
						               coalesce(p.days31to60, 0) + coalesce(i.days31to60, 0) as days31to60,
						               coalesce(p.days61to90, 0) + coalesce(i.days61to90, 0) as days61to90,
						               coalesce(p.over90, 0) + coalesce(i.over90, 0) as over90
						        from (
						            select p.customer_id, p.currency, %1$s
						            from planned_payment p
						            where %2$s and p.due_on is not null and %3$s
						              -- the scope first: an actor who sees few customers reads only theirs
						              and p.customer_id in (select s.id from seen s)
						            group by p.customer_id, p.currency
						        ) p
						        full join (
						            select i.customer_id, i.currency, %4$s
						            from invoice_receivable i
						            left join invoice_account a on a.invoice_id = i.invoice_id
						            where i.total > coalesce(a.paid, 0)
						              -- an invoice issued for a planned payment is counted as that planned payment
						              and not exists (select 1 from planned_payment p where p.invoice_id = i.invoice_id)
						            group by i.customer_id, i.currency
						        ) i on i.customer_id = p.customer_id and i.currency = p.currency
						    ) o
						    join seen c on c.id = o.customer_id
						)
						select * from (
						    select 'CUSTOMER' as grouped_by, o.customer_id, null as owner_id, null::uuid as partner_id, o.currency,
						           o.not_due, o.days1to30, o.days31to60, o.days61to90, o.over90, o.overdue,
						           o.not_due + o.overdue as total
						    from open_by_customer o
						    where o.overdue > 0
						    order by o.overdue desc, o.customer_id, o.currency
						    limit %5$d
						) most_overdue
						union all
						select case when grouping(o.owner_id) = 0 then 'OWNER'
						            when grouping(o.partner_id) = 0 then 'PARTNER' else 'TOTAL' end,
						       null, o.owner_id, o.partner_id, o.currency, sum(o.not_due), sum(o.days1to30), sum(o.days31to60),
						       sum(o.days61to90), sum(o.over90), sum(o.overdue), sum(o.not_due) + sum(o.overdue)
						from open_by_customer o
						group by grouping sets ((o.owner_id, o.currency), (o.partner_id, o.currency), (o.currency))
						order by grouped_by, overdue desc, total desc, currency
						"""
					.formatted(bands("p.amount - p.paid", "p.due_on", bands), OPEN_PLANNED_PAYMENT, OF_ACTIVE_PLAN,
							bands("i.total - coalesce(a.paid, 0)", "i.due_on", bands), MAX_CUSTOMERS));
		return sql.on(this.database).map(CollectionsRepository::groupedRow).all().collectList().map(rows -> {
			List<AgeingRow> totals = new ArrayList<>();
			List<AgeingRow> customers = new ArrayList<>();
			List<AgeingRow> owners = new ArrayList<>();
			List<AgeingRow> partners = new ArrayList<>();
			for (Grouped row : rows) {
				switch (row.groupedBy()) {
					case "CUSTOMER" -> customers.add(row.row());
					case "OWNER" -> owners.add(row.row());
					case "PARTNER" -> partners.add(row.row());
					default -> totals.add(row.row());
				}
			}
			return new Ageing(totals, customers, owners, partners);
		});
	}

	/**
	 * The sums of {@code open} by age band (not due, 1–30, 31–60, 61–90 and over 90 days
	 * overdue) as columns, each band a range of {@code dueOn} between the bands' first
	 * days ({@code bands}: asOf, asOf - 30, asOf - 60, asOf - 90).
	 */
	private static String bands(String open, String dueOn, String[] bands) {
		return """
				sum(%1$s) filter (where %2$s >= %3$s) as not_due,
				sum(%1$s) filter (where %2$s < %3$s and %2$s >= %4$s) as days1to30,
				sum(%1$s) filter (where %2$s < %4$s and %2$s >= %5$s) as days31to60,
				sum(%1$s) filter (where %2$s < %5$s and %2$s >= %6$s) as days61to90,
				sum(%1$s) filter (where %2$s < %6$s) as over90""".formatted(open, dueOn, bands[0], bands[1], bands[2],
				bands[3]);
	}

	/**
	 * Open planned payments of active plans and invoices that no planned payment covers
	 * (less what was paid of them), of the customers the actor sees, falling due from
	 * asOf through asOf + 6, earliest first.
	 */
	Mono<List<Receivable>> dueThisWeek(Actor actor, LocalDate asOf) {
		Sql sql = new Sql();
		String today = sql.param(asOf) + "::date";
		String last = sql.param(asOf.plusDays(6)) + "::date";
		sql.append("with seen as ");
		CustomerScope.visibleCustomerOwners(sql, actor);
		sql.append("""
				select p.customer_id, p.id as planned_payment_id, p.invoice_id, p.currency, p.due_on,
				       p.amount - p.paid as open,
				       case when planned_payment_status(p.amount, p.paid, p.due_on, p.written_off_at, %1$s) = 'OVERDUE'
				            then %1$s - p.due_on else 0 end as days_overdue
				from planned_payment p
				where %3$s and p.due_on between %1$s and %2$s and %4$s
				  and p.customer_id in (select s.id from seen s)
				union all
				select i.customer_id, null, i.invoice_id, i.currency, i.due_on, i.total - coalesce(a.paid, 0),
				       greatest(%1$s - i.due_on, 0)
				from invoice_receivable i
				left join invoice_account a on a.invoice_id = i.invoice_id
				where i.due_on between %1$s and %2$s and i.total > coalesce(a.paid, 0)
				  and i.customer_id in (select s.id from seen s)
				  -- an invoice issued for a planned payment is counted as that planned payment
				  and not exists (select 1 from planned_payment p where p.invoice_id = i.invoice_id)
				order by due_on, customer_id, planned_payment_id, invoice_id
				limit %5$d
				""".formatted(today, last, OPEN_PLANNED_PAYMENT, OF_ACTIVE_PLAN, MAX_DUE_THIS_WEEK));
		return sql.on(this.database)
			.map(row -> new Receivable(row.get("customer_id", UUID.class), row.get("planned_payment_id", UUID.class),
					row.get("invoice_id", UUID.class), row.get("due_on", LocalDate.class), money(row, "open"),
					row.get("days_overdue", Integer.class)))
			.all()
			.collectList();
	}

	/** Receipts by month and currency, the 12 months up to asOf (through asOf itself). */
	Mono<List<MonthAmount>> receivedByMonth(Actor actor, LocalDate asOf) {
		Sql sql = new Sql().append("""
				select date_trunc('month', y.received_on)::date as month, y.currency, sum(y.amount) as amount
				from payment y
				where y.kind = 'RECEIPT' and y.received_on >= """);
		sql.append(sql.param(asOf.withDayOfMonth(1).minusMonths(11)) + " and y.received_on <= " + sql.param(asOf)
				+ " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "y.customer_id");
		sql.append(" group by 1, 2 order by 1, 2");
		return sql.on(this.database)
			.map(row -> new MonthAmount(row.get("month", LocalDate.class), money(row, "amount")))
			.all()
			.collectList();
	}

	private record Grouped(String groupedBy, AgeingRow row) {
	}

	private static Grouped groupedRow(Readable row) {
		String currency = row.get("currency", String.class).strip();
		return new Grouped(row.get("grouped_by", String.class),
				new AgeingRow(row.get("customer_id", UUID.class), row.get("owner_id", String.class),
						row.get("partner_id", UUID.class), currency, money(row, "not_due", currency),
						money(row, "days1to30", currency), money(row, "days31to60", currency),
						money(row, "days61to90", currency), money(row, "over90", currency),
						money(row, "overdue", currency), money(row, "total", currency)));
	}

	private static Money money(Readable row, String column) {
		return money(row, column, row.get("currency", String.class).strip());
	}

	private static Money money(Readable row, String column, String currency) {
		return Money.of(row.get(column, BigDecimal.class), currency);
	}

}
