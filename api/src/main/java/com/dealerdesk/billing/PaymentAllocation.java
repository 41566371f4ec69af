package com.dealerdesk.billing;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/**
 * A part of a payment put against an invoice, a planned payment, or both (an invoiced
 * planned payment): {@code amount} in the target's currency, {@code paymentAmount} in the
 * payment's.
 */
public record PaymentAllocation(UUID id, UUID paymentId, UUID invoiceId, UUID plannedPaymentId, Money amount,
		Money paymentAmount, OffsetDateTime createdAt) {

}
