package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.r2dbc.core.Parameter;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events about a partner itself rather than one of its customers (its record, status,
 * portal users, agreements, deal registrations, also of customers not yet in DealerDesk,
 * and a customer who became a partner) reach that partner's own feed and its parent's,
 * never a sibling's or another partner's.
 */
class PartnerOwnedEventsTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final String FEED = """
			subscription($after: Long) { events(after: $after) { type aggregateId data } }""";

	@Test
	void aPartnersOwnEventsReachItAndItsParentAndNoOneElse() {
		UUID parent = partner("Owned parent", "ACTIVE", null);
		UUID sub = partner("Owned sub", "PROSPECTIVE", parent);
		UUID sibling = partner("Owned sibling", "ACTIVE", parent);
		UUID stranger = partner("Owned stranger", "ACTIVE", null);
		String subId = GlobalId.of("Partner", sub);
		long start = count("select coalesce(max(sequence), 0) from outbox_event");

		call(ADMIN, "changePartnerStatus", "ChangePartnerStatusInput", "partner { id }",
				Map.of("id", subId, "expectedVersion", 1, "status", "ACTIVE"));
		call(ADMIN, "updatePartner", "UpdatePartnerInput", "partner { id }",
				Map.of("id", subId, "expectedVersion", 2, "address", "Hauptstr. 1"));
		String invited = "invited." + sub + "@example.com";
		call(ADMIN, "invitePartnerUser", "InvitePartnerUserInput", "partnerUser { status }",
				Map.of("partnerId", subId, "name", "Invited", "email", invited));
		String agreement = id(call(ADMIN, "createPartnerAgreement", "CreatePartnerAgreementInput", "agreement { id }",
				Map.of("partnerId", subId, "startsOn", "2026-01-01", "currency", "EUR")), "agreement");
		call(ADMIN, "updatePartnerAgreement", "UpdatePartnerAgreementInput", "agreement { id }",
				Map.of("id", agreement, "expectedVersion", 1, "note", "Renewed"));
		TestUser subUser = user(sub);
		String product = (String) ProductFixtures
			.program(as(ADMIN), "OWN-" + sub.toString().substring(0, 8).toUpperCase(), "PERPETUAL", "PER_SEAT")
			.get("id");
		// a customer not yet in DealerDesk
		String registration = id(
				call(subUser, "submitDealRegistration", "SubmitDealRegistrationInput", "registration { id }",
						Map.of("customerName", unique("Not yet a customer"), "lines",
								List.of(Map.of("productId", product, "editionCode", "STD", "quantity", 1)),
								"expectedAmount", Map.of("amount", "1000", "currency", "EUR"), "expectedCloseOn",
								LocalDate.now(this.clock).plusDays(30).toString())),
				"registration");
		call(ADMIN, "rejectDealRegistration", "RejectDealRegistrationInput", "registration { id }",
				Map.of("id", registration, "expectedVersion", 1, "reason", "Direct deal"));
		// a direct customer of the vendor becomes a partner of its own
		String recruit = OrderFixtures.customer(as(ADMIN), unique("Recruit"));
		String converted = id(call(ADMIN, "convertCustomerToPartner", "ConvertCustomerToPartnerInput", "partner { id }",
				Map.of("customerId", recruit, "status", "ACTIVE")), "partner");

		List<String> subsOwn = List.of("PARTNER_STATUS_CHANGED " + subId, "PARTNER_UPDATED " + subId,
				"PARTNER_USER_INVITED " + subId, "PARTNER_AGREEMENT_CREATED " + agreement,
				"PARTNER_AGREEMENT_UPDATED " + agreement, "DEAL_REGISTRATION_SUBMITTED " + registration,
				"DEAL_REGISTRATION_REJECTED " + registration);
		for (TestUser receiver : List.of(subUser, user(parent))) {
			List<String> received = feed(receiver, start);
			assertThat(subsOwn).as("%s received %s", receiver.subject(), received)
				.allMatch(expected -> received.stream().anyMatch(event -> event.startsWith(expected)));
			assertThat(received).noneMatch(event -> event.contains(converted));
		}
		for (UUID other : List.of(sibling, stranger)) {
			assertThat(feed(user(other), start)).noneMatch(event -> event.contains(subId) || event.contains(agreement)
					|| event.contains(registration) || event.contains(invited) || event.contains(converted));
		}
		assertThat(feed(user(GlobalId.parse(converted).asUuid()), start))
			.anyMatch(event -> event.startsWith("PARTNER_CONVERTED_FROM_CUSTOMER " + converted))
			.noneMatch(event -> event.contains(subId));
	}

	/**
	 * The caller's feed from the position on, up to a customer it makes now: each event
	 * as "TYPE aggregateId", followed by its data.
	 */
	private List<String> feed(TestUser caller, long after) {
		String last = OrderFixtures.customer(as(caller), unique("Last of the feed"));
		List<String> events = new ArrayList<>();
		try (GraphQlSocket socket = GraphQlSocket.open(this.port).init(TestTokens.tokenFor(caller))) {
			socket.subscribe("feed", FEED, Map.of("after", after));
			String aggregate = "";
			while (!last.equals(aggregate)) {
				JsonNode message = socket.nextData("feed");
				assertThat(message.path("type").asString()).as("message %s", message).isEqualTo("next");
				JsonNode event = message.path("payload").path("data").path("events");
				aggregate = event.path("aggregateId").asString();
				events.add(event.path("type").asString() + " " + aggregate + " " + event.path("data"));
			}
		}
		return events;
	}

	private UUID partner(String name, String status, UUID parentId) {
		UUID id = UUID.randomUUID();
		this.database.sql("insert into partner (id, name, status, parent_id) values ($1, $2, $3, $4)")
			.bind(0, id)
			.bind(1, unique(name))
			.bind(2, status)
			.bind(3, Parameter.fromOrEmpty(parentId, UUID.class))
			.then()
			.block();
		return id;
	}

	private static TestUser user(UUID partnerId) {
		String subject = "t-owned-" + partnerId.toString().substring(0, 8);
		return new TestUser(subject, "User " + subject, List.of("partner_user"), partnerId, List.of());
	}

	/** Runs a mutation that must succeed; returns its payload. */
	private Map<String, Object> call(TestUser user, String mutation, String inputType, String selection,
			Map<String, Object> input) {
		Map<String, Object> payload = as(user)
			.document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { " + selection
					+ " userErrors { field code message } } }")
			.variable("input", new LinkedHashMap<>(input))
			.execute()
			.path(mutation)
			.entity(MAP)
			.get();
		assertThat((List<?>) payload.get("userErrors")).as(mutation).isEmpty();
		return payload;
	}

	private static String id(Map<String, Object> payload, String object) {
		return (String) ((Map<?, ?>) payload.get(object)).get("id");
	}

}
