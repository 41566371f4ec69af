package com.dealerdesk.order;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/** An invoice for one or more shipments of one customer. */
public record Invoice(UUID id, String number, UUID customerId, String currency, LocalDate issuedOn, LocalDate dueOn,
		Money total, String createdBy, OffsetDateTime createdAt) {

}
