package com.dealerdesk.channel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/**
 * One booking on a partner's account.
 *
 * @param amount positive in the partner's favour, negative against it
 * @param balanceAfter the account's balance right after it, its entries taken by booking
 * day, then as recorded (computed in SQL)
 * @param orderId for ORDER_CHARGE and ORDER_REFUND
 * @param agreementId for REBATE_CREDIT, with the rebate year
 * @param reference for PAYMENT
 * @param reason for ADJUSTMENT
 */
public record PartnerAccountEntry(UUID id, UUID accountId, Kind kind, Money amount, Money balanceAfter,
		LocalDate bookedOn, UUID orderId, UUID agreementId, Integer rebateYear, String reference, String reason,
		String createdBy, OffsetDateTime createdAt) {

	PartnerAccountEntry withOrder(UUID order) {
		return new PartnerAccountEntry(this.id, this.accountId, this.kind, this.amount, this.balanceAfter,
				this.bookedOn, order, null, null, null, null, this.createdBy, this.createdAt);
	}

	PartnerAccountEntry withRebate(UUID agreement, int year) {
		return new PartnerAccountEntry(this.id, this.accountId, this.kind, this.amount, this.balanceAfter,
				this.bookedOn, null, agreement, year, null, null, this.createdBy, this.createdAt);
	}

	PartnerAccountEntry withReference(String text) {
		return new PartnerAccountEntry(this.id, this.accountId, this.kind, this.amount, this.balanceAfter,
				this.bookedOn, null, null, null, text, null, this.createdBy, this.createdAt);
	}

	PartnerAccountEntry withReason(String text) {
		return new PartnerAccountEntry(this.id, this.accountId, this.kind, this.amount, this.balanceAfter,
				this.bookedOn, null, null, null, null, text, this.createdBy, this.createdAt);
	}

	public enum Kind {

		PAYMENT, ORDER_CHARGE, ORDER_REFUND, REBATE_CREDIT, ADJUSTMENT

	}

}
