package com.dealerdesk.partner;

import java.math.BigDecimal;
import java.util.List;

import com.dealerdesk.platform.error.UserError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

final class PartnerInputs {

	private PartnerInputs() {
	}

	static final String COUNTRY = "^[A-Za-z]{2}$";

	record TerritoryInput(@Size(max = 100) String region, @Size(max = 100) String industry) {

	}

	record CreatePartnerInput(@NotBlank @Size(max = 200) String name, @Size(max = 200) String legalName,
			@Size(max = 50) String taxId, @Pattern(regexp = COUNTRY) String country, @Size(max = 1000) String address,
			PartnerStatus status, String tierId, @Size(max = 50) List<@Valid TerritoryInput> territories,
			String parentId) {

	}

	record UpdatePartnerInput(String id, Integer expectedVersion, @NotBlank @Size(max = 200) ArgumentValue<String> name,
			@Size(max = 200) ArgumentValue<String> legalName, @Size(max = 50) ArgumentValue<String> taxId,
			@Pattern(regexp = COUNTRY) ArgumentValue<String> country, @Size(max = 1000) ArgumentValue<String> address,
			ArgumentValue<String> tierId, @Size(max = 50) ArgumentValue<List<@Valid TerritoryInput>> territories,
			ArgumentValue<String> parentId) {

	}

	record ChangePartnerStatusInput(String id, Integer expectedVersion, @NotNull PartnerStatus status,
			@Size(max = 500) String reason) {

	}

	record AddPartnerContactInput(String partnerId, Integer expectedVersion, @NotBlank @Size(max = 200) String name,
			@Size(max = 200) String role, @Email @Size(max = 320) String email, @Size(max = 50) String phone) {

	}

	record RemovePartnerContactInput(String partnerId, Integer expectedVersion, String contactId) {

	}

	record CreatePartnerTierInput(@NotBlank @Size(max = 30) String code, @NotBlank @Size(max = 100) String name,
			@Min(1) @Max(1000) Integer position,
			@DecimalMin("0") @DecimalMax("100") BigDecimal defaultDiscountPercent) {

	}

	record UpdatePartnerTierInput(String id, Integer expectedVersion,
			@NotBlank @Size(max = 100) ArgumentValue<String> name,
			@NotNull @Min(1) @Max(1000) ArgumentValue<Integer> position,
			@DecimalMin("0") @DecimalMax("100") ArgumentValue<BigDecimal> defaultDiscountPercent) {

	}

	record DeleteInput(String id, Integer expectedVersion) {

	}

	record PartnerPayload(Partner partner, List<UserError> userErrors) {

	}

	record PartnerTierPayload(PartnerTier tier, List<UserError> userErrors) {

	}

	record DeletePartnerTierPayload(String deletedId, List<UserError> userErrors) {

	}

}
