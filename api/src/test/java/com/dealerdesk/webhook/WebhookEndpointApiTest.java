package com.dealerdesk.webhook;

import java.util.List;
import java.util.Map;

import com.dealerdesk.support.Concurrently;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering and managing endpoints: URL rules, who may do what to which endpoint, and
 * one endpoint per owner and URL under concurrent requests. Every refusal is a specific
 * user error and writes nothing.
 */
class WebhookEndpointApiTest extends WebhookTesting {

	private static final String PUBLIC_URL = "https://203.0.113.10/hooks";

	private static final String UPDATE = """
			mutation($input: UpdateWebhookEndpointInput!) {
			  updateWebhookEndpoint(input: $input) { endpoint { %s } userErrors { field code message } }
			}""".formatted(ENDPOINT_FIELDS);

	static List<Arguments> refusedInputs() {
		return List.of(
				Arguments.of("loopback address", Map.of("url", "https://127.0.0.1/hooks"), "url", "INVALID_VALUE"),
				Arguments.of("localhost", Map.of("url", "https://localhost:8443/hooks"), "url", "INVALID_VALUE"),
				Arguments.of("private address", Map.of("url", "https://10.0.0.1/hooks"), "url", "INVALID_VALUE"),
				Arguments.of("cloud metadata (link-local)", Map.of("url", "https://169.254.169.254/latest/meta-data"),
						"url", "INVALID_VALUE"),
				Arguments.of("IPv6 loopback", Map.of("url", "https://[::1]/hooks"), "url", "INVALID_VALUE"),
				Arguments.of("IPv4-mapped private", Map.of("url", "https://[::ffff:192.168.1.1]/hooks"), "url",
						"INVALID_VALUE"),
				Arguments.of("user info", Map.of("url", "https://user:secret@203.0.113.10/hooks"), "url",
						"INVALID_FORMAT"),
				Arguments.of("relative", Map.of("url", "/hooks"), "url", "INVALID_FORMAT"),
				Arguments.of("other scheme", Map.of("url", "ftp://203.0.113.10/hooks"), "url", "INVALID_FORMAT"),
				Arguments.of("too long", Map.of("url", PUBLIC_URL + "?" + "a".repeat(2048)), "url", "TOO_LONG"),
				Arguments.of("unresolvable host", Map.of("url", "https://no-such-host.invalid/hooks"), "url",
						"INVALID_VALUE"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedInputs")
	void refusesUrlsThatAreMalformedOrPointInsideAndWritesNothing(String why, Map<String, Object> input, String field,
			String code) {
		long before = count("select count(*) from webhook_endpoint");
		as(ADMIN).document(CREATE)
			.variable("input", input)
			.execute()
			.path("createWebhookEndpoint.endpoint")
			.valueIsNull()
			.path("createWebhookEndpoint.secret")
			.valueIsNull()
			.path("createWebhookEndpoint.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", field)
			.path("createWebhookEndpoint.userErrors[0].code")
			.entity(String.class)
			.isEqualTo(code);
		assertThat(count("select count(*) from webhook_endpoint")).isEqualTo(before);
	}

	@Test
	void anAdminMayLetAnEndpointIntoPrivateNetworksButNobodyElse() {
		as(PARTNER_A_USER).document(CREATE)
			.variable("input", Map.of("url", "https://10.0.0.1/hooks", "allowPrivateNetwork", true))
			.execute()
			.path("createWebhookEndpoint.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "allowPrivateNetwork")
			.path("createWebhookEndpoint.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");
		assertThat(count("select count(*) from webhook_endpoint")).isZero();

		Map<String, Object> endpoint = endpointOf(
				create(ADMIN, Map.of("url", "https://10.0.0.1/hooks", "allowPrivateNetwork", true)));
		assertThat(endpoint).containsEntry("allowPrivateNetwork", true).containsEntry("partner", null);
	}

	@Test
	void managersAndRepsMayNotRegisterEndpoints() {
		as(MANAGER).document(CREATE)
			.variable("input", Map.of("url", PUBLIC_URL))
			.execute()
			.path("createWebhookEndpoint.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");
		assertThat(count("select count(*) from webhook_endpoint")).isZero();
	}

	@Test
	void aPartnerSeesAndChangesOnlyItsOwnEndpoints() {
		String ours = (String) endpointOf(create(PARTNER_A_USER, Map.of("url", PUBLIC_URL))).get("id");
		String theirs = (String) endpointOf(create(PARTNER_B_USER, Map.of("url", PUBLIC_URL))).get("id");
		String vendors = (String) endpointOf(create(ADMIN, Map.of("url", PUBLIC_URL))).get("id");

		assertThat(ids(PARTNER_A_USER)).containsExactly(ours);
		assertThat(ids(ADMIN)).containsExactly(ours, theirs, vendors);
		assertThat(ids(MANAGER)).isEmpty();
		as(PARTNER_A_USER).document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", theirs)
			.execute()
			.path("node")
			.valueIsNull();

		for (String other : List.of(theirs, vendors)) {
			assertRefused(PARTNER_A_USER, Map.of("id", other, "expectedVersion", 1, "description", "mine now"), "id",
					"NOT_FOUND");
			as(PARTNER_A_USER).document("""
					mutation($input: WebhookEndpointVersionInput!) {
					  deleteWebhookEndpoint(input: $input) { deletedId userErrors { field code } }
					}""")
				.variable("input", Map.of("id", other, "expectedVersion", 1))
				.execute()
				.path("deleteWebhookEndpoint.userErrors[0].code")
				.entity(String.class)
				.isEqualTo("NOT_FOUND");
		}
		assertThat(count("select count(*) from webhook_endpoint where version = 1")).isEqualTo(3);
	}

	@Test
	void updatesOnlyWhatWasSentAtTheExpectedVersion() {
		Map<String, Object> created = endpointOf(
				create(ADMIN, Map.of("url", PUBLIC_URL, "description", "ERP", "eventTypes", List.of("ORDER_CREATED"))));
		String id = (String) created.get("id");

		assertRefused(ADMIN, Map.of("id", id, "expectedVersion", 7, "description", "late"), "expectedVersion",
				"STALE_VERSION");
		assertRefused(ADMIN, Map.of("id", "V2Vic2hvb2tFbmRwb2ludDowMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwOTk",
				"expectedVersion", 1, "description", "nobody"), "id", "NOT_FOUND");
		assertRefused(ADMIN, Map.of("id", id, "expectedVersion", 1, "url", "https://192.168.0.10/hooks"), "url",
				"INVALID_VALUE");
		assertRefused(PARTNER_A_USER, Map.of("id", id, "expectedVersion", 1, "allowPrivateNetwork", true),
				"allowPrivateNetwork", "NOT_ALLOWED");

		as(ADMIN).document(UPDATE)
			.variable("input",
					Map.of("id", id, "expectedVersion", 1, "eventTypes", List.of("ORDER_CREATED", "INVOICE_CREATED")))
			.execute()
			.path("updateWebhookEndpoint.endpoint.eventTypes")
			.entityList(String.class)
			.containsExactly("ORDER_CREATED", "INVOICE_CREATED")
			.path("updateWebhookEndpoint.endpoint.description")
			.entity(String.class)
			.isEqualTo("ERP")
			.path("updateWebhookEndpoint.endpoint.version")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@Test
	void replayRefusesAPositionTheFeedCannotResumeFrom() {
		String id = (String) endpointOf(create(ADMIN, Map.of("url", PUBLIC_URL))).get("id");
		as(ADMIN).document("""
				mutation($input: ReplayWebhookEndpointInput!) {
				  replayWebhookEndpoint(input: $input) { endpoint { id } userErrors { field code message } }
				}""")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "afterPosition", 999_999_999_999L))
			.execute()
			.path("replayWebhookEndpoint.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "afterPosition")
			.path("replayWebhookEndpoint.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("INVALID_VALUE");
		assertThat(count("select version::bigint from webhook_endpoint")).isEqualTo(1);
	}

	@Test
	void tenIdenticalRegistrationsAtOnceMakeOneEndpoint() {
		List<Map<String, Object>> answers = Concurrently.mutate(this.port, PARTNER_A_USER, "createWebhookEndpoint",
				"createWebhookEndpoint", Map.of("url", "https://203.0.113.20/orders"));
		Concurrently.assertOneThroughAndTheOthers(answers, "input.url=CONFLICT");
		assertThat(count("select count(*) from webhook_endpoint")).isEqualTo(1);
		// the same URL is another owner's own endpoint
		create(PARTNER_B_USER, Map.of("url", "https://203.0.113.20/orders"));
	}

	@Test
	void theSecretIsShownOnlyWhenIssued() {
		Map<String, Object> created = create(ADMIN, Map.of("url", PUBLIC_URL));
		assertThat((String) created.get("secret")).startsWith("whsec_");
		as(ADMIN).document("{ __type(name: \"WebhookEndpoint\") { fields { name } } }")
			.execute()
			.path("__type.fields[*].name")
			.entityList(String.class)
			.doesNotContain("secret", "previousSecret");
	}

	private void assertRefused(TestUser user, Map<String, Object> input, String field, String code) {
		as(user).document(UPDATE)
			.variable("input", input)
			.execute()
			.path("updateWebhookEndpoint.endpoint")
			.valueIsNull()
			.path("updateWebhookEndpoint.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", field)
			.path("updateWebhookEndpoint.userErrors[0].code")
			.entity(String.class)
			.isEqualTo(code);
	}

	private List<String> ids(TestUser user) {
		return as(user).document("{ webhookEndpoints(first: 10) { edges { node { id } } } }")
			.execute()
			.path("webhookEndpoints.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

}
