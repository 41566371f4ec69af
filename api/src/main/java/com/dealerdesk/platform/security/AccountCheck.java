package com.dealerdesk.platform.security;

import reactor.core.publisher.Mono;

/**
 * Whether a signed-in caller's account may still be used, asked each time a token is
 * turned into an {@link Actor} (over HTTP and on a WebSocket's {@code connection_init}):
 * a portal user the vendor disabled, or the users of a suspended partner, are refused
 * although their tokens are still valid. The directory answers, from a short cache.
 */
public interface AccountCheck {

	Mono<Boolean> allows(Actor actor);

}
