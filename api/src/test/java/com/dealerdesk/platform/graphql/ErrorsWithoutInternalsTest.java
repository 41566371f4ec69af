package com.dealerdesk.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several hundred bad requests, over real HTTP and a real WebSocket, as careless clients
 * and attackers send them: every answer is scanned for internals (stack frames, Java
 * package and class names, SQL, library messages), every error carries a classification
 * and the request's id, and that id is in the server log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorsWithoutInternalsTest extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<Pattern> LEAKS = List.of(
			// stack frames and Java names
			Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("),
			Pattern.compile("\\b(java|javax|jakarta|sun|org|com|io|reactor|tools|graphql)\\.[a-z]\\w*\\.[\\w.]*"),
			Pattern.compile("Exception|Throwable|StackOverflow|NullPointer"),
			Pattern.compile("\\b(LinkedHashMap|HashMap|ArrayList|BigInteger|BigDecimal|LocalDate|OffsetDateTime|"
					+ "Integer|Double|Character)\\b"),
			// graphql-java's syntax tree printed as Java objects
			Pattern.compile("\\b[A-Z]\\w*(Value|Field)\\{|AST type"),
			// SQL and the database
			Pattern.compile("(?i)\\bselect\\b[^\"]{0,80}\\bfrom\\b|\\binsert\\s+into\\b|\\bdelete\\s+from\\b"
					+ "|\\bupdate\\s+\\w+\\s+set\\b"),
			Pattern.compile("(?i)\\b(postgres|postgresql|r2dbc|jdbc|sqlstate|violates|duplicate key|relation \")"),
			// library messages
			Pattern.compile("(?i)jackson|netty|nimbus|angus|BASE64Decoder|Unexpected character|Unrecognized token"
					+ "|Cannot deserialize|line: \\d+, column|error occurred while attempting to decode"
					+ "|Signed JWT rejected|Jwt expired|Unknown encoding|Missing '>'|Illegal base64"),
			// Spring's own error body and its WebFlux log id
			Pattern.compile("\"timestamp\"|\"trace\"|\"error\":\"(Bad Request|Not Found|Internal Server Error)"));

	private static final String[] BAD_VALUES = { "\"x\"", "\"\"", "\" \"", "\"\\ud83d\\ude00\"", "\"<script>\"",
			"\"' OR 1=1 --\"", "\"" + "9".repeat(400) + "\"", "1e99999", "-1e99999", "99999999999999999999999", "-1",
			"0", "2147483648", "1.5", "true", "{\"a\":1}", "[1,2]", "[]", "{}", "\"2026-13-45\"",
			"\"2026-02-30T25:00:00Z\"", "\"NaN\"", "\"Infinity\"", "\"0x1F\"", "\"1,5\"", "\"\\uff11\\uff12\"",
			"\"\\u0000\"", "[".repeat(200) + "]".repeat(200) };

	private final List<String> requestIds = new ArrayList<>();

	/** Every finding of a run, not only the first. */
	private final SoftAssertions softly = new SoftAssertions();

	private int scanned;

	@Test
	void noBadRequestOverHttpShowsInternals(CapturedOutput log) {
		malformedBodies();
		wrongMethodsMediaTypesAndPaths();
		refusedTokens();
		badDocuments();
		badScalarsIdsAndCursors();
		brokenMail();

		assertThat(this.scanned).isGreaterThan(300);
		this.softly.assertAll();
		everyRequestIdIsInTheLog(log);
	}

	@Test
	void noBadMessageOverWebSocketShowsInternals(CapturedOutput log) {
		String token = TestTokens.tokenFor(REP);
		List<String> protocolMistakes = List.of("not json", "{}", "[]", "null", "42", "{\"type\":\"nope\"}",
				"{\"type\":\"subscribe\",\"id\":\"1\"}",
				"{\"type\":\"subscribe\",\"payload\":{\"query\":\"{viewer{subject}}\"}}",
				"{\"type\":\"connection_init\",\"payload\":\"x\"}", "{\"type\":\"connection_init\",\"payload\":[1]}",
				"{\"type\":\"complete\",\"id\":{}}", "{\"type\":" + "[".repeat(300) + "]".repeat(300) + "}");
		for (String mistake : protocolMistakes) {
			try (GraphQlSocket socket = GraphQlSocket.open(this.port)) {
				socket.init(token);
				socket.sendRaw(mistake);
				scanSocket("after init: " + mistake, socket, null);
			}
			try (GraphQlSocket socket = GraphQlSocket.open(this.port)) {
				socket.sendRaw(mistake);
				scanSocket("before init: " + mistake, socket, null);
			}
		}
		for (String init : List.of("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer x.y.z\"}}",
				"{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer "
						+ TestTokens.forgedTokenFor(REP) + "\"}}",
				"{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer "
						+ TestTokens.expiredTokenFor(REP) + "\"}}",
				"{\"type\":\"connection_init\",\"payload\":{\"Authorization\":5}}")) {
			try (GraphQlSocket socket = GraphQlSocket.open(this.port)) {
				socket.sendRaw(init);
				scanSocket("init " + init, socket, null);
			}
		}

		// operations that fail on an open connection: the socket stays, each answer is an
		// error
		try (GraphQlSocket socket = GraphQlSocket.open(this.port)) {
			socket.init(token);
			int n = 0;
			for (String document : badDocumentTexts()) {
				if (document.startsWith("subscription")) {
					continue; // a good one, over WebSocket
				}
				String id = "op" + n++;
				socket.sendRaw("{\"type\":\"subscribe\",\"id\":\"" + id + "\",\"payload\":{\"query\":"
						+ JSON.writeValueAsString(document) + "}}");
				scanSocket("subscribe " + document, socket, id);
			}
			for (String value : BAD_VALUES) {
				if (isPosition(value)) {
					continue; // the subscription runs
				}
				String id = "op" + n++;
				socket.sendRaw("{\"type\":\"subscribe\",\"id\":\"" + id + "\",\"payload\":{\"query\":"
						+ "\"subscription($v: Long) { events(after: $v) { position } }\",\"variables\":{\"v\":" + value
						+ "}}}");
				scanSocket("events(after: " + value + ")", socket, id);
			}
		}

		assertThat(this.scanned).isGreaterThan(60);
		this.softly.assertAll();
		everyRequestIdIsInTheLog(log);
	}

	/** A value the Long scalar takes (Java's parser reads full-width digits too). */
	private static boolean isPosition(String value) {
		JsonNode node = JSON.readTree(value);
		try {
			Long.parseLong(node.isString() ? node.asString() : node.toString());
			return true;
		}
		catch (NumberFormatException notALong) {
			return false;
		}
	}

	private void malformedBodies() {
		List<String> bodies = List.of("", " ", "{", "}", "[", "not json at all", "null", "true", "42", "\"query\"",
				"[]", "[{}]", "{}", "{\"query\":", "{\"query\": 42}", "{\"query\": null}", "{\"query\": []}",
				"{\"query\": {}}", "{\"query\":\"{viewer{subject}}\",\"variables\":5}",
				"{\"query\":\"{viewer{subject}}\",\"variables\":\"x\"}",
				"{\"query\":\"{viewer{subject}}\",\"variables\":[1]}",
				"{\"query\":\"{viewer{subject}}\",\"operationName\":5}",
				"{\"query\":\"{viewer{subject}}\",\"operationName\":\"Nope\"}",
				"{\"query\":\"{viewer{subject}}\",\"extensions\":\"x\"}", "{\"query\":\"{viewer{subject}}\",}",
				"{'query':'{viewer{subject}}'}", "{\"query\":\"{viewer{subject}}\"} trailing",
				"\ufeff{\"query\":\"{viewer{subject}}\"}", "{\"query\":\"\\ud800\"}", "{\"query\":\"\\u0000\"}",
				"{\"query\":\"{viewer{subject}}\",\"variables\":{\"a\":1e99999}}",
				"[" + "{\"query\":\"{viewer{subject}}\"},".repeat(999) + "{\"query\":\"{viewer{subject}}\"}]",
				"[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
				"{\"query\":\"" + "x".repeat(100_000) + "\"}");
		for (String body : bodies) {
			post("body " + abbreviate(body), "application/json", body, bearer());
		}
	}

	private void wrongMethodsMediaTypesAndPaths() {
		String body = "{\"query\":\"{viewer{subject}}\"}";
		for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
				"application/xml", "application/graphql", "application/json; charset=utf-16",
				"application/x-java-serialized-object", "*/*")) {
			post("content type " + type, type, type.startsWith("application/x-www") ? "query=%7Bviewer%7D" : body,
					bearer());
		}
		for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
			exchange(method + " /graphql", method, "/graphql", null, null, bearer());
			exchange(method + " /graphql?query", method, "/graphql?query={viewer{subject}}", null, null, bearer());
		}
		for (String path : List.of("/", "/nope", "/graphql/", "/graphql/x", "/actuator", "/actuator/env",
				"/actuator/heapdump", "/graphiql", "/documents/x", "/documents/quotes/nope.pdf",
				"/contract-documents/nope", "/contracts/nope/documents", "/customers/nope/statement.pdf",
				"/customers/" + UUID.randomUUID() + "/statement.pdf", "/%2e%2e/etc/passwd", "/graphql;a=b",
				"/" + "x".repeat(3000))) {
			exchange("GET " + abbreviate(path), HttpMethod.GET, path, null, null, bearer());
			exchange("POST " + abbreviate(path), HttpMethod.POST, path, "application/json", body, bearer());
		}
	}

	private void refusedTokens() {
		String body = "{\"query\":\"{viewer{subject}}\"}";
		String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
				+ Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString(("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"t-rep\",\"roles\":[\"admin\"]}")
						.getBytes())
				+ ".";
		List<String> authorizations = new ArrayList<>(List.of("", "Bearer", "Bearer ", "Bearer x", "Bearer a.b.c",
				"Bearer " + none, "Bearer " + TestTokens.forgedTokenFor(REP),
				"Bearer " + TestTokens.expiredTokenFor(REP), "Basic dXNlcjpwYXNz", "Bearer " + "x".repeat(10_000),
				"bearer " + TestTokens.tokenFor(REP) + "x", "Bearer " + TestTokens.tokenFor(REP).replace('.', '!')));
		authorizations.add(null);
		for (String authorization : authorizations) {
			post("authorization " + abbreviate(String.valueOf(authorization)), "application/json", body, authorization);
		}
	}

	private void badDocuments() {
		for (String document : badDocumentTexts()) {
			post("document " + abbreviate(document), "application/json",
					"{\"query\":" + JSON.writeValueAsString(document) + "}", bearer());
		}
	}

	private static List<String> badDocumentTexts() {
		List<String> documents = new ArrayList<>(List.of("{", "}", "query", "{ customers }", "{ customers { edges } }",
				"{ nope }", "{ customers(nope: 1) { totalCount } }", "mutation { nope }",
				"query q { viewer { subject } } query q { viewer { subject } }",
				"fragment f on Nope { id } { viewer { ...f } }", "{ viewer { ...f } }",
				"fragment f on Viewer { ...g } fragment g on Viewer { ...f } { viewer { ...f } }",
				"{ viewer { subject @nope } }", "{ viewer { subject(x: 1) } }",
				"{ customers(first: \"ten\") { totalCount } }", "{ customers(first: 1e400) { totalCount } }",
				"{ customers(first: 99999999999999999999) { totalCount } }", "{ customers(first: -5) { totalCount } }",
				"{ customers(first: 100000) { totalCount } }", "{ node(id: 5) { id } }",
				"{ node(id: \"\\u0000\") { id } }", "{ node(id: null) { id } }",
				"{ a: viewer { subject } a: customers(first: 1) { totalCount } }",
				"query ($v: Nope) { viewer { subject } }", "query ($v: Int) { viewer { subject } }",
				"query ($v: Int!) { customers(first: $v) { totalCount } }", "{ viewer { subject } } extra",
				"# only a comment", "{ viewer { subject } ", "{ products(kind: NOPE) { totalCount } }",
				"{ collections(asOf: \"yesterday\") { __typename } }", "{ collections(asOf: 20261202) { __typename } }",
				"{ __type(name: 1) { name } }", "subscription { events { position } }",
				"{ customers { edges { node { "
						+ "contacts { customer { contacts { customer { contacts { customer { contacts { id } } } } } } } } } } }",
				"{ " + "a: __typename ".repeat(2000) + "}", "{ viewer { " + "subject ".repeat(3000) + "} }",
				"{ customers(first: 1, after: \"" + "A".repeat(5000) + "\") { totalCount } }"));
		for (String field : List.of("nope", "__nope", "id(x: 1)", "name { x }", "contacts", "contacts { nope }",
				"totalCount", "edges", "customer")) {
			documents.add("{ customers(first: 1) { edges { node { " + field + " } } } }");
		}
		return documents;
	}

	private void badScalarsIdsAndCursors() {
		String someId = com.dealerdesk.platform.graphql.GlobalId.of("Customer", UUID.randomUUID());
		Map<String, String> probes = Map.of("query($v: ID!) { node(id: $v) { id } }", "%s",
				"query($v: ID!) { customer(id: $v) { id } }", "%s",
				"query($v: Int) { customers(first: $v) { totalCount } }", "%s",
				"query($v: String) { customers(first: 1, after: $v) { totalCount } }", "%s",
				"query($v: Boolean) { products(includeRetired: $v) { totalCount } }", "%s",
				"query($v: Date) { collections(asOf: $v) { __typename } }", "%s",
				"mutation($i: LogActivityInput!) { logActivity(input: $i) { __typename } }",
				"{\"customerId\":\"" + someId + "\",\"kind\":\"CALL\",\"subject\":\"s\",\"occurredAt\":%s}",
				"mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { __typename } }",
				"{\"customerId\":\"" + someId
						+ "\",\"amount\":%s,\"currency\":\"EUR\",\"idempotencyKey\":\"k\",\"method\":\"BANK_TRANSFER\","
						+ "\"receivedOn\":\"2026-12-01\"}",
				"mutation($i: ReplayWebhookEndpointInput!) { replayWebhookEndpoint(input: $i) { __typename } }",
				"{\"id\":\"" + someId + "\",\"expectedVersion\":1,\"afterPosition\":%s}",
				"query($v: ProductKind) { products(kind: $v) { totalCount } }", "%s");
		List<String> values = new ArrayList<>(List.of(BAD_VALUES));
		// ids and cursors that decode to something, but not to what the API made
		for (String text : List.of("Customer:' OR 1=1 --", "Customer:1", "Customer:", ":x", "customer:x", "x",
				"Customer:" + UUID.randomUUID() + "'", "O_10", "O_99999999", "K1:{\"a\":1}", "\u0000:\u0000")) {
			values.add(JSON.writeValueAsString(
					Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
		}
		probes.forEach((query, variable) -> {
			for (String value : values) {
				post(query + " with " + abbreviate(value), "application/json",
						"{\"query\":" + JSON.writeValueAsString(query) + ",\"variables\":{\""
								+ (variable.equals("%s") ? "v" : "i") + "\":" + variable.replace("%s", value) + "}}",
						bearer());
			}
		});
	}

	private void brokenMail() {
		List<String> emls = List.of("", "x", "\u0000\u0001\u0002",
				"From: a@example.com\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!####",
				"From: a@example.com\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: x-nope\r\n\r\nhello",
				"From: a@example.com\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=",
				"From: <<<@@@>>>\r\nSubject: x\r\n\r\nbody", "From: a@example.com\r\nTo: \"unclosed <b@\r\n\r\nbody",
				"From: a@example.com\r\nContent-Type: multipart/mixed\r\n\r\nno boundary",
				"From: a@example.com\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: "
						+ "text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%%\r\n--zz",
				"From: a@example.com\r\nContent-Type: text/plain; charset=nope-charset\r\n\r\nh\u00e9llo",
				"From: =?nope?Q?x?= <a@example.com>\r\nSubject: =?utf-8?B?!!!?=\r\n\r\nbody");
		for (String eml : emls) {
			String base64 = Base64.getEncoder().encodeToString(eml.getBytes(StandardCharsets.ISO_8859_1));
			post("importMail " + abbreviate(eml), "application/json",
					"{\"query\":\"mutation($i: ImportMailInput!) { importMail(input: $i) { userErrors { code message } } }\","
							+ "\"variables\":{\"i\":{\"eml\":" + JSON.writeValueAsString(base64) + "}}}",
					bearer());
		}
		for (String notBase64 : List.of("%%%", "====", "YQ", "\u00e9\u00e9", "a b c")) {
			post("importMail eml " + notBase64, "application/json",
					"{\"query\":\"mutation($i: ImportMailInput!) { importMail(input: $i) { userErrors { code message } } }\","
							+ "\"variables\":{\"i\":{\"eml\":" + JSON.writeValueAsString(notBase64) + "}}}",
					bearer());
		}
	}

	private static String bearer() {
		return "Bearer " + TestTokens.tokenFor(REP);
	}

	private void post(String what, String contentType, String body, String authorization) {
		exchange(what, HttpMethod.POST, "/graphql", contentType, body, authorization);
	}

	private void exchange(String what, HttpMethod method, String path, String contentType, String body,
			String authorization) {
		var request = http().method(method).uri(path).headers(headers -> {
			if (contentType != null) {
				headers.set(HttpHeaders.CONTENT_TYPE, contentType);
			}
			if (authorization != null) {
				headers.set(HttpHeaders.AUTHORIZATION, authorization);
			}
		});
		EntityExchangeResult<byte[]> result = (body == null ? request : request.bodyValue(body)).exchange()
			.expectBody()
			.returnResult();
		String text = result.getResponseBody() == null ? ""
				: new String(result.getResponseBody(), StandardCharsets.UTF_8);
		HttpHeaders headers = result.getResponseHeaders();
		scan(what, text + "\n" + headers.toSingleValueMap());
		if (result.getStatus().value() == 431) {
			return; // headers over Netty's limit: refused before any filter runs, with no
					// body
		}
		String requestId = headers.getFirst("X-Request-Id");
		this.softly.assertThat(requestId).as("X-Request-Id of %s", what).isNotBlank();
		if (result.getStatus().is2xxSuccessful() && !text.contains("\"errors\"")) {
			return; // data, perhaps with userErrors: scanned above
		}
		if (path.startsWith("/contracts/") && text.contains("\"code\"")) {
			return; // the upload's own answer, {"code", "message"} (docs/api.md): scanned
					// above
		}
		errorsCarryClassificationAndId(what + " (" + result.getStatus() + " " + abbreviate(text) + ")", errorsOf(text),
				requestId);
	}

	private static JsonNode errorsOf(String body) {
		try {
			return JSON.readTree(body).path("errors");
		}
		catch (RuntimeException notJson) {
			return JSON.createArrayNode();
		}
	}

	private void errorsCarryClassificationAndId(String what, JsonNode errors, String requestId) {
		this.softly.assertThat(errors.isArray() && !errors.isEmpty())
			.as("GraphQL errors in the answer to %s", what)
			.isTrue();
		for (JsonNode error : errors) {
			this.softly.assertThat(error.path("extensions").path("classification").asString(""))
				.as("classification of %s", what)
				.isNotBlank();
			this.softly.assertThat(error.path("extensions").path("requestId").asString(""))
				.as("requestId of %s", what)
				.isEqualTo(requestId);
		}
		this.requestIds.add(requestId);
	}

	/**
	 * Scans what the socket says next: the answer to the operation {@code id}, or else
	 * everything up to the close.
	 */
	private void scanSocket(String what, GraphQlSocket socket, String id) {
		List<JsonNode> messages = new ArrayList<>();
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
			JsonNode message = socket.nextWithin(Duration.ofMillis(100));
			if (message == null) {
				return socket.closeStatus() != null;
			}
			messages.add(message);
			return id != null && id.equals(message.path("id").asString(""))
					&& !"next".equals(message.path("type").asString(""));
		});
		WebSocketCloseStatus close = socket.closeStatus();
		scan(what, messages + " " + (close == null ? "" : close.reasonText()));
		for (JsonNode message : messages) {
			JsonNode errors = "error".equals(message.path("type").asString("")) ? message.path("payload")
					: message.path("payload").path("errors");
			if (errors.isArray() && !errors.isEmpty()) {
				String requestId = errors.get(0).path("extensions").path("requestId").asString("");
				assertThat(requestId).as("requestId of %s", what).isNotBlank();
				errorsCarryClassificationAndId(what, errors, requestId);
			}
		}
		if (id != null) {
			assertThat(messages).as("an answer to %s", what)
				.anyMatch(message -> id.equals(message.path("id").asString("")));
		}
		else {
			assertThat(close).as("the socket closed after %s", what).isNotNull();
		}
	}

	private void scan(String what, String text) {
		this.scanned++;
		for (Pattern leak : LEAKS) {
			this.softly.assertThat(leak.matcher(text).find())
				.as("%s leaks %s:%n%s", what, leak, abbreviate(text, 2000))
				.isFalse();
		}
	}

	private void everyRequestIdIsInTheLog(CapturedOutput log) {
		assertThat(this.requestIds).isNotEmpty();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.requestIds)
				.allSatisfy(id -> assertThat(log.getOut()).as("the log names request %s", id).contains(id)));
	}

	private static String abbreviate(String text) {
		return abbreviate(text, 120);
	}

	private static String abbreviate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length) + "…(" + text.length() + ")";
	}

}
