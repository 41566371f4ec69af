package com.dealerdesk;

import java.io.FileInputStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BlockHound (installed for every test by blockhound-junit-platform) turns a blocking
 * call on a non-blocking thread into an error, so such a call in the API fails its test.
 */
class BlockingOnEventLoopTest {

	@Test
	void aBlockingCallOnANonBlockingThreadFails() {
		StepVerifier.create(readingAFile().subscribeOn(Schedulers.parallel()))
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("Blocking call!"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void blockingWorkOnBoundedElasticIsAllowed() {
		StepVerifier.create(readingAFile().subscribeOn(Schedulers.boundedElastic()))
			.expectNextMatches(length -> length > 0)
			.verifyComplete();
	}

	private static Mono<Integer> readingAFile() {
		return Mono.fromCallable(() -> {
			try (FileInputStream pom = new FileInputStream("pom.xml")) {
				return pom.readAllBytes().length;
			}
		});
	}

}
