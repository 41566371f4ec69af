package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/** Money received from a customer (RECEIPT) or paid back to it (REFUND). */
public record Payment(UUID id, String number, Kind kind, UUID customerId, Money amount, Money allocated,
		LocalDate receivedOn, Method method, String reference, BigDecimal exchangeRate, String createdBy,
		OffsetDateTime createdAt, int version) {

	public enum Kind {

		RECEIPT, REFUND

	}

	public enum Method {

		BANK_TRANSFER, CARD, CASH, CHEQUE, OTHER

	}

	/** What is not allocated: the customer's credit from this payment. */
	public Money unallocated() {
		return this.kind == Kind.REFUND ? this.amount.zero() : this.amount.minus(this.allocated);
	}

}
