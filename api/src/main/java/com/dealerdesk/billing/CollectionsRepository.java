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

	private final DatabaseClient database;

	CollectionsRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Totals, customers, owners and partners by age band in one pass: one grouping set
	 * each, every one per currency. Customers with nothing overdue are left out of
	 * {@code byCustomer}, and only the {@value #MAX_CUSTOMERS} with most overdue are
	 * kept.
	 */
	Mono<Ageing> ageing(Actor actor, LocalDate asOf) {
		Sql sql = receivables(actor, asOf);
		sql.append("""
				, grouped as (
				    select case when grouping(r.customer_id) = 0 then 'CUSTOMER'
				                when grouping(r.owner_id) = 0 then 'OWNER'
				                when grouping(r.partner_id) = 0 then 'PARTNER' else 'TOTAL' end as grouped_by,
				           r.customer_id, r.owner_id, r.partner_id, r.currency,
				           coalesce(sum(r.open) filter (where r.days_overdue = 0), 0) as not_due,
				           coalesce(sum(r.open) filter (where r.days_overdue between 1 and 30), 0) as days1to30,
				           coalesce(sum(r.open) filter (where r.days_overdue between 31 and 60), 0) as days31to60,
				           coalesce(sum(r.open) filter (where r.days_overdue between 61 and 90), 0) as days61to90,
				           coalesce(sum(r.open) filter (where r.days_overdue > 90), 0) as over90,
				           coalesce(sum(r.open) filter (where r.days_overdue > 0), 0) as overdue,
				           sum(r.open) as total
				    from receivable r
				    group by grouping sets ((r.currency), (r.customer_id, r.currency), (r.owner_id, r.currency),
				                            (r.partner_id, r.currency))
				), ranked as (
				    select g.*, row_number() over (partition by g.grouped_by
				                                   order by g.overdue desc, g.customer_id, g.currency) as place
				    from grouped g
				    where g.grouped_by <> 'CUSTOMER' or g.overdue > 0
				)
				select * from ranked
				""");
		sql.append(" where grouped_by <> 'CUSTOMER' or place <= " + MAX_CUSTOMERS
				+ " order by grouped_by, overdue desc, total desc, currency");
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

	/** Receivables falling due from asOf through asOf + 6, earliest first. */
	Mono<List<Receivable>> dueThisWeek(Actor actor, LocalDate asOf) {
		Sql sql = receivables(actor, asOf);
		sql.append(" select * from receivable r where r.due_on between " + sql.param(asOf) + " and "
				+ sql.param(asOf.plusDays(6)) + " order by r.due_on, r.customer_id, r.planned_payment_id, r.invoice_id"
				+ " limit " + MAX_DUE_THIS_WEEK);
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

	/**
	 * Starts a statement with the CTE {@code receivable}: open planned payments of active
	 * plans with a due date, and invoices that no planned payment covers less what was
	 * paid of them, of the customers the actor sees, each with its customer's owner and
	 * partner and its days overdue as of asOf.
	 */
	private static Sql receivables(Actor actor, LocalDate asOf) {
		Sql sql = new Sql();
		String today = sql.param(asOf) + "::date";
		sql.append("with seen as ");
		CustomerScope.visibleCustomerOwners(sql, actor);
		sql.append(
				"""
						, receivable as (
						    select p.customer_id, c.owner_id, c.partner_id, p.id as planned_payment_id, p.invoice_id,
						           p.currency, p.due_on, p.amount - p.paid as open,
						           case when planned_payment_status(p.amount, p.paid, p.due_on, p.written_off_at, %1$s) = 'OVERDUE'
						                then %1$s - p.due_on else 0 end as days_overdue
						    from planned_payment p
						    join payment_plan pp on pp.id = p.plan_id and pp.status = 'ACTIVE'
						    join seen c on c.id = p.customer_id
						    where %2$s and p.due_on is not null
						    union all
						    select i.customer_id, c.owner_id, c.partner_id, null, i.invoice_id,
						           i.currency, i.due_on, i.total - coalesce(a.paid, 0),
						           greatest(%1$s - i.due_on, 0)
						    from invoice_receivable i
						    left join invoice_account a on a.invoice_id = i.invoice_id
						    join seen c on c.id = i.customer_id
						    where i.total > coalesce(a.paid, 0)
						      -- an invoice issued for a planned payment is counted as that planned payment
						      and not exists (select 1 from planned_payment p where p.invoice_id = i.invoice_id)
						)
						"""
					.formatted(today, OPEN_PLANNED_PAYMENT));
		return sql;
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
