package com.dealerdesk.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's search: a license matches by the beginning of its serial, of its key's
 * number, or by its customer's name, each read by its own branch of one statement, and
 * the page stays exact newest first (ADR 0043).
 */
class LicenseSearchTest extends ApiTest {

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Test
	void matchesByCustomerKeyOrSerialEachLicenseOnceAndPagesNewestFirst() {
		String word = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		String named = OrderFixtures.customer(as(REP), "Searched " + word);
		String other = OrderFixtures.customer(as(REP), unique("Unrelated"));
		List<String> byName = issue(named, null, 2);
		// on a key of the named customer: matched by the name and by the key number
		List<String> byNameAndKey = issue(named, key(named, word + "-A"), 1);
		List<String> byKey = issue(other, key(other, word + "-B"), 2);
		List<String> unmatched = issue(other, null, 1);

		List<Map<String, Object>> all = page(word, 20, null).path("licenses.edges[*].node").entity(LIST).get();
		List<String> ids = all.stream().map(license -> (String) license.get("id")).toList();
		assertThat(ids).containsExactlyInAnyOrderElementsOf(concat(byName, byNameAndKey, byKey))
			.doesNotContainAnyElementsOf(unmatched);

		// pages of two follow the same order, each license once
		List<String> paged = new ArrayList<>();
		String after = null;
		for (int pages = 0; pages < 5; pages++) {
			GraphQlTester.Response response = page(word, 2, after);
			paged.addAll(response.path("licenses.edges[*].node.id").entityList(String.class).get());
			if (!response.path("licenses.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				break;
			}
			after = response.path("licenses.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(paged).containsExactlyElementsOf(ids);

		// the serial branch: the beginning of the unmatched license's serial, as typed
		String serial = serialOf(unmatched.get(0));
		assertThat(all(page(serial.substring(0, 8).toLowerCase(), 20, null))).contains(unmatched.get(0));
	}

	@Test
	void aTextMatchingManyCustomersIsFoundByWalkingTheNewestLicensesWithTheSamePage() {
		String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		// more customers with the word than the registry reads one by one, none with
		// licenses
		this.database.sql("""
				insert into customer (id, name, status, owner_id, tags)
				select gen_random_uuid(), 'Crowd ' || $1 || ' ' || n, 'PROSPECT', 't-rep-3', '{}'
				from generate_series(1, $2) n""")
			.bind(0, word)
			.bind(1, LicenseRepository.FEW_MATCHING_CUSTOMERS + 1)
			.then()
			.block();
		String named = OrderFixtures.customer(as(REP), "Searched " + word);
		List<String> licenses = issue(named, null, 3);
		issue(OrderFixtures.customer(as(REP), unique("Unrelated")), null, 1);

		List<String> paged = new ArrayList<>();
		String after = null;
		for (int pages = 0; pages < 5 && (pages == 0 || after != null); pages++) {
			GraphQlTester.Response response = page(word, 2, after);
			paged.addAll(all(response));
			after = response.path("licenses.pageInfo.hasNextPage").entity(Boolean.class).get()
					? response.path("licenses.pageInfo.endCursor").entity(String.class).get() : null;
		}
		assertThat(paged).containsExactlyInAnyOrderElementsOf(licenses)
			.containsExactlyElementsOf(all(page(word, 20, null)));
	}

	@Test
	void aShortSearchMatchesTheBeginningOfCustomerNamesAndSerials() {
		String prefix = "ъ" + (char) ('a' + Math.floorMod(UUID.randomUUID().hashCode(), 26));
		String customer = OrderFixtures.customer(as(REP), prefix + " " + UUID.randomUUID());
		List<String> licenses = issue(customer, null, 1);
		assertThat(all(page(prefix.toUpperCase(), 50, null))).containsExactlyElementsOf(licenses);
	}

	private static List<String> all(GraphQlTester.Response page) {
		return page.path("licenses.edges[*].node.id").entityList(String.class).get();
	}

	private String serialOf(String licenseId) {
		return as(REP).documentName("license")
			.operationName("license")
			.variable("id", licenseId)
			.execute()
			.path("license.serial")
			.entity(String.class)
			.get();
	}

	private GraphQlTester.Response page(String search, int first, String after) {
		GraphQlTester.Request<?> request = as(REP).documentName("license")
			.operationName("licenses")
			.variable("first", first);
		if (search != null) {
			request = request.variable("search", search);
		}
		if (after != null) {
			request = request.variable("after", after);
		}
		return request.execute();
	}

	/** Ships {@code machines} licenses of a new per-machine program to the customer. */
	private List<String> issue(String customer, String keyId, int machines) {
		String product = (String) ProductFixtures
			.program(as(ADMIN), "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "PERPETUAL",
					"PER_MACHINE")
			.get("id");
		GraphQlTester.Response order = as(REP).documentName("order")
			.operationName("createOrder")
			.variable("input",
					Map.of("customerId", customer, "currency", "EUR", "lines",
							List.of(Map.of("productId", product, "quantity", machines))))
			.execute();
		String orderId = order.path("createOrder.order.id").entity(String.class).get();
		Map<String, Object> shipment = OrderFixtures.ship(as(REP), orderId, null);
		Map<String, Object> input = keyId == null ? Map.of("shipmentId", shipment.get("id"))
				: Map.of("shipmentId", shipment.get("id"), "keyId", keyId);
		return as(REP).documentName("license")
			.operationName("issueLicenses")
			.variable("input", input)
			.execute()
			.path("issueLicenses.licenses[*].id")
			.entityList(String.class)
			.get();
	}

	private String key(String customer, String number) {
		return as(REP).documentName("license")
			.operationName("createProtectionKey")
			.variable("input",
					Map.of("customerId", customer, "keyNumber", number, "name", "Dongle", "kind", "HARDWARE"))
			.execute()
			.path("createProtectionKey.key.id")
			.entity(String.class)
			.get();
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		List<String> all = new ArrayList<>();
		for (List<String> list : lists) {
			all.addAll(list);
		}
		return all;
	}

}
