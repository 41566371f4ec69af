package com.dealerdesk.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Bearer tokens decoded once: a client sends the same token with every request until it
 * expires, and checking its signature each time was the largest part of authenticating a
 * request. A token the decoder accepted is kept by its text until its {@code exp}, by the
 * application's clock (the decoder itself still accepts it for the clock skew after that,
 * so a token never passes here when the decoder would refuse it); a token the decoder
 * refused (a bad signature, another audience, expired) is never kept. Whether the account
 * may still be used is asked with every request all the same
 * (ActorAuthenticationConverter, AccountCheck).
 */
final class DecodedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> tokens;

	DecodedTokens(ReactiveJwtDecoder decoder, Clock clock, long maxTokens) {
		this.decoder = decoder;
		this.clock = clock;
		this.tokens = Caffeine.newBuilder()
			.maximumSize(maxTokens)
			.expireAfter(Expiry.creating((String token, Jwt jwt) -> validFor(jwt)))
			.build();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.tokens.getIfPresent(token);
		if (known != null && isValid(known)) {
			return Mono.just(known);
		}
		return this.decoder.decode(token).doOnNext(jwt -> {
			if (isValid(jwt)) {
				this.tokens.put(token, jwt);
			}
		});
	}

	private boolean isValid(Jwt jwt) {
		return jwt.getExpiresAt() != null && this.clock.instant().isBefore(jwt.getExpiresAt());
	}

	/**
	 * How long Caffeine keeps it; {@link #isValid} decides by the application's clock.
	 */
	private Duration validFor(Jwt jwt) {
		Instant expires = jwt.getExpiresAt();
		return (expires != null) ? Duration.between(this.clock.instant(), expires) : Duration.ZERO;
	}

}
