package com.dealerdesk.platform.outbox;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One committed event as the feed delivers it.
 *
 * @param position its place in the feed: grows, never repeats, not contiguous
 * @param transactionId the PostgreSQL transaction that wrote it
 * @param owner whose business it is, for scoping
 * @param data the payload, parsed once per event and shared by every subscriber
 */
public record FeedEvent(long position, UUID id, EventType type, String aggregateType, UUID aggregateId,
		int aggregateVersion, String actor, OffsetDateTime occurredAt, String transactionId, EventOwner owner,
		Map<String, Object> data) {

}
