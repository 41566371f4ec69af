package com.dealerdesk.license;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shipment's licenses are issued once and a key number is taken once, also when the
 * same request arrives ten times at once.
 */
class LicenseConcurrencyTest extends ApiTest {

	@Test
	void tenIssuesOfOneShipmentsLicensesAtOnceIssueThemOnce() {
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_MACHINE").get("id");
		String customer = OrderFixtures.customer(as(REP), unique("Raced licenses"));
		Map<String, Object> order = OrderFixtures.order(as(REP), customer, product, null, 3);
		String shipment = (String) OrderFixtures.ship(as(REP), (String) order.get("id"), null).get("id");

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "license", "issueLicenses",
				Map.of("shipmentId", shipment));

		Concurrently.assertOneThroughAndTheOthers(answers, "input.shipmentId=CONFLICT");
		assertThat(count("select count(*) from license where shipment_id::text = $1", local(shipment)))
			.as("one license per machine")
			.isEqualTo(3);
		assertThat(count("""
				select count(*) from outbox_event e join license l on l.id = e.aggregate_id
				where l.shipment_id::text = $1 and e.type = 'license.issued'""", local(shipment))).isEqualTo(3);
	}

	@Test
	void tenNewKeysWithOneNumberAtOnceMakeOneKey() {
		String customer = OrderFixtures.customer(as(REP), unique("Raced key"));
		String number = "RACE-" + UUID.randomUUID().toString().substring(0, 8);

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "license", "createProtectionKey",
				Map.of("customerId", customer, "keyNumber", number, "name", "Dongle", "kind", "HARDWARE"));

		Concurrently.assertOneThroughAndTheOthers(answers, "input.keyNumber=CONFLICT");
		assertThat(count("select count(*) from protection_key where key_number = $1", number)).isEqualTo(1);
		assertThat(count("select count(*) from outbox_event where type = 'protection_key.created'"
				+ " and payload->>'keyNumber' = $1", number))
			.isEqualTo(1);
	}

	private static String local(String id) {
		return GlobalId.parse(id).localId();
	}

	private static String code() {
		return "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
