package com.dealerdesk.platform.milestone;

import java.util.List;

import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells every {@link MilestoneListener} that a milestone was reached, one after the
 * other, in the caller's transaction: a listener's failure rolls the whole change back.
 */
@Component
public class Milestones {

	private final ObjectProvider<MilestoneListener> listeners;

	Milestones(ObjectProvider<MilestoneListener> listeners) {
		this.listeners = listeners;
	}

	public Mono<Void> reached(Actor actor, Milestone milestone) {
		List<MilestoneListener> all = this.listeners.orderedStream().toList();
		return Flux.fromIterable(all).concatMap(listener -> listener.milestoneReached(actor, milestone)).then();
	}

}
