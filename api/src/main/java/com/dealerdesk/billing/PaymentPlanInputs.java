package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.billing.PaymentSplit.Kind;
import com.dealerdesk.billing.PaymentSplit.TriggerEvent;
import com.dealerdesk.order.Invoice;
import com.dealerdesk.platform.error.UserError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

final class PaymentPlanInputs {

	private PaymentPlanInputs() {
	}

	record CreatePaymentPlanInput(String contractId, String orderId, BigDecimal total,
			@NotEmpty @Size(max = PaymentSplit.MAX_TERMS) List<@Valid @NotNull PaymentTermInput> terms) {

	}

	record PaymentTermInput(@NotNull Kind kind, @Size(min = 1, max = 100) String label, BigDecimal percent,
			BigDecimal amount, LocalDate dueOn, @Valid PaymentTriggerInput trigger, Integer instalments,
			Integer intervalMonths) {

	}

	record PaymentTriggerInput(@NotNull TriggerEvent event, String stageId, Integer offsetDays) {

	}

	record RenegotiatePaymentPlanInput(@NotBlank String id, @NotNull Integer expectedVersion, BigDecimal total,
			@NotEmpty @Size(max = PaymentSplit.MAX_TERMS) List<@Valid @NotNull PaymentTermInput> terms,
			@Size(max = 2000) String reason) {

	}

	record InvoicePlannedPaymentInput(@NotBlank String plannedPaymentId, LocalDate issuedOn, LocalDate dueOn) {

	}

	record WriteOffPlannedPaymentInput(@NotBlank String plannedPaymentId, @NotNull Integer expectedVersion,
			@NotBlank @Size(max = 2000) String reason) {

	}

	record PaymentPlanPayload(PaymentPlan paymentPlan, List<UserError> userErrors) {

	}

	/** The schema's InvoicePayload, for invoicePlannedPayment. */
	record PlannedPaymentInvoicePayload(Invoice invoice, List<UserError> userErrors) {

	}

}
