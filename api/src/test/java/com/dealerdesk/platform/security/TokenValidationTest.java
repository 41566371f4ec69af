package com.dealerdesk.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static com.dealerdesk.support.TestPeople.INTEGRATION;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens are checked fully (issuer, audience, algorithm, expiry, not-before) and scopes
 * decide what a caller may do: real signed JWTs over real HTTP and WebSocket.
 */
class TokenValidationTest extends ApiTest {

	private static final String VIEWER = "{ viewer { subject } }";

	private static final String CUSTOMERS = "{ customers(first: 5) { edges { node { id name } } } }";

	@Test
	void refusedTokensGet401WithAFixedDescriptionAndOurOwnBody() {
		Map<String, String> tokens = new LinkedHashMap<>();
		tokens.put("expired", TestTokens.expiredTokenFor(REP));
		tokens.put("not yet valid", TestTokens.notYetValidTokenFor(REP));
		tokens.put("wrong audience", TestTokens.wrongAudienceTokenFor(REP));
		tokens.put("wrong issuer", TestTokens.wrongIssuerTokenFor(REP));
		tokens.put("alg none", TestTokens.algNoneTokenFor(REP));
		tokens.put("HS256 with the public key as secret", TestTokens.hs256TokenFor(REP));
		tokens.put("signed by another key", TestTokens.forgedTokenFor(REP));
		tokens.forEach((kind, token) -> {
			EntityExchangeResult<byte[]> result = post(token, VIEWER).expectStatus()
				.isEqualTo(HttpStatus.UNAUTHORIZED)
				.expectBody()
				.returnResult();
			String challenge = result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE);
			assertThat(challenge).as(kind)
				.isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + RefusedTokens.INVALID + "\"");
			// the body is GraphQL-shaped, with our message and no word of the decoder's
			String body = new String(result.getResponseBody(), StandardCharsets.UTF_8);
			assertThat(body).as(kind).contains("\"code\":\"UNAUTHORIZED\"").doesNotContainIgnoringCase("jwt");
		});
	}

	@Test
	void aTokenJustExpiredPassesWithinTheClockSkew() {
		String token = TestTokens.token(REP).expiresAt(Instant.now().minusSeconds(2)).sign();
		post(token, VIEWER).expectStatus().isOk().expectBody().jsonPath("$.data.viewer.subject").isEqualTo("t-rep");
	}

	@Test
	void aReadOnlyTokenQueriesButCannotMutate() {
		String token = TestTokens.readOnlyTokenFor(REP);
		post(token, VIEWER).expectStatus().isOk().expectBody().jsonPath("$.data.viewer.subject").isEqualTo("t-rep");

		String name = unique("Read only");
		post(token, "mutation { createCustomer(input: {name: \"" + name + "\"}) { customer { id } } }").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("INSUFFICIENT_SCOPE")
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("FORBIDDEN")
			.jsonPath("$.errors[0].extensions.requiredScope")
			.isEqualTo("dealerdesk.write")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("dealerdesk.write"));
		assertThat(count("select count(*) from customer where name = $1", name)).isZero();
	}

	@Test
	void aClientCredentialsTokenWithoutScopesReadsNothing() {
		post(TestTokens.noScopeTokenFor(INTEGRATION), CUSTOMERS).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors.length()")
			.isEqualTo(1)
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("INSUFFICIENT_SCOPE")
			.jsonPath("$.errors[0].extensions.requiredScope")
			.isEqualTo("dealerdesk.read");
		// the same client with the read scope reads
		post(TestTokens.readOnlyTokenFor(INTEGRATION), CUSTOMERS).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.customers.edges")
			.isArray();
	}

	@Test
	void aSubscriptionWithoutTheReadScopeIsRefused() {
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.noScopeTokenFor(INTEGRATION))) {
			socket.subscribe("events", "subscription { events { position type } }", Map.of());
			JsonNode error = onlyError(socket.next(), "events");
			assertThat(error.path("extensions").path("code").asString()).isEqualTo("INSUFFICIENT_SCOPE");
			assertThat(error.path("extensions").path("classification").asString()).isEqualTo("FORBIDDEN");
			assertThat(error.path("extensions").path("requiredScope").asString()).isEqualTo("dealerdesk.read");

			assertThat(socket.next().path("type").asString()).isEqualTo("complete");
			// a mutation over the same socket needs the write scope as over HTTP
			socket.subscribe("write", "mutation { createCustomer(input: {name: \"x\"}) { customer { id } } }",
					Map.of());
			assertThat(onlyError(socket.next(), "write").path("extensions").path("requiredScope").asString())
				.isEqualTo("dealerdesk.write");
		}
	}

	@Test
	void aSocketWithATokenForAnotherAudienceIsClosed() {
		for (String token : List.of(TestTokens.wrongAudienceTokenFor(REP), TestTokens.algNoneTokenFor(REP))) {
			try (GraphQlSocket socket = GraphQlSocket.open(this.port)) {
				socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
				assertThat(socket.awaitClose(Duration.ofSeconds(20)).code()).isEqualTo(4401);
			}
		}
	}

	/**
	 * The one error of a refused operation: a {@code next} message with errors and no
	 * data.
	 */
	static JsonNode onlyError(JsonNode message, String id) {
		assertThat(message.path("id").asString()).isEqualTo(id);
		assertThat(message.path("type").asString()).isEqualTo("next");
		assertThat(message.path("payload").has("data")).isFalse();
		assertThat(message.path("payload").path("errors").size()).isEqualTo(1);
		return message.path("payload").path("errors").path(0);
	}

	private ResponseSpec post(String token, String query) {
		return http().post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange();
	}

}
