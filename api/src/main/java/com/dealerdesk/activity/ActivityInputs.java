package com.dealerdesk.activity;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

final class ActivityInputs {

	private ActivityInputs() {
	}

	record LogActivityInput(String customerId, String contactId, String opportunityId, @NotNull ActivityKind kind,
			@NotBlank @Size(max = 300) String subject, @Size(max = 20000) String notes,
			@Size(max = 5000) String outcome, OffsetDateTime occurredAt, @Valid ReminderInput reminder) {

	}

	record ReminderInput(@NotNull OffsetDateTime dueAt, String assigneeId) {

	}

	record UpdateActivityInput(String id, Integer expectedVersion, ArgumentValue<String> contactId,
			ArgumentValue<String> opportunityId, @NotNull ArgumentValue<ActivityKind> kind,
			@NotBlank @Size(max = 300) ArgumentValue<String> subject, @Size(max = 20000) ArgumentValue<String> notes,
			@Size(max = 5000) ArgumentValue<String> outcome, @NotNull ArgumentValue<OffsetDateTime> occurredAt,
			ArgumentValue<@Valid ReminderInput> reminder) {

	}

	record CompleteReminderInput(String activityId, Integer expectedVersion, @Size(max = 5000) String outcome) {

	}

	record SnoozeReminderInput(String activityId, Integer expectedVersion, @NotNull OffsetDateTime until) {

	}

	record ActivityPayload(Activity activity, java.util.List<com.dealerdesk.platform.error.UserError> userErrors) {

	}

}
