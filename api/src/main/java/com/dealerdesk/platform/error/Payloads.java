package com.dealerdesk.platform.error;

import java.util.List;
import java.util.function.BiFunction;

import reactor.core.publisher.Mono;

/**
 * Mutation payloads: the changed object and no errors, or no object and the user errors a
 * service rejected the change with (its transaction rolled back).
 */
public final class Payloads {

	private Payloads() {
	}

	/**
	 * @param payload the payload's constructor, (object, userErrors)
	 */
	public static <T, P> Mono<P> of(Mono<T> change, BiFunction<T, List<UserError>, P> payload) {
		return change.map(value -> payload.apply(value, List.of()))
			.onErrorResume(UserErrorsException.class, ex -> Mono.just(payload.apply(null, ex.errors())));
	}

}
