package com.dealerdesk.platform.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token buckets per integration and per person, switched on here with small buckets (the
 * other tests run with them off): one client's burst is answered with 429 while another
 * client is served; a person's two tokens share one bucket.
 */
@TestPropertySource(properties = { "dealerdesk.security.rate-limit.enabled=true",
		"dealerdesk.security.rate-limit.client-per-second=5", "dealerdesk.security.rate-limit.client-burst=10",
		"dealerdesk.security.rate-limit.user-per-second=1", "dealerdesk.security.rate-limit.user-burst=10" })
class RateLimitTest extends ApiTest {

	private static final String VIEWER = "{\"query\":\"{ viewer { subject } }\"}";

	private static final TestUser CLIENT_A = new TestUser("t-client-a", null, List.of("integration"), null, List.of());

	private static final TestUser CLIENT_B = new TestUser("t-client-b", null, List.of("integration"), null, List.of());

	@Test
	void aBurstOfOneClientIsRefusedWithRetryAfterWhileAnotherClientIsServed() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		String tokenA = TestTokens.token(CLIENT_A).client("client-a").sign();
		// B measured as two clients of its own, each within its bucket of 10 whatever the
		// timing: once alone, once during A's burst
		timed(client, TestTokens.token(CLIENT_B).client("client-b-warm-up").sign(), 3);
		List<Long> alone = timed(client, TestTokens.token(CLIENT_B).client("client-b-alone").sign(), 8);

		Sinks.Empty<Void> bDone = Sinks.empty();
		AtomicInteger okA = new AtomicInteger();
		Queue<Answer> refusedA = new ConcurrentLinkedQueue<>();
		// at most 3,000 requests, 16 at a time, until B is done
		Disposable burst = Flux.range(0, 3_000)
			.takeUntilOther(bDone.asMono())
			.flatMap(i -> post(client, tokenA), 16)
			.subscribe(answer -> {
				if (answer.status() == 200) {
					okA.incrementAndGet();
				}
				else {
					refusedA.add(answer);
				}
			});
		try {
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> refusedA.size() >= 10);
			List<Long> during = timed(client, TestTokens.token(CLIENT_B).client("client-b-during").sign(), 8);
			bDone.tryEmitEmpty();
			System.out.printf(
					"RateLimitTest figures: B alone median %d us p99 %d us; B during A's burst median %d us"
							+ " p99 %d us; A served %d, refused %d so far%n",
					percentile(alone, 50), percentile(alone, 99), percentile(during, 50), percentile(during, 99),
					okA.get(), refusedA.size());
		}
		finally {
			burst.dispose();
		}
		assertThat(okA.get()).as("A's bucket: 10 at once, then 5 a second").isGreaterThanOrEqualTo(10);
		Answer refusal = refusedA.peek();
		assertThat(refusal.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS.value());
		assertThat(Long.parseLong(refusal.retryAfter())).isBetween(1L, 2L);
		assertThat(refusal.body()).contains("\"code\":\"RATE_LIMITED\"")
			.contains("\"retryAfterSeconds\":" + refusal.retryAfter())
			.doesNotContain("\"data\"");
	}

	@Test
	void aPersonsTwoTokensShareOneBucket() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		TestUser person = new TestUser("t-two-tokens", "Two tokens", List.of("sales_rep"), null, List.of());
		String web = TestTokens.token(person).client("dealerdesk-web").sign();
		String other = TestTokens.token(person).client("another-app").sign();
		long started = System.nanoTime();
		List<Answer> answers = Flux.range(0, 30)
			.flatMap(i -> post(client, i % 2 == 0 ? web : other), 6)
			.collectList()
			.block(Duration.ofSeconds(60));
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1;
		long served = answers.stream().filter(answer -> answer.status() == 200).count();
		// one bucket of 10 refilled at 1 a second; two buckets would have served 20 or
		// more
		assertThat(served).isBetween(10L, 10 + seconds);
		assertThat(answers).filteredOn(answer -> answer.status() == 429).isNotEmpty();
	}

	@Test
	void operationsOverAWebSocketCountToo() {
		TestUser person = new TestUser("t-socket-burst", "Socket burst", List.of("sales_rep"), null, List.of());
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(person))) {
			for (int i = 0; i < 20; i++) {
				socket.subscribe("q" + i, "{ viewer { subject } }", Map.of());
			}
			List<String> codes = new ArrayList<>();
			for (int answers = 0; answers < 20;) {
				JsonNode message = socket.next();
				if ("next".equals(message.path("type").asString())) {
					codes
						.add(message.path("payload").path("errors").path(0).path("extensions").path("code").asString());
					answers++;
				}
			}
			// a bucket of 10: the first ten run, the rest are refused
			assertThat(codes).contains("RATE_LIMITED").filteredOn(""::equals).hasSizeGreaterThanOrEqualTo(10);
		}
	}

	private static List<Long> timed(WebClient client, String token, int count) {
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long started = System.nanoTime();
			Answer answer = post(client, token).block(Duration.ofSeconds(30));
			micros.add((System.nanoTime() - started) / 1_000);
			assertThat(answer.status()).as("B's request %d", i).isEqualTo(200);
		}
		return micros;
	}

	private static long percentile(List<Long> values, int percent) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

	private static Mono<Answer> post(WebClient client, String token) {
		return client.post()
			.uri("/graphql")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(VIEWER)
			.exchangeToMono(response -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map(body -> new Answer(response.statusCode().value(),
						response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER), body)));
	}

	private record Answer(int status, String retryAfter, String body) {

	}

}
