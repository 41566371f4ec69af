package com.dealerdesk.support;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the API integration tests: the whole application on a random port, over real
 * HTTP, against a real PostgreSQL (the embedded one of the test-scoped
 * {@code dealerdesk-embedded-postgres}), with JWTs signed by a test key (the decoder of
 * {@link TestApiConfig} replaces the issuer's, whose URL is set only because the API
 * requires one). All test classes share one application context and database; each test
 * makes its own data, with unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"dealerdesk.embedded-postgres.port=0", "dealerdesk.embedded-postgres.throwaway=true",
		"dealerdesk.embedded-postgres.data-dir=${java.io.tmpdir}/dealerdesk-test-${random.uuid}",
		"spring.graphql.graphiql.enabled=false", "dealerdesk.graphql.introspection=true",
		"dealerdesk.activity.reminder-due-check=-", "dealerdesk.billing.overdue-check-cron=-",
		"dealerdesk.channel.registration-expiry-check=-", "DEALERDESK_OIDC_ISSUER=" + TestTokens.ISSUER,
		"spring.graphql.websocket.connection-init-timeout=8s",
		"dealerdesk.licensing.development-key-file=${java.io.tmpdir}/dealerdesk-test-${random.uuid}/license-signing-key.pem" })
@Import(TestApiConfig.class)
public abstract class ApiTest {

	protected static final AtomicReference<SchemaReport> SCHEMA_REPORT = new AtomicReference<>();

	@LocalServerPort
	protected int port;

	@Autowired
	protected DatabaseClient database;

	@Autowired
	protected TestClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@BeforeEach
	void registerTestPeople() {
		this.database.sql("""
				insert into partner (id, name) values ($1, 'Partner A'), ($2, 'Partner B')
				on conflict (id) do nothing""")
			.bind(0, TestPeople.PARTNER_A)
			.bind(1, TestPeople.PARTNER_B)
			.then()
			.block();
		this.database.sql("""
				insert into app_user (id, name, manager_id, partner_id) values
				  ('t-admin', 'Admin', null, null),
				  ('t-manager', 'Manager', null, null),
				  ('t-manager-2', 'Other manager', null, null),
				  ('t-rep', 'Rep', 't-manager', null),
				  ('t-rep-2', 'Rep in the same team', 't-manager', null),
				  ('t-rep-3', 'Rep in another team', 't-manager-2', null),
				  ('t-accountant', 'Accountant', null, null),
				  ('t-partner-a', 'Anna of A', null, $1),
				  ('t-partner-b', 'Bob of B', null, $2)
				on conflict (id) do nothing""")
			.bind(0, TestPeople.PARTNER_A)
			.bind(1, TestPeople.PARTNER_B)
			.then()
			.block();
	}

	/** A GraphQL client over HTTP, authenticated as the given user. */
	protected HttpGraphQlTester as(TestUser user) {
		return HttpGraphQlTester
			.builder(http().mutate()
				.defaultHeader("Authorization", "Bearer " + TestTokens.tokenFor(user))
				.baseUrl("http://localhost:" + this.port + "/graphql"))
			.build();
	}

	/**
	 * A plain HTTP client to the running API, for what GraphQlTester hides (status codes,
	 * raw bodies).
	 */
	protected WebTestClient http() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			// the schema's introspection outgrew the client's default of 256 KB
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build();
	}

	protected static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	protected long count(String sql, Object... params) {
		DatabaseClient.GenericExecuteSpec spec = this.database.sql(sql);
		for (int i = 0; i < params.length; i++) {
			spec = spec.bind(i, params[i]);
		}
		return spec.map(row -> row.get(0, Long.class)).one().block();
	}

}
