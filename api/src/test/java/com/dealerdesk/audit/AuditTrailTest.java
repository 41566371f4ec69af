package com.dealerdesk.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over real HTTP: row changes with their actor, operation and request id,
 * only the changed fields, nothing for a rolled-back change, kept when events are pruned;
 * logins once per token, refused tokens, permission denials; admins only; filters and
 * paging.
 */
class AuditTrailTest extends ApiTest {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> NODES = new ParameterizedTypeReference<>() {
	};

	@Test
	void recordsWhoCreatedAndChangedACustomerWithOnlyTheChangedFields() {
		Map<String, Object> customer = createCustomer(unique("Audited"));
		String id = (String) customer.get("id");
		as(REP).documentName("updateCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "status", "CANDIDATE"))
			.execute()
			.path("updateCustomer.userErrors")
			.entityList(Object.class)
			.hasSize(0);

		List<Map<String, Object>> entries = entries(Map.of("record", id), null, null);
		assertThat(entries).extracting(entry -> entry.get("change")).containsExactly("UPDATE", "INSERT");
		Map<String, Object> update = entries.get(0);
		assertThat(update).containsEntry("kind", "CHANGE")
			.containsEntry("actorSubject", REP.subject())
			.containsEntry("actorName", REP.name())
			.containsEntry("operation", "updateCustomer")
			.containsEntry("recordType", "customer")
			.containsEntry("recordId", id);
		assertThat((String) update.get("requestId")).isNotBlank();
		Map<String, Map<String, Object>> fields = fields(update);
		assertThat(fields).containsKeys("status", "version").doesNotContainKeys("name", "legal_name", "owner_id");
		assertThat(fields.get("status")).containsEntry("before", "PROSPECT").containsEntry("after", "CANDIDATE");
		assertThat(fields.get("version")).containsEntry("before", 1).containsEntry("after", 2);
		Map<String, Object> insert = entries.get(1);
		assertThat(insert).containsEntry("operation", "createCustomer");
		assertThat(fields(insert).get("name")).containsEntry("after", customer.get("name"))
			.containsEntry("before", null);
	}

	@Test
	void aRolledBackChangeLeavesNoEntryAndPruningEventsLeavesTheAudit() {
		String id = (String) createCustomer(unique("Kept")).get("id");
		long before = count("select count(*) from audit_entry where record_table = 'customer' and record_id = $1",
				uuidOf(id));
		// a stale version: the service rejects it and its transaction rolls back
		as(REP).documentName("updateCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 7, "status", "CANDIDATE"))
			.execute()
			.path("updateCustomer.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("STALE_VERSION");
		assertThat(count("select count(*) from audit_entry where record_table = 'customer' and record_id = $1",
				uuidOf(id)))
			.isEqualTo(before);

		this.database.sql("delete from outbox_event where aggregate_id = $1")
			.bind(0, UUID.fromString(uuidOf(id)))
			.then()
			.block();
		assertThat(entries(Map.of("record", id), null, null)).hasSize((int) before);
	}

	@Test
	void recordsACreateAndADeleteOfTheChannelAndRedactsSecrets() {
		String code = "AUDIT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		GraphQlTester.Response created = as(ADMIN).documentName("partner")
			.operationName("createPartnerTier")
			.variable("input", Map.of("code", code, "name", "Audited tier", "defaultDiscountPercent", "5"))
			.execute();
		String tier = created.path("createPartnerTier.tier.id").entity(String.class).get();
		as(ADMIN).documentName("partner")
			.operationName("deletePartnerTier")
			.variable("input", Map.of("id", tier, "expectedVersion", 1))
			.execute()
			.path("deletePartnerTier.deletedId")
			.entity(String.class)
			.isEqualTo(tier);

		List<Map<String, Object>> entries = entries(Map.of("record", tier), null, null);
		assertThat(entries).extracting(entry -> entry.get("change")).containsExactly("DELETE", "INSERT");
		assertThat(entries.get(0)).containsEntry("operation", "deletePartnerTier")
			.containsEntry("actorSubject", ADMIN.subject());
		assertThat(fields(entries.get(0)).get("code")).containsEntry("before", code).containsEntry("after", null);

		GraphQlTester.Response webhook = as(ADMIN).documentName("createWebhookEndpoint")
			.variable("input", Map.of("url", "https://203.0.113.10/audit-hook"))
			.execute();
		String endpoint = webhook.path("createWebhookEndpoint.endpoint.id").entity(String.class).get();
		String secret = webhook.path("createWebhookEndpoint.secret").entity(String.class).get();
		// the oldest: the webhook worker may already have updated the endpoint (the
		// insert
		// is auto-committed, outside a transaction: audited without an actor, ADR 0037)
		List<Map<String, Object>> endpointEntries = entries(Map.of("record", endpoint), null, null);
		Map<String, Object> insert = endpointEntries.get(endpointEntries.size() - 1);
		assertThat(insert).containsEntry("change", "INSERT");
		assertThat(fields(insert).get("secret")).containsEntry("redacted", true)
			.containsEntry("before", null)
			.containsEntry("after", null);
		assertThat(insert.toString()).doesNotContain(secret);
	}

	@Test
	void recordsAPermissionDenialAlthoughTheChangeRolledBack() {
		String code = "DENIED_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		as(REP).documentName("partner")
			.operationName("createPartnerTier")
			.variable("input", Map.of("code", code, "name", "Not mine", "defaultDiscountPercent", "5"))
			.execute()
			.path("createPartnerTier.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");

		List<Map<String, Object>> denials = entries(Map.of("actor", REP.subject(), "kinds", List.of("ACCESS_DENIED")),
				5, null);
		assertThat(denials).isNotEmpty();
		assertThat(denials.get(0)).containsEntry("operation", "createPartnerTier");
		assertThat(denials.get(0).get("detail")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("action", "CREATE")
			.containsEntry("subject", "PARTNER_TIER");
	}

	@Test
	void recordsARefusedTokenWithItsUnverifiedSubject() {
		TestUser intruder = TestUser.of("t-intruder-" + UUID.randomUUID(), "admin");
		http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.forgedTokenFor(intruder))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ viewer { subject } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized();

		assertThat(count("select count(*) from audit_entry where kind = 'TOKEN_REFUSED' and detail->>'subject' = $1",
				intruder.subject()))
			.isEqualTo(1);
		Map<String, Object> refusal = entries(Map.of("kinds", List.of("TOKEN_REFUSED")), 20, null).stream()
			.filter(entry -> intruder.subject().equals(((Map<?, ?>) entry.get("detail")).get("subject")))
			.findFirst()
			.orElseThrow();
		assertThat(refusal.get("detail")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("issuer", TestTokens.ISSUER)
			.containsKeys("reason", "address");
		assertThat(refusal.get("actorSubject")).isNull();
	}

	@Test
	void recordsALoginOnceForTenConcurrentFirstRequestsWithOneToken() {
		TestUser newcomer = TestUser.of("t-newcomer-" + UUID.randomUUID(), "sales_rep");
		String token = TestTokens.tokenFor(newcomer);
		List<Integer> statuses = Flux.range(0, Concurrently.TIMES)
			.flatMap(i -> http().post()
				.uri("/graphql")
				.header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", "{ viewer { subject } }"))
				.exchange()
				.returnResult(String.class)
				.getResponseBody()
				.then(Mono.just(1)), Concurrently.TIMES)
			.collectList()
			.block();
		assertThat(statuses).hasSize(Concurrently.TIMES);

		assertThat(count("select count(*) from audit_entry where kind = 'LOGIN' and actor_subject = $1",
				newcomer.subject()))
			.isEqualTo(1);
		assertThat(entries(Map.of("actor", newcomer.subject(), "kinds", List.of("LOGIN")), null, null)).hasSize(1);
	}

	@Test
	void onlyAdminsOfTheVendorReadTheTrail() {
		for (TestUser caller : List.of(REP, PARTNER_A_USER)) {
			as(caller).documentName("audit")
				.operationName("auditEntries")
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(
							error -> assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN")));
		}
		assertThat(count("select count(*) from audit_entry where kind = 'ACCESS_DENIED' and actor_subject = $1"
				+ " and detail->>'subject' = 'AUDIT'", PARTNER_A_USER.subject()))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void pagesNewestFirstAndFiltersByActorAndPeriod() {
		String id = (String) createCustomer(unique("Paged")).get("id");
		for (int version = 1; version <= 3; version++) {
			as(REP).documentName("updateCustomer")
				.variable("input", Map.of("id", id, "expectedVersion", version, "region", "Region " + version))
				.execute()
				.path("updateCustomer.userErrors")
				.entityList(Object.class)
				.hasSize(0);
		}
		List<Long> all = numbers(entries(Map.of("record", id), null, null));
		assertThat(all).hasSize(4).isSortedAccordingTo((a, b) -> Long.compare(b, a));

		List<Long> paged = new ArrayList<>();
		String after = null;
		do {
			GraphQlTester.Response page = as(ADMIN).documentName("audit")
				.operationName("auditEntries")
				.variable("filter", Map.of("record", id))
				.variable("first", 3)
				.variable("after", after)
				.execute();
			paged.addAll(numbers(page.path("auditEntries.edges[*].node").entity(NODES).get()));
			after = page.path("auditEntries.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("auditEntries.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(paged).isEqualTo(all);

		assertThat(entries(Map.of("record", id, "actor", ADMIN.subject()), null, null)).isEmpty();
		assertThat(
				entries(Map.of("record", id, "from", "2000-01-01T00:00:00Z", "to", "2000-01-02T00:00:00Z"), null, null))
			.isEmpty();
		assertThat(entries(Map.of("record", id, "from", "2000-01-01T00:00:00Z"), null, null)).hasSize(4);
		assertThat(entries(Map.of("record", id, "kinds", List.of("LOGIN")), null, null)).isEmpty();
	}

	private Map<String, Object> createCustomer(String name) {
		GraphQlTester.Response response = as(REP).documentName("createCustomer")
			.variable("input", Map.of("name", name))
			.execute();
		response.path("createCustomer.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createCustomer.customer").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	private List<Map<String, Object>> entries(Map<String, Object> filter, Integer first, String after) {
		GraphQlTester.Request<?> request = as(ADMIN).documentName("audit")
			.operationName("auditEntries")
			.variable("filter", filter)
			.variable("first", first)
			.variable("after", after);
		return request.execute().path("auditEntries.edges[*].node").entity(NODES).get();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> fields(Map<String, Object> entry) {
		Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
		for (Object change : (List<Object>) entry.get("changes")) {
			Map<String, Object> field = (Map<String, Object>) change;
			fields.put((String) field.get("field"), field);
		}
		return fields;
	}

	private static List<Long> numbers(List<Map<String, Object>> entries) {
		return entries.stream()
			.map(entry -> Long
				.parseLong(new String(java.util.Base64.getUrlDecoder().decode((String) entry.get("id"))).split(":")[1]))
			.collect(Collectors.toList());
	}

	private static String uuidOf(String id) {
		return new String(java.util.Base64.getUrlDecoder().decode(id)).split(":")[1];
	}

}
