package com.dealerdesk.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.demo.DemoBilling.Mutations;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

/**
 * Deal registrations for the channel screens: Northwind's registration of «ООО "Ромашка"»
 * waits for a decision, and Baltic Soft's registration of "Romashka LLC" collides with it
 * (the same customer across scripts and legal forms); one approved registration with its
 * deal, and one rejected with a reason.
 */
final class DemoRegistrations {

	static final String SUBMIT = """
			mutation($input: SubmitDealRegistrationInput!) {
			  submitDealRegistration(input: $input) { registration { id version } userErrors { field message } }
			}""";

	static final String APPROVE = """
			mutation($input: ApproveDealRegistrationInput!) {
			  approveDealRegistration(input: $input) { registration { id } userErrors { field message } }
			}""";

	static final String REJECT = """
			mutation($input: RejectDealRegistrationInput!) {
			  rejectDealRegistration(input: $input) { registration { id } userErrors { field message } }
			}""";

	private static final String FIRST_PRODUCT = "{ products(first: 1) { edges { node { id } } } }";

	private DemoRegistrations() {
	}

	static Mono<Void> seed(Mutations graphql, Actor admin, Actor northwind, Actor balticSoft, Actor channel) {
		return graphql.execute(admin, FIRST_PRODUCT, Map.of(), null)
			.map(data -> (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) data.get("products")).get("edges"))
				.get(0)).get("node")).get("id"))
			.flatMap(productId -> submit(graphql, northwind, "ООО \"Ромашка\"", "7709876543", "Moscow", productId,
					"48000")
				.then(submit(graphql, balticSoft, "Romashka LLC", null, "Moscow", productId, "52000"))
				.then(submit(graphql, northwind, "Nordlicht Logistik GmbH", "DE298765431", "Bavaria", productId,
						"18500"))
				.flatMap(registration -> graphql.execute(channel, APPROVE,
						Map.of("id", registration.get("id"), "expectedVersion", registration.get("version"),
								"acknowledgeConflicts", true),
						"approveDealRegistration"))
				.then(submit(graphql, balticSoft, "Riga Port Services SIA", "LV40009876543", "Latvia", productId,
						"9600"))
				.flatMap(registration -> graphql.execute(channel, REJECT,
						Map.of("id", registration.get("id"), "expectedVersion", registration.get("version"), "reason",
								"Riga Port Services buys from us directly under a framework contract."),
						"rejectDealRegistration")))
			.then();
	}

	private static Mono<Map<?, ?>> submit(Mutations graphql, Actor partner, String name, String taxId, String region,
			String productId, String amount) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("customerName", name);
		input.put("customerTaxId", taxId);
		input.put("customerRegion", region);
		input.put("lines", List.of(Map.of("productId", productId, "quantity", 5)));
		input.put("expectedAmount", Map.of("amount", amount, "currency", "EUR"));
		input.put("expectedCloseOn", LocalDate.now(ZoneOffset.UTC).plusDays(60).toString());
		return graphql.execute(partner, SUBMIT, input, "submitDealRegistration")
			.map(payload -> (Map<?, ?>) payload.get("registration"));
	}

}
