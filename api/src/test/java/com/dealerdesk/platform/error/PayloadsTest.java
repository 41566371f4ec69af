package com.dealerdesk.platform.error;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadsTest {

	record Payload(String value, List<UserError> userErrors) {

	}

	@Test
	void moreUserErrorsThanTheCapAreCutWithANoteSayingHowManyAreLeftOut() {
		List<UserError> many = IntStream.range(0, 250)
			.mapToObj(i -> UserError.of(UserErrorCode.INVALID_VALUE, "Bad.", "input", "lines", String.valueOf(i)))
			.toList();

		Payloads.of(() -> Mono.<String>error(new UserErrorsException(many)), Payload::new)
			.as(StepVerifier::create)
			.assertNext(payload -> {
				assertThat(payload.userErrors()).hasSize(Payloads.MAX_USER_ERRORS + 1)
					.startsWith(many.subList(0, Payloads.MAX_USER_ERRORS).toArray(UserError[]::new));
				assertThat(payload.userErrors().get(Payloads.MAX_USER_ERRORS).message())
					.startsWith("150 more problems are not listed");
			})
			.verifyComplete();

		Payloads.of(() -> Mono.<String>error(new UserErrorsException(many.subList(0, 3))), Payload::new)
			.as(StepVerifier::create)
			.assertNext(payload -> assertThat(payload.userErrors()).isEqualTo(many.subList(0, 3)))
			.verifyComplete();
	}

}
