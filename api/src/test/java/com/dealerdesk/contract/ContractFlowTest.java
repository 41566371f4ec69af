package com.dealerdesk.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.product.ProductFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/** The document flow follows contracts: quote → order → contract, from either end. */
class ContractFlowTest extends ContractTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void theFlowRunsFromTheQuoteThroughTheOrderToTheContractAndBack() {
		String product = (String) ProductFixtures
			.program(as(ADMIN), "F" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "PERPETUAL",
					"PER_SEAT")
			.get("id");
		String quoteId = OrderFixtures.acceptedQuote(as(REP), product, LocalDate.now(this.clock));
		Map<String, Object> order = as(REP).documentName("order")
			.operationName("createOrderFromQuote")
			.variable("input", Map.of("quoteId", quoteId))
			.execute()
			.path("createOrderFromQuote.order")
			.entity(MAP)
			.get();
		String orderId = (String) order.get("id");
		String customerId = (String) ((Map<String, Object>) order.get("customer")).get("id");
		String contractId = (String) mutate(REP, "createContract",
				Map.of("customerId", customerId, "title", "Implementation of the order", "orderId", orderId),
				"contract")
			.get("id");

		for (String from : List.of(quoteId, orderId, contractId)) {
			GraphQlTester.Response flow = as(REP).documentName("contract")
				.operationName("documentFlow")
				.variable("id", from)
				.execute();
			flow.path("documentFlow.documents[*].__typename")
				.entityList(String.class)
				.containsExactly("Quote", "Order", "Contract");
			List<Map<String, Object>> links = (List<Map<String, Object>>) (List<?>) flow.path("documentFlow.links")
				.entityList(Map.class)
				.get();
			assertThat(links).containsExactlyInAnyOrder(Map.of("from", quoteId, "to", orderId),
					Map.of("from", orderId, "to", contractId));
		}
		as(PARTNER_A_USER).documentName("contract")
			.operationName("documentFlow")
			.variable("id", contractId)
			.execute()
			.path("documentFlow")
			.valueIsNull();
	}

}
