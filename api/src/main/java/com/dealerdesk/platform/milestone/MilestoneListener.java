package com.dealerdesk.platform.milestone;

import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

/**
 * A feature that acts when a {@link Milestone} is reached, inside the transaction that
 * reached it (billing sets the due dates of the planned payments it triggers). The
 * feature that reaches the milestone does not know its listeners, so neither depends on
 * the other.
 */
public interface MilestoneListener {

	Mono<Void> milestoneReached(Actor actor, Milestone milestone);

}
