package com.dealerdesk.partner;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

class PartnerTierApiTest extends PartnerFixtures {

	@Test
	void aTierNeedsADiscountOrACataloguePrice() {
		String code = code("BARE");
		GraphQlTester.Response bare = partnerCall(CHANNEL_MANAGER, "createPartnerTier",
				map("code", code, "name", "Bare"));
		assertThat(errors(bare, "createPartnerTier")).containsExactly("input.defaultDiscountPercent=INVALID_VALUE");
		assertThat(count("select count(*) from partner_tier where code = $1", code)).isZero();

		// catalogue prices name existing tiers only: a tier starts with a discount, gets
		// its
		// prices, and may then drop the discount
		String pricedTier = tier(code, "5");
		ProductFixtures.create(as(ADMIN),
				map("code", code("P"), "name", "Tiered service", "kind", "SERVICE", "licenseModel", "NONE", "prices",
						List.of(map("unitPrice", map("amount", "100.00", "currency", "EUR")),
								map("tier", code, "unitPrice", map("amount", "80.00", "currency", "EUR")))));
		GraphQlTester.Response priced = partnerCall(CHANNEL_MANAGER, "updatePartnerTier",
				map("id", pricedTier, "expectedVersion", 1, "defaultDiscountPercent", null));
		assertThat(errors(priced, "updatePartnerTier")).isEmpty();
		priced.path("updatePartnerTier.tier.priceCount").entity(Integer.class).isEqualTo(1);

		String discounted = code("DISC");
		GraphQlTester.Response withDiscount = partnerCall(CHANNEL_MANAGER, "createPartnerTier", map("code",
				discounted.toLowerCase(Locale.ROOT), "name", "Discounted", "defaultDiscountPercent", "12.5"));
		assertThat(errors(withDiscount, "createPartnerTier")).isEmpty();
		withDiscount.path("createPartnerTier.tier.code").entity(String.class).isEqualTo(discounted);
		withDiscount.path("createPartnerTier.tier.priceCount").entity(Integer.class).isEqualTo(0);
		String id = withDiscount.path("createPartnerTier.tier.id").entity(String.class).get();
		// and cannot lose its only price
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "updatePartnerTier",
				map("id", id, "expectedVersion", 1, "defaultDiscountPercent", null)), "updatePartnerTier"))
			.containsExactly("input.defaultDiscountPercent=INVALID_VALUE");
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "updatePartnerTier",
				map("id", id, "expectedVersion", 1, "defaultDiscountPercent", "101")), "updatePartnerTier"))
			.containsExactly("input.defaultDiscountPercent=INVALID_VALUE");
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "createPartnerTier",
				map("code", discounted, "name", "Twice", "defaultDiscountPercent", "5")), "createPartnerTier"))
			.containsExactly("input.code=CONFLICT");
		assertThat(errors(partnerCall(REP, "createPartnerTier",
				map("code", code("REP"), "name", "Rep's", "defaultDiscountPercent", "5")), "createPartnerTier"))
			.containsExactly("=NOT_ALLOWED");
	}

	@Test
	void aTierInUseIsNotDeleted() {
		String code = code("USED");
		String tier = tier(code, "10");
		String partner = partnerCall(CHANNEL_MANAGER, "createPartner", map("name", unique("On tier"), "tierId", tier))
			.path("createPartner.partner.id")
			.entity(String.class)
			.get();
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "deletePartnerTier", map("id", tier, "expectedVersion", 1)),
				"deletePartnerTier"))
			.containsExactly("input.id=CONFLICT");
		partnerCall(CHANNEL_MANAGER, "updatePartner", map("id", partner, "expectedVersion", 1, "tierId", null));
		GraphQlTester.Response deleted = partnerCall(CHANNEL_MANAGER, "deletePartnerTier",
				map("id", tier, "expectedVersion", 1));
		assertThat(errors(deleted, "deletePartnerTier")).isEmpty();
		deleted.path("deletePartnerTier.deletedId").entity(String.class).isEqualTo(tier);
		assertThat(count("select count(*) from partner_tier where code = $1", code)).isZero();

		String named = code("NAMED");
		String namedTier = tier(named, "5");
		ProductFixtures.create(as(ADMIN),
				map("code", code("Q"), "name", "Named service", "kind", "SERVICE", "licenseModel", "NONE", "prices",
						List.of(map("unitPrice", map("amount", "10.00", "currency", "EUR")),
								map("tier", named, "unitPrice", map("amount", "9.00", "currency", "EUR")))));
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "deletePartnerTier", map("id", namedTier, "expectedVersion", 1)),
				"deletePartnerTier"))
			.containsExactly("input.id=CONFLICT");
	}

	@Test
	void aPartnersUsersSeeOnlyTheirOwnPartnersTier() {
		String gold = tier(code("GOLDISH"), "20");
		String silver = tier(code("SILVERISH"), "10");
		String partner = partnerCall(CHANNEL_MANAGER, "createPartner",
				map("name", unique("Tiered"), "status", "ACTIVE", "tierId", gold))
			.path("createPartner.partner.id")
			.entity(String.class)
			.get();
		TestUser user = userOf(partner, unique("t-tiered"));
		as(user).documentName("partner")
			.operationName("partnerTiers")
			.execute()
			.path("partnerTiers[*].id")
			.entityList(String.class)
			.containsExactly(gold);
		as(user).documentName("partner")
			.operationName("partner")
			.variable("id", partner)
			.execute()
			.path("partner.tier.id")
			.entity(String.class)
			.isEqualTo(gold);
		as(user).document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", silver)
			.execute()
			.path("node")
			.valueIsNull();
		as(PARTNER_A_USER).documentName("partner")
			.operationName("partnerTiers")
			.execute()
			.path("partnerTiers")
			.entityList(Object.class)
			.hasSize(0);
		as(REP).documentName("partner")
			.operationName("partnerTiers")
			.execute()
			.path("partnerTiers[*].id")
			.entityList(String.class)
			.contains(gold, silver);
	}

	private String tier(String code, String discount) {
		Map<String, Object> input = map("code", code, "name", "Tier " + code);
		if (discount != null) {
			input.put("defaultDiscountPercent", discount);
		}
		GraphQlTester.Response response = partnerCall(CHANNEL_MANAGER, "createPartnerTier", input);
		assertThat(errors(response, "createPartnerTier")).isEmpty();
		return response.path("createPartnerTier.tier.id").entity(String.class).get();
	}

	private static String code(String prefix) {
		return prefix + "_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

}
