package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Allocations and what they pay: planned payments' and invoices' paid columns (under
 * their CHECK constraints), and the invoice accounts billing keeps of the order feature's
 * invoices (read through its invoice_receivable view).
 */
@Repository
class AllocationRepository {

	private final DatabaseClient database;

	AllocationRepository(DatabaseClient database) {
		this.database = database;
	}

	/** Where a moved allocation (or a piece of it) goes, see PaymentPlanService. */
	record Piece(PaymentAllocation allocation, boolean keepsRow, UUID plannedPaymentId, Money amount,
			Money paymentAmount) {

	}

	/**
	 * Something a payment can be allocated to, locked: a planned payment (with its
	 * invoice, if any) or an invoice that no planned payment covers.
	 */
	record Target(UUID plannedPaymentId, UUID invoiceId, UUID customerId, Money open, LocalDate dueOn) {

	}

	// ---- reading

	Mono<List<PaymentAllocation>> ofPlannedPayments(Collection<UUID> plannedPaymentIds) {
		return this.database
			.sql("""
					select a.*, p.currency as payment_currency from payment_allocation a join payment p on p.id = a.payment_id
					where a.planned_payment_id = any($1) order by a.created_at, a.id""")
			.bind(0, plannedPaymentIds.toArray(UUID[]::new))
			.map(AllocationRepository::allocation)
			.all()
			.collectList();
	}

	Mono<Map<UUID, List<PaymentAllocation>>> ofPayments(Collection<UUID> paymentIds) {
		return this.database
			.sql("""
					select a.*, p.currency as payment_currency from payment_allocation a join payment p on p.id = a.payment_id
					where a.payment_id = any($1) order by a.created_at, a.id""")
			.bind(0, paymentIds.toArray(UUID[]::new))
			.map(AllocationRepository::allocation)
			.all()
			.collect(Collectors.groupingBy(PaymentAllocation::paymentId));
	}

	Mono<Map<UUID, List<PaymentAllocation>>> ofInvoices(Collection<UUID> invoiceIds) {
		return this.database
			.sql("""
					select a.*, p.currency as payment_currency from payment_allocation a join payment p on p.id = a.payment_id
					where a.invoice_id = any($1) order by a.created_at, a.id""")
			.bind(0, invoiceIds.toArray(UUID[]::new))
			.map(AllocationRepository::allocation)
			.all()
			.collect(Collectors.groupingBy(PaymentAllocation::invoiceId));
	}

