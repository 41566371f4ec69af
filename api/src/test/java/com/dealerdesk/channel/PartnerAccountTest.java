package com.dealerdesk.channel;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.channel.PartnerAgreementFixtures.CHANNEL_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners' accounts over real HTTP and PostgreSQL: a partner with a sub-dealer and a
 * sibling partner of their own per test. Opening, terms, payments, adjustments, running
 * balances and statements; orders charged to a prepaid balance, refused when it does not
 * cover them and refunded when cancelled; year-end rebates exactly at a band's edge; who
 * sees which account; and every "at most once" rule under ten requests at once.
 */
class PartnerAccountTest extends ApiTest {

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
			.program(as(TestPeople.ADMIN), "A" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
					"PERPETUAL", "PER_SEAT")
			.get("id");
		this.today = LocalDate.now(ZoneOffset.UTC);
	}

	// ---- accounts

	@Test
	void onePerPartnerAndCurrencyEvenForTenOpenersAtOnce() {
		List<Map<String, Object>> payloads = Concurrently.mutate(this.port, CHANNEL_MANAGER, "partnerAccount",
				"openPartnerAccount", openInput(this.parent, "eur", true, "100"));
		Concurrently.assertOneThroughAndTheOthers(payloads, "input.currency=CONFLICT");
		Map<String, Object> account = payloads.stream()
			.map(payload -> map(payload, "account"))
			.filter(found -> found != null)
			.findFirst()
			.orElseThrow();
		assertThat(account).containsEntry("currency", "EUR")
			.containsEntry("prepaid", true)
			.containsEntry("version", 1)
			.containsEntry("creditLimit", Map.of("amount", "100.00", "currency", "EUR"))
			.containsEntry("balance", Map.of("amount", "0.00", "currency", "EUR"))
			.containsEntry("partner", Map.of("id", GlobalId.of("Partner", this.parent)));
		assertThat(count("select count(*) from partner_account where partner_id = $1", this.parent)).isEqualTo(1);
		assertThat(events("partner_account.opened", account)).isEqualTo(1);

		// another currency is another account
		assertThat(errors(mutate(CHANNEL_MANAGER, "openPartnerAccount", openInput(this.parent, "USD", false, null))))
			.isEmpty();
		// bad input and the wrong people write nothing
		assertThat(errors(mutate(CHANNEL_MANAGER, "openPartnerAccount", openInput(this.parent, "EURO", false, null))))
			.containsExactly("input.currency=INVALID_VALUE");
		assertThat(
				errors(mutate(CHANNEL_MANAGER, "openPartnerAccount", openInput(this.sibling, "EUR", false, "1.001"))))
			.containsExactly("input.creditLimit=INVALID_VALUE");
		assertThat(errors(mutate(CHANNEL_MANAGER, "openPartnerAccount", openInput(this.sibling, "EUR", false, "-1"))))
			.containsExactly("input.creditLimit=INVALID_VALUE");
		assertThat(errors(
				mutate(TestPeople.ACCOUNTANT, "openPartnerAccount", openInput(this.sibling, "EUR", false, null))))
			.containsExactly("=NOT_ALLOWED");
		assertThat(errors(mutate(this.siblingUser, "openPartnerAccount", openInput(this.sibling, "EUR", true, null))))
			.containsExactly("=NOT_ALLOWED");
		this.database.sql("update partner set status = 'TERMINATED', status_reason = 'Gone' where id = $1")
			.bind(0, this.sibling)
			.then()
			.block();
		assertThat(errors(mutate(CHANNEL_MANAGER, "openPartnerAccount", openInput(this.sibling, "EUR", false, null))))
			.containsExactly("input.partnerId=CONFLICT");
		assertThat(count("select count(*) from partner_account where partner_id = $1", this.sibling)).isZero();
		assertThat(count("select count(*) from partner_account where partner_id = $1", this.parent)).isEqualTo(2);
	}

	@Test
	void termsChangeOnlyFromTheVersionRead() {
		Map<String, Object> account = open(this.parent, "EUR", false, null);
		Map<String, Object> input = new LinkedHashMap<>(
				Map.of("id", account.get("id"), "expectedVersion", 1, "prepaid", true, "creditLimit", "250.5"));
		Map<String, Object> changed = map(mutate(CHANNEL_MANAGER, "updatePartnerAccount", input), "account");
		assertThat(changed).containsEntry("prepaid", true)
			.containsEntry("version", 2)
			.containsEntry("creditLimit", Map.of("amount", "250.50", "currency", "EUR"));
		assertThat(errors(mutate(CHANNEL_MANAGER, "updatePartnerAccount", input)))
			.containsExactly("input.expectedVersion=STALE_VERSION");
		Map<String, Object> negative = Map.of("id", account.get("id"), "expectedVersion", 2, "creditLimit", "-5");
		assertThat(errors(mutate(CHANNEL_MANAGER, "updatePartnerAccount", negative)))
			.containsExactly("input.creditLimit=INVALID_VALUE");
		Map<String, Object> off = Map.of("id", account.get("id"), "expectedVersion", 2, "prepaid", false);
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "updatePartnerAccount", off))).containsExactly("=NOT_ALLOWED");
		assertThat(node(as(CHANNEL_MANAGER), "partnerAccount", (String) account.get("id"))).containsEntry("version", 2)
			.containsEntry("prepaid", true);
		assertThat(events("partner_account.updated", account)).isEqualTo(1);
	}

	// ---- entries

	@Test
	void aPaymentIsBookedOncePerReferenceAndEveryEntryKeepsItsRunningBalance() {
		Map<String, Object> account = open(this.parent, "EUR", false, null);
		String id = (String) account.get("id");
		LocalDate paid = this.today.minusDays(5);
		List<Map<String, Object>> payloads = Concurrently.mutate(this.port, TestPeople.ACCOUNTANT, "partnerAccount",
				"recordPartnerPayment", payment(id, "500", paid, "TR-0001"));
		Concurrently.assertOneThroughAndTheOthers(payloads, "input.reference=CONFLICT");
		assertThat(balance(id)).isEqualTo("500.00");
		assertThat(count("select count(*) from partner_account_entry where account_id = $1", uuid(id))).isEqualTo(1);

		// bad amounts, dates and accounts write nothing
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "recordPartnerPayment", payment(id, "0", paid, "TR-X"))))
			.containsExactly("input.amount=INVALID_VALUE");
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "recordPartnerPayment", payment(id, "-5", paid, "TR-X"))))
			.containsExactly("input.amount=INVALID_VALUE");
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "recordPartnerPayment", payment(id, "1.005", paid, "TR-X"))))
			.containsExactly("input.amount=INVALID_VALUE");
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "recordPartnerPayment",
				payment(id, "5", this.today.plusDays(1), "TR-X"))))
			.containsExactly("input.receivedOn=INVALID_VALUE");
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "recordPartnerPayment",
				payment(GlobalId.of("PartnerAccount", UUID.randomUUID()), "5", paid, "TR-X"))))
			.containsExactly("input.accountId=NOT_FOUND");
		assertThat(errors(mutate(TestPeople.REP, "recordPartnerPayment", payment(id, "5", paid, "TR-X"))))
			.containsExactly("=NOT_ALLOWED");
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "adjustPartnerAccount", adjustment(id, "0", paid, "Fee"))))
			.containsExactly("input.amount=INVALID_VALUE");
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "adjustPartnerAccount", adjustment(id, "-1", paid, " "))))
			.containsExactly("input.reason=REQUIRED");
		assertThat(balance(id)).isEqualTo("500.00");
		assertThat(count("select count(*) from partner_account_entry where account_id = $1", uuid(id))).isEqualTo(1);

		// an adjustment booked on an earlier day comes first in the running balances
		Map<String, Object> fee = map(mutate(TestPeople.ACCOUNTANT, "adjustPartnerAccount",
				adjustment(id, "-120.25", this.today.minusDays(10), "Bank fee")), "entry");
		assertThat(fee).containsEntry("kind", "ADJUSTMENT")
			.containsEntry("reason", "Bank fee")
			.containsEntry("amount", Map.of("amount", "-120.25", "currency", "EUR"))
			.containsEntry("balanceAfter", Map.of("amount", "-120.25"))
			.containsEntry("createdBy",
					Map.of("id", GlobalId.of("User", "t-accountant"), "name", "Accountant", "vendor", false));
		Map<String, Object> second = map(
				mutate(CHANNEL_MANAGER, "recordPartnerPayment", payment(id, "100", this.today, "TR-0002")), "entry");
		assertThat(second).containsEntry("balanceAfter", Map.of("amount", "479.75"));
		assertThat(balance(id)).isEqualTo("479.75");
		assertThat(events("partner_account.entry_booked", account)).isEqualTo(3);

		// newest first, in pages
		Map<String, Object> page = entries(as(CHANNEL_MANAGER), id, 2, null);
		assertThat(kindsAndBalances(page)).containsExactly("PAYMENT 479.75", "PAYMENT 379.75");
		assertThat(map(page, "pageInfo")).containsEntry("hasNextPage", true);
		Map<String, Object> rest = entries(as(CHANNEL_MANAGER), id, 2, (String) map(page, "pageInfo").get("endCursor"));
		assertThat(kindsAndBalances(rest)).containsExactly("ADJUSTMENT -120.25");
		assertThat(map(rest, "pageInfo")).containsEntry("hasNextPage", false);

		// a statement of a period, its sums in SQL
		Map<String, Object> statement = statement(id, paid, this.today);
		assertThat(statement).containsEntry("openingBalance", Map.of("amount", "-120.25", "currency", "EUR"))
			.containsEntry("closingBalance", Map.of("amount", "479.75"))
			.containsEntry("credits", Map.of("amount", "600.00"))
			.containsEntry("debits", Map.of("amount", "0.00"));
		assertThat(list(statement, "entries")).extracting(entry -> entry.get("bookedOn"))
			.containsExactly(paid.toString(), this.today.toString());
		Map<String, Object> earlier = statement(id, this.today.minusDays(10), paid.minusDays(1));
		assertThat(earlier).containsEntry("openingBalance", Map.of("amount", "0.00", "currency", "EUR"))
			.containsEntry("closingBalance", Map.of("amount", "-120.25"))
			.containsEntry("credits", Map.of("amount", "0.00"))
			.containsEntry("debits", Map.of("amount", "-120.25"));
		assertStatementRefused(id, this.today, this.today.minusDays(1));
		assertStatementRefused(id, this.today.minusMonths(24), this.today);

		// the partner sees the vendor's staff as the vendor
		Map<String, Object> seen = node(as(this.parentUser), "partnerAccountEntry", (String) fee.get("id"));
		assertThat(map(seen, "createdBy")).containsEntry("vendor", true);
	}

	// ---- who sees what

	@Test
	void aPartnerSeesItsOwnAndItsSubDealersAccountsNeverUpOrSideways() {
		String parentAccount = (String) open(this.parent, "EUR", false, null).get("id");
		String subAccount = (String) open(this.subDealer, "EUR", false, null).get("id");
		String siblingAccount = (String) open(this.sibling, "EUR", false, null).get("id");
		String siblingPayment = (String) map(
				mutate(CHANNEL_MANAGER, "recordPartnerPayment", payment(siblingAccount, "10", this.today, "TR-S")),
				"entry")
			.get("id");

		assertThat(accountIds(as(this.parentUser), null)).containsExactlyInAnyOrder(parentAccount, subAccount);
		assertThat(accountIds(as(this.subDealerUser), null)).containsExactly(subAccount);
		assertThat(accountIds(as(this.siblingUser), null)).containsExactly(siblingAccount);
		assertThat(accountIds(as(this.siblingUser), this.parent)).isEmpty();
		assertThat(accountIds(as(CHANNEL_MANAGER), this.parent)).containsExactly(parentAccount);
		assertThat(accountIds(as(TestPeople.ACCOUNTANT), this.sibling)).containsExactly(siblingAccount);

		assertThat(node(as(this.parentUser), "partnerAccount", subAccount)).isNotNull();
		assertThat(node(as(this.subDealerUser), "partnerAccount", parentAccount)).isNull();
		assertThat(node(as(this.parentUser), "partnerAccount", siblingAccount)).isNull();
		assertThat(node(as(this.parentUser), "partnerAccountEntry", siblingPayment)).isNull();
		assertThat(node(as(this.siblingUser), "partnerAccountEntry", siblingPayment)).containsEntry("kind", "PAYMENT");

		assertThat(accountsOf(as(this.parentUser), this.parent)).containsExactly(parentAccount);
		assertThat(accountsOf(as(this.parentUser), this.subDealer)).containsExactly(subAccount);
		assertThat(accountsOf(as(CHANNEL_MANAGER), this.sibling)).containsExactly(siblingAccount);

		// the vendor's sales people see no partner's money: empty, not an error
		for (TestUser seller : List.of(TestPeople.REP, TestPeople.MANAGER)) {
			assertThat(accountIds(as(seller), null)).doesNotContain(parentAccount, subAccount, siblingAccount);
			assertThat(accountIds(as(seller), this.parent)).isEmpty();
			assertThat(node(as(seller), "partnerAccount", parentAccount)).isNull();
			assertThat(accountsOf(as(seller), this.parent)).isEmpty();
		}
	}

	// ---- orders against a prepaid balance

	@Test
	void aPrepaidPartnersOrdersAreChargedRefusedWhenNotCoveredAndRefundedWhenCancelled() {
		Map<String, Object> account = open(this.parent, "EUR", true, "100");
		String id = (String) account.get("id");
		mutate(CHANNEL_MANAGER, "recordPartnerPayment", payment(id, "1000", this.today, "TR-P1"));
		String customer = customer(this.parentUser);

		Map<String, Object> first = order(this.parentUser, customer, "900.00", "EUR");
		assertThat(balance(id)).isEqualTo("100.00");
		Map<String, Object> charge = entry(id, 0);
		assertThat(charge).containsEntry("kind", "ORDER_CHARGE")
			.containsEntry("amount", Map.of("amount", "-900.00", "currency", "EUR"))
			.containsEntry("order", Map.of("id", first.get("id")));

		// 100.00 of balance and 100.00 of credit do not cover 200.01: no order, no charge
		Map<String, Object> refused = createOrder(this.parentUser, customer, "200.01", "EUR");
		assertThat(refused.get("order")).isNull();
		assertThat(list(refused, "userErrors")).singleElement().satisfies(error -> {
			assertThat(error).containsEntry("code", "CONFLICT");
			assertThat((String) error.get("message")).contains("balance is 100.00 EUR")
				.contains("credit limit of 100.00 EUR")
				.contains("0.01 EUR is missing");
		});
		assertThat(count("select count(*) from sales_order where customer_id = $1", uuid(customer))).isEqualTo(1);
		// exactly the credit limit is fine
		order(this.parentUser, customer, "200.00", "EUR");
		assertThat(balance(id)).isEqualTo("-100.00");

		// cancelling gives the charge back, once
		cancel(this.parentUser, first);
		assertThat(balance(id)).isEqualTo("800.00");
		assertThat(entry(id, 0)).containsEntry("kind", "ORDER_REFUND")
			.containsEntry("amount", Map.of("amount", "900.00", "currency", "EUR"))
			.containsEntry("order", Map.of("id", first.get("id")));
		assertThat(
				count("select count(*) from partner_account_entry where order_id = $1", uuid((String) first.get("id"))))
			.isEqualTo(2);

		// an order from a quote: 5 × 250.00 less 12.5% = 1093.75, refused, then charged
		String quote = OrderFixtures.acceptedQuote(as(this.parentUser), this.product, this.today);
		Map<String, Object> fromQuote = mutateOrder(this.parentUser, "createOrderFromQuote", Map.of("quoteId", quote));
		assertThat(list(fromQuote, "userErrors")).extracting(error -> error.get("code")).containsExactly("CONFLICT");
		mutate(CHANNEL_MANAGER, "recordPartnerPayment", payment(id, "500", this.today, "TR-P2"));
		fromQuote = mutateOrder(this.parentUser, "createOrderFromQuote", Map.of("quoteId", quote));
		assertThat(list(fromQuote, "userErrors")).isEmpty();
		assertThat(balance(id)).isEqualTo("206.25");
		assertThat(events("partner_account.entry_booked", account)).isEqualTo(6);

		// untouched: another currency, a sub-dealer's customer (it pays from its own
		// account, and has none), a non-prepaid partner, the vendor's direct customer
		long entries = count("select count(*) from partner_account_entry where account_id = $1", uuid(id));
		order(this.parentUser, customer, "5000.00", "USD");
		order(this.subDealerUser, customer(this.subDealerUser), "5000.00", "EUR");
		String siblingAccount = (String) open(this.sibling, "EUR", false, null).get("id");
		order(this.siblingUser, customer(this.siblingUser), "5000.00", "EUR");
		order(TestPeople.REP, customer(TestPeople.REP), "5000.00", "EUR");
		assertThat(count("select count(*) from partner_account_entry where account_id = $1", uuid(id)))
			.isEqualTo(entries);
		assertThat(count("select count(*) from partner_account_entry where account_id = $1", uuid(siblingAccount)))
			.isZero();
		assertThat(balance(id)).isEqualTo("206.25");
	}

	@Test
	void tenOrdersAtOnceAreChargedOneAfterTheOtherUntilTheBalanceIsSpent() {
		String id = (String) open(this.parent, "EUR", true, null).get("id");
		mutate(CHANNEL_MANAGER, "recordPartnerPayment", payment(id, "1000", this.today, "TR-C1"));
		String customer = customer(this.parentUser);
		List<Map<String, Object>> payloads = Concurrently.mutate(this.port, this.parentUser, "order", "createOrder",
				Map.of("customerId", customer, "currency", "EUR", "lines",
						List.of(Map.of("productId", this.product, "quantity", 1, "unitPrice", "150.00"))));
		// six orders of 150.00 fit into 1000.00, the seventh would not
		assertThat(Concurrently.outcomes(payloads)).filteredOn("ok"::equals).hasSize(6);
		assertThat(Concurrently.outcomes(payloads)).filteredOn(outcome -> !outcome.equals("ok"))
			.containsOnly("=CONFLICT");
		assertThat(balance(id)).isEqualTo("100.00");
		assertThat(count("select count(*) from sales_order where customer_id = $1", uuid(customer))).isEqualTo(6);
		assertThat(count("select count(*) from partner_account_entry where account_id = $1 and kind = 'ORDER_CHARGE'",
				uuid(id)))
			.isEqualTo(6);
	}

	// ---- rebates

	@Test
	void aFinishedYearsRebateIsCreditedOnceFromExactlyTheBandsEdge() {
		String agreement = agreement(this.parent);
		int year = this.today.getYear();
		order(this.parentUser, customer(this.parentUser), "600.00", "EUR");
		String subCustomer = customer(this.subDealerUser);
		order(this.subDealerUser, subCustomer, "399.99", "EUR");

		assertThat(errors(mutate(CHANNEL_MANAGER, "creditPartnerRebate", rebate(agreement, year))))
			.containsExactly("input.year=INVALID_VALUE");
		// on the first day of the next year
		this.clock.travel(Duration.ofDays(ChronoUnit.DAYS.between(this.today, LocalDate.of(year + 1, 1, 1))));
		assertThat(errors(mutate(CHANNEL_MANAGER, "creditPartnerRebate", rebate(agreement, year - 1))))
			.containsExactly("input.year=INVALID_VALUE");
		assertThat(errors(mutate(TestPeople.ACCOUNTANT, "creditPartnerRebate", rebate(agreement, year))))
			.containsExactly("=NOT_ALLOWED");
		// 999.99: one minor unit below the first band
		Map<String, Object> below = mutate(CHANNEL_MANAGER, "creditPartnerRebate", rebate(agreement, year));
		assertThat(errors(below)).containsExactly("input.year=CONFLICT");
		assertThat((String) list(below, "userErrors").get(0).get("message")).contains("999.99");
		assertThat(count("select count(*) from partner_account where partner_id = $1", this.parent)).isZero();

		// 1000.00: exactly the band's threshold, 2% of it
		order(this.subDealerUser, subCustomer, "0.01", "EUR");
		List<Map<String, Object>> payloads = Concurrently.mutate(this.port, CHANNEL_MANAGER, "partnerAccount",
				"creditPartnerRebate", rebate(agreement, year));
		Concurrently.assertOneThroughAndTheOthers(payloads, "input.year=CONFLICT");
		Map<String, Object> credit = payloads.stream()
			.map(payload -> map(payload, "entry"))
			.filter(found -> found != null)
			.findFirst()
			.orElseThrow();
		assertThat(credit).containsEntry("kind", "REBATE_CREDIT")
			.containsEntry("rebateYear", year)
			.containsEntry("amount", Map.of("amount", "20.00", "currency", "EUR"))
			.containsEntry("agreement", Map.of("id", agreement))
			.containsEntry("bookedOn", LocalDate.of(year + 1, 1, 1).toString());
		String accountId = (String) map(credit, "account").get("id");
		assertThat(node(as(this.parentUser), "partnerAccount", accountId)).containsEntry("prepaid", false)
			.containsEntry("balance", Map.of("amount", "20.00", "currency", "EUR"));
		assertThat(count("select count(*) from partner_account_entry where agreement_id = $1", uuid(agreement)))
			.isEqualTo(1);
		assertThat(
				count("select count(*) from outbox_event where type = 'partner_account.opened' and aggregate_id = $1",
						uuid(accountId)))
			.isEqualTo(1);
	}

	// ---- fixtures

	private Map<String, Object> open(UUID partner, String currency, boolean prepaid, String limit) {
		Map<String, Object> payload = mutate(CHANNEL_MANAGER, "openPartnerAccount",
				openInput(partner, currency, prepaid, limit));
		assertThat(errors(payload)).isEmpty();
		return map(payload, "account");
	}

	private static Map<String, Object> openInput(UUID partner, String currency, boolean prepaid, String limit) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("partnerId", GlobalId.of("Partner", partner));
		input.put("currency", currency);
		input.put("prepaid", prepaid);
		if (limit != null) {
			input.put("creditLimit", limit);
		}
		return input;
	}

	private static Map<String, Object> payment(String account, String amount, LocalDate on, String reference) {
		return Map.of("accountId", account, "amount", amount, "receivedOn", on.toString(), "reference", reference);
	}

	private static Map<String, Object> adjustment(String account, String amount, LocalDate on, String reason) {
		return Map.of("accountId", account, "amount", amount, "bookedOn", on.toString(), "reason", reason);
	}

	private static Map<String, Object> rebate(String agreement, int year) {
		return Map.of("agreementId", agreement, "year", year);
	}

	private String agreement(UUID partner) {
		GraphQlTester.Response response = as(CHANNEL_MANAGER).documentName("partnerAgreement")
			.operationName("createPartnerAgreement")
			.variable("input",
					Map.of("partnerId", GlobalId.of("Partner", partner), "startsOn",
							this.today.withDayOfYear(1).toString(), "currency", "EUR", "rebateBands",
							List.of(Map.of("threshold", "1000", "percent", "2"),
									Map.of("threshold", "2000", "percent", "4"))))
			.execute();
		response.path("createPartnerAgreement.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createPartnerAgreement.agreement.id").entity(String.class).get();
	}

	private String customer(TestUser user) {
		return OrderFixtures.customer(as(user), unique("Account customer"));
	}

	/** An order of one line, totalling the amount. */
	private Map<String, Object> order(TestUser user, String customerId, String total, String currency) {
		Map<String, Object> payload = createOrder(user, customerId, total, currency);
		assertThat(list(payload, "userErrors")).isEmpty();
		return map(payload, "order");
	}

	private Map<String, Object> createOrder(TestUser user, String customerId, String total, String currency) {
		return mutateOrder(user, "createOrder", Map.of("customerId", customerId, "currency", currency, "lines",
				List.of(Map.of("productId", this.product, "quantity", 1, "unitPrice", total))));
	}

	private Map<String, Object> mutateOrder(TestUser user, String operation, Map<String, Object> input) {
		return as(user).documentName("order")
			.operationName(operation)
			.variable("input", input)
			.execute()
			.path(operation)
			.entity(MAP)
			.get();
	}

	private void cancel(TestUser user, Map<String, Object> order) {
		Map<String, Object> payload = mutateOrder(user, "cancelOrder",
				Map.of("id", order.get("id"), "expectedVersion", order.get("version")));
		assertThat(map(payload, "order")).containsEntry("status", "CANCELLED");
	}

	// ---- reading

	private Map<String, Object> mutate(TestUser user, String operation, Map<String, Object> input) {
		return as(user).documentName("partnerAccount")
			.operationName(operation)
			.variable("input", input)
			.execute()
			.path(operation)
			.entity(MAP)
			.get();
	}

	private Map<String, Object> node(GraphQlTester tester, String operation, String id) {
		return map(tester.documentName("partnerAccount")
			.operationName(operation)
			.variable("id", id)
			.execute()
			.path("")
			.entity(MAP)
			.get(), "node");
	}

	private String balance(String account) {
		return (String) map(node(as(CHANNEL_MANAGER), "partnerAccount", account), "balance").get("amount");
	}

	private Map<String, Object> entries(GraphQlTester tester, String account, int first, String after) {
		return tester.documentName("partnerAccount")
			.operationName("accountEntries")
			.variable("id", account)
			.variable("first", first)
			.variable("after", after)
			.execute()
			.path("node.entries")
			.entity(MAP)
			.get();
	}

	/** The account's entry at the position, newest first. */
	private Map<String, Object> entry(String account, int position) {
		return map(list(entries(as(CHANNEL_MANAGER), account, position + 1, null), "edges").get(position), "node");
	}

	private static List<String> kindsAndBalances(Map<String, Object> page) {
		return list(page, "edges").stream()
			.map(edge -> map(edge, "node"))
			.map(node -> node.get("kind") + " " + map(node, "balanceAfter").get("amount"))
			.toList();
	}

	private Map<String, Object> statement(String account, LocalDate from, LocalDate to) {
		return as(CHANNEL_MANAGER).documentName("partnerAccount")
			.operationName("accountStatement")
			.variable("id", account)
			.variable("from", from.toString())
			.variable("to", to.toString())
			.execute()
			.path("node.statement")
			.entity(MAP)
			.get();
	}

	private void assertStatementRefused(String account, LocalDate from, LocalDate to) {
		as(CHANNEL_MANAGER).documentName("partnerAccount")
			.operationName("accountStatement")
			.variable("id", account)
			.variable("from", from.toString())
			.variable("to", to.toString())
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_PERIOD")));
	}

	private List<String> accountIds(GraphQlTester tester, UUID partner) {
		return tester.documentName("partnerAccount")
			.operationName("partnerAccounts")
			.variable("partnerId", partner == null ? null : GlobalId.of("Partner", partner))
			.variable("first", 100)
			.execute()
			.path("partnerAccounts.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private List<String> accountsOf(GraphQlTester tester, UUID partner) {
		Map<String, Object> node = map(tester.documentName("partnerAccount")
			.operationName("accountsOfPartner")
			.variable("id", GlobalId.of("Partner", partner))
			.execute()
			.path("")
			.entity(MAP)
			.get(), "node");
		return node == null ? List.of() : list(node, "accounts").stream().map(each -> (String) each.get("id")).toList();
	}

	private long events(String type, Map<String, Object> account) {
		return count("select count(*) from outbox_event where type = $1 and aggregate_id = $2", type,
				uuid((String) account.get("id")));
	}

	private static UUID uuid(String globalId) {
		return GlobalId.require(globalId).asUuid();
	}

	@SuppressWarnings("unchecked")
	private static List<String> errors(Map<String, Object> payload) {
		return Concurrently.outcomes(List.of(payload)).stream().filter(each -> !each.equals("ok")).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		return (List<Map<String, Object>>) parent.get(key);
	}

}
