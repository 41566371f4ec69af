package com.dealerdesk.channel;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Outbox events of deal registrations, owned by the registering partner (and the
 * customer, once there is one), so that the partner's integrations and the vendor receive
 * them. The conflicts are not in the payload: they name other partners' business.
 */
@Component
class DealRegistrationEvents {

	private final OutboxWriter outbox;

	DealRegistrationEvents(OutboxWriter outbox) {
		this.outbox = outbox;
	}

	Mono<DealRegistration> registration(Actor actor, EventType type, DealRegistration registration) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("DealRegistration", registration.id()));
		payload.put("number", registration.number());
		payload.put("partnerId", GlobalId.of("Partner", registration.partnerId()));
		payload.put("customerId",
				registration.customerId() == null ? null : GlobalId.of("Customer", registration.customerId()));
		payload.put("customerName", registration.customerName());
		payload.put("status", registration.status());
		payload.put("expectedAmount", registration.expectedAmount());
		payload.put("expectedCloseOn", registration.expectedCloseOn().toString());
		payload.put("protectedUntil",
				registration.protectedUntil() == null ? null : registration.protectedUntil().toString());
		payload.put("opportunityId",
				registration.opportunityId() == null ? null : GlobalId.of("Opportunity", registration.opportunityId()));
		payload.put("rejectionReason", registration.rejectionReason());
		payload.put("version", registration.version());
		return this.outbox
			.append(actor, type, "DealRegistration", registration.id(), registration.version(),
					new EventOwner(registration.customerId(), registration.partnerId()), payload)
			.thenReturn(registration);
	}

}
