package com.dealerdesk.sales;

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

final class SalesInputs {

	private SalesInputs() {
	}

	record CreateOpportunityInput(String customerId, @NotBlank @Size(max = 200) String name, String pipelineId,
			String stageId, @Valid MoneyInput amount, LocalDate expectedCloseDate, String ownerId,
			@Size(max = 10) List<@NotBlank @Size(max = 100) String> competitors, String campaignId) {

	}

	record UpdateOpportunityInput(String id, Integer expectedVersion,
			@NotBlank @Size(max = 200) ArgumentValue<String> name, ArgumentValue<@Valid MoneyInput> amount,
			ArgumentValue<LocalDate> expectedCloseDate, @NotBlank ArgumentValue<String> ownerId,
			@Size(max = 10) ArgumentValue<List<@NotBlank @Size(max = 100) String>> competitors,
			ArgumentValue<String> campaignId) {

	}

	record MoveOpportunityInput(String id, Integer expectedVersion, String stageId) {

	}

	record MarkOpportunityLostInput(String id, Integer expectedVersion, String lostReasonId,
			@Size(max = 2000) String note) {

	}

	record SetOpportunityLinesInput(String id, Integer expectedVersion,
			@NotNull @Size(max = 100) List<@NotNull @Valid OpportunityLineInput> lines) {

	}

	record OpportunityLineInput(@NotBlank @Size(max = 200) String product,
			@NotNull @jakarta.validation.constraints.Min(value = 1,
					message = "must be at least 1") @jakarta.validation.constraints.Max(100000) Integer quantity,
			@Valid MoneyInput unitPrice, Boolean bought) {

	}

	record OpportunityPayload(Opportunity opportunity, List<UserError> userErrors) {

	}

}
