package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.platform.error.UserError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

final class PartnerAgreementInputs {

	/** More bands than any rebate scheme has; keeps an input small. */
	static final int MAX_BANDS = 20;

	private PartnerAgreementInputs() {
	}

	record CreatePartnerAgreementInput(@NotBlank String partnerId, @NotNull LocalDate startsOn, LocalDate endsOn,
			@NotBlank @Size(max = 3) String currency, @Size(max = MAX_BANDS) List<@Valid RebateBandInput> rebateBands,
			@Size(max = 2000) String note) {

	}

	record UpdatePartnerAgreementInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@NotNull ArgumentValue<LocalDate> startsOn, ArgumentValue<LocalDate> endsOn,
			@Size(max = MAX_BANDS) ArgumentValue<List<@Valid RebateBandInput>> rebateBands,
			@Size(max = 2000) ArgumentValue<String> note) {

	}

	record RebateBandInput(@NotNull BigDecimal threshold, @NotNull BigDecimal percent) {

	}

	record PartnerAgreementPayload(PartnerAgreement agreement, List<UserError> userErrors) {

	}

}
