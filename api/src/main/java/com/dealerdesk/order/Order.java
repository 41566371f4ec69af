package com.dealerdesk.order;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;
import com.dealerdesk.product.CataloguePrice.PriceBasis;

/** What a customer bought, to be shipped and invoiced. */
public record Order(UUID id, String number, UUID customerId, UUID opportunityId, UUID quoteId, UUID campaignId,
		OrderStatus status, String currency, Money total, String createdBy, OffsetDateTime createdAt, int version,
		List<Line> lines) {

	public enum OrderStatus {

		OPEN, PARTLY_SHIPPED, SHIPPED, CANCELLED

	}

	/** quantity × unitPrice − discount = price, in the order's currency. */
	public record Line(UUID id, UUID orderId, int position, UUID productId, String editionCode, String description,
			int quantity, Money unitPrice, Money discount, Money price, int shippedQuantity, UUID renewsLicenseId,
			PriceBasis priceBasis, UUID partnerTierId) {

		int remaining() {
			return this.quantity - this.shippedQuantity;
		}

	}

	Order withLines(List<Line> lines) {
		return new Order(this.id, this.number, this.customerId, this.opportunityId, this.quoteId, this.campaignId,
				this.status, this.currency, this.total, this.createdBy, this.createdAt, this.version, lines);
	}

}
