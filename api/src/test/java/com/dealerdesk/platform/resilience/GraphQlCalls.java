package com.dealerdesk.platform.resilience;

import java.time.Duration;
import java.util.Map;

import com.dealerdesk.support.TestTokens;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static com.dealerdesk.support.TestPeople.ADMIN;

/**
 * Calls to one API instance as the resilience tests' clients make them: each answer
 * classified as a client would act on it, with how long it took.
 */
final class GraphQlCalls {

	static final String CREATE_CUSTOMER = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code } } }";

	static final String CUSTOMERS = "{ customers(first: 5) { edges { node { id name } } } }";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient client;

	GraphQlCalls(int port) {
		this.client = WebClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeader("Authorization", "Bearer " + TestTokens.tokenFor(ADMIN))
			.build();
	}

	/** What the client learnt from one call. */
	enum Kind {

		/** data came back without errors */
		OK,
		/** UNAVAILABLE, retryable: nothing was done */
		RETRY,
		/** the change may or may not have been saved */
		OUTCOME_UNKNOWN,
		/** no answer: the connection was refused or closed */
		NO_ANSWER,
		/** anything else: an internal error, a leak, a hang */
		OTHER

	}

	record Answer(Kind kind, long millis, JsonNode body, String problem) {

		JsonNode firstError() {
			return this.body == null ? null : this.body.path("errors").path(0);
		}

	}

	Answer createCustomer(String name) {
		return call(CREATE_CUSTOMER, Map.of("input", Map.of("name", name)));
	}

	Answer customers() {
		return call(CUSTOMERS, Map.of());
	}

	Answer call(String query, Map<String, Object> variables) {
		long start = System.nanoTime();
		try {
			// a GraphQL answer comes with 200, a refusal at shutdown with 503: both
			// bodies
			// say what happened
			String text = this.client.post()
				.uri("/graphql")
				.bodyValue(Map.of("query", query, "variables", variables))
				.exchangeToMono(response -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.flatMap(body -> response.statusCode().value() == 200 || response.statusCode().value() == 503
							? Mono.just(body)
							: Mono.error(new IllegalStateException("HTTP " + response.statusCode() + " " + body))))
				.block(Duration.ofSeconds(30));
			long millis = (System.nanoTime() - start) / 1_000_000;
			JsonNode body = JSON.readTree(text);
			JsonNode errors = body.path("errors");
			if (errors.isEmpty()) {
				return new Answer(Kind.OK, millis, body, null);
			}
			JsonNode extensions = errors.path(0).path("extensions");
			String code = extensions.path("code").asString("");
			if ("UNAVAILABLE".equals(extensions.path("classification").asString(""))
					&& extensions.path("retryable").asBoolean(false)) {
				return new Answer(Kind.RETRY, millis, body, null);
			}
			if ("OUTCOME_UNKNOWN".equals(code)) {
				return new Answer(Kind.OUTCOME_UNKNOWN, millis, body, null);
			}
			return new Answer(Kind.OTHER, millis, body, text);
		}
		catch (RuntimeException ex) {
			long millis = (System.nanoTime() - start) / 1_000_000;
			String message = String.valueOf(ex.getMessage());
			boolean noAnswer = message.contains("Connection refused") || message.contains("prematurely closed")
					|| message.contains("Connection reset");
			return new Answer(noAnswer ? Kind.NO_ANSWER : Kind.OTHER, millis, null, ex.toString());
		}
	}

}
