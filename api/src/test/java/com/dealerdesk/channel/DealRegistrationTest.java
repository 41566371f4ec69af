package com.dealerdesk.channel;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deal registration end to end over HTTP: submitting with conflict detection across
 * scripts and legal forms, approving (customer and deal made under the partner),
 * rejecting, withdrawing, expiry by the business date, and what one partner may see of
 * another's.
 */
class DealRegistrationTest extends ApiTest {

	static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	static final TestUser CHANNEL = TestUser.of("t-channel", "channel_manager");

	/** A partner that sells in Latvia only. */
	static final UUID PARTNER_LV = UUID.fromString("00000000-0000-4000-8000-0000000000c1");

	/** A sub-dealer of {@link #PARTNER_LV}. */
	static final UUID SUB_DEALER = UUID.fromString("00000000-0000-4000-8000-0000000000c2");

	/**
	 * A partner still being recruited: its users pass the door (suspended ones do not)
	 * but may not register.
	 */
	static final UUID PROSPECTIVE = UUID.fromString("00000000-0000-4000-8000-0000000000c3");

	static final TestUser PARTNER_LV_USER = new TestUser("t-partner-lv", "Liga of LV", List.of("partner_user"),
			PARTNER_LV, List.of());

	static final TestUser PROSPECTIVE_USER = new TestUser("t-partner-s", "Sam of S", List.of("partner_user"),
			PROSPECTIVE, List.of());

	/** Cyrillic letters and their Latin spelling, for unique names in both scripts. */
	private static final String[][] LETTERS = { { "б", "b" }, { "в", "v" }, { "г", "g" }, { "д", "d" }, { "з", "z" },
			{ "к", "k" }, { "л", "l" }, { "м", "m" }, { "н", "n" }, { "п", "p" }, { "р", "r" }, { "с", "s" },
			{ "т", "t" }, { "ф", "f" }, { "ш", "sh" }, { "ч", "ch" } };

	private static final String[] VOWELS = { "а", "a", "о", "o", "у", "u", "и", "i" };

	/** Chinese characters with one reading, and their pinyin. */
	private static final String[][] HAN = { { "星", "xing" }, { "辰", "chen" }, { "海", "hai" }, { "天", "tian" },
			{ "明", "ming" }, { "光", "guang" }, { "金", "jin" }, { "山", "shan" }, { "东", "dong" }, { "方", "fang" },
			{ "林", "lin" }, { "云", "yun" } };

	private static final Random RANDOM = new Random();

	@Autowired
	DealRegistrationExpiry expiry;

	String program;

