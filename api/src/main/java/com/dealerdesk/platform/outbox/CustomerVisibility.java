package com.dealerdesk.platform.outbox;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

/**
 * Which customers an actor may read now, asked of the customer area when an event about a
 * customer is delivered to someone whose scope is narrower than the whole tenant (a rep,
 * a manager): the same rule as queries, applied at delivery, not at subscription.
 */
public interface CustomerVisibility {

	Mono<Set<UUID>> visibleTo(Actor actor, Collection<UUID> customerIds);

}
