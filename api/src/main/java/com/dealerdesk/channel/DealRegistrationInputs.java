package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.platform.money.MoneyInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The mutation inputs of deal registration, with their limits. */
final class DealRegistrationInputs {

	private DealRegistrationInputs() {
	}

	record SubmitDealRegistrationInput(String customerId, @Size(max = 200) String customerName,
			@Size(max = 50) String customerTaxId, @Size(max = 254) String customerEmailDomain,
			@Size(max = 100) String customerRegion, @Size(max = 100) String customerIndustry,
			@NotNull @Size(max = 50) List<@NotNull @Valid DealRegistrationLineInput> lines,
			@NotNull @Valid MoneyInput expectedAmount, @NotNull LocalDate expectedCloseOn,
			@Size(max = 2000) String note, String partnerId) {

	}

	record DealRegistrationLineInput(@NotBlank String productId, @Size(max = 50) String editionCode,
			@NotNull @Min(value = 1, message = "must be at least 1") @Max(100000) Integer quantity) {

	}

	record DecideDealRegistrationInput(String id, Integer expectedVersion) {

	}

	record ApproveDealRegistrationInput(String id, Integer expectedVersion,
			@Min(value = 1, message = "must be at least 1") @Max(3650) Integer protectionDays,
			Boolean acknowledgeConflicts) {

	}

	record RejectDealRegistrationInput(String id, Integer expectedVersion, @NotBlank @Size(max = 1000) String reason) {

	}

}
