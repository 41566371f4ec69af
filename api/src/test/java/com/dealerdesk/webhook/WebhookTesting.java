package com.dealerdesk.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

import static com.dealerdesk.support.TestPeople.ADMIN;

/**
 * What the webhook tests share: local receivers that are closed after each test, and
 * endpoints that are removed after it, so that the worker does not keep delivering to
 * them during other tests.
 */
abstract class WebhookTesting extends ApiTest {

	static final String ENDPOINT_FIELDS = "id url description eventTypes status disabledReason allowPrivateNetwork"
			+ " position consecutiveFailures previousSecretExpiresAt version partner { id }";

	static final String CREATE = """
			mutation($input: CreateWebhookEndpointInput!) {
			  createWebhookEndpoint(input: $input) {
			    endpoint { %s }
			    secret
			    userErrors { field code message }
			  }
			}""".formatted(ENDPOINT_FIELDS);

	private final List<LocalReceiver> receivers = new ArrayList<>();

	@AfterEach
	void removeEndpointsAndReceivers() {
		this.database.sql("delete from webhook_endpoint").then().block();
		this.receivers.forEach(LocalReceiver::close);
	}

	LocalReceiver receiver() {
		LocalReceiver receiver = new LocalReceiver();
		this.receivers.add(receiver);
		return receiver;
	}

	/** An admin's endpoint on a local receiver (a private address, so admins only). */
	Map<String, Object> createLocal(LocalReceiver receiver, String... eventTypes) {
		return create(ADMIN,
				Map.of("url", receiver.url(), "eventTypes", List.of(eventTypes), "allowPrivateNetwork", true));
	}

	/** The payload of createWebhookEndpoint; fails if it has user errors. */
	Map<String, Object> create(TestUser user, Map<String, Object> input) {
		return as(user).document(CREATE)
			.variable("input", input)
			.execute()
			.path("createWebhookEndpoint.userErrors")
			.entityList(Object.class)
			.hasSize(0)
			.path("createWebhookEndpoint")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> endpointOf(Map<String, Object> payload) {
		return (Map<String, Object>) payload.get("endpoint");
	}

	String createCampaign(String name) {
		return as(ADMIN)
			.document("mutation($input: CreateCampaignInput!) { createCampaign(input: $input) {"
					+ " campaign { id } userErrors { code } } }")
			.variable("input", Map.of("name", name, "kind", "WEBINAR"))
			.execute()
			.path("createCampaign.campaign.id")
			.entity(String.class)
			.get();
	}

	/**
	 * Waits until the query answers true, asking again as soon as it answered; fails
	 * after 20 seconds with the message.
	 */
	void waitUntil(String sql, Object id, String failure) {
		Mono.defer(() -> this.database.sql(sql).bind(0, id).map(row -> row.get(0, Boolean.class)).one())
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(Integer.MAX_VALUE, Function.identity())
			.timeout(Duration.ofSeconds(20), Mono.error(() -> new AssertionError(failure)))
			.block();
	}

}
