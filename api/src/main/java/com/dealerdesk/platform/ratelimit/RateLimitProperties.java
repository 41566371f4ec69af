package com.dealerdesk.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets per caller: each request takes one token; a bucket holds at most its
 * burst and refills at its rate. Buckets live in each API instance's memory.
 *
 * @param enabled off only for development or load tests
 * @param userPerSecond refill of a person's bucket (the token's {@code sub}, shared by
 * all their tokens and apps)
 * @param userBurst size of a person's bucket
 * @param clientPerSecond refill of an integration's bucket (its client id)
 * @param clientBurst size of an integration's bucket
 */
@ConfigurationProperties("dealerdesk.security.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer userPerSecond, Integer userBurst, Integer clientPerSecond,
		Integer clientBurst) {

	public RateLimitProperties {
		enabled = enabled == null || enabled;
		userPerSecond = positive(userPerSecond, 20, "user-per-second");
		userBurst = positive(userBurst, 40, "user-burst");
		clientPerSecond = positive(clientPerSecond, 50, "client-per-second");
		clientBurst = positive(clientBurst, 100, "client-burst");
	}

	private static int positive(Integer value, int otherwise, String name) {
		if (value == null) {
			return otherwise;
		}
		if (value < 1) {
			throw new IllegalArgumentException("dealerdesk.security.rate-limit." + name + " must be at least 1.");
		}
		return value;
	}

}
