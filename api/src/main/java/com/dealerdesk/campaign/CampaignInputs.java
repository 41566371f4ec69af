package com.dealerdesk.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.money.MoneyInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

final class CampaignInputs {

	private CampaignInputs() {
	}

	record CreateCampaignInput(@NotBlank @Size(max = 200) String name, @NotNull CampaignKind kind, LocalDate startsOn,
			LocalDate endsOn, @Valid MoneyInput cost, @Size(max = 5000) String notes) {

	}

	record UpdateCampaignInput(String id, Integer expectedVersion,
			@NotBlank @Size(max = 200) ArgumentValue<String> name, @NotNull ArgumentValue<CampaignKind> kind,
			ArgumentValue<LocalDate> startsOn, ArgumentValue<LocalDate> endsOn, ArgumentValue<@Valid MoneyInput> cost,
			@Size(max = 5000) ArgumentValue<String> notes) {

	}

	record CampaignPayload(Campaign campaign, List<UserError> userErrors) {

	}

}
