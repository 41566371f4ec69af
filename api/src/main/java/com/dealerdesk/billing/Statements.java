package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.billing.CustomerStatement.Kind;
import com.dealerdesk.billing.CustomerStatement.Line;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Customers' statements: the opening balance, each invoice, receipt and refund of the
 * period with the running balance (summed in PostgreSQL), the planned payments falling
 * due, and the customer's credit at the end.
 */
@Service
class Statements {

	private final DatabaseClient database;

	private final CustomerService customers;

	Statements(DatabaseClient database, CustomerService customers) {
		this.database = database;
		this.customers = customers;
	}

	/** The statement, or empty when the actor does not see the customer. */
	Mono<CustomerStatement> statement(Actor actor, UUID customerId, LocalDate from, LocalDate to, String currencyCode) {
		String currency = IncomeBudget.requireCurrency(currencyCode);
		if (to.isBefore(from)) {
			throw new InvalidArgumentException("INVALID_PERIOD", "`to` must not be before `from`.");
		}
		return this.customers.customer(actor, customerId)
			.flatMap(customer -> Mono
				.zip(balances(customerId, currency, from, to), lines(customerId, currency, from, to))
				.map(found -> statement(customer.id(), customer.name(), currency, from, to, found.getT1(),
						found.getT2())));
	}

	private static CustomerStatement statement(UUID customerId, String customerName, String currency, LocalDate from,
			LocalDate to, BigDecimal[] balances, List<Object[]> rows) {
		Money zero = Money.of(BigDecimal.ZERO, currency);
		Money opening = Money.of(balances[0], currency);
		Money invoiced = zero;
		Money received = zero;
		Money refunded = zero;
		Money planned = zero;
		List<Line> lines = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			Kind kind = Kind.valueOf((String) row[1]);
			Money amount = Money.of((BigDecimal) row[3], currency);
			Money balance = opening.plus(Money.of((BigDecimal) row[4], currency));
			switch (kind) {
				case INVOICE -> invoiced = invoiced.plus(amount);
				case PAYMENT -> received = received.plus(amount);
				case REFUND -> refunded = refunded.plus(amount);
				case PLANNED_PAYMENT -> planned = planned.plus(amount);
			}
			lines.add(new Line((LocalDate) row[0], kind, (String) row[2],
					kind == Kind.INVOICE || kind == Kind.REFUND ? amount : null, kind == Kind.PAYMENT ? amount : null,
					kind == Kind.PLANNED_PAYMENT ? amount : null, balance));
		}
		Money closing = opening.plus(invoiced).minus(received).plus(refunded);
		return new CustomerStatement(customerId, customerName, currency, from, to, opening, lines, invoiced, received,
				refunded, planned, closing, Money.of(balances[1], currency));
	}

	/**
	 * The opening balance (invoiced and refunded less received before {@code from}) and
	 * the credit at the end of {@code to}: receipts less what of them was allocated by
	 * then, less refunds.
	 */
	private Mono<BigDecimal[]> balances(UUID customerId, String currency, LocalDate from, LocalDate to) {
		return this.database
			.sql("""
					select
					  (select coalesce(sum(i.total), 0) from invoice_receivable i
					   where i.customer_id = $1 and i.currency = $2 and i.issued_on < $3)
					  + (select coalesce(sum(case y.kind when 'REFUND' then y.amount else -y.amount end), 0) from payment y
					     where y.customer_id = $1 and y.currency = $2 and y.received_on < $3) as opening,
					  (select coalesce(sum(case y.kind when 'RECEIPT' then y.amount else -y.amount end), 0) from payment y
					   where y.customer_id = $1 and y.currency = $2 and y.received_on <= $4)
					  - (select coalesce(sum(a.payment_amount), 0) from payment_allocation a join payment y on y.id = a.payment_id
					     where y.customer_id = $1 and y.currency = $2 and y.received_on <= $4
					       and a.created_at < ($4::date + 1)::timestamptz) as credit""")
			.bind(0, customerId)
			.bind(1, currency)
			.bind(2, from)
			.bind(3, to)
			.map(row -> new BigDecimal[] { row.get("opening", BigDecimal.class), row.get("credit", BigDecimal.class) })
			.one();
	}

	/**
	 * The period's lines in date order, each with the running sum of what it adds to and
	 * takes off the balance (planned payments add nothing).
	 */
	private Mono<List<Object[]>> lines(UUID customerId, String currency, LocalDate from, LocalDate to) {
		return this.database
			.sql("""
					with line as (
					    select i.issued_on as date, 'INVOICE' as kind, 1 as kind_order, i.number as reference,
					           i.total as amount, i.total as change
					    from invoice_receivable i
					    where i.customer_id = $1 and i.currency = $2 and i.issued_on between $3 and $4
					    union all
					    select p.due_on, 'PLANNED_PAYMENT', 2, p.label, p.amount - p.paid, 0
					    from planned_payment p
					    join payment_plan pp on pp.id = p.plan_id and pp.status = 'ACTIVE'
					    where p.customer_id = $1 and p.currency = $2 and p.due_on between $3 and $4
					      and p.invoice_id is null and %s
					    union all
					    select y.received_on, y.kind, case y.kind when 'RECEIPT' then 3 else 4 end, y.number, y.amount,
					           case y.kind when 'REFUND' then y.amount else -y.amount end
					    from payment y
					    where y.customer_id = $1 and y.currency = $2 and y.received_on between $3 and $4
					)
					select l.date, case l.kind when 'RECEIPT' then 'PAYMENT' else l.kind end as kind, l.reference, l.amount,
					       sum(l.change) over (order by l.date, l.kind_order, l.reference rows unbounded preceding) as running
					from line l
					order by l.date, l.kind_order, l.reference"""
				.formatted(CollectionsRepository.OPEN_PLANNED_PAYMENT))
			.bind(0, customerId)
			.bind(1, currency)
			.bind(2, from)
			.bind(3, to)
			.map(row -> new Object[] { row.get("date", LocalDate.class), row.get("kind", String.class),
					row.get("reference", String.class), row.get("amount", BigDecimal.class),
					row.get("running", BigDecimal.class) })
			.all()
			.collectList();
	}

}
