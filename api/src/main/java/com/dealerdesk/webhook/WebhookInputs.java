package com.dealerdesk.webhook;

import java.util.List;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.outbox.EventType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.graphql.data.ArgumentValue;

final class WebhookInputs {

	private WebhookInputs() {
	}

	record CreateWebhookEndpointInput(String url, @Size(max = 500) String description,
			@Size(max = 100) List<EventType> eventTypes, Boolean allowPrivateNetwork) {

	}

	record UpdateWebhookEndpointInput(String id, Integer expectedVersion, @NotNull ArgumentValue<String> url,
			@Size(max = 500) ArgumentValue<String> description,
			@Size(max = 100) ArgumentValue<List<EventType>> eventTypes,
			@NotNull ArgumentValue<Boolean> allowPrivateNetwork) {

	}

	record RotateWebhookSecretInput(String id, Integer expectedVersion, @Min(0) @Max(168) Integer overlapHours) {

	}

	record WebhookEndpointVersionInput(String id, Integer expectedVersion) {

	}

	record ReplayWebhookEndpointInput(String id, Integer expectedVersion, Long afterPosition) {

	}

	record TestWebhookEndpointInput(String id) {

	}

	record WebhookEndpointPayload(WebhookEndpoint endpoint, List<UserError> userErrors) {

	}

	record WebhookSecretPayload(WebhookEndpoint endpoint, String secret, List<UserError> userErrors) {

	}

	/** The endpoint together with its new secret, before it becomes a payload. */
	record WithSecret(WebhookEndpoint endpoint, String secret) {

	}

	record DeleteWebhookEndpointPayload(String deletedId, List<UserError> userErrors) {

	}

	record WebhookTestPayload(WebhookDelivery delivery, List<UserError> userErrors) {

	}

}
