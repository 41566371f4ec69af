package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.platform.error.UserError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

final class PartnerAccountInputs {

	private PartnerAccountInputs() {
	}

	record OpenPartnerAccountInput(@NotBlank String partnerId, @NotBlank String currency, @NotNull Boolean prepaid,
			BigDecimal creditLimit) {

	}

	record UpdatePartnerAccountInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@NotNull ArgumentValue<Boolean> prepaid, @NotNull ArgumentValue<BigDecimal> creditLimit) {

	}

	record RecordPartnerPaymentInput(@NotBlank String accountId, @NotNull BigDecimal amount,
			@NotNull LocalDate receivedOn, @NotBlank @Size(max = 200) String reference) {

	}

	record AdjustPartnerAccountInput(@NotBlank String accountId, @NotNull BigDecimal amount,
			@NotNull LocalDate bookedOn, @NotBlank @Size(max = 2000) String reason) {

	}

	record CreditPartnerRebateInput(@NotBlank String agreementId, @NotNull Integer year) {

	}

	record PartnerAccountPayload(PartnerAccount account, List<UserError> userErrors) {

	}

	record PartnerAccountEntryPayload(PartnerAccountEntry entry, List<UserError> userErrors) {

	}

}
