package com.dealerdesk.sales;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

public record Quote(UUID id, UUID opportunityId, int number, QuoteStatus status, String currency, LocalDate validUntil,
		Money total, int version, OffsetDateTime createdAt, List<Line> lines) {

	Quote withLines(List<Line> lines) {
		return new Quote(this.id, this.opportunityId, this.number, this.status, this.currency, this.validUntil,
				this.total, this.version, this.createdAt, lines);
	}

	/**
	 * One priced line: quantity × list price − discount = price, all in the quote's
	 * currency.
	 */
	public record Line(int position, String description, int quantity, Money listPrice,
			java.math.BigDecimal discountPercent, Money discount, Money price, UUID productId, String editionCode) {

	}

	public enum QuoteStatus {

		OPEN, ACCEPTED, DECLINED, SUPERSEDED

	}

}
