package com.dealerdesk.license;

import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventFeed;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** The license page's live view: the license, read again after each change to it. */
@Controller
class LicenseSubscriptions {

	private final EventFeed feed;

	private final LicenseService licenses;

	LicenseSubscriptions(EventFeed feed, LicenseService licenses) {
		this.feed = feed;
		this.licenses = licenses;
	}

	@SubscriptionMapping
	Flux<License> licenseChanged(@Argument String id, @ContextValue Actor actor) {
		UUID licenseId = GlobalId.requireUuidOf("License", id);
		return Mono.justOrEmpty(licenseId)
			.flatMap(known -> read(actor, known))
			.switchIfEmpty(
					Mono.error(() -> new InvalidArgumentException("NOT_FOUND", "No such license in your scope.")))
			.thenMany(this.feed.live(actor, "License", licenseId))
			.concatMap(event -> read(actor, licenseId));
	}

	private Mono<License> read(Actor actor, UUID id) {
		return this.licenses.licenses(actor, Set.of(id)).mapNotNull(found -> found.get(id));
	}

}
