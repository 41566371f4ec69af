package com.dealerdesk.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.dealerdesk.demo.DemoBilling.Mutations;
import com.dealerdesk.demo.DemoPeople.DemoPartner;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An agreement for each demo partner from the first of this year, with the rebate bands
 * of the docs (2% from 1,000,000 EUR, 4% from 3,000,000 EUR), made by the channel manager
 * through the API; and a large order of each partner's first customer (Northwind's above
 * the first band, Baltic Soft's below it), so the portal and the channel manager's
 * dashboard show rebate progress.
 */
final class DemoAgreements {

	private static final String CREATE_AGREEMENT = """
			mutation($input: CreatePartnerAgreementInput!) {
			  createPartnerAgreement(input: $input) { agreement { id } userErrors { field message } }
			}""";

	private static final String PRODUCTS = "{ products(first: 50) { edges { node { id code } } } }";

	/** Seats of DealerCAD Professional each partner's first customer orders. */
	private static final Map<UUID, Integer> SEATS = Map.of(DemoPeople.NORTHWIND, 600, DemoPeople.BALTIC_SOFT, 200);

	private DemoAgreements() {
	}

	/**
	 * A partner's customer, with the partner's user who created it (and orders for it).
	 */
	record PartnerCustomer(Actor owner, String customerId) {

	}

	static Mono<Void> seed(Mutations graphql, Actor channelManager, List<PartnerCustomer> customers) {
		String firstOfYear = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).toString();
		return Flux.fromIterable(DemoPeople.PARTNERS)
			.concatMap(partner -> graphql.execute(channelManager, CREATE_AGREEMENT, agreement(partner, firstOfYear),
					"createPartnerAgreement"))
			.then(graphql.execute(channelManager, PRODUCTS, Map.of(), null))
			.mapNotNull(DemoAgreements::dealerCad)
			.flatMapMany(productId -> Flux.fromIterable(SEATS.entrySet())
				.concatMap(seats -> customers.stream()
					.filter(customer -> seats.getKey().equals(customer.owner().partnerId()))
					.findFirst()
					.map(customer -> graphql.execute(customer.owner(), DemoCatalogue.CREATE_ORDER,
							order(customer, productId, seats.getValue()), "createOrder"))
					.orElse(Mono.empty())))
			.then();
	}

	private static Map<String, Object> agreement(DemoPartner partner, String startsOn) {
		return Map.of("partnerId", GlobalId.of("Partner", partner.id()), "startsOn", startsOn, "currency", "EUR",
				"rebateBands",
				List.of(Map.of("threshold", "1000000", "percent", "2"), Map.of("threshold", "3000000", "percent", "4")),
				"note", "Year-end rebate on the whole yearly volume, credited in January");
	}

	private static String dealerCad(Map<?, ?> data) {
		List<?> edges = (List<?>) ((Map<?, ?>) data.get("products")).get("edges");
		return edges.stream()
			.map(edge -> (Map<?, ?>) ((Map<?, ?>) edge).get("node"))
			.filter(node -> "DD-CAD".equals(node.get("code")))
			.map(node -> (String) node.get("id"))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static Map<String, Object> order(PartnerCustomer customer, String productId, int seats) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("productId", productId);
		line.put("editionCode", "PRO");
		line.put("quantity", seats);
		return Map.of("customerId", customer.customerId(), "currency", "EUR", "lines", List.of(line));
	}

}
