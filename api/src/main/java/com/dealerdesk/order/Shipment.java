package com.dealerdesk.order;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/** A delivery of ordered items; licenses are issued from it. */
public record Shipment(UUID id, String number, UUID orderId, UUID customerId, LocalDate shippedOn, Money amount,
		UUID invoiceId, OffsetDateTime licensesIssuedAt, String createdBy, OffsetDateTime createdAt, List<Line> lines) {

	/** Part of an order line delivered, and its share of the line's price. */
	public record Line(UUID id, UUID shipmentId, UUID orderLineId, int quantity, Money amount) {

	}

	Shipment withLines(List<Line> lines) {
		return new Shipment(this.id, this.number, this.orderId, this.customerId, this.shippedOn, this.amount,
				this.invoiceId, this.licensesIssuedAt, this.createdBy, this.createdAt, lines);
	}

}
