package com.dealerdesk.support;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.dealerdesk.support.TestTokens.TestUser;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a GraphQL request in a sampled trace of its own and counts the SQL statements the
 * API ran for it: the r2dbc-proxy spans (named {@code query}) of that trace, read once
 * the request's server span has ended.
 */
public final class CountedStatements {

	private CountedStatements() {
	}

	/** The response's {@code data} and the number of statements it took. */
	public record Counted(Map<String, Object> data, long statements) {

	}

	public static Counted send(WebTestClient http, FinishedSpans spans, TestUser user, String query,
			Map<String, Object> variables) {
		HexFormat hex = HexFormat.of();
		String traceId = hex.toHexDigits(ThreadLocalRandom.current().nextLong())
				+ hex.toHexDigits(ThreadLocalRandom.current().nextLong());
		spans.watch(traceId);
		Map<String, Object> body = http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(user))
			.header("traceparent",
					"00-" + traceId + "-" + hex.toHexDigits(ThreadLocalRandom.current().nextLong() | 1) + "-01")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(body).doesNotContainKey("errors");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> spans.of(traceId).stream().anyMatch(span -> span.getName().startsWith("http post")));
		List<SpanData> finished = spans.of(traceId);
		@SuppressWarnings("unchecked")
		Map<String, Object> data = (Map<String, Object>) body.get("data");
		return new Counted(data, finished.stream().filter(span -> span.getName().equals("query")).count());
	}

}
