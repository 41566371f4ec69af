package com.dealerdesk.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

/**
 * The demo's channel, set by its channel manager through the API: the tiers GOLD (tier
 * prices in the catalogue, 15% off the rest) and SILVER (8% off), Northwind on GOLD
 * selling in Germany and Austria, Baltic Soft on SILVER in the Baltics, and Northwind's
 * sub-dealer Alpenland on SILVER in Tyrol and Salzburg.
 */
final class DemoChannel {

	private static final String CREATE_TIER = """
			mutation($input: CreatePartnerTierInput!) {
			  createPartnerTier(input: $input) { tier { id } userErrors { field message } }
			}""";

	private static final String UPDATE_PARTNER = """
			mutation($input: UpdatePartnerInput!) {
			  updatePartner(input: $input) { partner { id } userErrors { field message } }
			}""";

	private DemoChannel() {
	}

	static Mono<Void> seed(DemoContracts.Api api, Actor channelManager) {
		Mono<String> silver = tier(api, channelManager, "SILVER", "Silver", "8");
		Mono<String> gold = tier(api, channelManager, "GOLD", "Gold", "15");
		// one after the other: each new tier goes after the highest
		return silver.flatMap(silverId -> gold.map(goldId -> Tuples.of(silverId, goldId)))
			.flatMap(tiers -> place(api, channelManager, DemoPeople.NORTHWIND, tiers.getT2(),
					List.of(Map.of("region", "Germany"), Map.of("region", "Austria")))
				.then(place(api, channelManager, DemoPeople.BALTIC_SOFT, tiers.getT1(),
						List.of(Map.of("region", "Latvia"), Map.of("region", "Estonia"),
								Map.of("region", "Lithuania"))))
				.then(place(api, channelManager, DemoPeople.ALPENLAND, tiers.getT1(),
						List.of(Map.of("region", "Austria", "industry", "Architecture"),
								Map.of("region", "Austria", "industry", "Metalwork")))));
	}

	private static Mono<String> tier(DemoContracts.Api api, Actor actor, String code, String name, String discount) {
		return api
			.execute(actor, CREATE_TIER, Map.of("code", code, "name", name, "defaultDiscountPercent", discount),
					"createPartnerTier")
			.map(payload -> (String) ((Map<?, ?>) payload.get("tier")).get("id"));
	}

	private static Mono<Void> place(DemoContracts.Api api, Actor actor, UUID partner, String tierId,
			List<Map<String, String>> territories) {
		return api
			.execute(actor, UPDATE_PARTNER, Map.of("id", GlobalId.of("Partner", partner), "expectedVersion", 1,
					"tierId", tierId, "territories", territories), "updatePartner")
			.then();
	}

}