	/**
	 * What each invoice's total and paid amount are: billing's account, or its total
	 * unpaid.
	 */
	Mono<Map<UUID, Money[]>> invoiceBalances(Collection<UUID> invoiceIds) {
		return this.database.sql("""
				select r.invoice_id, r.currency, r.total, coalesce(a.paid, 0) as paid
				from invoice_receivable r left join invoice_account a on a.invoice_id = r.invoice_id
				where r.invoice_id = any($1)""").bind(0, invoiceIds.toArray(UUID[]::new)).map(row -> {
			String currency = row.get("currency", String.class).strip();
			return Map.entry(row.get("invoice_id", UUID.class),
					new Money[] { Money.of(row.get("total", BigDecimal.class), currency),
							Money.of(row.get("paid", BigDecimal.class), currency) });
		}).all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	// ---- locking targets

	/**
	 * Serialises the allocations and refunds of one customer in one currency until the
	 * transaction ends, so a refund can never spend credit an allocation is spending.
	 */
	Mono<Void> lockCustomerMoney(UUID customerId, String currency) {
		return this.database.sql("select pg_advisory_xact_lock(hashtextextended('billing:' || $1 || ':' || $2, 0))")
			.bind(0, customerId.toString())
			.bind(1, currency)
			.then();
	}

	/**
	 * Creates billing's accounts of the given invoices of the customer that it has not
	 * touched yet (total from the order feature's view, nothing paid).
	 */
	Mono<Void> openInvoiceAccounts(UUID customerId, Collection<UUID> invoiceIds) {
		return this.database.sql("""
				insert into invoice_account (invoice_id, customer_id, currency, total)
				select invoice_id, customer_id, currency, total from invoice_receivable
				where invoice_id = any($1) and customer_id = $2
				on conflict (invoice_id) do nothing""")
			.bind(0, invoiceIds.toArray(UUID[]::new))
			.bind(1, customerId)
			.then();
	}

	Mono<Void> openInvoiceAccount(UUID invoiceId, UUID customerId, Money total) {
		return this.database.sql("""
				insert into invoice_account (invoice_id, customer_id, currency, total) values ($1, $2, $3, $4)""")
			.bind(0, invoiceId)
			.bind(1, customerId)
			.bind(2, total.currency())
			.bind(3, total.amount())
			.then();
	}

	/**
	 * Locks and returns targets of one customer, visible to the actor: planned payments
	 * of active plans not written off, and invoices (their accounts) no planned payment
	 * covers; by id, in a fixed order (planned payments, then invoice accounts) so that
	 * two allocations cannot deadlock. Open amounts are read after the lock.
	 */
	Mono<List<Target>> lockTargets(Actor actor, UUID customerId, Collection<UUID> plannedPaymentIds,
			Collection<UUID> invoiceIds) {
		Sql planned = new Sql();
		planned.append("select p.id, p.invoice_id, p.customer_id, p.currency, p.amount - p.paid as open, p.due_on"
				+ " from planned_payment p join payment_plan pl on pl.id = p.plan_id where p.id = any("
				+ planned.param(plannedPaymentIds.toArray(UUID[]::new)) + ") and p.customer_id = "
				+ planned.param(customerId) + " and pl.status = 'ACTIVE' and p.written_off_at is null and ");
		CustomerScope.restrictToVisibleCustomer(planned, actor, "p.customer_id");
		planned.append(" order by p.id for update of p");
		Sql invoices = new Sql();
		invoices.append("select a.invoice_id, a.customer_id, a.currency, a.total - a.paid as open, r.due_on"
				+ " from invoice_account a join invoice_receivable r on r.invoice_id = a.invoice_id"
				+ " where a.invoice_id = any(" + invoices.param(invoiceIds.toArray(UUID[]::new))
				+ ") and a.customer_id = " + invoices.param(customerId) + " and ");
		CustomerScope.restrictToVisibleCustomer(invoices, actor, "a.customer_id");
		invoices.append(" order by a.invoice_id for update of a");
		Flux<Target> plannedRows = plannedPaymentIds.isEmpty() ? Flux.empty()
				: planned.on(this.database)
					.map(row -> new Target(row.get("id", UUID.class), row.get("invoice_id", UUID.class),
							row.get("customer_id", UUID.class), open(row), row.get("due_on", LocalDate.class)))
					.all();
		Flux<Target> invoiceRows = invoiceIds.isEmpty() ? Flux.empty()
				: invoices.on(this.database)
					.map(row -> new Target(null, row.get("invoice_id", UUID.class), row.get("customer_id", UUID.class),
							open(row), row.get("due_on", LocalDate.class)))
					.all();
		return plannedRows.concatWith(invoiceRows).collectList();
	}

	/**
	 * The customer's open planned payments (of active plans, with a due date) and open
	 * invoices no planned payment covers, in one currency, earliest due first: what an
	 * automatic allocation pays.
	 */
	Mono<List<UUID>[]> openTargets(UUID customerId, String currency) {
		Mono<List<UUID>> planned = this.database.sql("""
				select p.id from planned_payment p join payment_plan pl on pl.id = p.plan_id
				where p.customer_id = $1 and p.currency = $2 and pl.status = 'ACTIVE' and p.paid < p.amount
				  and p.written_off_at is null and p.due_on is not null""")
			.bind(0, customerId)
			.bind(1, currency)
			.map(row -> row.get(0, UUID.class))
			.all()
			.collectList();
		Mono<List<UUID>> invoices = this.database.sql("""
				select r.invoice_id from invoice_receivable r left join invoice_account a on a.invoice_id = r.invoice_id
				where r.customer_id = $1 and r.currency = $2 and r.total > coalesce(a.paid, 0)
				  and not exists (select 1 from planned_payment p where p.invoice_id = r.invoice_id)""")
			.bind(0, customerId)
			.bind(1, currency)
			.map(row -> row.get(0, UUID.class))
			.all()
			.collectList();
		return Mono.zip(planned, invoices).map(both -> {
			@SuppressWarnings("unchecked")
			List<UUID>[] result = new List[] { both.getT1(), both.getT2() };
			return result;
		});
	}

	// ---- writing

	Mono<Void> insert(PaymentAllocation allocation, String createdBy) {
		Sql sql = new Sql();
		sql.append("insert into payment_allocation (id, payment_id, invoice_id, planned_payment_id, currency, amount,"
				+ " payment_amount, created_by, created_at) values ("
				+ String.join(", ", sql.param(allocation.id()), sql.param(allocation.paymentId()),
						sql.param(allocation.invoiceId(), UUID.class),
						sql.param(allocation.plannedPaymentId(), UUID.class), sql.param(allocation.amount().currency()),
						sql.param(allocation.amount().amount()), sql.param(allocation.paymentAmount().amount()),
						sql.param(createdBy))
				// the clock's time, not the transaction's: a payment's allocations keep
				// their
				// order
				+ ", clock_timestamp())");
		Mono<Void> plannedPaid = allocation.plannedPaymentId() == null ? Mono.empty()
				: addPlannedPaid(allocation.plannedPaymentId(), allocation.amount().amount());
		Mono<Void> invoicePaid = allocation.invoiceId() == null ? Mono.empty()
				: this.database.sql("update invoice_account set paid = paid + $2 where invoice_id = $1")
					.bind(0, allocation.invoiceId())
					.bind(1, allocation.amount().amount())
					.then();
		return sql.on(this.database).then().then(plannedPaid).then(invoicePaid);
	}

	/** Puts a moved allocation (or a piece of it) on a new planned payment. */
	Mono<Void> place(Piece piece) {
		PaymentAllocation from = piece.allocation();
		Mono<Void> row = piece.keepsRow() ? this.database.sql(
				"update payment_allocation set planned_payment_id = $2, amount = $3, payment_amount = $4 where id = $1")
			.bind(0, from.id())
			.bind(1, piece.plannedPaymentId())
			.bind(2, piece.amount().amount())
			.bind(3, piece.paymentAmount().amount())
			.then()
				: this.database
					.sql("""
							insert into payment_allocation (id, payment_id, invoice_id, planned_payment_id, currency, amount,
							                                payment_amount, created_by, created_at)
							select $2, payment_id, invoice_id, $3, currency, $4, $5, created_by, created_at
							from payment_allocation where id = $1""")
					.bind(0, from.id())
					.bind(1, UUID.randomUUID())
					.bind(2, piece.plannedPaymentId())
					.bind(3, piece.amount().amount())
					.bind(4, piece.paymentAmount().amount())
					.then();
		return row.then(addPlannedPaid(piece.plannedPaymentId(), piece.amount().amount()));
	}

	Mono<Void> addAllocated(UUID paymentId, BigDecimal amount) {
		return this.database.sql("update payment set allocated = allocated + $2, version = version + 1 where id = $1")
			.bind(0, paymentId)
			.bind(1, amount)
			.then();
	}

	private Mono<Void> addPlannedPaid(UUID id, BigDecimal amount) {
		return this.database.sql("update planned_payment set paid = paid + $2 where id = $1")
			.bind(0, id)
			.bind(1, amount)
			.then();
	}

	private static Money open(Readable row) {
		return Money.of(row.get("open", BigDecimal.class), row.get("currency", String.class).strip());
	}

	private static PaymentAllocation allocation(Readable row) {
		String currency = row.get("currency", String.class).strip();
		return new PaymentAllocation(row.get("id", UUID.class), row.get("payment_id", UUID.class),
				row.get("invoice_id", UUID.class), row.get("planned_payment_id", UUID.class),
				Money.of(row.get("amount", BigDecimal.class), currency),
				Money.of(row.get("payment_amount", BigDecimal.class),
						row.get("payment_currency", String.class).strip()),
				row.get("created_at", OffsetDateTime.class));
	}

}
