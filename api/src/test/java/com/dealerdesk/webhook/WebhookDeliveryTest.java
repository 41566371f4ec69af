package com.dealerdesk.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventAudience;
import com.dealerdesk.platform.outbox.EventFeed;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.FeedEvent;
import com.dealerdesk.support.TestTokens.TestUser;
import com.dealerdesk.webhook.LocalReceiver.Received;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.Parameter;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries over real HTTP to receivers on this machine: signed so that an independent
 * verifier (docs/examples/verify-webhook.mjs, run with node) accepts them, in order,
 * retried until the receiver recovers, and given up on after the threshold.
 */
class WebhookDeliveryTest extends WebhookTesting {

	private static final Path VERIFIER = Path.of("../docs/examples/verify-webhook.mjs");

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private EventFeed feed;

	@Autowired
	private JsonMapper json;

	@Test
	void signsEachDeliverySoThatAnIndependentVerifierAcceptsItAndRefusesATamperedBody() throws Exception {
		LocalReceiver receiver = receiver();
		Map<String, Object> created = createLocal(receiver, "CAMPAIGN_CREATED");
		String secret = (String) created.get("secret");
		assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);

		String campaignId = createCampaign(unique("Signed"));
		Received delivery = receiver.arrivals().next().block(WAIT);

		assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
		assertThat(delivery.header("DealerDesk-Event-Type")).isEqualTo("CAMPAIGN_CREATED");
		assertThat(delivery.header("DealerDesk-Delivery-Attempt")).isEqualTo("1");
		Map<?, ?> body = this.json.readValue(delivery.body(), Map.class);
		assertThat(body.get("id")).isEqualTo(delivery.header("DealerDesk-Event-Id"));
		assertThat(body.get("type")).isEqualTo("CAMPAIGN_CREATED");
		assertThat(body.get("aggregateId")).isEqualTo(campaignId);
		assertThat(body.get("position")).isInstanceOf(Number.class);
		assertThat(delivery.header("DealerDesk-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");

		assertThat(verify(secret, delivery.header("DealerDesk-Signature"), delivery.body())).isEqualTo("valid");
		assertThat(verify(secret, delivery.header("DealerDesk-Signature"), delivery.body().replace("Signed", "Forged")))
			.isEqualTo("invalid: no signature matches the secret");
		assertThat(verify("whsec_someone-else", delivery.header("DealerDesk-Signature"), delivery.body()))
			.startsWith("invalid");
	}

