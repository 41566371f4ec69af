package com.dealerdesk.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import com.dealerdesk.demo.DemoBilling.Mutations;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

/**
 * Northwind's prepaid EUR account, opened by the channel manager with a credit limit of
 * 50,000 EUR, and its prepayment of 1,250,000 EUR two weeks ago, recorded by the
 * accountant through the API. Seeded before {@link DemoAgreements} places Northwind's
 * large order, which is then charged to the account, so the portal shows a payment, a
 * charge and what is left. The agreements start this year: there is no finished year to
 * credit a rebate for.
 */
final class DemoPartnerAccounts {

	private static final String OPEN = """
			mutation($input: OpenPartnerAccountInput!) {
			  openPartnerAccount(input: $input) { account { id } userErrors { field message } }
			}""";

	private static final String PAY = """
			mutation($input: RecordPartnerPaymentInput!) {
			  recordPartnerPayment(input: $input) { entry { id } userErrors { field message } }
			}""";

	private DemoPartnerAccounts() {
	}

	static Mono<Void> seed(Mutations graphql, Actor channelManager, Actor accountant) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return graphql
			.execute(channelManager, OPEN,
					Map.of("partnerId", GlobalId.of("Partner", DemoPeople.NORTHWIND), "currency", "EUR", "prepaid",
							true, "creditLimit", "50000"),
					"openPartnerAccount")
			.map(opened -> (String) ((Map<?, ?>) opened.get("account")).get("id"))
			.flatMap(accountId -> graphql.execute(accountant, PAY,
					Map.of("accountId", accountId, "amount", "1250000", "receivedOn", today.minusDays(14).toString(),
							"reference", "NW-PREPAY-" + today.getYear()),
					"recordPartnerPayment"))
			.then();
	}

}
