package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.license.License;
import com.dealerdesk.platform.error.UserError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

final class PaymentInputs {

	private PaymentInputs() {
	}

	record RecordPaymentInput(@NotBlank @Size(max = 100) String idempotencyKey, @NotBlank String customerId,
			@NotNull BigDecimal amount, @NotBlank String currency, @NotNull LocalDate receivedOn,
			@NotNull Payment.Method method, @Size(max = 200) String reference, BigDecimal exchangeRate,
			@Size(max = 100) List<@Valid @NotNull AllocationInput> allocations) {

	}

	record AllocationInput(String invoiceId, String plannedPaymentId, BigDecimal amount) {

	}

	record AllocatePaymentInput(@NotBlank String paymentId, @NotNull Integer expectedVersion,
			@Size(max = 100) List<@Valid @NotNull AllocationInput> allocations) {

	}

	record RecordRefundInput(@NotBlank @Size(max = 100) String idempotencyKey, @NotBlank String customerId,
			@NotNull BigDecimal amount, @NotBlank String currency, @NotNull LocalDate refundedOn,
			@NotNull Payment.Method method, @Size(max = 200) String reference) {

	}

	record BindLicenseToPaymentPlanInput(@NotBlank String licenseId, @NotBlank String paymentPlanId) {

	}

	record UnbindLicenseInput(@NotBlank String licenseId) {

	}

	/** A payment recorded now, or the one recorded earlier with the same key. */
	record Recorded(Payment payment, boolean replayed) {

	}

	record PaymentPayload(Payment payment, boolean replayed, List<UserError> userErrors) {

	}

	record LicensePaymentBindingPayload(License license, List<UserError> userErrors) {

	}

}
