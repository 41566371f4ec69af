package com.dealerdesk.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Mutation payloads: the changed object and no errors, or no object and the user errors a
 * service rejected the change with (its transaction rolled back), told to the
 * {@link RejectedChanges} of the Reactor context if there is one.
 */
public final class Payloads {

	/**
	 * A guard: more user errors than this are cut, with a note saying how many were left
	 * out. Oversized lists are refused with one error each before their elements are
	 * checked ({@link InputValidator}), so only a pathological input gets here.
	 */
	static final int MAX_USER_ERRORS = 100;

	private Payloads() {
	}

	/**
	 * @param change the service call, made inside the payload's error handling so that a
	 * service rejecting its input before it returns a {@code Mono} is answered with user
	 * errors too
	 * @param payload the payload's constructor, (object, userErrors)
	 */
	public static <T, P> Mono<P> of(Supplier<Mono<T>> change, BiFunction<T, List<UserError>, P> payload) {
		return Mono.defer(change)
			.map(value -> payload.apply(value, List.of()))
			.onErrorResume(UserErrorsException.class, ex -> Mono.deferContextual(context -> {
				context.<RejectedChanges>getOrEmpty(RejectedChanges.class).ifPresent(listener -> listener.rejected(ex));
				return Mono.just(payload.apply(null, capped(ex.errors())));
			}));
	}

	static List<UserError> capped(List<UserError> errors) {
		if (errors.size() <= MAX_USER_ERRORS) {
			return errors;
		}
		List<UserError> first = new ArrayList<>(errors.subList(0, MAX_USER_ERRORS));
		first.add(UserError.of(UserErrorCode.INVALID_VALUE, (errors.size() - MAX_USER_ERRORS)
				+ " more problems are not listed: fix these and send the input again."));
		return List.copyOf(first);
	}

}
