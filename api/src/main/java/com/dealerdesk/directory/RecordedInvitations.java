package com.dealerdesk.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Without a provider DealerDesk can create users in, an invitation is recorded (the
 * INVITED portal user) and logged; the operator creates the user in the identity provider
 * as docs/operations.md describes. Disabling needs nothing there: DealerDesk refuses a
 * disabled user's tokens itself.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RecordedInvitations implements PartnerUserProvisioning {

	private static final Logger log = LoggerFactory.getLogger(RecordedInvitations.class);

	@Override
	public boolean isAvailable() {
		return true;
	}

	@Override
	public Mono<String> provision(NewPartnerUser user) {
		log.info("Partner portal user invited: create {} in the identity provider with role partner_user and "
				+ "partner_id {} (docs/operations.md)", user.username(), user.partnerId());
		return Mono.empty();
	}

	@Override
	public Mono<Void> disable(String username) {
		return Mono.empty();
	}

}
