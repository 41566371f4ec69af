package com.dealerdesk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.GraphQlSocket;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Walks the schema by introspection and tries one partner's token against another
 * partner's data through every query field: by id (each {@code xxx(id:)} query and
 * {@code node}/{@code nodes}), by list and search (every other root field, its ID
 * arguments filled with the other partner's ids and its search arguments with its names),
 * and by nesting (every field reachable from the answers, to three levels). Nothing of
 * the other partner's data (ids, names, e-mail addresses, serial numbers) may appear in
 * any answer. A field added later is walked without touching this test. The same for a
 * sub-dealer against its parent (not upwards) and its sibling (not sideways).
 */
class PartnerIsolationTest extends ApiTest {

	/**
	 * Root fields that are not partner data, so not walked, each with the reason.
	 */
	static final Map<String, String> NOT_PARTNER_DATA = Map.of( //
			"viewer", "the caller itself, as its token says", //
			"partnerTiers", "the channel's tier ladder is the same for every partner (its own tier only)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The last errors of each field, to say why a field did not answer. */
	private final Map<String, String> errors = new LinkedHashMap<>();

	/** Keeps generated selections under the API's field limit (400 fields). */
	private static final int MAX_FIELDS = 400;

	/**
	 * The API's answers to an operation over one of its limits (docs/api.md, "Operation
	 * limits"): the walk then asks again, one level less deep.
	 */
	private static final Set<String> TOO_LARGE = Set.of("QUERY_TOO_COSTLY", "QUERY_TOO_DEEP", "TOO_MANY_FIELDS",
			"TOO_MANY_ALIASES");

	@Test
	void aPartnerSeesNothingOfAnotherPartnersDataThroughAnyQuery() {
		TestUser partnerA = family().parent();
		TestUser partnerB = family().parent();
		Seeded ofB = seed(partnerB);
		// the caller's own data, so that nested fields have something to walk
		Seeded own = seed(partnerA);
		List<String> answered = walk(partnerA, ofB);
		assertThat(answered).as("errors: %s", this.errors)
			.contains("customer", "node", "nodes", "licenses", "orders", "activities");
		// the walk finds data where it is visible: the vendor's admin sees B's
		assertThatThrownBy(() -> walk(ADMIN, ofB)).isInstanceOf(AssertionError.class).hasMessageContaining("answered");
		listen(partnerA, own, ofB);
		assertThat(walkMutations(partnerA, ofB, partnerB.partnerId())).contains("updateCustomer", "updateContract",
				"createPaymentPlan", "withdrawDealRegistration", "updatePartner", "createProtectionKey");
		// the mutation walk finds changes where they are allowed: the vendor's admin
		// changes B's business
		assertThatThrownBy(() -> walkMutations(ADMIN, ofB, partnerB.partnerId())).isInstanceOf(AssertionError.class);
	}

	@Test
	void aSubDealerSeesNothingOfItsParentsDataNorItsSiblingsData() {
		Family family = family();
		Seeded ofParent = seed(family.parent());
		Seeded ofSibling = seed(family.sibling());
		Seeded own = seed(family.child());
		walk(family.child(), ofParent.business());
		walk(family.child(), ofSibling);
		listen(family.child(), own, ofParent.business(), ofSibling);
		walkMutations(family.child(), ofSibling, family.sibling().partnerId());
		walkMutations(family.child(), ofParent.business(), family.parent().partnerId());
	}

	/**
	 * A first-level partner with two sub-dealers, each with a user; new for every test so
	 * that no other test's data is in their scope.
	 */
	private Family family() {
		UUID parent = UUID.randomUUID();
		UUID child = UUID.randomUUID();
		UUID sibling = UUID.randomUUID();
		this.database.sql("insert into partner (id, name) values ($1, $2)")
			.bind(0, parent)
			.bind(1, unique("Parent"))
			.then()
			.block();
		for (UUID sub : List.of(child, sibling)) {
			this.database.sql("insert into partner (id, name, parent_id) values ($1, $2, $3)")
				.bind(0, sub)
				.bind(1, unique("Sub-dealer"))
				.bind(2, parent)
				.then()
				.block();
		}
		return new Family(user(parent), user(child), user(sibling));
	}

	private static TestUser user(UUID partner) {
		String subject = "t-iso-" + partner.toString().substring(0, 8);
		return new TestUser(subject, "Iso " + subject, List.of("partner_user"), partner, List.of());
	}

	record Family(TestUser parent, TestUser child, TestUser sibling) {

	}

	/**
	 * What was made for a partner: every id and every text that identifies it, and the
	 * partner organisation itself (its id and name), which its sub-dealers may see.
	 */
	record Seeded(Set<String> ids, Set<String> texts, Set<String> organisation) {

		Set<String> all() {
			Set<String> all = new LinkedHashSet<>(this.ids);
			all.addAll(this.texts);
			all.addAll(this.organisation);
			return all;
		}

		/** The same business without the organisation: a sub-dealer sees its parent. */
		Seeded business() {
			return new Seeded(this.ids, this.texts, Set.of());
		}

	}

	/**
	 * A partner's business, made through the API by its user: a customer with a contact,
	 * an activity with a reminder, a deal, a quote, an order of a program, its shipment
	 * (with the licenses it issued) and a webhook endpoint.
	 */
	private Seeded seed(TestUser owner) {
		String marker = "Iso" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		Set<String> ids = new LinkedHashSet<>();
		Set<String> texts = new LinkedHashSet<>(List.of(marker, marker.toLowerCase() + "@example.com"));
		Map<String, Object> customer = data(owner, """
				mutation($input: CreateCustomerInput!) {
				  createCustomer(input: $input) { customer { id contacts { id } } userErrors { code } }
				}""",
				Map.of("name", marker + " Customer", "email", marker.toLowerCase() + "@example.com", "contacts",
						List.of(Map.of("firstName", marker, "lastName", "Contact", "emails",
								List.of("c." + marker.toLowerCase() + "@example.com")))));
		JsonNode created = json(customer).path("createCustomer").path("customer");
		String customerId = created.path("id").asString();
		ids.add(customerId);
		ids.add(created.path("contacts").path(0).path("id").asString());
		texts.add("c." + marker.toLowerCase() + "@example.com");
		ids.add(id(owner, "mutation($input: LogActivityInput!) { logActivity(input: $input) { activity { id } } }",
				Map.of("customerId", customerId, "kind", "CALL", "subject", marker + " call", "reminder",
						Map.of("dueAt", LocalDate.now(this.clock).plusDays(2) + "T09:00:00Z")),
				"logActivity", "activity"));
		String deal = id(owner,
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }",
				Map.of("customerId", customerId, "name", marker + " deal"), "createOpportunity", "opportunity");
		ids.add(deal);
		ids.add(id(owner, "mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } } }",
				Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
						LocalDate.now(this.clock).plusDays(30).toString(), "lines",
						List.of(Map.of("description", marker + " seats", "quantity", 1, "listPrice", "10"))),
				"createQuote", "quote"));
		String product = (String) ProductFixtures
			.program(as(ADMIN), "ISO-" + marker.substring(3).toUpperCase(), "PERPETUAL", "PER_SEAT")
			.get("id");
		Map<String, Object> order = OrderFixtures.order(as(owner), customerId, product, "STD", 2);
		ids.add((String) order.get("id"));
		Map<String, Object> shipment = OrderFixtures.ship(as(owner), (String) order.get("id"), null);
		ids.add((String) shipment.get("id"));
		JsonNode licenses = json(answer(owner,
				"""
						query($customerId: ID!) { licenses(customerId: $customerId, first: 10) { edges { node { id serial } } } }
						""",
				Map.of("customerId", customerId)));
		for (JsonNode edge : licenses.path("licenses").path("edges")) {
			ids.add(edge.path("node").path("id").asString());
			texts.add(edge.path("node").path("serial").asString());
		}
		ids.add(id(owner,
				"mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }",
				Map.of("url", "https://" + marker.toLowerCase() + ".example.com/hook"), "createWebhookEndpoint",
				"endpoint"));
		texts.add(marker.toLowerCase() + ".example.com");
		seedContract(owner, marker, customerId, (String) order.get("id"), ids, texts);
		ids.add(mutate(ACCOUNTANT, "createInvoice", "CreateInvoiceInput", "invoice { id }",
				Map.of("shipmentIds", List.of(shipment.get("id"))))
			.path("invoice")
			.path("id")
			.asString());
		ids.add(mutate(ADMIN, "recordPayment", "RecordPaymentInput", "payment { id }",
				Map.of("idempotencyKey", UUID.randomUUID().toString(), "customerId", customerId, "amount", "7",
						"currency", "EUR", "receivedOn", LocalDate.now(this.clock).toString(), "method",
						"BANK_TRANSFER", "reference", marker + "-PAYREF"))
			.path("payment")
			.path("id")
			.asString());
		texts.add(marker + "-PAYREF");
		ids.add(mutate(owner, "createProtectionKey", "CreateProtectionKeyInput", "key { id }", Map.of("customerId",
				customerId, "keyNumber", marker + "-KEY", "name", marker + " dongle", "kind", "HARDWARE"))
			.path("key")
			.path("id")
			.asString());
		texts.add(marker + "-KEY");
		seedChannel(owner, marker, product, ids, texts);
		ids.remove("");
		texts.remove("");
		return new Seeded(ids, texts, organisation(owner));
	}

	/**
	 * A contract of the customer's order with a stage, a work and a task, and its payment
	 * plan with planned payments.
	 */
	private void seedContract(TestUser owner, String marker, String customerId, String orderId, Set<String> ids,
			Set<String> texts) {
		String contract = mutate(owner, "createContract", "CreateContractInput", "contract { id number }",
				Map.of("customerId", customerId, "title", marker + " contract", "orderId", orderId))
			.path("contract")
			.path("id")
			.asString();
		ids.add(contract);
		String stage = mutate(owner, "createContractStage", "CreateContractStageInput", "stage { id }",
				Map.of("contractId", contract, "name", marker + " stage"))
			.path("stage")
			.path("id")
			.asString();
		String work = mutate(owner, "createContractWork", "CreateContractWorkInput", "work { id }",
				Map.of("stageId", stage, "name", marker + " work"))
			.path("work")
			.path("id")
			.asString();
		String task = mutate(owner, "createTask", "CreateTaskInput", "task { id }", Map.of("workId", work, "name",
				marker + " task", "startOn", LocalDate.now(this.clock).toString(), "durationDays", 2))
			.path("task")
			.path("id")
			.asString();
		ids.addAll(List.of(stage, work, task));
		JsonNode plan = mutate(owner, "createPaymentPlan", "CreatePaymentPlanInput",
				"paymentPlan { id plannedPayments { id } }",
				Map.of("contractId", contract, "terms",
						List.of(Map.of("kind", "PART", "percent", "50", "label", marker + " advance", "dueOn",
								LocalDate.now(this.clock).plusDays(5).toString()),
								Map.of("kind", "REST", "dueOn", LocalDate.now(this.clock).plusDays(40).toString()))))
			.path("paymentPlan");
		ids.add(plan.path("id").asString());
		plan.path("plannedPayments").forEach(planned -> ids.add(planned.path("id").asString()));
	}

	/**
	 * The owner's partner as the channel knows it: an agreement with rebate bands, a
	 * contact, a portal user, deal registrations (one of a customer not in DealerDesk,
	 * one in conflict with a direct customer of the vendor), and an account with a
	 * payment and an adjustment (written directly: its API is another part of the
	 * channel).
	 */
	private void seedChannel(TestUser owner, String marker, String product, Set<String> ids, Set<String> texts) {
		String partner = GlobalId.of("Partner", owner.partnerId());
		String agreement = mutate(ADMIN, "createPartnerAgreement", "CreatePartnerAgreementInput", "agreement { id }",
				Map.of("partnerId", partner, "startsOn", LocalDate.now(this.clock).minusDays(1).toString(), "currency",
						"EUR", "note", marker + " agreement", "rebateBands",
						List.of(Map.of("threshold", "1000000", "percent", "2"))))
			.path("agreement")
			.path("id")
			.asString();
		ids.add(agreement);
		texts.add(marker + " agreement");
		int version = JSON
			.readTree(post(ADMIN, "query($id: ID!) { partner(id: $id) { version } }", Map.of("id", partner)))
			.path("data")
			.path("partner")
			.path("version")
			.asInt();
		JsonNode contacts = mutate(ADMIN, "addPartnerContact", "AddPartnerContactInput",
				"partner { contacts { id name } }", Map.of("partnerId", partner, "expectedVersion", version, "name",
						marker + " Liaison", "email", "liaison." + marker.toLowerCase() + "@example.com"))
			.path("partner")
			.path("contacts");
		contacts.forEach(contact -> ids.add(contact.path("id").asString()));
		texts.add("liaison." + marker.toLowerCase() + "@example.com");
		JsonNode invited = mutate(ADMIN, "invitePartnerUser", "InvitePartnerUserInput", "partnerUser { user { id } }",
				Map.of("partnerId", partner, "name", marker + " Portal", "email",
						"portal." + marker.toLowerCase() + "@example.com"))
			.path("partnerUser");
		ids.add(invited.path("user").path("id").asString());
		texts.add("portal." + marker.toLowerCase() + "@example.com");
		List<Map<String, Object>> lines = List.of(Map.of("productId", product, "editionCode", "STD", "quantity", 3));
		Map<String, Object> expected = Map.of("amount", "4321", "currency", "EUR");
		String closeOn = LocalDate.now(this.clock).plusDays(60).toString();
		ids.add(mutate(owner, "submitDealRegistration", "SubmitDealRegistrationInput", "registration { id }",
				Map.of("customerName", marker + " Prospect", "customerTaxId", "TX" + marker.substring(3), "lines",
						lines, "expectedAmount", expected, "expectedCloseOn", closeOn))
			.path("registration")
			.path("id")
			.asString());
		texts.add("TX" + marker.substring(3));
		// the vendor's direct customer of the same name: the registration conflicts with
		// it
		OrderFixtures.customer(as(ADMIN), marker + " Direct");
		JsonNode conflicting = mutate(owner, "submitDealRegistration", "SubmitDealRegistrationInput",
				"registration { id number }", Map.of("customerName", marker + " Direct", "lines", lines,
						"expectedAmount", expected, "expectedCloseOn", closeOn))
			.path("registration");
		ids.add(conflicting.path("id").asString());
		texts.add(conflicting.path("number").asString());
		UUID account = UUID.randomUUID();
		this.database
			.sql("insert into partner_account (id, partner_id, currency, prepaid, credit_limit, balance)"
					+ " values ($1, $2, 'EUR', true, 500, 70)")
			.bind(0, account)
			.bind(1, owner.partnerId())
			.then()
			.block();
		UUID payment = UUID.randomUUID();
		UUID adjustment = UUID.randomUUID();
		this.database.sql("""
				insert into partner_account_entry (id, account_id, kind, amount, booked_on, reference, reason) values
				  ($1, $3, 'PAYMENT', 100, current_date, $4, null),
				  ($2, $3, 'ADJUSTMENT', -30, current_date, null, $5)""")
			.bind(0, payment)
			.bind(1, adjustment)
			.bind(2, account)
			.bind(3, marker + "-BANKREF")
			.bind(4, marker + " goodwill correction")
			.then()
			.block();
		ids.add(GlobalId.of("PartnerAccount", account));
		ids.add(GlobalId.of("PartnerAccountEntry", payment));
		ids.add(GlobalId.of("PartnerAccountEntry", adjustment));
		texts.addAll(List.of(marker + "-BANKREF", marker + " goodwill correction"));
	}

	/** The partner itself: its id and name, which only its own and its parent's see. */
	private Set<String> organisation(TestUser owner) {
		String partner = GlobalId.of("Partner", owner.partnerId());
		String name = JSON.readTree(post(ADMIN, "query($id: ID!) { partner(id: $id) { name } }", Map.of("id", partner)))
			.path("data")
			.path("partner")
			.path("name")
			.asString();
		return Set.of(partner, name);
	}

	/** Runs a mutation that must succeed; returns its payload. */
	private JsonNode mutate(TestUser user, String mutation, String inputType, String selection,
			Map<String, Object> input) {
		JsonNode payload = json(data(user, "mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { "
				+ selection + " userErrors { field code message } } }", input))
			.path(mutation);
		assertThat(payload.path("userErrors").isEmpty()).as("%s: %s", mutation, payload).isTrue();
		return payload;
	}

	/**
	 * Every root query field as the caller, with the victim's ids and texts as arguments,
	 * asserting that none of the victim's ids or texts comes back. Returns the fields
	 * that answered without errors for at least one set of arguments.
	 */
	private List<String> walk(TestUser caller, Seeded victim) {
		Schema schema = new Schema(JSON.readTree(post(ADMIN, INTROSPECTION, Map.of())).path("data").path("__schema"));
		List<String> answered = new ArrayList<>();
		for (JsonNode field : schema.type(schema.queryType).path("fields")) {
			String name = field.path("name").asString();
			if (NOT_PARTNER_DATA.containsKey(name)) {
				continue;
			}
			for (Map<String, Object> arguments : schema.argumentSets(field, victim)) {
				JsonNode answer = null;
				for (int depth = 3; depth >= 0; depth--) {
					answer = JSON.readTree(post(caller, schema.query(field, arguments, depth), arguments));
					if (!TOO_LARGE.contains(answer.path("errors").path(0).path("extensions").path("code").asString())) {
						break;
					}
				}
				String data = answer.path("data").toString();
				for (String secret : victim.all()) {
					assertThat(data).as("%s with %s as %s answered %s", name, arguments, caller.subject(), data)
						.doesNotContain(secret);
				}
				if (answer.path("errors").isMissingNode() && !answered.contains(name)) {
					answered.add(name);
				}
				else if (!answer.path("errors").isMissingNode()) {
					this.errors.put(name, answer.path("errors").toString());
				}
			}
		}
		return answered;
	}

	/**
	 * Every mutation whose input names an id of one of the victim's kinds of object (by
	 * the mutation's or an ID field's name), sent by the caller with each such id of the
	 * victim in every ID field and the required rest made up: nothing of the victim may
	 * come back, and no event of the victim's partner may be written (every change writes
	 * one, in the same transaction). Returns the mutations called.
	 */
	private Set<String> walkMutations(TestUser caller, Seeded victim, UUID victimPartner) {
		Schema schema = new Schema(JSON.readTree(post(ADMIN, INTROSPECTION, Map.of())).path("data").path("__schema"));
		long before = victimEvents(victimPartner);
		Set<String> victimIds = new LinkedHashSet<>(victim.ids());
		victimIds.addAll(victim.organisation());
		Set<String> called = new LinkedHashSet<>();
		for (JsonNode field : schema.type(schema.mutationType).path("fields")) {
			String about = schema.idNames(field);
			if (!about.contains(" ")) {
				continue; // no ID field: nothing of the victim to name
			}
			for (String id : victimIds) {
				GlobalId parsed = GlobalId.parse(id);
				if (parsed == null || !about.replace("_", "").contains(parsed.type().toLowerCase())) {
					continue;
				}
				List<JsonNode> args = new ArrayList<>();
				field.path("args").forEach(args::add);
				Map<String, Object> arguments = schema.fill(args, id, null);
				if (arguments == null) {
					continue;
				}
				JsonNode answer = JSON.readTree(post(caller, schema.mutation(field, arguments), arguments));
				String data = answer.path("data").toString();
				called.add(field.path("name").asString());
				// another partner's id is bad input like any other: a user error, never a
				// crash
				assertThat(answer.path("errors").toString()).as("%s with %s", field.path("name").asString(), arguments)
					.doesNotContain("INTERNAL_ERROR");
				for (String secret : victim.all()) {
					assertThat(data)
						.as("%s with %s as %s answered %s", field.path("name").asString(), arguments, caller.subject(),
								data)
						.doesNotContain(secret);
				}
			}
		}
		assertThat(victimEvents(victimPartner)).as("events of the victim's partner after %s", called).isEqualTo(before);
		return called;
	}

	private long victimEvents(UUID partnerId) {
		return count("select count(*) from outbox_event where partner_id = $1", partnerId);
	}

	/**
	 * The caller's whole event feed, replayed from the first position up to an event it
	 * makes last: none of the victims' ids or texts may be in it, and the caller's own
	 * business must be (or the feed was not read at all).
	 */
	private void listen(TestUser caller, Seeded own, Seeded... victims) {
		String last = OrderFixtures.customer(as(caller), unique("Iso last"));
		List<String> received = new ArrayList<>();
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(caller))) {
			socket.subscribe("feed", FEED, Map.of("after", 0));
			String aggregate = "";
			while (!last.equals(aggregate)) {
				JsonNode message = socket.nextData("feed");
				assertThat(message.path("type").asString()).as("message %s", message).isEqualTo("next");
				JsonNode event = message.path("payload").path("data").path("events");
				for (Seeded victim : victims) {
					for (String secret : victim.all()) {
						assertThat(event.toString()).as("event sent to %s", caller.subject()).doesNotContain(secret);
					}
				}
				aggregate = event.path("aggregateId").asString();
				received.add(event.toString());
			}
		}
		// the caller's own events came: its customer, contract, plan, registrations…
		Set<String> ownIds = new LinkedHashSet<>(own.ids());
		ownIds.removeIf(id -> received.stream().noneMatch(event -> event.contains(id)));
		assertThat(ownIds).as("own ids in %s events", received.size()).hasSizeGreaterThan(own.ids().size() / 2);
	}

	private static final String FEED = """
			subscription($after: Long) {
			  events(after: $after) {
			    position id type aggregateType aggregateId aggregateVersion actor occurredAt transactionId data
			  }
			}""";

	private String id(TestUser user, String mutation, Map<String, Object> input, String payload, String object) {
		JsonNode answer = json(data(user, mutation, input));
		return answer.path(payload).path(object).path("id").asString();
	}

	private Map<String, Object> data(TestUser user, String mutation, Map<String, Object> input) {
		return answer(user, mutation, Map.of("input", input));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> answer(TestUser user, String document, Map<String, Object> variables) {
		JsonNode answer = JSON.readTree(post(user, document, variables));
		assertThat(answer.path("errors").isMissingNode()).as("%s: %s", document, answer).isTrue();
		return JSON.convertValue(answer.path("data"), Map.class);
	}

	private static JsonNode json(Map<String, Object> data) {
		return JSON.valueToTree(data);
	}

	private String post(TestUser user, String query, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		body.put("variables", variables);
		// the introspection answer and some walked answers are larger than the default
		// buffer of 256 KiB
		return http().mutate()
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(user))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static final String INTROSPECTION = """
			{ __schema { queryType { name } mutationType { name } types { kind name enumValues { name } interfaces { name } possibleTypes { name }
			    inputFields { name type { ...Ref } }
			    fields { name args { name type { ...Ref } } type { ...Ref } } } } }
			fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""";

	/** The introspected schema, and queries generated from it. */
	private static final class Schema {

		private static final Set<String> CURSORS = Set.of("after", "before");

		private final Map<String, JsonNode> types = new LinkedHashMap<>();

		private final String queryType;

		private final String mutationType;

		Schema(JsonNode schema) {
			this.queryType = schema.path("queryType").path("name").asString();
			this.mutationType = schema.path("mutationType").path("name").asString();
			for (JsonNode type : schema.path("types")) {
				this.types.put(type.path("name").asString(), type);
			}
		}

		JsonNode type(String name) {
			return this.types.get(name);
		}

		/**
		 * The argument sets to try: for each of the victim's ids (and texts, for String
		 * arguments), one set with every ID (String) argument given that value; without
		 * such arguments, one set with only what is required.
		 */
		List<Map<String, Object>> argumentSets(JsonNode field, Seeded victim) {
			List<JsonNode> args = new ArrayList<>();
			field.path("args").forEach(args::add);
			boolean takesIds = args.stream()
				.anyMatch(arg -> "ID".equals(named(arg.path("type")).path("name").asString()));
			boolean takesText = args.stream()
				.anyMatch(arg -> "String".equals(named(arg.path("type")).path("name").asString()));
			List<Map<String, Object>> sets = new ArrayList<>();
			if (takesIds) {
				Set<String> victimIds = new LinkedHashSet<>(victim.ids());
				victimIds.addAll(victim.organisation());
				for (String id : victimIds) {
					sets.add(fill(args, id, null));
				}
			}
			if (takesText) {
				for (String text : victim.texts()) {
					sets.add(fill(args, null, text));
				}
			}
			if (sets.isEmpty()) {
				sets.add(fill(args, null, null));
			}
			sets.removeIf(set -> set == null);
			return sets;
		}

		/** Values for the arguments; null when a required one cannot be made. */
		private Map<String, Object> fill(List<JsonNode> args, String id, String text) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (JsonNode arg : args) {
				boolean required = "NON_NULL".equals(arg.path("type").path("kind").asString());
				if (!required && CURSORS.contains(arg.path("name").asString())) {
					continue; // a cursor is the API's own; a made-up one is refused
				}
				Object value = value(arg.path("type"), id, text, 0);
				if (value == null && required) {
					return null;
				}
				if (value != null) {
					values.put(arg.path("name").asString(), value);
				}
			}
			return values;
		}

		private Object value(JsonNode type, String id, String text, int depth) {
			boolean required = "NON_NULL".equals(type.path("kind").asString());
			JsonNode inner = required ? type.path("ofType") : type;
			if ("LIST".equals(inner.path("kind").asString())) {
				Object item = value(inner.path("ofType"), id, text, depth);
				return item == null ? null : List.of(item);
			}
			String name = inner.path("name").asString();
			JsonNode definition = this.types.get(name);
			return switch (definition.path("kind").asString()) {
				case "ENUM" -> required ? definition.path("enumValues").path(0).path("name").asString() : null;
				case "INPUT_OBJECT" -> required && depth < 3 ? input(definition, id, text, depth + 1) : null;
				default -> scalar(name, required, id, text);
			};
		}

		private Object scalar(String name, boolean required, String id, String text) {
			return switch (name) {
				case "ID" -> id != null ? id : required ? "bm90aGluZw" : null;
				case "String" -> text != null ? text : required ? "x" : null;
				case "Int" -> required ? 10 : null;
				case "Long" -> required ? 0 : null;
				case "Boolean" -> required ? false : null;
				case "Date" -> required ? LocalDate.now().toString() : null;
				case "DateTime" -> required ? LocalDate.now() + "T00:00:00Z" : null;
				case "Decimal" -> required ? "1" : null;
				default -> null;
			};
		}

		private Map<String, Object> input(JsonNode definition, String id, String text, int depth) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (JsonNode field : definition.path("inputFields")) {
				// the victim's objects are mostly at their first version: had the scope
				// been
				// forgotten, the change would go through
				Object value = "expectedVersion".equals(field.path("name").asString()) ? 1
						: value(field.path("type"), id, text, depth);
				if (value == null && "NON_NULL".equals(field.path("type").path("kind").asString())) {
					return null;
				}
				if (value != null) {
					values.put(field.path("name").asString(), value);
				}
			}
			return values;
		}

		/**
		 * The query of one root field with its arguments as variables and a generated
		 * selection, at most the given depth.
		 */
		String query(JsonNode field, Map<String, Object> arguments, int depth) {
			return operation("query", field, arguments, depth);
		}

		/** The same for a mutation field, its payload one level deep. */
		String mutation(JsonNode field, Map<String, Object> arguments) {
			return operation("mutation", field, arguments, 1);
		}

		private String operation(String keyword, JsonNode field, Map<String, Object> arguments, int maxDepth) {
			StringBuilder variables = new StringBuilder();
			StringBuilder passed = new StringBuilder();
			for (JsonNode arg : field.path("args")) {
				String name = arg.path("name").asString();
				if (arguments.containsKey(name)) {
					variables.append(variables.isEmpty() ? "" : ", ")
						.append('$')
						.append(name)
						.append(": ")
						.append(typeRef(arg.path("type")));
					passed.append(passed.isEmpty() ? "" : ", ").append(name).append(": $").append(name);
				}
			}
			String selection = "";
			for (int depth = maxDepth; depth >= 0; depth--) {
				int[] count = { 0 };
				selection = selection(named(field.path("type")).path("name").asString(), depth, count, "");
				if (count[0] <= MAX_FIELDS) {
					break;
				}
			}
			return keyword + (variables.isEmpty() ? "" : "(" + variables + ")") + " { " + field.path("name").asString()
					+ (passed.isEmpty() ? "" : "(" + passed + ")") + selection + " }";
		}

		/**
		 * Every field without required arguments: scalars always, objects down to the
		 * depth (connections count their edges and node as one level).
		 */
		private String selection(String typeName, int depth, int[] count, String alias) {
			JsonNode type = this.types.get(typeName);
			String kind = type.path("kind").asString();
			if ("SCALAR".equals(kind) || "ENUM".equals(kind)) {
				return "";
			}
			StringBuilder selection = new StringBuilder(" { __typename");
			count[0]++;
			if ("INTERFACE".equals(kind) || "UNION".equals(kind)) {
				for (JsonNode candidate : this.types.values()) {
					if ("OBJECT".equals(candidate.path("kind").asString()) && implementsOrMember(candidate, type)
							&& depth > 0) {
						// fields of different types may share a name: each type's own
						// aliases
						String candidateName = candidate.path("name").asString();
						selection.append(" ... on ")
							.append(candidateName)
							.append(selection(candidateName, depth - 1, count, candidateName + "_"));
					}
				}
				return selection.append(" }").toString();
			}
			for (JsonNode field : type.path("fields")) {
				boolean requiredArgs = false;
				for (JsonNode arg : field.path("args")) {
					requiredArgs |= "NON_NULL".equals(arg.path("type").path("kind").asString());
				}
				if (requiredArgs) {
					continue;
				}
				String target = named(field.path("type")).path("name").asString();
				String targetKind = this.types.get(target).path("kind").asString();
				boolean leaf = "SCALAR".equals(targetKind) || "ENUM".equals(targetKind);
				boolean connection = target.endsWith("Connection") || target.endsWith("Edge");
				String fieldName = field.path("name").asString();
				String key = alias.isEmpty() ? fieldName : alias + fieldName + ": " + fieldName;
				if (leaf) {
					selection.append(' ').append(key);
					count[0]++;
				}
				else if (depth > 0) {
					count[0]++;
					selection.append(' ')
						.append(key)
						.append(selection(target, connection ? depth : depth - 1, count, ""));
				}
			}
			return selection.append(" }").toString();
		}

		private boolean implementsOrMember(JsonNode candidate, JsonNode abstractType) {
			String name = abstractType.path("name").asString();
			JsonNode full = this.types.get(name);
			return candidate.path("interfaces").toString().contains("\"" + name + "\"")
					|| full.path("possibleTypes").toString().contains("\"" + candidate.path("name").asString() + "\"");
		}

		/**
		 * The names of the field and of every ID argument or input field under it (three
		 * levels), lower case: what its ids are about.
		 */
		String idNames(JsonNode field) {
			StringBuilder names = new StringBuilder(field.path("name").asString().toLowerCase());
			field.path("args").forEach(arg -> idNames(arg, names, 0));
			return names.toString();
		}

		private void idNames(JsonNode field, StringBuilder names, int depth) {
			String typeName = named(field.path("type")).path("name").asString();
			if ("ID".equals(typeName)) {
				names.append(' ').append(field.path("name").asString().toLowerCase());
			}
			JsonNode definition = this.types.get(typeName);
			if (depth < 3 && "INPUT_OBJECT".equals(definition.path("kind").asString())) {
				definition.path("inputFields").forEach(inner -> idNames(inner, names, depth + 1));
			}
		}

		private static JsonNode named(JsonNode type) {
			JsonNode current = type;
			while (current.path("name").isNull() || current.path("name").isMissingNode()) {
				current = current.path("ofType");
			}
			return current;
		}

		private static String typeRef(JsonNode type) {
			return switch (type.path("kind").asString()) {
				case "NON_NULL" -> typeRef(type.path("ofType")) + "!";
				case "LIST" -> "[" + typeRef(type.path("ofType")) + "]";
				default -> type.path("name").asString();
			};
		}

	}

}
