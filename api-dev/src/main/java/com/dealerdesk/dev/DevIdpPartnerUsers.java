package com.dealerdesk.dev;

import com.dealerdesk.devidp.DevIdpUsers;
import com.dealerdesk.directory.PartnerUserProvisioning;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Partner portal users made in the development identity provider when it runs in this JVM
 * (the default of {@code ./dealerdesk run}): the invited user signs in at once with the
 * one-time password the invitation shows.
 */
@Component
@Order(0)
class DevIdpPartnerUsers implements PartnerUserProvisioning {

	@Override
	public boolean isAvailable() {
		return DevIdpUsers.running();
	}

	@Override
	public Mono<String> provision(NewPartnerUser user) {
		return Mono.fromCallable(
				() -> DevIdpUsers.addPartnerUser(user.username(), user.name(), user.email(), user.partnerId()));
	}

	@Override
	public Mono<Void> disable(String username) {
		return Mono.fromRunnable(() -> DevIdpUsers.disable(username));
	}

}
