package com.dealerdesk.platform.graphql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import graphql.language.AstPrinter;
import graphql.language.AstTransformer;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as production runs it (introspection off) with partners held to registered
 * operations and short timeouts, in a context of its own: what is off is off, the web
 * app's own operations still run for a partner, and an operation stuck on a lock ends
 * with OPERATION_TIMEOUT while its statement is ended by the statement timeout.
 */
class GraphQlProductionModeTest extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private PersistedOperations registered;

	@Autowired
	private ConnectionFactory connections;

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry properties) {
		properties.add("dealerdesk.graphql.introspection", () -> "false");
		properties.add("dealerdesk.graphql.persisted-operations.partners-registered-only", () -> "true");
		properties.add("dealerdesk.graphql.limits.operation-timeout", () -> "2s");
		properties.add("dealerdesk.database.statement-timeout", () -> "4s");
	}

	@Test
	void introspectionIsOffAndErrorsSuggestNoFields() {
		JsonNode schema = post(ADMIN, "{ __schema { queryType { name } } }");
		assertThat(schema.path("data").path("__schema").isMissingNode() || schema.path("data").isNull()).isTrue();
		assertThat(schema.path("errors").size()).isEqualTo(1);
		JsonNode type = post(ADMIN, "{ __type(name: \"Customer\") { fields { name } } }");
		assertThat(type.path("errors").size()).isEqualTo(1);
		assertThat(type.toString()).doesNotContain("\"fields\":[");
		JsonNode misspelt = post(ADMIN, "{ customerz(first: 1) { totalCount } }");
		assertThat(misspelt.path("errors").get(0).path("message").asString())
			.doesNotContainIgnoringCase("did you mean");
	}

	@Test
	void partnersRunTheWebAppsOperationsAsItSendsThemAndNothingElse() {
		List<String> refused = new ArrayList<>();
		int sent = 0;
		for (String document : this.registered.byHash().values()) {
			Document parsed = Parser.parse(document);
			// queries only: a mutation without its variables fails before it runs, but
			// nothing here should change data
			if (parsed.getDefinitionsOfType(OperationDefinition.class)
				.get(0)
				.getOperation() != OperationDefinition.Operation.QUERY) {
				continue;
			}
			sent++;
			JsonNode answer = post(PARTNER_A_USER, asUrqlSendsIt(parsed));
			if (answer.toString().contains("PERSISTED_QUERY_NOT_ALLOWED")) {
				refused.add(document);
			}
		}
		assertThat(sent).isGreaterThan(40);
		assertThat(refused).isEmpty();
		String unregistered = "{ licenses(first: 3) { edges { node { serial } } } }";
		assertThat(post(PARTNER_A_USER, unregistered).path("errors").get(0).path("extensions").path("code").asString())
			.isEqualTo("PERSISTED_QUERY_NOT_ALLOWED");
		// the vendor's own staff are not restricted
		JsonNode vendor = post(ADMIN, unregistered);
		assertThat(vendor.path("errors").isMissingNode()).as("%s", vendor).isTrue();
	}

	@Test
	void anOperationStuckOnALockEndsWithATimeoutAndItsStatementIsEnded() {
		Connection locker = Mono.from(this.connections.create()).block();
		try {
			Mono.from(locker.beginTransaction()).block();
			Flux.from(locker.createStatement("lock table customer in access exclusive mode").execute())
				.flatMap(result -> result.getRowsUpdated())
				.blockLast();
			long start = System.nanoTime();
			JsonNode answer = post(ADMIN, "{ customers(first: 1) { edges { node { id } } } }");
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(answer.path("errors").get(0).path("extensions").path("code").asString())
				.isEqualTo("OPERATION_TIMEOUT");
			System.out.printf("operation timed out after %d ms (limit 2000 ms)%n", millis);
			// the lock is still held: only the statement timeout can have ended the query
			Awaitility.await()
				.atMost(Duration.ofSeconds(20))
				.until(() -> count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 0);
		}
		finally {
			Mono.from(locker.rollbackTransaction()).then(Mono.from(locker.close())).block();
		}
		assertThat(this.database.sql("show statement_timeout").map(row -> row.get(0, String.class)).one().block())
			.isEqualTo("4s");
	}

	/**
	 * As urql sends a document: laid out its own way, with __typename in every selection.
	 */
	private static String asUrqlSendsIt(Document document) {
		Node<?> withTypename = new AstTransformer().transform(document, new NodeVisitorStub() {
			@Override
			public TraversalControl visitSelectionSet(SelectionSet node, TraverserContext<Node> context) {
				SelectionSet more = node.transform(builder -> builder.selection(new Field("__typename")));
				return TreeTransformerUtil.changeNode(context, more);
			}
		});
		return AstPrinter.printAst(withTypename);
	}

	private JsonNode post(TestUser user, String query) {
		String body = WebClient.builder()
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeader("Authorization", "Bearer " + TestTokens.tokenFor(user))
			.defaultHeader("Accept", MediaType.APPLICATION_JSON_VALUE)
			.build()
			.post()
			.bodyValue(Map.of("query", query))
			.exchangeToMono(response -> response.bodyToMono(String.class))
			.block(Duration.ofSeconds(30));
		return JSON.readTree(body);
	}

}
