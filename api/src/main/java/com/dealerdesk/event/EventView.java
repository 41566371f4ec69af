package com.dealerdesk.event;

import java.time.OffsetDateTime;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.FeedEvent;

/**
 * An event as integrations receive it: the GraphQL type {@code Event}, and the JSON body
 * of a webhook delivery, field for field.
 */
public record EventView(long position, String id, EventType type, String aggregateType, String aggregateId,
		int aggregateVersion, String actor, OffsetDateTime occurredAt, String transactionId, Map<String, Object> data) {

	public static EventView of(FeedEvent event) {
		return new EventView(event.position(), event.id().toString(), event.type(), event.aggregateType(),
				GlobalId.of(event.aggregateType(), event.aggregateId()), event.aggregateVersion(), event.actor(),
				event.occurredAt(), event.transactionId(), event.data());
	}

}
