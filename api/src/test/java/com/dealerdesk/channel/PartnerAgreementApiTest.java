package com.dealerdesk.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agreements with partners and their rebate bands: written by channel managers and
 * admins, never overlapping for one partner (the exclusion constraint decides, even for
 * ten writers at once), bad bands answered at their fields with nothing written, and read
 * by the partner itself but no other partner.
 */
class PartnerAgreementApiTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private UUID partner;

	@BeforeEach
	void aPartnerOfItsOwn() {
		PartnerAgreementFixtures.registerChannelManager(this.database);
		this.partner = PartnerAgreementFixtures.partner(this.database, "Agreement partner", null);
	}

	@Test
	void aChannelManagerMakesAnAgreementWithBandsThatThePartnerSees() {
		Map<String, Object> agreement = created(as(PartnerAgreementFixtures.CHANNEL_MANAGER),
				input("2026-01-01", "2026-12-31", bands()));
		assertThat(agreement).containsEntry("startsOn", "2026-01-01")
			.containsEntry("endsOn", "2026-12-31")
			.containsEntry("currency", "EUR")
			.containsEntry("version", 1);
		assertThat(agreement.get("rebateBands")).isEqualTo(
				List.of(Map.of("threshold", Map.of("amount", "1000000.00", "currency", "EUR"), "percent", "2.00"),
						Map.of("threshold", Map.of("amount", "3000000.00", "currency", "EUR"), "percent", "4.00")));
		assertThat(((Map<?, ?>) agreement.get("partner")).get("id")).isEqualTo(partnerId());
		assertThat(
				count("select count(*) from outbox_event where type = 'partner_agreement.created' and partner_id = $1",
						this.partner))
			.isEqualTo(1);

		TestUser portal = PartnerAgreementFixtures.partnerUser(this.database, this.partner);
		as(portal).documentName("partnerAgreement")
			.operationName("partnerAgreements")
			.variable("id", partnerId())
			.execute()
			.path("node.agreements[*].id")
			.entityList(String.class)
			.containsExactly((String) agreement.get("id"));
		as(TestPeople.PARTNER_B_USER).documentName("partnerAgreement")
			.operationName("agreement")
			.variable("id", agreement.get("id"))
			.execute()
			.path("node")
			.valueIsNull();
		as(TestPeople.REP).documentName("partnerAgreement")
			.operationName("agreement")
			.variable("id", agreement.get("id"))
			.execute()
			.path("node")
			.valueIsNull();
	}

	@Test
	void anOverlappingAgreementIsRefusedNamingTheOneInTheWay() {
		GraphQlTester manager = as(PartnerAgreementFixtures.CHANNEL_MANAGER);
		Map<String, Object> first = created(manager, input("2026-01-01", null, bands()));
		created(manager, input("2025-01-01", "2025-12-31", List.of()));

		GraphQlTester.Response refused = create(manager, input("2025-06-01", "2026-03-31", bands()));
		refused.path("createPartnerAgreement.agreement").valueIsNull();
		refused.path("createPartnerAgreement.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "startsOn");
		refused.path("createPartnerAgreement.userErrors[0].code").entity(String.class).isEqualTo("CONFLICT");
		refused.path("createPartnerAgreement.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).contains("2025-01-01 to 2025-12-31"));
		// an open-ended agreement reaches into any later period
		create(manager, input("2030-01-01", "2030-12-31", List.of()))
			.path("createPartnerAgreement.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).contains((String) first.get("id")).contains("open-ended"));
		assertThat(count("select count(*) from partner_agreement where partner_id = $1", this.partner)).isEqualTo(2);
		assertThat(count("select count(*) from rebate_band b join partner_agreement a on a.id = b.agreement_id"
				+ " where a.partner_id = $1", this.partner))
			.isEqualTo(2);
	}

	@Test
	void tenOverlappingAgreementsSentAtOnceMakeOne() {
		List<Map<String, Object>> payloads = Concurrently.mutate(this.port, PartnerAgreementFixtures.CHANNEL_MANAGER,
				"partnerAgreement", "createPartnerAgreement", input("2026-01-01", "2026-12-31", bands()));
		Concurrently.assertOneThroughAndTheOthers(payloads, "input.startsOn=CONFLICT");
		assertThat(count("select count(*) from partner_agreement where partner_id = $1", this.partner)).isEqualTo(1);
	}

	@Test
	void badInputIsAnsweredAtItsFieldsWithNothingWritten() {
		GraphQlTester manager = as(PartnerAgreementFixtures.CHANNEL_MANAGER);
		Map<String, Object> input = input("2026-12-31", "2026-01-01",
				List.of(Map.of("threshold", "1000000", "percent", "2"), Map.of("threshold", "1000000", "percent", "0"),
						Map.of("threshold", "-5", "percent", "101")));
		assertThat(outcomes(create(manager, input))).containsExactlyInAnyOrder("input.endsOn=INVALID_VALUE",
				"input.rebateBands.1.threshold=INVALID_VALUE", "input.rebateBands.1.percent=INVALID_VALUE",
				"input.rebateBands.2.threshold=INVALID_VALUE", "input.rebateBands.2.percent=INVALID_VALUE");
		Map<String, Object> badCurrency = input("2026-01-01", null, bands());
		badCurrency.put("currency", "EUX");
		assertThat(outcomes(create(manager, badCurrency))).containsExactly("input.currency=INVALID_VALUE");
		Map<String, Object> unknownPartner = input("2026-01-01", null, bands());
		unknownPartner.put("partnerId", GlobalId.of("Partner", UUID.randomUUID()));
		assertThat(outcomes(create(manager, unknownPartner))).containsExactly("input.partnerId=NOT_FOUND");
		assertThat(outcomes(create(as(TestPeople.PARTNER_A_USER), input("2026-01-01", null, bands()))))
			.containsExactly("=NOT_ALLOWED");
		assertThat(outcomes(create(as(TestPeople.MANAGER), input("2026-01-01", null, bands()))))
			.containsExactly("=NOT_ALLOWED");
		assertThat(count("select count(*) from partner_agreement where partner_id = $1", this.partner)).isZero();
	}

	@Test
	void anUpdateReplacesBandsAndPeriodAtTheExpectedVersionAndNeverIntoAnOverlap() {
		GraphQlTester manager = as(PartnerAgreementFixtures.CHANNEL_MANAGER);
		Map<String, Object> agreement = created(manager, input("2026-01-01", "2026-12-31", bands()));
		created(manager, input("2027-01-01", null, List.of()));
		String id = (String) agreement.get("id");

		Map<String, Object> changed = update(manager,
				Map.of("id", id, "expectedVersion", 1, "endsOn", "2026-06-30", "rebateBands",
						List.of(Map.of("threshold", "500000", "percent", "1.5")), "note", "Half a year"))
			.path("updatePartnerAgreement.agreement")
			.entity(MAP)
			.get();
		assertThat(changed).containsEntry("startsOn", "2026-01-01")
			.containsEntry("endsOn", "2026-06-30")
			.containsEntry("note", "Half a year")
			.containsEntry("version", 2);
		assertThat(changed.get("rebateBands")).isEqualTo(
				List.of(Map.of("threshold", Map.of("amount", "500000.00", "currency", "EUR"), "percent", "1.50")));

		assertThat(outcomes(update(manager, Map.of("id", id, "expectedVersion", 1, "note", "stale"))))
			.containsExactly("input.expectedVersion=STALE_VERSION");
		assertThat(outcomes(update(manager, Map.of("id", id, "expectedVersion", 2, "endsOn", "2027-03-31"))))
			.containsExactly("input.startsOn=CONFLICT");
		assertThat(outcomes(update(manager, Map.of("id", id, "expectedVersion", 2, "startsOn", "2026-07-01"))))
			.containsExactly("input.endsOn=INVALID_VALUE");
		assertThat(outcomes(update(as(TestPeople.PARTNER_A_USER), Map.of("id", id, "expectedVersion", 2, "note", "x"))))
			.containsExactly("=NOT_ALLOWED");
		assertThat(
				count("select count(*) from partner_agreement where id = $1 and version = 2 and ends_on = '2026-06-30'",
						GlobalId.requireUuidOf("PartnerAgreement", id)))
			.isEqualTo(1);
		assertThat(
				count("select count(*) from outbox_event where type = 'partner_agreement.updated' and partner_id = $1",
						this.partner))
			.isEqualTo(1);
	}

	@Test
	void aSuspendedOrTerminatedPartnerGetsNoNewOrLongerAgreementButOneMayBeShortened() {
		GraphQlTester manager = as(PartnerAgreementFixtures.CHANNEL_MANAGER);
		this.database.sql("update partner set status = 'PROSPECTIVE' where id = $1")
			.bind(0, this.partner)
			.then()
			.block();
		String id = (String) created(manager, input("2026-01-01", "2026-06-30", bands())).get("id");
		status("SUSPENDED");
		assertThat(outcomes(create(manager, input("2027-01-01", null, bands()))))
			.containsExactly("input.partnerId=CONFLICT");
		assertThat(outcomes(update(manager, Map.of("id", id, "expectedVersion", 1, "endsOn", "2026-12-31"))))
			.containsExactly("input.endsOn=CONFLICT");
		assertThat(outcomes(update(manager, Map.of("id", id, "expectedVersion", 1, "startsOn", "2025-07-01"))))
			.containsExactly("input.startsOn=CONFLICT");
		// ending it sooner is how the vendor winds a suspended partner down
		update(manager, Map.of("id", id, "expectedVersion", 1, "endsOn", "2026-03-31"))
			.path("updatePartnerAgreement.agreement.version")
			.entity(Integer.class)
			.isEqualTo(2);
		status("TERMINATED");
		assertThat(outcomes(create(manager, input("2027-01-01", null, bands()))))
			.containsExactly("input.partnerId=CONFLICT");
		assertThat(count("select count(*) from partner_agreement where partner_id = $1", this.partner)).isEqualTo(1);
		assertThat(count("select count(*) from partner_agreement where id = $1 and version = 2 and starts_on ="
				+ " '2026-01-01' and ends_on = '2026-03-31'", GlobalId.requireUuidOf("PartnerAgreement", id)))
			.isEqualTo(1);
		assertThat(count("select count(*) from outbox_event where type like 'partner_agreement.%' and partner_id = $1",
				this.partner))
			.isEqualTo(2);
	}

	private void status(String status) {
		this.database.sql("update partner set status = $2, status_reason = 'Audit' where id = $1")
			.bind(0, this.partner)
			.bind(1, status)
			.then()
			.block();
	}

	private String partnerId() {
		return GlobalId.of("Partner", this.partner);
	}

	private Map<String, Object> input(String startsOn, String endsOn, List<Map<String, Object>> bands) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("partnerId", partnerId());
		input.put("startsOn", startsOn);
		input.put("endsOn", endsOn);
		input.put("currency", "EUR");
		input.put("rebateBands", bands);
		return input;
	}

	private static List<Map<String, Object>> bands() {
		return List.of(Map.of("threshold", "1000000", "percent", "2"), Map.of("threshold", "3000000", "percent", "4"));
	}

	private static GraphQlTester.Response create(GraphQlTester tester, Map<String, Object> input) {
		return tester.documentName("partnerAgreement")
			.operationName("createPartnerAgreement")
			.variable("input", input)
			.execute();
	}

	private static Map<String, Object> created(GraphQlTester tester, Map<String, Object> input) {
		GraphQlTester.Response response = create(tester, input);
		response.path("createPartnerAgreement.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createPartnerAgreement.agreement").entity(MAP).get();
	}

	private static GraphQlTester.Response update(GraphQlTester tester, Map<String, Object> input) {
		return tester.documentName("partnerAgreement")
			.operationName("updatePartnerAgreement")
			.variable("input", input)
			.execute();
	}

	/** The user errors of a refused change, as "field=CODE". */
	@SuppressWarnings("unchecked")
	private static List<String> outcomes(GraphQlTester.Response response) {
		Map<String, Object> data = response.path("").entity(MAP).get();
		Map<String, Object> payload = (Map<String, Object>) data.values().iterator().next();
		assertThat(payload).as("no object with user errors").containsValue(null);
		return ((List<Map<String, Object>>) payload.get("userErrors")).stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

}
