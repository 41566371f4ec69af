package com.dealerdesk.platform.graphql;

import java.util.Set;

import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

/**
 * Implemented by each feature for the node types it owns, so {@code node(id:)} can fetch
 * any object without the platform knowing the features.
 */
public interface NodeFetcher {

	Set<String> typeNames();

	/** The object, or empty when it does not exist or is outside the actor's scope. */
	Mono<Object> fetch(Actor actor, GlobalId id);

}