	@BeforeEach
	void channel() {
		this.database.sql("""
				insert into partner (id, name, status, parent_id) values
				  ($1, 'Latvian Partner', 'ACTIVE', null), ($2, 'Sub-dealer of LV', 'ACTIVE', $1),
				  ($3, 'Prospective Partner', 'PROSPECTIVE', null)
				on conflict (id) do nothing""")
			.bind(0, PARTNER_LV)
			.bind(1, SUB_DEALER)
			.bind(2, PROSPECTIVE)
			.then()
			.block();
		this.database.sql("""
				insert into partner_territory (partner_id, position, region) values ($1, 1, 'Latvia')
				on conflict do nothing""").bind(0, PARTNER_LV).then().block();
		this.program = (String) ProductFixtures
			.program(as(ADMIN), "REG" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), "PERPETUAL",
					"PER_SEAT")
			.get("id");
	}

	// ---- submitting and deciding

	@Test
	void anApprovedRegistrationGivesThePartnerTheCustomerAndADealForTheProtectionPeriod() {
		String name = latinName() + " LLC";
		Map<String, Object> submitted = submit(PARTNER_A_USER, newCustomer(name));
		assertThat(submitted).containsEntry("status", "SUBMITTED").containsEntry("customer", null);
		assertThat((String) submitted.get("number")).matches("REG-\\d{4}-\\d{5}");
		assertThat(submitted.get("conflicts")).asList().isEmpty();

		Map<String, Object> approved = mutate(CHANNEL, "approveDealRegistration",
				Map.of("id", submitted.get("id"), "expectedVersion", 1));
		LocalDate today = LocalDate.now(this.clock);
		assertThat(approved).containsEntry("status", "APPROVED")
			.containsEntry("protectedUntil", today.plusDays(90).toString())
			.containsEntry("version", 2);
		assertThat(map(approved, "decidedBy")).containsEntry("id", userId("t-channel"));
		Map<String, Object> customer = map(approved, "customer");
		assertThat(customer).containsEntry("name", name);
		assertThat(map(customer, "partner")).containsEntry("id", partnerId(PARTNER_A));
		Map<String, Object> deal = map(approved, "opportunity");
		assertThat(deal.get("name")).asString().contains(name);
		assertThat(map(deal, "amount")).containsEntry("amount", "12000.00");
		assertThat(map(deal, "owner")).containsEntry("id", userId("t-partner-a"));

		// the partner now sees its customer and deal
		Map<String, Object> seen = registration(PARTNER_A_USER, (String) submitted.get("id"));
		assertThat(map(seen, "customer")).containsEntry("name", name);
		assertThat(map(seen, "opportunity")).containsEntry("id", deal.get("id"));
		assertThat(count("select count(*) from outbox_event where type = 'deal_registration.approved'"
				+ " and aggregate_id = $1 and partner_id = $2", uuid(submitted), PARTNER_A))
			.isEqualTo(1);
	}

	@Test
	void aNameInCyrillicWithALegalFormIsTheSameCustomerAsItsLatinSpelling() {
		String[] names = cyrillicAndLatin();
		Map<String, Object> first = submit(PARTNER_A_USER, newCustomer(names[1] + " LLC"));
		Map<String, Object> second = submit(PARTNER_B_USER, newCustomer("ООО «" + names[0] + "»"));

		// the partner learns nothing about the other partner
		assertThat(second.get("conflicts")).asList().isEmpty();
		List<Map<String, Object>> conflicts = conflicts(registration(CHANNEL, (String) second.get("id")));
		assertThat(conflicts).singleElement().satisfies(conflict -> {
			assertThat(conflict).containsEntry("kind", "SAME_CUSTOMER_REGISTERED")
				.containsEntry("matchedBy", List.of("NAME"));
			assertThat(map(conflict, "registration")).containsEntry("id", first.get("id"));
			assertThat((String) conflict.get("evidence")).contains(names[1] + " LLC")
				.contains((String) first.get("number"))
				.contains("Partner A");
			// the facts the sentence is made of: the two spellings, the other
			// registration then
			assertThat(conflict.get("matches")).isEqualTo(
					List.of(Map.of("by", "NAME", "given", "ООО «" + names[0] + "»", "existing", names[1] + " LLC")));
			assertThat(conflict).containsEntry("otherRegistrationNumber", first.get("number"))
				.containsEntry("otherRegistrationStatus", "SUBMITTED")
				.containsEntry("otherSubmittedOn", LocalDate.now(this.clock).toString())
				.containsEntry("otherProtectedUntil", null)
				.containsEntry("otherPartnerName", "Partner A")
				.containsEntry("existingCustomerName", null)
				.containsEntry("territories", List.of());
		});
		assertThat(count("select count(*) from deal_registration_conflict where registration_id = $1", uuid(second)))
			.isEqualTo(1);

		// the facts stay what the channel manager was shown; the link is live
		mutate(CHANNEL, "rejectDealRegistration",
				Map.of("id", first.get("id"), "expectedVersion", 1, "reason", "Not this one."));
		Map<String, Object> later = conflicts(registration(CHANNEL, (String) second.get("id"))).get(0);
		assertThat(later).containsEntry("otherRegistrationStatus", "SUBMITTED");
		assertThat(map(later, "registration")).containsEntry("status", "REJECTED");
	}

	@Test
	void aChineseNameMatchesTheVendorsCustomerWrittenInPinyin() {
		String[] names = chineseAndPinyin();
		String direct = OrderFixtures.customer(as(REP), "北京" + names[0] + "科技有限公司");
		Map<String, Object> submitted = submit(PARTNER_A_USER, newCustomer("Beijing " + names[1] + " Keji Co., Ltd."));
		assertThat(conflicts(registration(CHANNEL, (String) submitted.get("id")))).singleElement()
			.satisfies(conflict -> {
				assertThat(conflict).containsEntry("kind", "DIRECT_CUSTOMER")
					.containsEntry("matchedBy", List.of("NAME"));
				assertThat(map(conflict, "customer")).containsEntry("id", direct);
				assertThat((String) conflict.get("evidence")).contains("vendor's own sales team");
				assertThat(conflict.get("matches")).isEqualTo(List.of(Map.of("by", "NAME", "given",
						"Beijing " + names[1] + " Keji Co., Ltd.", "existing", "北京" + names[0] + "科技有限公司")));
				assertThat(conflict).containsEntry("existingCustomerName", "北京" + names[0] + "科技有限公司")
					.containsEntry("otherPartnerName", null)
					.containsEntry("otherRegistrationNumber", null);
			});
	}

	@Test
	void taxIdsMatchWhateverTheirPunctuationAndEmailDomainsMatchAnotherPartnersCustomer() {
		String digits = String.valueOf(1_000_000 + RANDOM.nextInt(8_999_999));
		String direct = customer(REP, Map.of("name", latinName(), "taxId", "LV-4000 " + digits));
		String domain = latinName().toLowerCase() + ".lv";
		String partnerB = customer(PARTNER_B_USER, Map.of("name", latinName(), "email", "info@" + domain));

		Map<String, Object> input = newCustomer(latinName());
		input.put("customerTaxId", "lv4000" + digits);
		input.put("customerEmailDomain", "Sales@" + domain.toUpperCase());
		Map<String, Object> submitted = submit(PARTNER_A_USER, input);
		assertThat(submitted).containsEntry("customerEmailDomain", domain);
		assertThat(conflicts(registration(CHANNEL, (String) submitted.get("id"))))
			.extracting(conflict -> conflict.get("kind") + " " + conflict.get("matchedBy") + " "
					+ map(conflict, "customer").get("id"))
			.containsExactlyInAnyOrder("DIRECT_CUSTOMER [TAX_ID] " + direct,
					"OTHER_PARTNER_CUSTOMER [EMAIL_DOMAIN] " + partnerB);
		assertThat(conflicts(registration(CHANNEL, (String) submitted.get("id"))))
			.extracting(conflict -> conflict.get("kind") + " " + conflict.get("matches") + " "
					+ conflict.get("otherPartnerName"))
			.containsExactlyInAnyOrder(
					"DIRECT_CUSTOMER [{by=TAX_ID, given=lv4000" + digits + ", existing=LV-4000 " + digits + "}] null",
					"OTHER_PARTNER_CUSTOMER [{by=EMAIL_DOMAIN, given=" + domain + ", existing=" + domain
							+ "}] Partner B");

		// a public mail service's domain says nothing
		customer(PARTNER_B_USER, Map.of("name", latinName(), "email", "someone@gmail.com"));
		Map<String, Object> viaGmail = newCustomer(latinName());
		viaGmail.put("customerEmailDomain", "gmail.com");
		assertThat(conflicts(registration(CHANNEL, (String) submit(PARTNER_A_USER, viaGmail).get("id")))).isEmpty();
	}

	@Test
	void aRegionOutsideThePartnersTerritoriesIsAConflictAndItsOwnCustomersAreNot() {
		Map<String, Object> outside = newCustomer(latinName());
		outside.put("customerRegion", "Estonia");
		List<Map<String, Object>> conflicts = conflicts(
				registration(CHANNEL, (String) submit(PARTNER_LV_USER, outside).get("id")));
		assertThat(conflicts).singleElement().satisfies(conflict -> {
			assertThat(conflict).containsEntry("kind", "OUTSIDE_TERRITORY").containsEntry("matchedBy", List.of());
			assertThat((String) conflict.get("evidence")).contains("\"Estonia\"").contains("region Latvia");
			assertThat(conflict).containsEntry("givenRegion", "Estonia")
				.containsEntry("givenIndustry", null)
				.containsEntry("partnerName", "Latvian Partner")
				.containsEntry("territories", List.of(territory("Latvia", null)))
				.containsEntry("matches", List.of());
		});

		Map<String, Object> inside = newCustomer(latinName());
		inside.put("customerRegion", "latvia");
		assertThat(conflicts(registration(CHANNEL, (String) submit(PARTNER_LV_USER, inside).get("id")))).isEmpty();

		// a partner registering one of its own customers collides with nothing
		String own = customer(PARTNER_A_USER, Map.of("name", latinName(), "taxId", "OWN-" + UUID.randomUUID()));
		Map<String, Object> ofOwn = newCustomer(null);
		ofOwn.remove("customerName");
		ofOwn.put("customerId", own);
		Map<String, Object> submitted = submit(PARTNER_A_USER, ofOwn);
		assertThat(map(submitted, "customer")).containsEntry("id", own);
		assertThat(conflicts(registration(CHANNEL, (String) submitted.get("id")))).isEmpty();
	}

	@Test
	void insideAnotherPartnersProtectionTheConflictIsKeptAndApprovalRefused() {
		String name = latinName();
		Map<String, Object> first = submit(PARTNER_A_USER, newCustomer(name + " Ltd"));
		mutate(CHANNEL, "approveDealRegistration", Map.of("id", first.get("id"), "expectedVersion", 1));

		Map<String, Object> second = submit(PARTNER_B_USER, newCustomer(name.toUpperCase() + ", SIA"));
		Map<String, Object> conflict = conflicts(registration(CHANNEL, (String) second.get("id"))).get(0);
		assertThat(conflict).containsEntry("kind", "SAME_CUSTOMER_REGISTERED");
		assertThat((String) conflict.get("evidence")).contains("approved and protected until");
		assertThat(conflict).containsEntry("otherRegistrationStatus", "APPROVED")
			.containsEntry("otherProtectedUntil", LocalDate.now(this.clock).plusDays(90).toString())
			.containsEntry("otherPartnerName", "Partner A");
		assertThat(conflict.get("matches"))
			.isEqualTo(List.of(Map.of("by", "NAME", "given", name.toUpperCase() + ", SIA", "existing", name + " Ltd")));

		assertThat(errors(CHANNEL, "approveDealRegistration",
				Map.of("id", second.get("id"), "expectedVersion", 1, "acknowledgeConflicts", true)))
			.containsExactly("input.id=CONFLICT");
		assertThat(registration(CHANNEL, (String) second.get("id"))).containsEntry("status", "SUBMITTED")
			.containsEntry("version", 1)
			.containsEntry("customer", null);

		Map<String, Object> rejected = mutate(CHANNEL, "rejectDealRegistration",
				Map.of("id", second.get("id"), "expectedVersion", 1, "reason", "Partner A holds this customer."));
		assertThat(rejected).containsEntry("status", "REJECTED");
		assertThat(registration(PARTNER_B_USER, (String) second.get("id"))).containsEntry("status", "REJECTED")
			.containsEntry("rejectionReason", "Partner A holds this customer.");
	}

	@Test
	void aConflictStoredBeforeItsFactsWereKeptKeepsItsSentence() {
		String name = latinName();
		submit(PARTNER_A_USER, newCustomer(name + " Ltd"));
		Map<String, Object> second = submit(PARTNER_B_USER, newCustomer(name + " GmbH"));
		this.database.sql("update deal_registration_conflict set details = '{}' where registration_id = $1")
			.bind(0, uuid(second))
			.then()
			.block();
		assertThat(conflicts(registration(CHANNEL, (String) second.get("id")))).singleElement().satisfies(conflict -> {
			assertThat((String) conflict.get("evidence")).contains(name + " Ltd");
			assertThat(conflict).containsEntry("matchedBy", List.of("NAME"))
				.containsEntry("matches", List.of())
				.containsEntry("otherRegistrationNumber", null)
				.containsEntry("otherPartnerName", null)
				.containsEntry("territories", List.of());
		});
	}

	@Test
	void otherConflictsMustBeAcknowledged() {
		String[] names = chineseAndPinyin();
		OrderFixtures.customer(as(REP), names[1] + " GmbH");
		Map<String, Object> submitted = submit(PARTNER_A_USER, newCustomer(names[1] + " AG"));
		Map<String, Object> input = Map.of("id", submitted.get("id"), "expectedVersion", 1);
		assertThat(errors(CHANNEL, "approveDealRegistration", input))
			.containsExactly("input.acknowledgeConflicts=CONFLICT");
		Map<String, Object> acknowledged = new HashMap<>(input);
		acknowledged.put("acknowledgeConflicts", true);
		acknowledged.put("protectionDays", 30);
		assertThat(mutate(CHANNEL, "approveDealRegistration", acknowledged)).containsEntry("protectedUntil",
				LocalDate.now(this.clock).plusDays(30).toString());
	}

	@Test
	void protectionEndsWithTheBusinessDateAndAnUndecidedRegistrationExpires() {
		Map<String, Object> approved = submit(PARTNER_A_USER, newCustomer(latinName()));
		mutate(CHANNEL, "approveDealRegistration",
				Map.of("id", approved.get("id"), "expectedVersion", 1, "protectionDays", 10));
		Map<String, Object> waiting = submit(PARTNER_B_USER, newCustomer(latinName()));

		this.clock.travel(Duration.ofDays(10));
		this.expiry.expire().block();
		assertThat(registration(CHANNEL, (String) approved.get("id"))).containsEntry("status", "APPROVED");

		this.clock.travel(Duration.ofDays(1));
		this.expiry.expire().block();
		assertThat(registration(CHANNEL, (String) approved.get("id"))).containsEntry("status", "EXPIRED")
			.containsEntry("version", 3);
		assertThat(registration(CHANNEL, (String) waiting.get("id"))).containsEntry("status", "SUBMITTED");

		// undecided past the protection period: refused even before the job runs
		this.clock.travel(Duration.ofDays(80));
		Map<String, Object> approve = Map.of("id", waiting.get("id"), "expectedVersion", 1);
		assertThat(errors(CHANNEL, "approveDealRegistration", approve)).containsExactly("input.id=CONFLICT");
		this.expiry.expire().block();
		assertThat(registration(CHANNEL, (String) waiting.get("id"))).containsEntry("status", "EXPIRED");
		assertThat(errors(CHANNEL, "approveDealRegistration", Map.of("id", waiting.get("id"), "expectedVersion", 2)))
			.containsExactly("input.id=CONFLICT");
		assertThat(count("select count(*) from outbox_event where type = 'deal_registration.expired'"
				+ " and aggregate_id = any($1)", (Object) new UUID[] { uuid(approved), uuid(waiting) }))
			.isEqualTo(2);
	}

	@Test
	void thePartnerWithdrawsItsOwnWaitingRegistration() {
		Map<String, Object> submitted = submit(PARTNER_A_USER, newCustomer(latinName()));
		Map<String, Object> input = Map.of("id", submitted.get("id"), "expectedVersion", 1);
		assertThat(errors(PARTNER_B_USER, "withdrawDealRegistration", input)).containsExactly("input.id=NOT_FOUND");
		assertThat(errors(PARTNER_A_USER, "withdrawDealRegistration",
				Map.of("id", submitted.get("id"), "expectedVersion", 7)))
			.containsExactly("input.expectedVersion=STALE_VERSION");
		assertThat(mutate(PARTNER_A_USER, "withdrawDealRegistration", input)).containsEntry("status", "WITHDRAWN");
		assertThat(errors(CHANNEL, "approveDealRegistration", Map.of("id", submitted.get("id"), "expectedVersion", 2)))
			.containsExactly("input.id=CONFLICT");
	}

	// ---- who may see and do what

	@Test
	void aPartnerNeverSeesAnotherPartnersRegistrations() {
		Map<String, Object> ofA = submit(PARTNER_A_USER, newCustomer(latinName()));
		String id = (String) ofA.get("id");
		GraphQlTester.Response asB = as(PARTNER_B_USER).documentName("dealRegistration")
			.operationName("dealRegistration")
			.variable("id", id)
			.execute();
		asB.path("dealRegistration").valueIsNull();
		asB.path("node").valueIsNull();
		assertThat(ids(PARTNER_B_USER, Map.of("first", 100))).doesNotContain(id);
		assertThat(ids(PARTNER_A_USER, Map.of("first", 100))).contains(id);
		assertThat(
				ids(CHANNEL, Map.of("status", List.of("SUBMITTED"), "partnerId", partnerId(PARTNER_A), "first", 100)))
			.contains(id);
	}

	@Test
	void aPartnerRegistersForItsSubDealerButNotForAnotherPartner() {
		Map<String, Object> forSub = newCustomer(latinName());
		forSub.put("partnerId", partnerId(SUB_DEALER));
		forSub.put("customerRegion", "Latvia");
		assertThat(map(submit(PARTNER_LV_USER, forSub), "partner")).containsEntry("id", partnerId(SUB_DEALER));

		Map<String, Object> sideways = newCustomer(latinName());
		sideways.put("partnerId", partnerId(SUB_DEALER));
		assertThat(errors(PARTNER_A_USER, "submitDealRegistration", sideways))
			.containsExactly("input.partnerId=NOT_FOUND");
	}

	@Test
	void onlyActivePartnersRegisterAndOnlyTheVendorDecides() {
		long before = count("select count(*) from deal_registration");
		assertThat(errors(PROSPECTIVE_USER, "submitDealRegistration", newCustomer(latinName())))
			.containsExactly("input.partnerId=NOT_ALLOWED");
		assertThat(errors(CHANNEL, "submitDealRegistration", newCustomer(latinName()))).containsExactly("=NOT_ALLOWED");
		Map<String, Object> submitted = submit(PARTNER_A_USER, newCustomer(latinName()));
		assertThat(errors(PARTNER_A_USER, "approveDealRegistration",
				Map.of("id", submitted.get("id"), "expectedVersion", 1)))
			.containsExactly("=NOT_ALLOWED");
		assertThat(errors(REP, "rejectDealRegistration",
				Map.of("id", submitted.get("id"), "expectedVersion", 1, "reason", "No.")))
			.containsExactly("=NOT_ALLOWED");
		assertThat(errors(CHANNEL, "rejectDealRegistration",
				Map.of("id", submitted.get("id"), "expectedVersion", 1, "reason", "  ")))
			.containsExactly("input.reason=REQUIRED");
		assertThat(count("select count(*) from deal_registration")).isEqualTo(before + 1);
	}

	@Test
	void badInputIsAnsweredAtItsFieldsAndWritesNothing() {
		long before = count("select count(*) from deal_registration");
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("customerName", "  ");
		input.put("lines", List.of(Map.of("productId", this.program, "quantity", 0),
				Map.of("productId", this.program, "editionCode", "NOPE", "quantity", 1)));
		input.put("expectedAmount", Map.of("amount", "0", "currency", "EUR"));
		input.put("expectedCloseOn", LocalDate.now(this.clock).minusDays(1).toString());
		input.put("customerEmailDomain", "not a domain");
		assertThat(errors(PARTNER_A_USER, "submitDealRegistration", input)).contains("input.customerName=REQUIRED",
				"input.lines.0.quantity=INVALID_VALUE", "input.expectedAmount.amount=INVALID_VALUE",
				"input.expectedCloseOn=INVALID_VALUE", "input.customerEmailDomain=INVALID_FORMAT");

		Map<String, Object> noLines = newCustomer(latinName());
		noLines.put("lines", List.of());
		assertThat(errors(PARTNER_A_USER, "submitDealRegistration", noLines)).containsExactly("input.lines=REQUIRED");

		Map<String, Object> badEdition = newCustomer(latinName());
		badEdition.put("lines", List.of(Map.of("productId", this.program, "editionCode", "NOPE", "quantity", 1)));
		assertThat(errors(PARTNER_A_USER, "submitDealRegistration", badEdition))
			.containsExactly("input.lines.0.editionCode=INVALID_VALUE");

		Map<String, Object> both = newCustomer(latinName());
		both.put("customerId", OrderFixtures.customer(as(PARTNER_A_USER), latinName()));
		assertThat(errors(PARTNER_A_USER, "submitDealRegistration", both))
			.containsExactly("input.customerName=INVALID_VALUE");

		Map<String, Object> othersCustomer = newCustomer(null);
		othersCustomer.remove("customerName");
		othersCustomer.put("customerId", OrderFixtures.customer(as(PARTNER_B_USER), latinName()));
		assertThat(errors(PARTNER_A_USER, "submitDealRegistration", othersCustomer))
			.containsExactly("input.customerId=NOT_FOUND");

		Map<String, Object> badCurrency = newCustomer(latinName());
		badCurrency.put("expectedAmount", Map.of("amount", "10", "currency", "XXY"));
		assertThat(errors(PARTNER_A_USER, "submitDealRegistration", badCurrency))
			.containsExactly("input.expectedAmount.currency=INVALID_VALUE");
		assertThat(count("select count(*) from deal_registration")).isEqualTo(before);
	}

	// ---- at most once

	@Test
	void tenIdenticalSubmissionsAtOnceMakeOneRegistration() {
		Map<String, Object> input = newCustomer(latinName());
		List<Map<String, Object>> payloads = Concurrently.mutate(this.port, PARTNER_A_USER, "dealRegistration",
				"submitDealRegistration", input);
		Concurrently.assertOneThroughAndTheOthers(payloads, "input.customerName=CONFLICT");
		assertThat(count("select count(*) from deal_registration where customer_name = $1", input.get("customerName")))
			.isEqualTo(1);
	}

	@Test
	void twoPartnersRegistrationsOfOneCustomerApprovedAtOnceGiveItToOne() {
		String name = latinName();
		Map<String, Object> ofA = submit(PARTNER_A_USER, newCustomer(name));
		Map<String, Object> ofB = submit(PARTNER_B_USER, newCustomer(name + " Inc"));
		List<Map<String, Object>> payloads = Concurrently.mutateEach(this.port, CHANNEL, "dealRegistration",
				"approveDealRegistration", List.of(Map.of("id", ofA.get("id"), "expectedVersion", 1),
						Map.of("id", ofB.get("id"), "expectedVersion", 1)));
		Concurrently.assertOneThroughAndTheOthers(payloads, "input.id=CONFLICT");
		assertThat(count("select count(*) from deal_registration where id = any($1) and status = 'APPROVED'",
				(Object) new UUID[] { uuid(ofA), uuid(ofB) }))
			.isEqualTo(1);
	}

	// ---- helpers

	/**
	 * A new customer's registration: 3 seats of the program's PRO edition, 12,000 EUR.
	 */
	Map<String, Object> newCustomer(String name) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("customerName", name);
		input.put("lines", List.of(Map.of("productId", this.program, "editionCode", "PRO", "quantity", 3)));
		input.put("expectedAmount", Map.of("amount", "12000", "currency", "EUR"));
		input.put("expectedCloseOn", LocalDate.now(this.clock).plusDays(45).toString());
		return input;
	}

	Map<String, Object> submit(TestUser user, Map<String, Object> input) {
		return mutate(user, "submitDealRegistration", input);
	}

	Map<String, Object> mutate(TestUser user, String mutation, Map<String, Object> input) {
		GraphQlTester.Response response = send(user, mutation, input);
		response.path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
		return response.path(mutation + ".registration").entity(MAP).get();
	}

	@SuppressWarnings("unchecked")
	List<String> errors(TestUser user, String mutation, Map<String, Object> input) {
		GraphQlTester.Response response = send(user, mutation, input);
		response.path(mutation + ".registration").valueIsNull();
		return ((List<Map<String, Object>>) (List<?>) response.path(mutation + ".userErrors")
			.entityList(Map.class)
			.get())
			.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

	GraphQlTester.Response send(TestUser user, String mutation, Map<String, Object> input) {
		return as(user).documentName("dealRegistration").operationName(mutation).variable("input", input).execute();
	}

	Map<String, Object> registration(TestUser user, String id) {
		return as(user).documentName("dealRegistration")
			.operationName("dealRegistration")
			.variable("id", id)
			.execute()
			.path("dealRegistration")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	List<String> ids(TestUser user, Map<String, Object> variables) {
		GraphQlTester.Request<?> request = as(user).documentName("dealRegistration").operationName("dealRegistrations");
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute().path("dealRegistrations.edges[*].node.id").entityList(String.class).get();
	}

	String customer(TestUser user, Map<String, Object> input) {
		return as(user)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", input)
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> conflicts(Map<String, Object> registration) {
		return (List<Map<String, Object>>) registration.get("conflicts");
	}

	static Map<String, Object> territory(String region, String industry) {
		Map<String, Object> territory = new HashMap<>();
		territory.put("region", region);
		territory.put("industry", industry);
		return territory;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Map<String, Object> parent, String field) {
		return (Map<String, Object>) parent.get(field);
	}

	static UUID uuid(Map<String, Object> registration) {
		return UUID
			.fromString(com.dealerdesk.platform.graphql.GlobalId.parse((String) registration.get("id")).localId());
	}

	static String partnerId(UUID id) {
		return com.dealerdesk.platform.graphql.GlobalId.of("Partner", id);
	}

	static String userId(String id) {
		return com.dealerdesk.platform.graphql.GlobalId.of("User", id);
	}

	/** A made-up word no other test uses, capitalised. */
	static String latinName() {
		String[] pair = cyrillicAndLatin();
		return pair[1];
	}

	/** The same made-up word in Cyrillic and in its Latin (BGN) spelling, capitalised. */
	static String[] cyrillicAndLatin() {
		StringBuilder cyrillic = new StringBuilder();
		StringBuilder latin = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			String[] letter = LETTERS[RANDOM.nextInt(LETTERS.length)];
			int vowel = RANDOM.nextInt(VOWELS.length / 2) * 2;
			cyrillic.append(letter[0]).append(VOWELS[vowel]);
			latin.append(letter[1]).append(VOWELS[vowel + 1]);
		}
		return new String[] { capitalised(cyrillic.toString()), capitalised(latin.toString()) };
	}

	/** A made-up name of four Chinese characters and its pinyin, capitalised. */
	static String[] chineseAndPinyin() {
		StringBuilder han = new StringBuilder();
		StringBuilder pinyin = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			String[] character = HAN[RANDOM.nextInt(HAN.length)];
			han.append(character[0]);
			pinyin.append(character[1]);
		}
		return new String[] { han.toString(), capitalised(pinyin.toString()) };
	}

	private static String capitalised(String word) {
		return word.substring(0, 1).toUpperCase() + word.substring(1);
	}

}
