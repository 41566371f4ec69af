package com.dealerdesk.platform.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.FinishedSpans;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator watches: the probes on the API's port, the actuator with details and
 * the Prometheus metrics on the management port (series that exist and move), and a
 * caller's trace context carried from the HTTP request through GraphQL into the database
 * statements.
 */
class ObservabilityTest extends ApiTest {

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private FinishedSpans spans;

	@Test
	void probesOnTheApiPortAnswerWithTheirStatusOnly() {
		for (String probe : List.of("/livez", "/readyz")) {
			http().get()
				.uri(probe)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("UP")
				.jsonPath("$.components")
				.doesNotExist()
				.jsonPath("$.details")
				.doesNotExist();
		}
		// the actuator itself is not served on the API's port
		http().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.value(status -> assertThat(status).isIn(401, 404));
	}

	@Test
	void theManagementPortShowsHealthWithTheDatabaseInReadiness() {
		management().get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.r2dbc.status")
			.isEqualTo("UP")
			.jsonPath("$.components.r2dbc.details.database")
			.exists();
		management().get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void requestsAreCountedAndTimedPerOperationName() {
		String series = "graphql_request_seconds_count{graphql_operation_name=\"ObservedCustomers\"}";
		double before = sum(scrape(), series);
		for (int i = 0; i < 3; i++) {
			post(REP, "query ObservedCustomers { customers(first: 1) { edges { node { id } } } }").expectStatus()
				.isOk();
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sum(scrape(), series) >= before + 3);
		String metrics = scrape();
		assertThat(sum(metrics,
				"graphql_request_seconds_count{graphql_operation_name=\"ObservedCustomers\","
						+ "graphql_operation_type=\"query\",graphql_outcome=\"SUCCESS\"}"))
			.isGreaterThanOrEqualTo(before + 3);
	}

	@Test
	void errorsAreCountedByClassification() {
		String series = "dealerdesk_graphql_errors_total{classification=\"ValidationError\"}";
		double before = sum(scrape(), series);
		post(REP, "query NoSuchField { customers(first: 1) { noSuchField } }").expectStatus().isOk();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sum(scrape(), series) >= before + 1);
	}

	@Test
	void operationNamesBeyondTheLimitCountAsOther() {
		GraphQlMetrics.OperationNames names = new GraphQlMetrics.OperationNames(2);
		assertThat(names.label("First")).isEqualTo("First");
		assertThat(names.label("Second")).isEqualTo("Second");
		assertThat(names.label("Third")).isEqualTo("other");
		assertThat(names.label("First")).isEqualTo("First");
		assertThat(names.label(null)).isEqualTo("anonymous");
		assertThat(new GraphQlMetrics.OperationNames(10).label("not a name {}")).isEqualTo("other");
	}

	@Test
	void thePoolTheJvmAndTheRelayAreMeasured() {
		String before = scrape();
		assertThat(before).contains("r2dbc_pool_acquired_connections", "r2dbc_pool_max_allocated_connections",
				"jvm_memory_used_bytes", "dealerdesk_events_relay_head", "dealerdesk_events_relay_behind");
		double relayed = sum(before, "dealerdesk_events_relay_lag_seconds_count");
		double head = sum(before, "dealerdesk_events_relay_head");
		post(ADMIN, "mutation { createCustomer(input: {name: \"" + unique("Observed") + "\"}) { customer { id } } }")
			.expectStatus()
			.isOk();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> sum(scrape(), "dealerdesk_events_relay_lag_seconds_count") > relayed
					&& sum(scrape(), "dealerdesk_events_relay_head") > head);
		assertThat(sum(scrape(), "http_server_requests_seconds_count{method=\"POST\",uri=\"/graphql\"}")).isPositive();
	}

	@Test
	void liveSubscriptionsAreCounted() {
		double before = sum(scrape(), "dealerdesk_subscriptions_live");
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(ADMIN))) {
			socket.subscribe("1", "subscription { events(types: [CUSTOMER_CREATED]) { position } }", Map.of());
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> sum(scrape(), "dealerdesk_subscriptions_live") >= before + 1);
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> sum(scrape(), "dealerdesk_subscriptions_live") <= before);
	}

	@Test
	void aCallersTraceReachesGraphQlAndTheDatabase() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.spans.watch(traceId);
		http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(REP))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "query Traced { customers(first: 1) { edges { node { id } } } }"))
			.exchange()
			.expectStatus()
			.isOk();
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<SpanData> finished = this.spans.of(traceId);
			assertThat(finished).extracting(SpanData::getParentSpanId).contains("00f067aa0ba902b7");
			assertThat(finished).extracting(SpanData::getName)
				.anySatisfy(name -> assertThat(name).startsWith("http post"))
				.anySatisfy(name -> assertThat(name).startsWith("graphql"))
				.anySatisfy(name -> assertThat(name).isEqualTo("query"));
		});
		// the fields and Spring Security's filters have no spans of their own (ADR 0045)
		assertThat(this.spans.of(traceId)).extracting(SpanData::getName)
			.noneSatisfy(name -> assertThat(name).startsWith("graphql field"))
			.noneSatisfy(name -> assertThat(name).containsAnyOf("security", "authenticat", "authoriz"));
	}

	private WebTestClient.ResponseSpec post(com.dealerdesk.support.TestTokens.TestUser user, String query) {
		return http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(user))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange();
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	private String scrape() {
		return management().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * The sum of the values of the series of a metric that carry all the given labels
	 * ({@code name} or {@code name{label="value",...}}), whatever their other labels.
	 */
	private static double sum(String metrics, String selector) {
		int brace = selector.indexOf('{');
		String name = (brace < 0) ? selector : selector.substring(0, brace);
		List<String> labels = (brace < 0) ? List.of()
				: List.of(selector.substring(brace + 1, selector.length() - 1).split(","));
		double total = 0;
		Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-0-9.eE+]+)$")
			.matcher(metrics);
		while (line.find()) {
			String present = (line.group(1) != null) ? line.group(1) : "";
			if (labels.stream().allMatch(label -> present.contains(label))) {
				total += Double.parseDouble(line.group(2));
			}
		}
		return total;
	}

}