	@Test
	void signsWithTheOldAndTheNewSecretDuringARotationsOverlap() throws Exception {
		LocalReceiver receiver = receiver();
		Map<String, Object> created = createLocal(receiver, "CAMPAIGN_CREATED");
		String oldSecret = (String) created.get("secret");
		String id = (String) endpointOf(created).get("id");
		String newSecret = as(ADMIN)
			.document(
					"""
							mutation($input: RotateWebhookSecretInput!) {
							  rotateWebhookSecret(input: $input) { secret endpoint { previousSecretExpiresAt version } userErrors { code } }
							}""")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "overlapHours", 2))
			.execute()
			.path("rotateWebhookSecret.endpoint.previousSecretExpiresAt")
			.hasValue()
			.path("rotateWebhookSecret.secret")
			.entity(String.class)
			.get();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);

		createCampaign(unique("Rotated"));
		Received delivery = receiver.arrivals().next().block(WAIT);

		String header = delivery.header("DealerDesk-Signature");
		assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
		assertThat(verify(newSecret, header, delivery.body())).isEqualTo("valid");
		assertThat(verify(oldSecret, header, delivery.body())).isEqualTo("valid");
	}

	@Test
	void retriesTheSameEventUntilTheReceiverRecoversThenDeliversTheRestInOrderOnce() {
		LocalReceiver receiver = receiver().failNext(2, 503);
		Map<String, Object> created = createLocal(receiver, "CAMPAIGN_CREATED");
		UUID endpointId = GlobalId.uuidOf("WebhookEndpoint", (String) endpointOf(created).get("id"));
		List<String> campaigns = List.of(createCampaign(unique("First")), createCampaign(unique("Second")),
				createCampaign(unique("Third")));

		List<Received> arrivals = receiver.arrivals().take(5).collectList().block(WAIT);

		// the first event three times (two failures, then success), then the others once
		assertThat(arrivals).extracting(Received::answeredWith).containsExactly(503, 503, 200, 200, 200);
		assertThat(arrivals).extracting(this::aggregateId)
			.containsExactly(campaigns.get(0), campaigns.get(0), campaigns.get(0), campaigns.get(1), campaigns.get(2));
		assertThat(arrivals).extracting(delivery -> delivery.header("DealerDesk-Delivery-Attempt"))
			.containsExactly("1", "2", "3", "1", "1");
		waitUntil("select count(*) = 5 from webhook_delivery where endpoint_id = $1", endpointId,
				"the five attempts were not all logged");

		List<Map<String, Object>> log = deliveries((String) endpointOf(created).get("id"));
		assertThat(log).extracting(entry -> entry.get("outcome"))
			.containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED", "FAILED");
		assertThat(log).extracting(entry -> entry.get("statusCode")).containsExactly(200, 200, 200, 503, 503);
		assertThat(log).extracting(entry -> entry.get("attempt")).containsExactly(1, 1, 3, 2, 1);
		assertThat(log).allSatisfy(entry -> assertThat((Integer) entry.get("latencyMs")).isNotNegative());
		assertThat(log.get(4).get("responseExcerpt")).isEqualTo("temporarily down");
		assertThat(log.get(4).get("nextAttemptAt")).isNotNull();
		assertThat(log.get(0).get("nextAttemptAt")).isNull();
		assertThat(count("select consecutive_failures::bigint from webhook_endpoint where id = $1", endpointId))
			.isZero();
		// nothing more arrives: every event was delivered once after its success
		assertThat(receiver.received()).hasSize(5);
	}

	@Test
	void disablesAnEndpointThatKeepsFailingAndTellsItsOwner() {
		LocalReceiver receiver = receiver().failNext(Integer.MAX_VALUE, 500);
		Map<String, Object> created = createLocal(receiver, "CAMPAIGN_CREATED");
		String id = (String) endpointOf(created).get("id");
		UUID endpointId = GlobalId.uuidOf("WebhookEndpoint", id);
		long before = this.feed.head().block();

		createCampaign(unique("Never received"));

		FeedEvent disabled = disabledEvent(endpointId, before);
		assertThat(disabled.aggregateType()).isEqualTo("WebhookEndpoint");
		assertThat(disabled.owner().partnerId()).isNull();
		assertThat(disabled.data()).containsEntry("id", id)
			.containsEntry("disabledReason", "Failed 4 times in a row.")
			.containsEntry("consecutiveFailures", 4);
		as(ADMIN).document("query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { status disabledReason } } }")
			.variable("id", id)
			.execute()
			.path("node.status")
			.entity(String.class)
			.isEqualTo("DISABLED")
			.path("node.disabledReason")
			.entity(String.class)
			.isEqualTo("Failed 4 times in a row.");
		assertThat(receiver.received()).hasSize(4);
		assertThat(count("select count(*) from webhook_delivery where endpoint_id = $1 and outcome = 'FAILED'",
				endpointId))
			.isEqualTo(4);
	}

	@Test
	void disablesAnEndpointThatHasFailedForLongerThanTheRetryPeriod() {
		LocalReceiver receiver = receiver().failNext(Integer.MAX_VALUE, 502);
		String id = (String) endpointOf(createLocal(receiver, "CAMPAIGN_CREATED")).get("id");
		UUID endpointId = GlobalId.uuidOf("WebhookEndpoint", id);
		// a streak that began a day and an hour ago, as if the receiver had been down
		// since
		this.database
			.sql("update webhook_endpoint set consecutive_failures = 1,"
					+ " first_failure_at = now() - interval '25 hours' where id = $1")
			.bind(0, endpointId)
			.then()
			.block();
		long before = this.feed.head().block();

		createCampaign(unique("Too late"));

		FeedEvent disabled = disabledEvent(endpointId, before);
		assertThat(disabled.data()).containsEntry("disabledReason", "Failed for longer than the retry period (PT24H).");
		assertThat(receiver.received()).hasSize(1);
		assertThat(receiver.received().get(0).header("DealerDesk-Delivery-Attempt")).isEqualTo("2");
	}

	@Test
	void doesNotSkipEventsPrunedBeforeTheyWereDeliveredButDisablesTheEndpointAndSaysSo() {
		LocalReceiver receiver = receiver();
		Map<String, Object> created = createLocal(receiver, "CAMPAIGN_CREATED");
		String id = (String) endpointOf(created).get("id");
		UUID endpointId = GlobalId.uuidOf("WebhookEndpoint", id);
		// stopped by its owner, the endpoint misses an event and then the retention
		// window:
		// the feed now starts after that event, and the endpoint is one behind it
		as(ADMIN).document("""
				mutation($input: WebhookEndpointVersionInput!) {
				  disableWebhookEndpoint(input: $input) { userErrors { code } }
				}""").variable("input", Map.of("id", id, "expectedVersion", 1)).execute();
		createCampaign(unique("Pruned before delivery"));
		long head = this.feed.head().block();
		long prunedBefore = this.feed.prunedThrough().block();
		this.database.sql("update outbox_retention set pruned_through = $1").bind(0, head).then().block();
		try {
			this.database
				.sql("update webhook_endpoint set status = 'ACTIVE', disabled_reason = null, position = $1"
						+ " where id = $2")
				.bind(0, head - 1)
				.bind(1, endpointId)
				.then()
				.block();

			FeedEvent disabled = disabledEvent(endpointId, head);
			String reason = "Events after position " + (head - 1) + " up to " + head
					+ " were pruned before they could be delivered. Replay from " + head
					+ " (or later) and enable the endpoint to go on.";
			assertThat(disabled.data()).containsEntry("disabledReason", reason);
			assertThat(deliveries(id)).first().satisfies(entry -> {
				assertThat(entry).containsEntry("outcome", "FAILED").containsEntry("eventPosition", null);
				assertThat(entry).containsEntry("responseExcerpt", reason);
			});
			as(ADMIN).document("""
					mutation($input: WebhookEndpointVersionInput!) {
					  enableWebhookEndpoint(input: $input) { endpoint { id } userErrors { field code } }
					}""")
				.variable("input",
						Map.of("id", id, "expectedVersion", ((Number) disabled.data().get("version")).intValue()))
				.execute()
				.path("enableWebhookEndpoint.userErrors[0].code")
				.entity(String.class)
				.isEqualTo("INVALID_VALUE");
			assertThat(receiver.received()).isEmpty();
		}
		finally {
			this.database.sql("update outbox_retention set pruned_through = $1").bind(0, prunedBefore).then().block();
		}
	}

	@Test
	void aReceiverThatDoesNotAnswerHoldsUpOnlyItsOwnEndpoint() {
		LocalReceiver stuck = receiver().hang();
		LocalReceiver healthy = receiver();
		UUID stuckId = GlobalId.uuidOf("WebhookEndpoint",
				(String) endpointOf(createLocal(stuck, "CAMPAIGN_CREATED")).get("id"));
		createLocal(healthy, "CAMPAIGN_CREATED");

		String first = createCampaign(unique("Everyone"));
		stuck.arrivals().next().block(WAIT);
		String second = createCampaign(unique("Still flowing"));

		assertThat(healthy.arrivals().take(2).map(this::aggregateId).collectList().block(WAIT)).containsExactly(first,
				second);
		// the stuck endpoint's attempt is still waiting for its answer (logged only after
		// the
		// response timeout), and it was not sent the second event
		assertThat(count("select count(*) from webhook_delivery where endpoint_id = $1", stuckId)).isZero();
		assertThat(stuck.received()).hasSize(1);
	}

	@Test
	void aPartnersEndpointReceivesOnlyThatPartnersEvents() {
		LocalReceiver receiver = receiver();
		// a partner registers a public URL; an admin points it at the receiver here
		String id = (String) endpointOf(create(PARTNER_A_USER,
				Map.of("url", "https://203.0.113.7/hooks", "eventTypes", List.of("CUSTOMER_CREATED"))))
			.get("id");
		assertThat(as(ADMIN).document("""
				mutation($input: UpdateWebhookEndpointInput!) {
				  updateWebhookEndpoint(input: $input) { endpoint { url partner { id } } userErrors { code } }
				}""")
			.variable("input",
					Map.of("id", id, "expectedVersion", 1, "url", receiver.url(), "allowPrivateNetwork", true))
			.execute()
			.path("updateWebhookEndpoint.endpoint.partner.id")
			.entity(String.class)
			.get()).isEqualTo(GlobalId.of("Partner", PARTNER_A));

		String otherPartners = createCustomer(PARTNER_B_USER, unique("B's customer"));
		String ours = createCustomer(PARTNER_A_USER, unique("A's customer"));

		Received delivery = receiver.arrivals().next().block(WAIT);
		// B's customer came first in the feed: had it been sent, it would have arrived
		// first
		assertThat(aggregateId(delivery)).isEqualTo(ours).isNotEqualTo(otherPartners);
	}

	@Test
	void aSubDealersEndpointReceivesNeitherItsParentsNorItsSiblingsEvents() {
		UUID parent = partner(null);
		UUID sub = partner(parent);
		UUID sibling = partner(parent);
		LocalReceiver receiver = receiver();
		String id = (String) endpointOf(create(partnerUser(sub), Map.of("url", "https://203.0.113.7/hooks",
				"eventTypes", List.of("CUSTOMER_CREATED", "PARTNER_UPDATED"))))
			.get("id");
		as(ADMIN)
			.document("mutation($input: UpdateWebhookEndpointInput!) {"
					+ " updateWebhookEndpoint(input: $input) { userErrors { code } } }")
			.variable("input",
					Map.of("id", id, "expectedVersion", 1, "url", receiver.url(), "allowPrivateNetwork", true))
			.execute()
			.path("updateWebhookEndpoint.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		// the business and the partner records of the sibling and the parent come first
		for (UUID other : List.of(sibling, parent)) {
			createCustomer(partnerUser(other), unique("Not the sub-dealer's"));
			touchPartner(other);
		}
		String ours = createCustomer(partnerUser(sub), unique("The sub-dealer's"));
		touchPartner(sub);

		List<String> delivered = receiver.arrivals().take(2).map(this::aggregateId).collectList().block(WAIT);
		assertThat(delivered).containsExactly(ours, GlobalId.of("Partner", sub));
	}

	private UUID partner(UUID parentId) {
		UUID id = UUID.randomUUID();
		this.database.sql("insert into partner (id, name, parent_id) values ($1, $2, $3)")
			.bind(0, id)
			.bind(1, unique("Hooked partner"))
			.bind(2, Parameter.fromOrEmpty(parentId, UUID.class))
			.then()
			.block();
		return id;
	}

	private static TestUser partnerUser(UUID partnerId) {
		String subject = "t-hooked-" + partnerId.toString().substring(0, 8);
		return new TestUser(subject, subject, List.of("partner_user"), partnerId, List.of());
	}

	/** A PARTNER_UPDATED event of the partner, by the vendor's admin. */
	private void touchPartner(UUID partnerId) {
		as(ADMIN)
			.document("mutation($input: UpdatePartnerInput!) { updatePartner(input: $input) { userErrors { code } } }")
			.variable("input",
					Map.of("id", GlobalId.of("Partner", partnerId), "expectedVersion", 1, "address", "Ringstr. 2"))
			.execute()
			.path("updatePartner.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void aTestPingIsSignedAndLoggedWithoutMovingThePosition() throws Exception {
		LocalReceiver receiver = receiver();
		Map<String, Object> created = createLocal(receiver);
		String id = (String) endpointOf(created).get("id");
		long position = ((Number) endpointOf(created).get("position")).longValue();

		Map<String, Object> delivery = as(ADMIN).document("""
				mutation($input: TestWebhookEndpointInput!) {
				  testWebhookEndpoint(input: $input) {
				    delivery { id eventPosition eventType attempt outcome statusCode latencyMs responseExcerpt }
				    userErrors { code }
				  }
				}""")
			.variable("input", Map.of("id", id))
			.execute()
			.path("testWebhookEndpoint.delivery")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();

		assertThat(delivery).containsEntry("eventPosition", null)
			.containsEntry("eventType", null)
			.containsEntry("outcome", "SUCCEEDED")
			.containsEntry("statusCode", 200)
			.containsEntry("responseExcerpt", "ok");
		Received ping = receiver.received().get(0);
		assertThat(this.json.readValue(ping.body(), Map.class)).containsEntry("type", "PING")
			.containsEntry("endpointId", id);
		assertThat(ping.header("DealerDesk-Event-Type")).isEqualTo("PING");
		assertThat(verify((String) created.get("secret"), ping.header("DealerDesk-Signature"), ping.body()))
			.isEqualTo("valid");
		assertThat(count("select position from webhook_endpoint where id = $1", GlobalId.uuidOf("WebhookEndpoint", id)))
			.isEqualTo(position);
		assertThat(deliveries(id)).hasSize(1);
	}

	@Test
	void replayDeliversAgainFromAnEarlierPosition() {
		LocalReceiver receiver = receiver();
		Map<String, Object> created = createLocal(receiver, "CAMPAIGN_CREATED");
		String id = (String) endpointOf(created).get("id");
		long start = ((Number) endpointOf(created).get("position")).longValue();
		String first = createCampaign(unique("Replayed"));
		String second = createCampaign(unique("Replayed too"));
		assertThat(receiver.arrivals().take(2).map(this::aggregateId).collectList().block(WAIT)).containsExactly(first,
				second);
		waitUntil("select count(*) = 2 from webhook_delivery where endpoint_id = $1",
				GlobalId.uuidOf("WebhookEndpoint", id), "the deliveries were not logged");

		int version = (Integer) as(ADMIN)
			.document("query($id: ID!) { node(id: $id) { ... on WebhookEndpoint { version } } }")
			.variable("id", id)
			.execute()
			.path("node.version")
			.entity(Integer.class)
			.get();
		as(ADMIN).document("""
				mutation($input: ReplayWebhookEndpointInput!) {
				  replayWebhookEndpoint(input: $input) { endpoint { position } userErrors { field code message } }
				}""")
			.variable("input", Map.of("id", id, "expectedVersion", version, "afterPosition", start))
			.execute()
			.path("replayWebhookEndpoint.endpoint.position")
			.entity(Long.class)
			.isEqualTo(start);

		assertThat(receiver.arrivals().skip(2).take(2).map(this::aggregateId).collectList().block(WAIT))
			.containsExactly(first, second);
	}

	@Test
	void deliveriesArePagedNewestFirst() {
		LocalReceiver receiver = receiver();
		String id = (String) endpointOf(createLocal(receiver)).get("id");
		for (int i = 0; i < 3; i++) {
			as(ADMIN)
				.document("mutation($input: TestWebhookEndpointInput!) { testWebhookEndpoint(input: $input) {"
						+ " userErrors { code } } }")
				.variable("input", Map.of("id", id))
				.execute();
		}
		String page = """
				query($id: ID!, $after: String) { node(id: $id) { ... on WebhookEndpoint {
				  deliveries(first: 2, after: $after) { edges { cursor node { id attemptedAt } } pageInfo { hasNextPage endCursor } }
				} } }""";
		String endCursor = as(ADMIN).document(page)
			.variable("id", id)
			.execute()
			.path("node.deliveries.edges")
			.entityList(Object.class)
			.hasSize(2)
			.path("node.deliveries.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("node.deliveries.pageInfo.endCursor")
			.entity(String.class)
			.get();
		as(ADMIN).document(page)
			.variable("id", id)
			.variable("after", endCursor)
			.execute()
			.path("node.deliveries.edges")
			.entityList(Object.class)
			.hasSize(1)
			.path("node.deliveries.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
		List<String> times = deliveries(id).stream().map(entry -> (String) entry.get("attemptedAt")).toList();
		assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	/** Waits for the event that tells the owner the endpoint was disabled. */
	private FeedEvent disabledEvent(UUID endpointId, long after) {
		return this.feed.stream(EventAudience.everything(), Set.of(EventType.WEBHOOK_ENDPOINT_DISABLED), after)
			.filter(event -> event.aggregateId().equals(endpointId))
			.next()
			.block(WAIT);
	}

	private List<Map<String, Object>> deliveries(String endpointId) {
		return as(ADMIN)
			.document(
					"""
							query($id: ID!) { node(id: $id) { ... on WebhookEndpoint {
							  deliveries(first: 100) { edges { node {
							    id eventPosition eventType attempt attemptedAt outcome statusCode latencyMs responseExcerpt nextAttemptAt
							  } } }
							} } }""")
			.variable("id", endpointId)
			.execute()
			.path("node.deliveries.edges[*].node")
			.entityList(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private String createCustomer(com.dealerdesk.support.TestTokens.TestUser user, String name) {
		return as(user)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) {"
					+ " customer { id } userErrors { code } } }")
			.variable("input", Map.of("name", name))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
	}

	private String aggregateId(Received delivery) {
		return (String) this.json.readValue(delivery.body(), Map.class).get("aggregateId");
	}

	/** Runs the example verifier with node on a delivery; answers what it printed. */
	private static String verify(String secret, String signatureHeader, String body)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("node", VERIFIER.toString(), "--signature", signatureHeader)
			.redirectErrorStream(true);
		builder.environment().put("DEALERDESK_WEBHOOK_SECRET", secret);
		Process node = builder.start();
		try (OutputStream stdin = node.getOutputStream()) {
			stdin.write(body.getBytes(StandardCharsets.UTF_8));
		}
		assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
		String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(node.exitValue()).as(output).isEqualTo(output.equals("valid") ? 0 : 1);
		return output;
	}

}
