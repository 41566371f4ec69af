package com.dealerdesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.billing.BillingApiFixtures.customer;
import static com.dealerdesk.billing.BillingApiFixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The campaign report's money received, from billing's {@code campaign_receipt} view: an
 * invoice's payments shared by its orders' shipments, planned payments of the campaign's
 * orders, rounded once per currency, in the caller's scope.
 */
class CampaignReceiptsTest extends ApiTest {

	@Test
	void reportsMoneyReceivedForACampaignAndTheReturnOnIt() {
		LocalDate today = LocalDate.now(this.clock);
		BillingRows rows = new BillingRows(this.database);
		GraphQlTester admin = as(TestPeople.ADMIN);
		BillingApiFixtures api = new BillingApiFixtures(admin, as(TestPeople.ACCOUNTANT));
		String campaign = admin.document("""
				mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }""")
			.variable("input",
					Map.of("name", unique("Received"), "kind", "PRICE_PROMOTION", "cost",
							Map.of("amount", "100", "currency", "EUR")))
			.execute()
			.path("createCampaign.campaign.id")
			.entity(String.class)
			.get();
		String customer = customer(as(TestPeople.REP), "Campaign buyer");
		// one invoice for a shipment of the campaign's order (100.00) and one of another
		// order (200.00): a third of what is paid of it counts for the campaign
		String ofCampaign = (String) ship(admin, (String) api.order(customer, 1, campaign).get("id")).get("id");
		String other = (String) ship(admin, (String) api.order(customer, 2).get("id")).get("id");
		UUID invoice = GlobalId.requireUuidOf("Invoice",
				as(TestPeople.ACCOUNTANT).documentName("order")
					.operationName("createInvoice")
					.variable("input", Map.of("shipmentIds", List.of(ofCampaign, other)))
					.execute()
					.path("createInvoice.invoice.id")
					.entity(String.class)
					.get());
		// two payments of 100.00: 33.333… each, 66.67 once rounded (not 66.66)
		for (int i = 0; i < 2; i++) {
			rows.allocate(rows.payment(uuid(customer), "RECEIPT", "EUR", "100", today), null, invoice, "100");
		}
		// and 50.00 paid of a planned payment of another order of the campaign
		UUID plan = rows.plan(uuid(customer),
				GlobalId.requireUuidOf("Order", (String) api.order(customer, 1, campaign).get("id")), "EUR");
		rows.allocate(rows.payment(uuid(customer), "RECEIPT", "EUR", "50", today),
				rows.plannedPayment(plan, 1, "100", today), null, "50");

		assertReceived(TestPeople.REP, campaign, List.of("116.67"), 1.1667);
		assertReceived(TestPeople.ACCOUNTANT, campaign, List.of("116.67"), 1.1667);
		assertReceived(TestPeople.REP_OTHER_TEAM, campaign, List.of(), 0.0);
	}

	private void assertReceived(TestUser caller, String campaign, List<String> amounts, double returnOnCost) {
		GraphQlTester.Response report = as(caller)
			.document("{ campaignReport { campaign { id } receivedAmounts { amount currency } returnOnCost } }")
			.execute();
		String row = "campaignReport[?(@.campaign.id == '" + campaign + "')]";
		report.path(row + ".receivedAmounts[*].amount")
			.entityList(String.class)
			.containsExactly(amounts.toArray(new String[0]));
		assertThat(report.path(row + ".returnOnCost").entityList(Double.class).get().get(0)).isCloseTo(returnOnCost,
				offset(0.0001));
	}

	private static Map<String, Object> ship(GraphQlTester admin, String order) {
		return OrderFixtures.ship(admin, order, null);
	}

}
