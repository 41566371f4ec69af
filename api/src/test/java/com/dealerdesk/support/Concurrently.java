package com.dealerdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.dealerdesk.support.TestTokens.TestUser;
import reactor.core.publisher.Flux;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same GraphQL request sent {@link #TIMES} times at once over real HTTP, as a
 * double-click, a retrying client or a busy integration does: every request is subscribed
 * before the first answer arrives. An at-most-once rule must let exactly one through and
 * answer the others with a clean user error, never an INTERNAL_ERROR.
 */
public final class Concurrently {

	public static final int TIMES = 10;

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private Concurrently() {
	}

	/**
	 * Sends one mutation of a document in {@code graphql-test/} with the given input and
	 * returns each answer's payload ({@code data.<operation>}). Fails if any answer
	 * carries a GraphQL error.
	 */
	public static List<Map<String, Object>> mutate(int port, TestUser user, String document, String operation,
			Map<String, Object> input) {
		return mutateEach(port, user, document, operation, Collections.nCopies(TIMES, input));
	}

	/** As {@link #mutate}, for a document whose input variable has another name. */
	public static List<Map<String, Object>> mutate(int port, TestUser user, String document, String operation,
			String variable, Map<String, Object> input) {
		return send(port, user, document, operation, variable, Collections.nCopies(TIMES, input));
	}

	/**
	 * Sends one mutation once per input, all at once, and returns the payloads in the
	 * order of the inputs.
	 */
	public static List<Map<String, Object>> mutateEach(int port, TestUser user, String document, String operation,
			List<Map<String, Object>> inputs) {
		return send(port, user, document, operation, "input", inputs);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> send(int port, TestUser user, String document, String operation,
			String variable, List<Map<String, Object>> inputs) {
		WebClient client = WebClient.builder()
			.baseUrl("http://localhost:" + port + "/graphql")
			.defaultHeader("Authorization", "Bearer " + TestTokens.tokenFor(user))
			.build();
		String query = text(document);
		List<Map<String, Object>> answers = Flux.fromIterable(inputs)
			.flatMapSequential(input -> client.post()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", query, "operationName", operation, "variables", Map.of(variable, input)))
				.retrieve()
				.bodyToMono(MAP), inputs.size())
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(answers).hasSize(inputs.size())
			.allSatisfy(answer -> assertThat(answer.get("errors")).as("GraphQL errors").isNull());
		return answers.stream()
			.map(answer -> (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get(operation))
			.toList();
	}

	/**
	 * Exactly one payload without user errors, and every other one with the given
	 * outcome, e.g. {@code "input.quoteId=CONFLICT"}: the answer a duplicate sent later
	 * gets.
	 */
	public static void assertOneThroughAndTheOthers(List<Map<String, Object>> payloads, String outcome) {
		assertThat(outcomes(payloads)).containsOnlyOnce("ok")
			.filteredOn(each -> !each.equals("ok"))
			.hasSize(payloads.size() - 1)
			.containsOnly(outcome);
	}

	/**
	 * Each payload as "ok" when it has no user errors, else its errors as "field=CODE".
	 */
	@SuppressWarnings("unchecked")
	public static List<String> outcomes(List<Map<String, Object>> payloads) {
		return payloads.stream().map(payload -> {
			List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("userErrors");
			if (errors == null || errors.isEmpty()) {
				return "ok";
			}
			return String.join(" ", errors.stream()
				.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field")))
						+ "=" + error.get("code"))
				.toList());
		}).toList();
	}

	private static String text(String document) {
		try {
			return new ClassPathResource("graphql-test/" + document + ".graphql")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
