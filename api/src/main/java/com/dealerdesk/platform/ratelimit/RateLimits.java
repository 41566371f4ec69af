package com.dealerdesk.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The buckets: one per person (the token's {@code sub}, whichever app or token they use)
 * and one per integration (its client id: {@code azp}, else {@code client_id}, else
 * {@code sub}). Idle buckets leave the cache after a minute, long after they would have
 * refilled, and the cache holds at most {@value #MAX_CALLERS} callers, so memory stays
 * bounded whatever the number of callers.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimits {

	private static final int MAX_CALLERS = 100_000;

	private final RateLimitProperties limits;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(MAX_CALLERS)
		.expireAfterAccess(Duration.ofMinutes(1))
		.build();

	RateLimits(RateLimitProperties limits) {
		this.limits = limits;
	}

	/**
	 * Takes one token from the caller's bucket: empty when the request may go on,
	 * otherwise the refusal with the seconds until a token is back.
	 */
	Optional<Refusal> take(Authentication authentication) {
		if (!this.limits.enabled() || !(authentication.getPrincipal() instanceof Actor actor)) {
			return Optional.empty();
		}
		boolean integration = actor.has(Role.INTEGRATION) && !actor.isUser();
		String key = integration ? "client:" + clientId(actor, authentication.getCredentials())
				: "user:" + actor.subject();
		int perSecond = integration ? this.limits.clientPerSecond() : this.limits.userPerSecond();
		int burst = integration ? this.limits.clientBurst() : this.limits.userBurst();
		Bucket bucket = this.buckets.get(key,
				caller -> Bucket.builder()
					.addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return Optional.empty();
		}
		// whole seconds, rounded up: a client that waits that long finds a token
		long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
		return Optional.of(new Refusal(seconds, perSecond, burst));
	}

	private static String clientId(Actor actor, Object credentials) {
		if (credentials instanceof Jwt jwt) {
			for (String claim : new String[] { "azp", "client_id" }) {
				String value = jwt.getClaimAsString(claim);
				if (value != null && !value.isBlank()) {
					return value;
				}
			}
		}
		return actor.subject();
	}

	/** Why and for how long a caller is refused. */
	record Refusal(long retryAfterSeconds, int perSecond, int burst) {

		static final String CODE = "RATE_LIMITED";

		static final String CLASSIFICATION = "TOO_MANY_REQUESTS";

		String message() {
			return "Too many requests: this caller may make " + this.perSecond + " requests per second (bursts of "
					+ this.burst + "). Retry after " + this.retryAfterSeconds + " s.";
		}

		Map<String, Object> extensions() {
			return Map.of("code", CODE, "classification", CLASSIFICATION, "retryAfterSeconds", this.retryAfterSeconds);
		}

	}

}
