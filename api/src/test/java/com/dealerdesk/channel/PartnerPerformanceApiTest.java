package com.dealerdesk.channel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner performance over real orders and registrations: a partner with a sub-dealer and
 * a sibling partner of their own, an agreement of 2% from 1,000,000 and 4% from 3,000,000
 * EUR for the parent, whose volume counts its sub-dealer's orders too. The rebate is
 * checked exactly at the band edges; who sees which rows, at every level.
 */
class PartnerPerformanceApiTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private UUID parent;

	private UUID subDealer;

	private UUID sibling;

	private TestUser parentUser;

	private TestUser subDealerUser;

	private TestUser siblingUser;

	private String product;

	private LocalDate today;

	@BeforeEach
	void aSmallChannel() {
		PartnerAgreementFixtures.registerChannelManager(this.database);
		this.parent = PartnerAgreementFixtures.partner(this.database, "Parent", null);
		this.subDealer = PartnerAgreementFixtures.partner(this.database, "Sub-dealer", this.parent);
		this.sibling = PartnerAgreementFixtures.partner(this.database, "Sibling", null);
		this.parentUser = PartnerAgreementFixtures.partnerUser(this.database, this.parent);
		this.subDealerUser = PartnerAgreementFixtures.partnerUser(this.database, this.subDealer);
		this.siblingUser = PartnerAgreementFixtures.partnerUser(this.database, this.sibling);
		this.product = (String) ProductFixtures
			.program(as(TestPeople.ADMIN), "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
					"PERPETUAL", "PER_SEAT")
			.get("id");
		this.today = LocalDate.now(ZoneOffset.UTC);
	}

	@Test
	void theRebateFollowsTheYearsVolumeOfThePartnerAndItsSubDealersExactlyAtTheBandEdges() {
		String agreement = agreement(this.parent);
		String parentCustomer = customer(this.parentUser, "Bavaria");
		String subCustomer = customer(this.subDealerUser, "bavaria");
		order(this.parentUser, parentCustomer, "600000.00", "EUR");
		order(this.subDealerUser, subCustomer, "399999.99", "EUR");
		// neither another currency nor a cancelled order counts
		order(this.parentUser, parentCustomer, "5000000.00", "USD");
		cancel(this.parentUser, order(this.parentUser, parentCustomer, "5000000.00", "EUR"));

		Map<String, Object> rebate = rebateOf(this.parent);
		assertThat(rebate).containsEntry("agreement", Map.of("id", agreement))
			.containsEntry("volume", Map.of("amount", "999999.99", "currency", "EUR"))
			.containsEntry("currentBand", null)
			.containsEntry("accrued", Map.of("amount", "0.00", "currency", "EUR"))
			.containsEntry("nextBand", Map.of("threshold", Map.of("amount", "1000000.00"), "percent", "2.00"))
			.containsEntry("neededForNextBand", Map.of("amount", "0.01"));

		order(this.subDealerUser, subCustomer, "0.01", "EUR");
		rebate = rebateOf(this.parent);
		assertThat(rebate).containsEntry("volume", Map.of("amount", "1000000.00", "currency", "EUR"))
			.containsEntry("currentBand", Map.of("threshold", Map.of("amount", "1000000.00"), "percent", "2.00"))
			.containsEntry("accrued", Map.of("amount", "20000.00", "currency", "EUR"))
			.containsEntry("neededForNextBand", Map.of("amount", "2000000.00"));

		order(this.parentUser, parentCustomer, "0.01", "EUR");
		rebate = rebateOf(this.parent);
		assertThat(rebate).containsEntry("volume", Map.of("amount", "1000000.01", "currency", "EUR"))
			.containsEntry("accrued", Map.of("amount", "20000.00", "currency", "EUR"))
			.containsEntry("neededForNextBand", Map.of("amount", "1999999.99"));

		order(this.parentUser, parentCustomer, "1999999.99", "EUR");
		rebate = rebateOf(this.parent);
		assertThat(rebate).containsEntry("volume", Map.of("amount", "3000000.00", "currency", "EUR"))
			.containsEntry("currentBand", Map.of("threshold", Map.of("amount", "3000000.00"), "percent", "4.00"))
			.containsEntry("accrued", Map.of("amount", "120000.00", "currency", "EUR"))
			.containsEntry("nextBand", null)
			.containsEntry("neededForNextBand", null);
	}

	@Test
	void salesByPartnerRegionAndProductWithRegistrationsByOutcome() {
		String parentCustomer = customer(this.parentUser, "Bavaria");
		String subCustomer = customer(this.subDealerUser, " bavaria ");
		String otherCustomer = customer(this.parentUser, null);
		order(this.parentUser, parentCustomer, "1000.00", "EUR");
		order(this.parentUser, parentCustomer, "200.00", "EUR");
		order(this.parentUser, otherCustomer, "50.50", "EUR");
		order(this.subDealerUser, subCustomer, "99.50", "EUR");
		registrations(this.parent, parentCustomer);

		Map<String, Object> performance = performance(as(PartnerAgreementFixtures.CHANNEL_MANAGER), this.parent);
		List<Map<String, Object>> rows = list(performance, "byPartner");
		assertThat(rows).extracting(row -> (Object) ((Map<?, ?>) row.get("partner")).get("id"))
			.containsExactly(GlobalId.of("Partner", this.parent), GlobalId.of("Partner", this.subDealer));
		assertThat(rows.get(0)).containsEntry("sales", Map.of("amount", "1250.50", "currency", "EUR"))
			.containsEntry("orders", 3)
			.containsEntry("registrationsSubmitted", 4)
			.containsEntry("registrationsApproved", 2)
			.containsEntry("registrationsRejected", 1)
			.containsEntry("registrationsConverted", 1)
			.containsEntry("rebate", null);
		assertThat(rows.get(1)).containsEntry("sales", Map.of("amount", "99.50", "currency", "EUR"))
			.containsEntry("orders", 1)
			.containsEntry("registrationsSubmitted", 0);
		assertThat((Map<String, Object>) performance.get("total")).containsEntry("partner", null)
			.containsEntry("sales", Map.of("amount", "1350.00", "currency", "EUR"))
			.containsEntry("orders", 4)
			.containsEntry("registrationsSubmitted", 4)
			.containsEntry("registrationsConverted", 1);
		assertThat(list(performance, "byRegion")).containsExactly(
				Map.of("region", "Bavaria", "sales", Map.of("amount", "1299.50"), "orders", 3),
				mapOf("region", null, "sales", Map.of("amount", "50.50"), "orders", 1));
		assertThat(list(performance, "byProduct")).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("sales", Map.of("amount", "1350.00"))
				.containsEntry("quantity", 12));
	}

	@Test
	void aPartnerSeesItselfAndItsSubDealersAndNoOneElse() {
		agreement(this.parent);
		order(this.parentUser, customer(this.parentUser, "Tyrol"), "10.00", "EUR");
		order(this.subDealerUser, customer(this.subDealerUser, "Tyrol"), "20.00", "EUR");
		order(this.siblingUser, customer(this.siblingUser, "Tyrol"), "40.00", "EUR");

		assertThat(partnersIn(performance(as(this.parentUser), null))).containsExactlyInAnyOrder(this.parent,
				this.subDealer);
		assertThat(partnersIn(performance(as(this.subDealerUser), null))).containsExactly(this.subDealer);
		assertThat(partnersIn(performance(as(this.siblingUser), null))).containsExactly(this.sibling);
		// asking for another partner by id gives nothing, not its figures
		Map<String, Object> sideways = performance(as(this.siblingUser), this.parent);
		assertThat(list(sideways, "byPartner")).isEmpty();
		assertThat(list(sideways, "byRegion")).isEmpty();
		assertThat(list(sideways, "byProduct")).isEmpty();
		Map<String, Object> up = performance(as(this.subDealerUser), this.parent);
		assertThat(partnersIn(up)).containsExactly(this.subDealer);
		// vendor staff: the channel's people see every partner; a rep sees none
		assertThat(partnersIn(performance(as(TestPeople.ACCOUNTANT), this.sibling))).containsExactly(this.sibling);
		Map<String, Object> rep = performance(as(TestPeople.REP), this.parent);
		assertThat(list(rep, "byPartner")).isEmpty();
		assertThat(list(rep, "byRegion")).isEmpty();
	}

	@Test
	void aPeriodIsAtMostTwentyFourMonthsInAKnownCurrency() {
		GraphQlTester manager = as(PartnerAgreementFixtures.CHANNEL_MANAGER);
		assertRefused(manager, "2026-03-01", "2026-02-28", "EUR", "INVALID_PERIOD");
		assertRefused(manager, "2024-03-01", "2026-03-01", "EUR", "INVALID_PERIOD");
		assertRefused(manager, "2026-01-01", "2026-03-01", "EURO", "INVALID_CURRENCY");
		manager.documentName("partnerPerformance")
			.variable("from", "2024-03-01")
			.variable("to", "2026-02-28")
			.variable("currency", "eur")
			.execute()
			.path("partnerPerformance.currency")
			.entity(String.class)
			.isEqualTo("EUR");
	}

	// ---- fixtures

	private String agreement(UUID partner) {
		GraphQlTester.Response response = as(PartnerAgreementFixtures.CHANNEL_MANAGER).documentName("partnerAgreement")
			.operationName("createPartnerAgreement")
			.variable("input",
					Map.of("partnerId", GlobalId.of("Partner", partner), "startsOn",
							this.today.withDayOfYear(1).toString(), "currency", "EUR", "rebateBands",
							List.of(Map.of("threshold", "1000000", "percent", "2"),
									Map.of("threshold", "3000000", "percent", "4"))))
			.execute();
		response.path("createPartnerAgreement.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createPartnerAgreement.agreement.id").entity(String.class).get();
	}

	private String customer(TestUser user, String region) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("name", unique("Channel customer"));
		input.put("region", region);
		return as(user).document(
				"mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } userErrors { code } } }")
			.variable("input", input)
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
	}

	/** An order of one line of three seats, totalling the amount. */
	private Map<String, Object> order(TestUser user, String customerId, String total, String currency) {
		java.math.BigDecimal amount = new java.math.BigDecimal(total);
		java.math.BigDecimal unit = amount.divide(java.math.BigDecimal.valueOf(3), 2, java.math.RoundingMode.CEILING);
		java.math.BigDecimal discount = unit.multiply(java.math.BigDecimal.valueOf(3)).subtract(amount);
		GraphQlTester.Response response = as(user).documentName("order")
			.operationName("createOrder")
			.variable("input",
					Map.of("customerId", customerId, "currency", currency, "lines",
							List.of(Map.of("productId", this.product, "quantity", 3, "unitPrice", unit.toPlainString(),
									"discount", discount.toPlainString()))))
			.execute();
		response.path("createOrder.userErrors").entityList(Object.class).hasSize(0);
		Map<String, Object> order = response.path("createOrder.order").entity(MAP).get();
		assertThat(order.get("total")).isEqualTo(Map.of("amount", total, "currency", currency));
		return order;
	}

	private void cancel(TestUser user, Map<String, Object> order) {
		as(user).documentName("order")
			.operationName("cancelOrder")
			.variable("input", Map.of("id", order.get("id"), "expectedVersion", order.get("version")))
			.execute()
			.path("cancelOrder.order.status")
			.entity(String.class)
			.isEqualTo("CANCELLED");
	}

	/**
	 * Four registrations submitted today: one waiting, one rejected, one approved whose
	 * deal was won, one approved whose deal is open.
	 */
	private void registrations(UUID partner, String customerId) {
		String won = deal(customerId);
		String open = deal(customerId);
		this.database.sql("update opportunity set status = 'WON' where id = $1")
			.bind(0, GlobalId.requireUuidOf("Opportunity", won))
			.then()
			.block();
		String insert = """
				insert into deal_registration (id, number, partner_id, customer_name, name_key, currency,
				    expected_amount, expected_close_on, status, rejection_reason, protected_until, opportunity_id)
				values ($1, $2, $3, 'Registered customer', 'registered customer', 'EUR', 1000, current_date + 30,
				    $4, $5, $6, $7)""";
		Object[][] rows = { { "SUBMITTED", null, null, null }, { "REJECTED", "Already ours", null, null },
				{ "APPROVED", null, this.today.plusDays(90), GlobalId.requireUuidOf("Opportunity", won) },
				{ "APPROVED", null, this.today.plusDays(90), GlobalId.requireUuidOf("Opportunity", open) } };
		for (Object[] row : rows) {
			this.database.sql(insert)
				.bind(0, UUID.randomUUID())
				.bind(1, "REG-TEST-" + UUID.randomUUID())
				.bind(2, partner)
				.bind(3, row[0])
				.bind(4, org.springframework.r2dbc.core.Parameter.fromOrEmpty(row[1], String.class))
				.bind(5, org.springframework.r2dbc.core.Parameter.fromOrEmpty(row[2], LocalDate.class))
				.bind(6, org.springframework.r2dbc.core.Parameter.fromOrEmpty(row[3], UUID.class))
				.then()
				.block();
		}
	}

	private String deal(String customerId) {
		return as(this.parentUser).document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }")
			.variable("input", Map.of("customerId", customerId, "name", unique("Registered deal")))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
	}

	// ---- reading

	private Map<String, Object> performance(GraphQlTester tester, UUID partner) {
		return tester.documentName("partnerPerformance")
			.variable("from", this.today.withDayOfYear(1).toString())
			.variable("to", this.today.toString())
			.variable("currency", "EUR")
			.variable("partnerId", partner == null ? null : GlobalId.of("Partner", partner))
			.execute()
			.path("partnerPerformance")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> rebateOf(UUID partner) {
		List<Map<String, Object>> rows = list(performance(as(PartnerAgreementFixtures.CHANNEL_MANAGER), partner),
				"byPartner");
		return (Map<String, Object>) rows.stream()
			.filter(row -> GlobalId.of("Partner", partner).equals(((Map<?, ?>) row.get("partner")).get("id")))
			.findFirst()
			.orElseThrow()
			.get("rebate");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> performance, String name) {
		return (List<Map<String, Object>>) performance.get(name);
	}

	private static List<UUID> partnersIn(Map<String, Object> performance) {
		return list(performance, "byPartner").stream()
			.map(row -> GlobalId.requireUuidOf("Partner", (String) ((Map<?, ?>) row.get("partner")).get("id")))
			.toList();
	}

	private static void assertRefused(GraphQlTester tester, String from, String to, String currency, String code) {
		tester.documentName("partnerPerformance")
			.variable("from", from)
			.variable("to", to)
			.variable("currency", currency)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", code)));
	}

	private static Map<String, Object> mapOf(String key, Object value, String key2, Object value2, String key3,
			Object value3) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(key, value);
		map.put(key2, value2);
		map.put(key3, value3);
		return map;
	}

}
