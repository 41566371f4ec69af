package com.dealerdesk.support;

import java.time.Clock;

import com.dealerdesk.platform.security.TokenProperties;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * What the API tests add to the application: trust in the test key, the schema report,
 * and the finished spans of watched traces.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestApiConfig {

	/** Replaces the system clock, so that tests can travel in time. */
	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	/**
	 * Replaces the issuer's decoder (which would fetch the issuer's keys). Test tokens
	 * are signed in real time, so their times are checked by the real clock while a test
	 * moves the application's.
	 */
	@Bean
	@Primary
	ReactiveJwtDecoder testJwtDecoder(TokenProperties tokens) {
		return TestTokens.decoder(TestTokens.publicKey(), tokens, Clock.systemUTC());
	}

	/** The spans of traces that tests watch ({@code ObservabilityTest}). */
	@Bean
	FinishedSpans finishedSpans() {
		return new FinishedSpans();
	}

	/** Keeps Spring for GraphQL's schema mapping report for {@code SchemaMappingTest}. */
	@Bean
	GraphQlSourceBuilderCustomizer keepSchemaReport() {
		return builder -> builder.inspectSchemaMappings(ApiTest.SCHEMA_REPORT::set);
	}

}
