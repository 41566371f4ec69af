package com.dealerdesk.platform.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crafted requests over every limit of the API's defaults (docs/api.md, "Limits"), sent
 * over real HTTP: each is refused before it runs, with the code of its limit; and a flood
 * of them from one client leaves another client's ordinary queries answered.
 */
class GraphQlLimitsTest extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SEARCH = "query($note: String) { licenses(search: $note, first: 1) { edges { node { id } } } }";

	@Autowired
	private PersistedOperations registered;

	/** Customers → licenses → customer → licenses: depth grows by three per round. */
	private static String nested(int rounds, int first) {
		String inner = "id";
		for (int i = 0; i < rounds; i++) {
			inner = "licenses(first: " + first + ") { edges { node { id customer { " + inner + " } } } }";
		}
		return "{ customers(first: " + first + ") { edges { node { " + inner + " } } } }";
	}

	@Test
	void deepNestingIsRefused() {
		JsonNode error = refused(REP, nested(5, 1), Map.of());
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("QUERY_TOO_DEEP");
		assertThat(error.path("extensions").path("limit").asInt()).isEqualTo(12);
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
	}

	@Test
	void largePagesMultipliedAcrossNestingAreRefusedWithTheirCost() {
		JsonNode error = refused(REP, nested(1, 100), Map.of());
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("QUERY_TOO_COSTLY");
		// 1 + 100 × (edges 1 + node 1 + licenses (1 + 100 × (1 + 1 + customer 1)))
		assertThat(error.path("extensions").path("cost").asLong()).isEqualTo(30_301);
		assertThat(error.path("extensions").path("limit").asLong()).isEqualTo(20_000);
		assertThat(error.path("message").asString()).contains("30301", "20000");
		// the same shape with small pages runs
		assertThat(post(REP, nested(1, 10), Map.of()).path("errors").isMissingNode()).isTrue();
	}

	@Test
	void aCachedDocumentIsMeasuredAndScopedForEveryRequest() {
		String pages = "query CachedPages($first: Int, $inner: Int) { customers(first: $first) { edges { node { "
				+ "licenses(first: $inner) { edges { node { id customer { id } } } } } } } }";
		assertThat(post(REP, pages, Map.of("first", 10, "inner", 10)).path("errors").isMissingNode()).isTrue();
		// the same text, parsed and validated once, with pages over the cost limit
		JsonNode costly = refused(REP, pages, Map.of("first", 100, "inner", 100));
		assertThat(costly.path("extensions").path("code").asString()).isEqualTo("QUERY_TOO_COSTLY");
		assertThat(costly.path("extensions").path("cost").asLong()).isEqualTo(30_301);
		// and by a token without the read scope
		JsonNode unscoped = JSON.readTree(WebClient.create("http://localhost:" + this.port + "/graphql")
			.post()
			.header("Authorization", "Bearer " + TestTokens.noScopeTokenFor(REP))
			.bodyValue(Map.of("query", pages, "variables", Map.of("first", 1, "inner", 1)))
			.exchangeToMono(response -> response.bodyToMono(String.class))
			.block(Duration.ofSeconds(30)));
		assertThat(unscoped.path("errors").get(0).path("extensions").path("code").asString())
			.isEqualTo("INSUFFICIENT_SCOPE");
		assertThat(unscoped.path("data").path("customers").isMissingNode()).isTrue();
	}

	@Test
	void signedFilesCarryTheirWeight() {
		String signatures = "licenses(first: 100) { edges { node { signedFile } } }";
		JsonNode error = refused(REP, "{ "
				+ IntStream.range(0, 10).mapToObj(i -> "a" + i + ": " + signatures).collect(Collectors.joining(" "))
				+ " }", Map.of());
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("QUERY_TOO_COSTLY");
		assertThat(error.path("extensions").path("cost").asLong()).isEqualTo(10 * (1 + 100 * (1 + 1 + 20)));
	}

	@Test
	void aliasFloodsAreRefused() {
		String aliases = IntStream.range(0, 300).mapToObj(i -> "a" + i + ": id").collect(Collectors.joining(" "));
		JsonNode error = refused(REP, "{ customers(first: 1) { edges { node { " + aliases + " } } } }", Map.of());
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("TOO_MANY_ALIASES");
		assertThat(error.path("extensions").path("limit").asInt()).isEqualTo(30);
	}

	@Test
	void manyRootFieldsAreRefused() {
		// 100 × 4 fields: within the field limit, five times the root field limit
		String roots = IntStream.range(0, 100)
			.mapToObj(i -> "c" + i + ": customers(first: 100) { edges { node { id } } }")
			.collect(Collectors.joining(" "));
		JsonNode error = refused(REP, "{ " + roots + " }", Map.of());
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("TOO_MANY_ROOT_FIELDS");
	}

	@Test
	void fiveHundredRepeatedFieldsAreRefused() {
		String names = "name ".repeat(500);
		JsonNode error = refused(REP, "{ customers(first: 1) { edges { node { " + names + " } } } }", Map.of());
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("TOO_MANY_FIELDS");
		assertThat(error.path("extensions").path("limit").asInt()).isEqualTo(400);
	}

	@Test
	void tooManyWrittenFieldsAreRefusedBeforeValidation() {
		// validation would report each unknown field; the count refuses the document
		// first
		String unknown = IntStream.range(0, 500).mapToObj(i -> "nope" + i).collect(Collectors.joining(" "));
		JsonNode error = refused(REP, "{ customers(first: 1) { edges { node { " + unknown + " } } } }", Map.of());
		assertThat(error.path("extensions").path("code").asString()).isEqualTo("TOO_MANY_FIELDS");
	}

	@Test
	void fragmentCyclesAreRefusedByValidation() {
		JsonNode answer = post(REP, """
				{ customers(first: 1) { edges { node { ...A } } } }
				fragment A on Customer { name ...B }
				fragment B on Customer { id ...A }""", Map.of());
		assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).isTrue();
		JsonNode error = answer.path("errors").get(0);
		assertThat(error.path("extensions").path("classification").asString()).isEqualTo("ValidationError");
		assertThat(error.path("message").asString()).containsIgnoringCase("cycle");
	}

	@Test
	void oversizedVariablesAndRequestsAreRefused() {
		JsonNode variables = refused(REP, SEARCH, Map.of("note", "x".repeat(100_000)));
		assertThat(variables.path("extensions").path("code").asString()).isEqualTo("VARIABLES_TOO_LARGE");
		assertThat(variables.path("extensions").path("limit").asLong()).isEqualTo(64 * 1024);
		// 2 MB of variables, as in the issue
		assertThat(
				refused(REP, SEARCH, Map.of("note", "x".repeat(2_000_000))).path("extensions").path("code").asString())
			.isEqualTo("VARIABLES_TOO_LARGE");
		JsonNode request = refused(REP, "{ viewer { subject } }\n# " + "x".repeat(300_000), Map.of());
		assertThat(request.path("extensions").path("code").asString()).isEqualTo("REQUEST_TOO_LARGE");
	}

	@Test
	void batchesGetAndFormPostsAreRefused() {
		String batch = IntStream.range(0, 1000)
			.mapToObj(i -> "{\"query\":\"{ viewer { subject } }\"}")
			.collect(Collectors.joining(",", "[", "]"));
		HttpStatusCode status = http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(REP))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(batch)
			.exchange()
			.returnResult(String.class)
			.getStatus();
		assertThat(status.value()).isEqualTo(400);
		assertThat(http().get()
			.uri("/graphql?query={query}", "{ viewer { subject } }")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(REP))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value()).isEqualTo(405);
		assertThat(http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(REP))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("query=%7B%20viewer%20%7B%20subject%20%7D%20%7D")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value()).isEqualTo(415);
	}

	@Test
	void graphiqlsIntrospectionQueryPassesTheLimitsWhereIntrospectionIsOn() {
		JsonNode answer = post(ADMIN, IntrospectionQuery.INTROSPECTION_QUERY, Map.of());
		assertThat(answer.path("errors").isMissingNode()).as("%s", answer.path("errors")).isTrue();
		assertThat(answer.path("data").path("__schema").path("types").size()).isGreaterThan(100);
	}

	@Test
	void registeredOperationsRunByTheirHash() {
		Map.Entry<String, String> viewer = this.registered.byHash()
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue().startsWith("query Viewer"))
			.findFirst()
			.orElseThrow();
		JsonNode byHash = postWith(REP, PersistedOperations.MARKER, Map.of(),
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", viewer.getKey())));
		assertThat(byHash.path("data").path("viewer").path("subject").asString()).isEqualTo("t-rep");
		JsonNode unknown = postWith(REP, PersistedOperations.MARKER, Map.of(),
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "0".repeat(64))));
		assertThat(unknown.path("errors").get(0).path("extensions").path("code").asString())
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		JsonNode mismatch = postWith(REP, "{ customers(first: 100) { totalCount } }", Map.of(),
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", viewer.getKey())));
		assertThat(mismatch.path("errors").get(0).path("extensions").path("code").asString())
			.isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
	}

	/**
	 * One client floods the API with refused requests while another sends ordinary
	 * queries; prints the ordinary queries' latency alone and during the flood.
	 */
	@Test
	void aFloodOfRefusedRequestsLeavesOtherClientsAnswered() {
		String ordinary = "{ customers(first: 10) { edges { node { id name } } } }";
		List<Long> alone = timed(ADMIN, ordinary, 30);
		// 100 × 4 fields: within the field limit, five times the root field limit
		String roots = IntStream.range(0, 100)
			.mapToObj(i -> "c" + i + ": customers(first: 100) { edges { node { id } } }")
			.collect(Collectors.joining(" ", "{ ", " }"));
		List<String> flood = List.of(nested(5, 1), nested(1, 100), roots,
				"{ customers(first: 1) { edges { node { " + "name ".repeat(500) + " } } } }");
		long started = System.nanoTime();
		Mono<List<String>> flooding = Flux.range(0, 600)
			.flatMap(i -> client(REP).post()
				.bodyValue(Map.of("query", flood.get(i % flood.size())))
				.exchangeToMono(response -> response.bodyToMono(String.class)), 16)
			.collectList()
			.cache();
		flooding.subscribe();
		List<Long> during = timed(ADMIN, ordinary, 30);
		List<String> refusals = flooding.block(Duration.ofMinutes(2));
		double floodSeconds = (System.nanoTime() - started) / 1e9;
		assertThat(refusals).hasSize(600);
		assertThat(during).hasSize(30);
		System.out.printf(
				"ordinary query latency ms alone: p50 %d p95 %d max %d; during a flood of 600 "
						+ "refused requests (16 at a time, %.1f s, %.0f/s): p50 %d p95 %d max %d%n",
				percentile(alone, 50), percentile(alone, 95), percentile(alone, 100), floodSeconds, 600 / floodSeconds,
				percentile(during, 50), percentile(during, 95), percentile(during, 100));
	}

	private List<Long> timed(TestUser user, String query, int times) {
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			long start = System.nanoTime();
			JsonNode answer = post(user, query, Map.of());
			millis.add((System.nanoTime() - start) / 1_000_000);
			assertThat(answer.path("errors").isMissingNode()).as("%s", answer).isTrue();
		}
		return millis;
	}

	private static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
	}

	/** The one error of a request refused before it ran (no data), answered quickly. */
	private JsonNode refused(TestUser user, String query, Map<String, Object> variables) {
		long start = System.nanoTime();
		JsonNode answer = post(user, query, variables);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(answer.path("data").isNull() || answer.path("data").isMissingNode()).as("%s", answer).isTrue();
		assertThat(answer.path("errors").size()).as("%s", answer).isEqualTo(1);
		System.out.printf("refused in %d ms: %s%n", millis, answer.path("errors").get(0).path("extensions"));
		return answer.path("errors").get(0);
	}

	private JsonNode post(TestUser user, String query, Map<String, Object> variables) {
		return postWith(user, query, variables, Map.of());
	}

	private JsonNode postWith(TestUser user, String query, Map<String, Object> variables,
			Map<String, Object> extensions) {
		String body = client(user).post()
			.bodyValue(Map.of("query", query, "variables", variables, "extensions", extensions))
			.exchangeToMono(response -> response.bodyToMono(String.class))
			.block(Duration.ofSeconds(30));
		return JSON.readTree(body);
	}

	private WebClient client(TestUser user) {
		return WebClient.builder()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeader("Authorization", "Bearer " + TestTokens.tokenFor(user))
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024))
			.build();
	}

}
