package com.dealerdesk.channel;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer who starts reselling becomes a partner with the customer's organisation, at
 * most once (ten conversions at once make one partner), and the customer's own record and
 * history stay exactly as they were.
 */
class CustomerConversionApiTest extends ApiTest {

	private String customerId;

	private UUID customer;

	@BeforeEach
	void aCustomerOfARep() {
		PartnerAgreementFixtures.registerChannelManager(this.database);
		this.customerId = as(TestPeople.REP).document("""
				mutation($input: CreateCustomerInput!) {
				  createCustomer(input: $input) { customer { id } userErrors { code } }
				}""")
			.variable("input",
					Map.of("name", unique("Reselling customer"), "legalName", "Reselling Customer GmbH", "taxId",
							"DE123456789", "address", "Hauptstraße 1, 80331 München", "region", "Bavaria"))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
		this.customer = GlobalId.requireUuidOf("Customer", this.customerId);
	}

	@Test
	void theCustomerBecomesAPartnerAndKeepsItsHistory() {
		String before = customerRow();
		GraphQlTester.Response response = convert(as(PartnerAgreementFixtures.CHANNEL_MANAGER),
				Map.of("customerId", this.customerId, "status", "ACTIVE"));
		response.path("convertCustomerToPartner.userErrors").entityList(Object.class).hasSize(0);
		String partnerId = response.path("convertCustomerToPartner.partner.id").entity(String.class).get();
		response.path("convertCustomerToPartner.partner.name")
			.entity(String.class)
			.satisfies(name -> assertThat(name).startsWith("Reselling customer"));
		UUID partner = GlobalId.requireUuidOf("Partner", partnerId);
		assertThat(
				count("""
						select count(*) from partner where id = $1 and former_customer_id = $2 and legal_name = 'Reselling Customer GmbH'
						  and tax_id = 'DE123456789' and address = 'Hauptstraße 1, 80331 München' and status = 'ACTIVE'
						  and tier_id is null and parent_id is null""",
						partner, this.customer))
			.isEqualTo(1);
		assertThat(customerRow()).as("the customer's row, untouched").isEqualTo(before);
		assertThat(count("select count(*) from outbox_event where type = 'partner.converted_from_customer'"
				+ " and aggregate_id = $1 and partner_id = $1", partner))
			.isEqualTo(1);

		assertThat(
				outcome(convert(as(PartnerAgreementFixtures.CHANNEL_MANAGER), Map.of("customerId", this.customerId))))
			.isEqualTo("input.customerId=CONFLICT");
	}

	@Test
	void tenConversionsAtOnceMakeOnePartner() {
		List<Map<String, Object>> payloads = Concurrently.mutate(this.port, TestPeople.ADMIN,
				"convertCustomerToPartner", "convertCustomerToPartner", Map.of("customerId", this.customerId));
		Concurrently.assertOneThroughAndTheOthers(payloads, "input.customerId=CONFLICT");
		assertThat(count("select count(*) from partner where former_customer_id = $1", this.customer)).isEqualTo(1);
	}

	@Test
	void onlyTheVendorsChannelPeopleConvertAndBadInputWritesNothing() {
		for (TestUser refused : List.of(TestPeople.REP, TestPeople.MANAGER, TestPeople.PARTNER_A_USER)) {
			assertThat(outcome(convert(as(refused), Map.of("customerId", this.customerId)))).as(refused.subject())
				.isEqualTo("=NOT_ALLOWED");
		}
		GraphQlTester manager = as(PartnerAgreementFixtures.CHANNEL_MANAGER);
		assertThat(outcome(convert(manager,
				Map.of("customerId", this.customerId, "tierId", GlobalId.of("PartnerTier", UUID.randomUUID())))))
			.isEqualTo("input.tierId=NOT_FOUND");
		assertThat(outcome(convert(manager, Map.of("customerId", this.customerId, "status", "SUSPENDED"))))
			.isEqualTo("input.status=INVALID_VALUE");
		assertThat(outcome(convert(manager, Map.of("customerId", GlobalId.of("Customer", UUID.randomUUID())))))
			.isEqualTo("input.customerId=NOT_FOUND");
		assertThat(outcome(convert(manager, Map.of("customerId", "not an id"))))
			.isEqualTo("input.customerId=INVALID_FORMAT");
		assertThat(count("select count(*) from partner where former_customer_id = $1", this.customer)).isZero();
	}

	private String customerRow() {
		return this.database.sql("select row_to_json(c)::text as row from customer c where id = $1")
			.bind(0, this.customer)
			.map(row -> row.get("row", String.class))
			.one()
			.block();
	}

	private static GraphQlTester.Response convert(GraphQlTester tester, Map<String, Object> input) {
		return tester.documentName("convertCustomerToPartner").variable("input", input).execute();
	}

	@SuppressWarnings("unchecked")
	private static String outcome(GraphQlTester.Response response) {
		response.path("convertCustomerToPartner.partner").valueIsNull();
		Map<String, Object> payload = response.path("convertCustomerToPartner")
			.entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
		return Concurrently.outcomes(List.of(payload)).get(0);
	}

}
