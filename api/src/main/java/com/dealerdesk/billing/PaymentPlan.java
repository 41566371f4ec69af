package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.billing.PaymentSplit.Kind;
import com.dealerdesk.billing.PaymentSplit.TriggerEvent;
import com.dealerdesk.platform.money.Money;

/** One version of the planned payments of a contract or an order. */
public record PaymentPlan(UUID id, UUID customerId, UUID contractId, UUID orderId, int planVersion, Status status,
		UUID previousId, UUID nextId, String currency, Money total, Money paid, List<Term> terms, String createdBy,
		OffsetDateTime createdAt, int version) {

	public enum Status {

		ACTIVE, SUPERSEDED

	}

	public Money open() {
		return this.total.minus(this.paid);
	}

	/** A term as given (the PaymentTerm type), stored with the plan. */
	public record Term(Kind kind, String label, BigDecimal percent, Money amount, LocalDate dueOn, Trigger trigger,
			Integer instalments, Integer intervalMonths) {

	}

	/** What makes a planned payment due (PaymentTrigger); occurredOn once it happened. */
	public record Trigger(TriggerEvent event, UUID stageId, int offsetDays, LocalDate occurredOn) {

	}

	/** One planned payment, its status from the SQL function planned_payment_status. */
	public record PlannedPayment(UUID id, UUID planId, UUID customerId, int position, String label, Money amount,
			Money paid, LocalDate dueOn, Trigger trigger, UUID invoiceId, OffsetDateTime writtenOffAt,
			String writeOffReason, String status, int daysOverdue) {

		public Money open() {
			return this.writtenOffAt != null ? this.amount.zero() : this.amount.minus(this.paid);
		}

	}

}
