package com.dealerdesk.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.dealerdesk.platform.outbox.EventType;

/** One attempt to deliver an event (or a test ping, without event) to an endpoint. */
record WebhookDelivery(UUID id, UUID endpointId, Long eventPosition, EventType eventType, int attempt,
		OffsetDateTime attemptedAt, Outcome outcome, Integer statusCode, int latencyMs, String responseExcerpt,
		OffsetDateTime nextAttemptAt) {

	enum Outcome {

		SUCCEEDED, FAILED

	}

}
