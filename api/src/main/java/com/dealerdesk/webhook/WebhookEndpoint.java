package com.dealerdesk.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.outbox.EventType;

/** A webhook endpoint as its managers see it: never its secrets. */
record WebhookEndpoint(UUID id, String url, String description, List<EventType> eventTypes,
		WebhookEndpointStatus status, String disabledReason, UUID partnerId, boolean allowPrivateNetwork, long position,
		int consecutiveFailures, OffsetDateTime previousSecretExpiresAt, OffsetDateTime createdAt, int version) {

}
