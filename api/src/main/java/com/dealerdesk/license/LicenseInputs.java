package com.dealerdesk.license;

import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.order.Shipment;
import com.dealerdesk.platform.error.UserError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

final class LicenseInputs {

	private LicenseInputs() {
	}

	record IssueLicensesInput(@NotBlank String shipmentId, String keyId, LocalDate startsOn) {

	}

	record ExtendLicenseInput(@NotBlank String id, @NotNull Integer expectedVersion, @NotNull LocalDate endsOn,
			@Size(max = 1000) String reason) {

	}

	record UpgradeLicenseInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@Size(max = 40) String editionCode,
			@Min(value = 1, message = "must be at least 1") @Max(100000) Integer seats,
			@Size(max = 1000) String reason) {

	}

	record LicenseChangeInput(@NotBlank String id, @NotNull Integer expectedVersion, @Size(max = 1000) String reason) {

	}

	record BindLicensesInput(@NotEmpty @Size(max = 500) List<@NotBlank String> licenseIds, String keyId,
			@Size(max = 1000) String reason) {

	}

	record CreateProtectionKeyInput(@NotBlank String customerId, @NotBlank @Size(max = 100) String keyNumber,
			@NotBlank @Size(max = 200) String name, @NotNull ProtectionKey.Kind kind) {

	}

	record ReplaceProtectionKeyInput(@NotBlank String id, @NotNull Integer expectedVersion,
			@NotBlank @Size(max = 1000) String reason, String replacementKeyId, @Valid NewProtectionKeyInput newKey) {

	}

	record NewProtectionKeyInput(@NotBlank @Size(max = 100) String keyNumber, @Size(max = 200) String name,
			ProtectionKey.Kind kind) {

	}

	record CreateRenewalOrderInput(@NotEmpty @Size(max = 200) List<@NotBlank String> licenseIds,
			@Size(max = 3) String currency) {

	}

	record IssueLicensesPayload(Shipment shipment, List<License> licenses, List<UserError> userErrors) {

	}

	record LicensePayload(License license, List<UserError> userErrors) {

	}

	record BindLicensesPayload(List<License> licenses, List<UserError> userErrors) {

	}

	record ProtectionKeyPayload(ProtectionKey key, List<UserError> userErrors) {

	}

	/** The answer of verifyLicense. */
	record LicenseVerification(boolean valid, List<LicenseProblem> problems, License license) {

	}

	enum LicenseProblem {

		MALFORMED, CHECK_CHARACTER_MISMATCH, BAD_SIGNATURE, UNKNOWN_LICENSE, NOT_YET_VALID, EXPIRED, SUSPENDED, REVOKED,
		OUTDATED_FILE

	}

}
