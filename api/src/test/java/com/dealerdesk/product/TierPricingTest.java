package com.dealerdesk.product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.Parameter;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalogue lines of a partner's customer are priced at the partner's tier: its tier
 * price (the edition's before the product's), else the list price less the tier's default
 * discount, else the list price; direct customers pay list. A partner sees only the list
 * prices and its own tier's.
 */
class TierPricingTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final String LINES = """
			priceBasis partnerTier { code } listPrice { amount } price { amount }""";

	private String gold;

	private String silver;

	private TestUser goldPartner;

	private TestUser silverPartner;

	private String product;

	private String listOnly;

	@BeforeEach
	void catalogueWithTiers() {
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
		this.gold = "GOLD_" + suffix;
		this.silver = "SILVER_" + suffix;
		this.goldPartner = partnerOn(this.gold, null);
		this.silverPartner = partnerOn(this.silver, "12.5");
		this.product = (String) ProductFixtures.create(as(ADMIN),
				Map.of("code", "TP-" + suffix, "name", "Tiered", "kind", "SERVICE", "editions",
						List.of(Map.of("code", "PRO", "name", "Professional")), "prices",
						List.of(price(null, null, "100.00"), price(null, this.gold, "80.00"),
								price("PRO", null, "150.00"), price("PRO", this.gold, "120.00"),
								price(null, this.silver, "90.00"))))
			.get("id");
		this.listOnly = (String) ProductFixtures.create(as(ADMIN), Map.of("code", "TL-" + suffix, "name", "List only",
				"kind", "SERVICE", "prices", List.of(price(null, null, "99.99"))))
			.get("id");
	}

	@Test
	void quoteLinesWithoutAPriceAreAtTheCustomersTierPrice() {
		Map<String, Object> goldLines = quoteLines(this.goldPartner,
				List.of(line(this.product, null), line(this.product, "PRO"), line(this.listOnly, null)));
		assertLine(goldLines, 0, "TIER_PRICE", this.gold, "80.00");
		assertLine(goldLines, 1, "TIER_PRICE", this.gold, "120.00"); // the edition's tier
																		// price
		assertLine(goldLines, 2, "LIST", null, "99.99"); // GOLD has no default discount

		Map<String, Object> silverLines = quoteLines(this.silverPartner,
				List.of(line(this.product, null), line(this.product, "PRO"), line(this.listOnly, null)));
		assertLine(silverLines, 0, "TIER_PRICE", this.silver, "90.00");
		// the PRO edition has its own list price and no SILVER price: 150.00 less 12.5%
		assertLine(silverLines, 1, "TIER_DISCOUNT", this.silver, "131.25");
		// 99.99 less 12.5% = 87.49125, rounded to the cent
		assertLine(silverLines, 2, "TIER_DISCOUNT", this.silver, "87.49");

		Map<String, Object> direct = quoteLines(REP, List.of(line(this.product, null), line(this.product, "PRO")));
		assertLine(direct, 0, "LIST", null, "100.00");
		assertLine(direct, 1, "LIST", null, "150.00");

		Map<String, Object> entered = quoteLines(this.goldPartner,
				List.of(Map.of("description", "By hand", "quantity", 1, "listPrice", "70", "productId", this.product)));
		assertLine(entered, 0, "ENTERED", null, "70.00");
	}

	@Test
	void orderLinesAreAtTheTierPriceAndOrdersFromQuotesKeepTheQuotesPrice() {
		String customer = OrderFixtures.customer(as(this.silverPartner), unique("Silver customer"));
		Map<String, Object> order = as(this.silverPartner)
			.document("mutation($input: CreateOrderInput!) { createOrder(input: $input) { order { lines { "
					+ LINES.replace("listPrice", "unitPrice") + " } } userErrors { field code message } } }")
			.variable("input",
					Map.of("customerId", customer, "currency", "EUR", "lines",
							List.of(Map.of("productId", this.listOnly, "quantity", 2),
									Map.of("productId", this.product, "quantity", 1, "unitPrice", "50"))))
			.execute()
			.path("createOrder")
			.entity(MAP)
			.get();
		assertThat((List<?>) order.get("userErrors")).isEmpty();
		List<Map<String, Object>> lines = lines(order.get("order"));
		assertThat(lines.get(0)).containsEntry("priceBasis", "TIER_DISCOUNT")
			.containsEntry("partnerTier", Map.of("code", this.silver))
			.containsEntry("unitPrice", Map.of("amount", "87.49"))
			.containsEntry("price", Map.of("amount", "174.98"));
		assertThat(lines.get(1)).containsEntry("priceBasis", "ENTERED").containsEntry("partnerTier", null);

		// an order made from an accepted quote keeps the quote's prices and their basis
		Map<String, Object> quoted = quoteLines(this.goldPartner, List.of(line(this.product, "PRO")));
		String quoteId = (String) quoted.get("id");
		as(this.goldPartner)
			.document("mutation($input: QuoteDecisionInput!) { acceptQuote(input: $input) { quote { status } } }")
			.variable("input", Map.of("id", quoteId, "expectedVersion", 1))
			.execute()
			.path("acceptQuote.quote.status")
			.entity(String.class)
			.isEqualTo("ACCEPTED");
		Map<String, Object> fromQuote = as(this.goldPartner)
			.document("mutation($input: CreateOrderFromQuoteInput!) { createOrderFromQuote(input: $input) {"
					+ " order { lines { " + LINES.replace("listPrice", "unitPrice") + " } } } }")
			.variable("input", Map.of("quoteId", quoteId))
			.execute()
			.path("createOrderFromQuote.order")
			.entity(MAP)
			.get();
		assertThat(lines(fromQuote).get(0)).containsEntry("priceBasis", "TIER_PRICE")
			.containsEntry("unitPrice", Map.of("amount", "120.00"));
	}

	@Test
	void aPartnerSeesTheListPricesAndOnlyItsOwnTiers() {
		String query = """
				query($id: ID!, $tier: String) {
				  product(id: $id) {
				    prices { editionCode tier unitPrice { amount } }
				    price(currency: "EUR", tier: $tier) { amount }
				  }
				}""";
		Map<String, Object> seenByGold = as(this.goldPartner).document(query)
			.variable("id", this.product)
			.variable("tier", this.silver)
			.execute()
			.path("product")
			.entity(MAP)
			.get();
		assertThat(lines(seenByGold.get("prices"))).extracting(price -> price.get("tier"))
			.containsOnly(null, this.gold)
			.hasSize(4);
		assertThat(seenByGold.get("price")).as("another tier's price").isNull();
		as(this.goldPartner).document(query)
			.variable("id", this.product)
			.variable("tier", this.gold)
			.execute()
			.path("product.price.amount")
			.entity(String.class)
			.isEqualTo("80.00");
		// the vendor's staff see every tier
		as(REP).document(query)
			.variable("id", this.product)
			.variable("tier", this.silver)
			.execute()
			.path("product.prices")
			.entityList(Object.class)
			.hasSize(5);
	}

	@Test
	void aTierPriceMustNameAnExistingTier() {
		String code = "TX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		as(ADMIN).documentName("product")
			.operationName("createProduct")
			.variable("input",
					Map.of("code", code, "name", "Unknown tier", "kind", "SERVICE", "prices",
							List.of(price(null, null, "10.00"), price(null, "PLATINUM_NOPE", "8.00"))))
			.execute()
			.path("createProduct.userErrors[0]")
			.entity(MAP)
			.satisfies(error -> assertThat(error).containsEntry("code", "NOT_FOUND")
				.containsEntry("field", List.of("input", "prices", "1", "tier")));
		assertThat(count("select count(*) from product where code = $1", code)).isZero();
	}

	@Test
	void aTierThatLinesWerePricedAtIsNotDeleted() {
		String bronze = "BRONZE_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase().replace('-', '_');
		TestUser partner = partnerOn(bronze, "10");
		Map<String, Object> quote = quoteLines(partner, List.of(line(this.listOnly, null)));
		assertLine(quote, 0, "TIER_DISCOUNT", bronze, "89.99");
		String customer = OrderFixtures.customer(as(partner), unique("Bronze customer"));
		String order = OrderFixtures.order(as(partner), customer, this.listOnly, null, 1).get("id").toString();
		// the partner moves off the tier and no catalogue price names it: only the lines
		// do
		this.database.sql("update partner set tier_id = null where id = $1")
			.bind(0, partner.partnerId())
			.then()
			.block();
		UUID tier = this.database.sql("select id from partner_tier where code = $1")
			.bind(0, bronze)
			.map(row -> row.get("id", UUID.class))
			.one()
			.block();

		Map<String, Object> refused = as(ADMIN)
			.document("mutation($input: DeleteInput!) { deletePartnerTier(input: $input) { deletedId"
					+ " userErrors { field code message } } }")
			.variable("input", Map.of("id", GlobalId.of("PartnerTier", tier), "expectedVersion", 1))
			.execute()
			.path("deletePartnerTier")
			.entity(MAP)
			.get();
		assertThat(refused.get("deletedId")).isNull();
		assertThat(lines(refused.get("userErrors"))).singleElement()
			.satisfies(error -> assertThat(error).containsEntry("field", List.of("input", "id"))
				.containsEntry("code", "CONFLICT"));
		assertThat(count("select count(*) from partner_tier where id = $1 and version = 1", tier)).isEqualTo(1);
		// the lines still say which tier priced them
		assertThat(lines(quoteById((String) quote.get("id")))).singleElement()
			.satisfies(line -> assertThat(line).containsEntry("partnerTier", Map.of("code", bronze)));
		as(ADMIN).document("query($id: ID!) { order(id: $id) { lines { partnerTier { code } } } }")
			.variable("id", order)
			.execute()
			.path("order.lines[0].partnerTier.code")
			.entity(String.class)
			.isEqualTo(bronze);
	}

	private Map<String, Object> quoteById(String id) {
		return as(ADMIN).document("query($id: ID!) { quote(id: $id) { lines { " + LINES + " } } }")
			.variable("id", id)
			.execute()
			.path("quote")
			.entity(MAP)
			.get();
	}

	private TestUser partnerOn(String tierCode, String defaultDiscount) {
		UUID tierId = UUID.randomUUID();
		UUID partnerId = UUID.randomUUID();
		this.database.sql("""
				insert into partner_tier (id, code, name, position, default_discount_percent)
				values ($1, $2, $2, (select coalesce(max(position), 0) + 1 from partner_tier), $3)""")
			.bind(0, tierId)
			.bind(1, tierCode)
			.bind(2, Parameter.fromOrEmpty(defaultDiscount == null ? null : new BigDecimal(defaultDiscount),
					BigDecimal.class))
			.then()
			.block();
		this.database.sql("insert into partner (id, name, tier_id) values ($1, $2, $3)")
			.bind(0, partnerId)
			.bind(1, "Partner on " + tierCode)
			.bind(2, tierId)
			.then()
			.block();
		return new TestUser("t-" + tierCode.toLowerCase(), "User on " + tierCode, List.of("partner_user"), partnerId,
				List.of());
	}

	/** A quote by the user for a new customer and deal of theirs; its id and lines. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> quoteLines(TestUser user, List<Map<String, Object>> lines) {
		GraphQlTester tester = as(user);
		String customer = OrderFixtures.customer(tester, unique("Priced customer"));
		String deal = tester
			.document("mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) {"
					+ " opportunity { id } } }")
			.variable("input", Map.of("customerId", customer, "name", "Priced deal"))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
		Map<String, Object> created = tester
			.document("mutation($input: CreateQuoteInput!) { createQuote(input: $input) {" + " quote { id lines { "
					+ LINES + " } } userErrors { field code message } } }")
			.variable("input",
					Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
							LocalDate.now(this.clock).plusDays(30).toString(), "lines", lines))
			.execute()
			.path("createQuote")
			.entity(MAP)
			.get();
		assertThat((List<?>) created.get("userErrors")).isEmpty();
		return (Map<String, Object>) created.get("quote");
	}

	private static void assertLine(Map<String, Object> quote, int index, String basis, String tier, String unit) {
		Map<String, Object> line = lines(quote).get(index);
		assertThat(line).as("line %d", index)
			.containsEntry("priceBasis", basis)
			.containsEntry("partnerTier", tier == null ? null : Map.of("code", tier))
			.containsEntry("listPrice", Map.of("amount", unit));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> lines(Object parent) {
		return (parent instanceof Map<?, ?> map) ? (List<Map<String, Object>>) map.get("lines")
				: (List<Map<String, Object>>) parent;
	}

	private static Map<String, Object> line(String productId, String edition) {
		return edition == null ? Map.of("description", "Catalogue", "quantity", 1, "productId", productId)
				: Map.of("description", "Catalogue", "quantity", 1, "productId", productId, "editionCode", edition);
	}

	private static Map<String, Object> price(String edition, String tier, String amount) {
		Map<String, Object> price = new LinkedHashMap<>();
		if (edition != null) {
			price.put("editionCode", edition);
		}
		if (tier != null) {
			price.put("tier", tier);
		}
		price.put("unitPrice", Map.of("amount", amount, "currency", "EUR"));
		return price;
	}

}
