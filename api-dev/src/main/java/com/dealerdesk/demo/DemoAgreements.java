package com.dealerdesk.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.dealerdesk.demo.DemoBilling.Mutations;
import com.dealerdesk.demo.DemoPeople.DemoPartner;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An agreement for each demo partner from the first of this year, with the rebate bands
 * of the docs (2% from 1,000,000 EUR, 4% from 3,000,000 EUR), made by the channel manager
 * through the API, so the portal shows each partner's rebate progress.
 */
final class DemoAgreements {

	private static final String CREATE_AGREEMENT = """
			mutation($input: CreatePartnerAgreementInput!) {
			  createPartnerAgreement(input: $input) { agreement { id } userErrors { field message } }
			}""";

	private DemoAgreements() {
	}

	static Mono<Void> seed(Mutations graphql, Actor channelManager) {
		String firstOfYear = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1).toString();
		return Flux.fromIterable(DemoPeople.PARTNERS)
			.concatMap(partner -> graphql.execute(channelManager, CREATE_AGREEMENT, input(partner, firstOfYear),
					"createPartnerAgreement"))
			.then();
	}

	private static Map<String, Object> input(DemoPartner partner, String startsOn) {
		return Map.of("partnerId", GlobalId.of("Partner", partner.id()), "startsOn", startsOn, "currency", "EUR",
				"rebateBands",
				List.of(Map.of("threshold", "1000000", "percent", "2"), Map.of("threshold", "3000000", "percent", "4")),
				"note", "Year-end rebate on the whole yearly volume, credited in January");
	}

}
