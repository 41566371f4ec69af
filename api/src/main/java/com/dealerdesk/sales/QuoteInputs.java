package com.dealerdesk.sales;

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

final class QuoteInputs {

	private QuoteInputs() {
	}

	record CreateQuoteInput(String opportunityId, @NotBlank @Size(max = 3) String currency,
			@NotNull LocalDate validUntil, @NotEmpty @Size(max = 200) List<@NotNull @Valid QuoteLineInput> lines) {

	}

	record QuoteLineInput(@NotBlank @Size(max = 500) String description,
			@NotNull @Min(value = 1, message = "must be at least 1") @Max(100000) Integer quantity,
			BigDecimal listPrice, BigDecimal discountAmount, BigDecimal discountPercent, String productId,
			@Size(max = 40) String editionCode) {

	}

	record QuoteDecisionInput(String id, Integer expectedVersion) {

	}

	record QuotePayload(Quote quote, List<UserError> userErrors) {

	}

}
