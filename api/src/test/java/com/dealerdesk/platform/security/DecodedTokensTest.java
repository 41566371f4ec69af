package com.dealerdesk.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.dealerdesk.support.TestClock;
import com.dealerdesk.support.TestTokens;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token is decoded once and then answered from memory until its expiry, by the
 * application's clock; a refused token is decoded (and refused) every time.
 */
class DecodedTokensTest {

	private final TestClock clock = new TestClock();

	private final AtomicInteger decoded = new AtomicInteger();

	private final ReactiveJwtDecoder decoder = TestTokens.decoder(TestTokens.publicKey(),
			new TokenProperties(null, null, Duration.ofSeconds(30), null, null), this.clock);

	private final DecodedTokens tokens = new DecodedTokens(token -> {
		this.decoded.incrementAndGet();
		return this.decoder.decode(token);
	}, this.clock, 100);

	@Test
	void aTokenIsDecodedOnceAndRefusedOnceItHasExpired() {
		String token = TestTokens.tokenFor(REP, Instant.now().plusSeconds(60));
		this.tokens.decode(token).map(Jwt::getSubject).as(StepVerifier::create).expectNext("t-rep").verifyComplete();
		this.tokens.decode(token).map(Jwt::getSubject).as(StepVerifier::create).expectNext("t-rep").verifyComplete();
		assertThat(this.decoded).hasValue(1);

		// past its exp the decoder answers again: it still takes the token within the
		// clock skew, and no longer after that
		this.clock.travel(Duration.ofSeconds(61));
		this.tokens.decode(token).map(Jwt::getSubject).as(StepVerifier::create).expectNext("t-rep").verifyComplete();
		assertThat(this.decoded).hasValue(2);
		this.clock.travel(Duration.ofSeconds(30));
		this.tokens.decode(token).as(StepVerifier::create).expectError(JwtValidationException.class).verify();
		assertThat(this.decoded).hasValue(3);
	}

	@Test
	void aTokenWithABadSignatureIsNeverKept() {
		String forged = TestTokens.forgedTokenFor(REP);
		for (int i = 0; i < 2; i++) {
			this.tokens.decode(forged).as(StepVerifier::create).expectError().verify();
		}
		assertThat(this.decoded).hasValue(2);
	}

}
