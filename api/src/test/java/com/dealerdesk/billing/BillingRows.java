package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

/**
 * Billing rows written with SQL for the tests of collections, statements, the budget and
 * campaign receipts. The mutations that make payment plans and record and allocate
 * payments belong to another part of issue 10 (branch i10-billing) and do not exist on
 * this branch, so these tests write payment_plan, planned_payment, invoice_account,
 * payment and payment_allocation rows directly, keeping what was paid on the paid-for
 * rows as those mutations do. Customers, deals, orders, shipments and invoices are made
 * through the API.
 */
final class BillingRows {

	private final DatabaseClient database;

	BillingRows(DatabaseClient database) {
		this.database = database;
	}

	/** A payment plan of an order, ACTIVE or SUPERSEDED. */
	UUID plan(UUID customerId, UUID orderId, String currency, String status, int planVersion) {
		UUID id = UUID.randomUUID();
		this.database
			.sql("""
					insert into payment_plan (id, customer_id, order_id, plan_version, status, currency, total, terms, created_by)
					values ($1, $2, $3, $4, $5, $6, 1000000, '[]'::jsonb, 't-accountant')""")
			.bind(0, id)
			.bind(1, customerId)
			.bind(2, orderId)
			.bind(3, planVersion)
			.bind(4, status)
			.bind(5, currency)
			.then()
			.block();
		return id;
	}

	UUID plan(UUID customerId, UUID orderId, String currency) {
		return plan(customerId, orderId, currency, "ACTIVE", 1);
	}

	/**
	 * A planned payment of the plan, in the plan's currency, due on the date (a null date
	 * makes it wait for the contract's signing).
	 */
	UUID plannedPayment(UUID planId, int position, String amount, LocalDate dueOn) {
		UUID id = UUID.randomUUID();
		this.database
			.sql("""
					insert into planned_payment (id, plan_id, customer_id, position, label, currency, amount, due_on, trigger_event)
					select $1, p.id, p.customer_id, $2::int, 'Part ' || $2::int, p.currency, $3, $4::date,
					       case when $4::date is null then 'CONTRACT_SIGNED' end
					from payment_plan p where p.id = $5""")
			.bind(0, id)
			.bind(1, position)
			.bind(2, new BigDecimal(amount))
			.bind(4, planId)
			.bind(3, Parameter.fromOrEmpty(dueOn, LocalDate.class))
			.then()
			.block();
		return id;
	}

	void writeOff(UUID plannedPaymentId) {
		this.database.sql("update planned_payment set written_off_at = now(), write_off_reason = 'Test' where id = $1")
			.bind(0, plannedPaymentId)
			.then()
			.block();
	}

	/** Marks the invoice as issued for the planned payment. */
	void invoiced(UUID plannedPaymentId, UUID invoiceId) {
		this.database.sql("update planned_payment set invoice_id = $2 where id = $1")
			.bind(0, plannedPaymentId)
			.bind(1, invoiceId)
			.then()
			.block();
	}

	/** A receipt or a refund, nothing of it allocated yet. */
	UUID payment(UUID customerId, String kind, String currency, String amount, LocalDate receivedOn) {
		UUID id = UUID.randomUUID();
		this.database.sql("""
				insert into payment (id, number, kind, customer_id, currency, amount, received_on, method,
				                     idempotency_key, request_fingerprint, created_by)
				values ($1, $2, $3, $4, $5, $6, $7, 'BANK_TRANSFER', $8, 'test', 't-accountant')""")
			.bind(0, id)
			.bind(1, ("RECEIPT".equals(kind) ? "PAY-T-" : "REF-T-") + id)
			.bind(2, kind)
			.bind(3, customerId)
			.bind(4, currency)
			.bind(5, new BigDecimal(amount))
			.bind(6, receivedOn)
			.bind(7, id.toString())
			.then()
			.block();
		return id;
	}

	/**
	 * Allocates part of a receipt, in the payment's currency, to a planned payment (and
	 * its invoice, if it has one) or to an invoice, and adds it to what is paid of them.
	 */
	void allocate(UUID paymentId, UUID plannedPaymentId, UUID invoiceId, String amount) {
		this.database
			.sql("""
					insert into invoice_account (invoice_id, customer_id, currency, total)
					select i.invoice_id, i.customer_id, i.currency, i.total from invoice_receivable i
					where i.invoice_id = coalesce($2::uuid, (select p.invoice_id from planned_payment p where p.id = $1::uuid))
					on conflict (invoice_id) do nothing""")
			.bind(0, Parameter.fromOrEmpty(plannedPaymentId, UUID.class))
			.bind(1, Parameter.fromOrEmpty(invoiceId, UUID.class))
			.then()
			.block();
		this.database
			.sql("""
					with target as (
					    select $2::uuid as planned_payment_id,
					           coalesce($3::uuid, (select p.invoice_id from planned_payment p where p.id = $2::uuid)) as invoice_id
					), allocation as (
					    insert into payment_allocation (id, payment_id, invoice_id, planned_payment_id, currency, amount,
					                                    payment_amount, created_by)
					    select gen_random_uuid(), y.id, t.invoice_id, t.planned_payment_id, y.currency, $4, $4, 't-accountant'
					    from payment y, target t where y.id = $1
					    returning invoice_id, planned_payment_id
					), planned as (
					    update planned_payment set paid = paid + $4 where id = (select planned_payment_id from allocation)
					), account as (
					    update invoice_account set paid = paid + $4 where invoice_id = (select invoice_id from allocation)
					)
					update payment set allocated = allocated + $4 where id = $1""")
			.bind(0, paymentId)
			.bind(1, Parameter.fromOrEmpty(plannedPaymentId, UUID.class))
			.bind(2, Parameter.fromOrEmpty(invoiceId, UUID.class))
			.bind(3, new BigDecimal(amount))
			.then()
			.block();
	}

}
