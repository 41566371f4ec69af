package com.dealerdesk.sales;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;
import com.dealerdesk.product.CataloguePrice.PriceBasis;

/**
 * A version of a deal's quote. {@code number} is the version within the deal,
 * {@code seriesNumber} the document number that the deal's first quote took and its later
 * versions share ({@code QUO-2026-00012}).
 */
public record Quote(UUID id, UUID opportunityId, int number, String seriesNumber, QuoteStatus status, String currency,
		LocalDate validUntil, Money total, int version, OffsetDateTime createdAt, List<Line> lines) {

	Quote withLines(List<Line> lines) {
		return new Quote(this.id, this.opportunityId, this.number, this.seriesNumber, this.status, this.currency,
				this.validUntil, this.total, this.version, this.createdAt, lines);
	}

	/** The number printed on this version, e.g. {@code QUO-2026-00012-v2}. */
	public String documentNumber() {
		return this.seriesNumber + "-v" + this.number;
	}

	/**
	 * One priced line: quantity × list price − discount = price, all in the quote's
	 * currency.
	 */
	public record Line(int position, String description, int quantity, Money listPrice,
			java.math.BigDecimal discountPercent, Money discount, Money price, UUID productId, String editionCode,
			PriceBasis priceBasis, UUID partnerTierId) {

	}

	public enum QuoteStatus {

		OPEN, ACCEPTED, DECLINED, SUPERSEDED

	}

}
