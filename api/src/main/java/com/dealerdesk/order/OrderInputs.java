package com.dealerdesk.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.platform.error.UserError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

final class OrderInputs {

	private OrderInputs() {
	}

	record CreateOrderInput(@NotBlank String customerId, String opportunityId, String campaignId,
			@NotBlank @Size(max = 3) String currency, @NotEmpty @Size(max = 200) List<@Valid OrderLineInput> lines) {

	}

	record OrderLineInput(@NotBlank String productId, @Size(max = 40) String editionCode,
			@Size(max = 500) String description,
			@NotNull @Min(value = 1, message = "must be at least 1") @Max(100000) Integer quantity,
			BigDecimal unitPrice, BigDecimal discount) {

	}

	record CreateOrderFromQuoteInput(@NotBlank String quoteId) {

	}

	record DocumentStateInput(@NotBlank String id, @NotNull Integer expectedVersion) {

	}

	record CreateShipmentInput(@NotBlank String orderId, LocalDate shippedOn,
			@Size(max = 200) List<@Valid ShipmentLineInput> lines) {

	}

	record ShipmentLineInput(@NotBlank String orderLineId,
			@NotNull @Min(value = 1, message = "must be at least 1") Integer quantity) {

	}

	record CreateInvoiceInput(@NotEmpty @Size(max = 50) List<@NotBlank String> shipmentIds, LocalDate issuedOn,
			LocalDate dueOn) {

	}

	record DeleteDocumentInput(@NotBlank String id) {

	}

	record ShipmentPayload(Shipment shipment, List<UserError> userErrors) {

	}

	record InvoicePayload(Invoice invoice, List<UserError> userErrors) {

	}

	record DeleteDocumentPayload(String deletedId, List<UserError> userErrors) {

	}

}
