package com.dealerdesk.contract;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/** An agreement for a larger sale, resting on a quote or an order of its customer. */
public record Contract(UUID id, String number, String title, UUID customerId, UUID opportunityId, UUID quoteId,
		UUID orderId, ContractStatus status, LocalDate signedOn, String currency, Money total, String terminationReason,
		String createdBy, OffsetDateTime createdAt, int version) {

	public enum ContractStatus {

		DRAFT, SIGNED, IN_PROGRESS, COMPLETED, TERMINATED

	}

}
