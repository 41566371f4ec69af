package com.dealerdesk.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contracts: made from quotes, orders or by hand, changed, signed, completed, deleted.
 */
class ContractApiTest extends ContractTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void aContractFromAnAcceptedQuoteIsSignedCarriedOutAndCompletedOnceEveryStageIsAccepted() {
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT").get("id");
		String quoteId = OrderFixtures.acceptedQuote(as(REP), product, LocalDate.now(this.clock));
		String customer = as(REP).document("query($id: ID!) { quote(id: $id) { opportunity { customer { id } } } }")
			.variable("id", quoteId)
			.execute()
			.path("quote.opportunity.customer.id")
			.entity(String.class)
			.get();

		Map<String, Object> contract = mutate(REP, "createContract",
				Map.of("customerId", customer, "title", "Roll-out", "quoteId", quoteId), "contract");
		String id = (String) contract.get("id");
		assertThat((String) contract.get("number")).matches("CTR-" + LocalDate.now(this.clock).getYear() + "-\\d{5}");
		assertThat(contract).containsEntry("status", "DRAFT").containsEntry("currency", "EUR");
		// 1093.75 for the seats and 10.00 for the free-text line
		assertThat((Map<String, Object>) contract.get("total")).containsEntry("amount", "1103.75");
		assertThat((Map<String, Object>) contract.get("quote")).containsEntry("id", quoteId);
		assertThat(contract.get("opportunity")).as("the quote's deal").isNotNull();
		assertThat(contract).containsEntry("plannedHours", "0").containsEntry("progress", 0);

		Map<String, Object> renamed = mutate(REP, "updateContract",
				Map.of("id", id, "expectedVersion", 1, "title", "Roll-out, phase 1", "total", "1200"), "contract");
		assertThat(renamed).containsEntry("title", "Roll-out, phase 1").containsEntry("version", 2);
		assertThat(errors(REP, "updateContract", Map.of("id", id, "expectedVersion", 1, "title", "Again")))
			.containsExactly("input.expectedVersion=STALE_VERSION");

		assertThat(errors(REP, "changeContractStatus", Map.of("id", id, "expectedVersion", 2, "status", "SIGNED")))
			.containsExactly("input.signedOn=REQUIRED");
		assertThat(errors(REP, "changeContractStatus",
				Map.of("id", id, "expectedVersion", 2, "status", "SIGNED", "signedOn",
						LocalDate.now(this.clock).plusDays(1).toString())))
			.containsExactly("input.signedOn=INVALID_VALUE");
		assertThat(errors(REP, "changeContractStatus", Map.of("id", id, "expectedVersion", 2, "status", "COMPLETED")))
			.containsExactly("input.status=CONFLICT");
		Map<String, Object> signed = mutate(REP, "changeContractStatus", Map.of("id", id, "expectedVersion", 2,
				"status", "SIGNED", "signedOn", LocalDate.now(this.clock).toString()), "contract");
		assertThat(signed).containsEntry("status", "SIGNED").containsEntry("version", 3);
		assertThat(errors(REP, "updateContract", Map.of("id", id, "expectedVersion", 3, "total", "1")))
			.containsExactly("input.total=CONFLICT");

		assertThat(errors(REP, "changeContractStatus", Map.of("id", id, "expectedVersion", 3, "status", "COMPLETED")))
			.as("a contract without stages is not complete")
			.containsExactly("input.status=CONFLICT");
		String stage = stage(PM, id, "Installation");
		String work = work(PM, stage, "Install servers");
		mutate(PM, "changeContractStatus", Map.of("id", id, "expectedVersion", 3, "status", "IN_PROGRESS"), "contract");
		mutate(PM, "acceptContractWork", Map.of("id", work, "expectedVersion", 1, "note", "Done"), "work");
		mutate(PM, "acceptContractStage", Map.of("id", stage, "expectedVersion", 1), "stage");
		Map<String, Object> completed = mutate(PM, "changeContractStatus",
				Map.of("id", id, "expectedVersion", 4, "status", "COMPLETED"), "contract");
		assertThat(completed).containsEntry("status", "COMPLETED");
		assertThat(errors(PM, "createContractStage", Map.of("contractId", id, "name", "Late stage")))
			.containsExactly("input.contractId=CONFLICT");

		assertThat(count("select count(*) from outbox_event where aggregate_id::text = $1 and type like 'contract.%'",
				local(id)))
			.as("created, updated, signed, stage and work created, in progress, work and stage accepted, completed")
			.isEqualTo(9);
		assertThat(count("select count(*) from outbox_event where aggregate_id::text = $1 and customer_id::text = $2",
				local(id), local(customer)))
			.as("owned by the customer")
			.isEqualTo(9);
	}

	@Test
	void aDraftIsDeletedWithItsPlanASignedOneIsTerminatedWithAReason() {
		Map<String, Object> draft = draft(REP);
		String id = (String) draft.get("id");
		String stage = stage(REP, id, "Only stage");
		task(REP, work(REP, stage, "Only work"), null, "Only task", "2026-03-02", "2026-03-03", "4");
		assertThat(errors(REP_OTHER_TEAM, "deleteContract", Map.of("id", id, "expectedVersion", 1)))
			.containsExactly("input.id=NOT_FOUND");
		assertThat(payload(REP, "deleteContract", Map.of("id", id, "expectedVersion", 1))).containsEntry("deletedId",
				id);
		assertThat(count("select count(*) from contract_task t where t.contract_id::text = $1", local(id))).isZero();

		String other = (String) draft(REP).get("id");
		mutate(REP, "changeContractStatus",
				Map.of("id", other, "expectedVersion", 1, "status", "SIGNED", "signedOn", "2026-01-15"), "contract");
		assertThat(errors(REP, "deleteContract", Map.of("id", other, "expectedVersion", 2)))
			.containsExactly("input.id=CONFLICT");
		assertThat(
				errors(REP, "changeContractStatus", Map.of("id", other, "expectedVersion", 2, "status", "TERMINATED")))
			.containsExactly("input.reason=REQUIRED");
		assertThat(
				mutate(REP, "changeContractStatus",
						Map.of("id", other, "expectedVersion", 2, "status", "TERMINATED", "reason",
								"Customer withdrew"),
						"contract"))
			.containsEntry("status", "TERMINATED")
			.containsEntry("terminationReason", "Customer withdrew");
	}

	@Test
	void refusesBadContractsAndWritesNothing() {
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT").get("id");
		String quoteId = OrderFixtures.acceptedQuote(as(REP), product, LocalDate.now(this.clock));
		String customer = OrderFixtures.customer(as(REP), unique("Careful customer"));
		String openQuote = openQuote(customer);
		long contracts = count("select count(*) from contract");
		long numbers = count("select coalesce(sum(last), 0) from document_counter where kind = 'CTR'");

		assertThat(errors(REP, "createContract",
				Map.of("customerId", customer, "title", "Zero", "currency", "EUR", "total", "0")))
			.containsExactly("input.total=INVALID_VALUE");
		assertThat(errors(REP, "createContract",
				Map.of("customerId", customer, "title", "Odd money", "currency", "EUX", "total", "10")))
			.containsExactly("input.currency=INVALID_VALUE");
		assertThat(errors(REP, "createContract", Map.of("customerId", customer, "title", "Nothing")))
			.containsExactlyInAnyOrder("input.currency=REQUIRED", "input.total=REQUIRED");
		assertThat(
				errors(REP, "createContract", Map.of("customerId", customer, "title", "Not yet", "quoteId", openQuote)))
			.containsExactly("input.quoteId=CONFLICT");
		assertThat(errors(REP, "createContract",
				Map.of("customerId", customer, "title", "Not theirs", "quoteId", quoteId)))
			.containsExactly("input.quoteId=INVALID_VALUE");
		assertThat(errors(REP, "createContract",
				Map.of("customerId", customer, "title", "", "currency", "EUR", "total", "10")))
			.containsExactly("input.title=REQUIRED");
		assertThat(errors(PARTNER_A_USER, "createContract",
				Map.of("customerId", customer, "title", "Not mine", "currency", "EUR", "total", "10")))
			.containsExactly("input.customerId=NOT_FOUND");
		assertThat(errors(PM, "createContract",
				Map.of("customerId", customer, "title", "Planned", "currency", "EUR", "total", "10")))
			.containsExactly("=NOT_ALLOWED");

		assertThat(count("select count(*) from contract")).isEqualTo(contracts);
		assertThat(count("select coalesce(sum(last), 0) from document_counter where kind = 'CTR'"))
			.as("a refused contract takes no number")
			.isEqualTo(numbers);
	}

	@Test
	@SuppressWarnings("unchecked")
	void tenContractsAtOnceGetDistinctGaplessNumbers() {
		String customer = OrderFixtures.customer(as(REP), unique("Busy customer"));
		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "contract", "createContract",
				Map.of("customerId", customer, "title", "Parallel", "currency", "EUR", "total", "10"));
		List<Integer> numbers = new ArrayList<>();
		for (Map<String, Object> answer : answers) {
			assertThat((List<Object>) answer.get("userErrors")).isEmpty();
			String number = (String) ((Map<String, Object>) answer.get("contract")).get("number");
			numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
		}
		Collections.sort(numbers);
		assertThat(numbers).doesNotHaveDuplicates();
		assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(numbers.size() - 1);
	}

	@Test
	void everyoneSeesOnlyTheContractsOfTheirCustomers() {
		String partnerA = (String) draft(PARTNER_A_USER).get("id");
		String partnerB = (String) draft(PARTNER_B_USER).get("id");
		String rep = (String) draft(REP).get("id");
		String otherTeam = (String) draft(REP_OTHER_TEAM).get("id");

		assertThat(contractIds(PARTNER_A_USER)).contains(partnerA).doesNotContain(partnerB, rep, otherTeam);
		assertThat(contractIds(REP)).contains(rep).doesNotContain(partnerA, partnerB, otherTeam);
		assertThat(contractIds(MANAGER)).contains(rep).doesNotContain(otherTeam);
		assertThat(contractIds(PM)).contains(partnerA, partnerB, rep, otherTeam);
		as(PARTNER_B_USER).documentName("contract")
			.operationName("contract")
			.variable("id", partnerA)
			.execute()
			.path("contract")
			.valueIsNull();
		as(PARTNER_B_USER).documentName("contract")
			.operationName("node")
			.variable("id", partnerA)
			.execute()
			.path("node")
			.valueIsNull();
		as(PARTNER_A_USER).documentName("contract")
			.operationName("node")
			.variable("id", partnerA)
			.execute()
			.path("node.__typename")
			.entity(String.class)
			.isEqualTo("Contract");
		assertThat(errors(PARTNER_B_USER, "updateContract", Map.of("id", partnerA, "expectedVersion", 1, "title", "x")))
			.containsExactly("input.id=NOT_FOUND");
	}

	@Test
	@SuppressWarnings("unchecked")
	void customerContractsArePagedPerCustomerInOneRequest() {
		String first = OrderFixtures.customer(as(REP), unique("First"));
		String second = OrderFixtures.customer(as(REP), unique("Second"));
		for (int i = 0; i < 3; i++) {
			draft(REP, first);
		}
		draft(REP, second);
		List<Map<String, Object>> nodes = (List<Map<String, Object>>) (List<?>) as(REP).documentName("contract")
			.operationName("customerContracts")
			.variable("ids", List.of(first, second))
			.variable("first", 2)
			.execute()
			.path("nodes")
			.entityList(Map.class)
			.get();
		Map<String, Object> firstContracts = (Map<String, Object>) nodes.get(0).get("contracts");
		Map<String, Object> secondContracts = (Map<String, Object>) nodes.get(1).get("contracts");
		assertThat((List<Object>) firstContracts.get("edges")).hasSize(2);
		assertThat((Map<String, Object>) firstContracts.get("pageInfo")).containsEntry("hasNextPage", true);
		assertThat((List<Object>) secondContracts.get("edges")).hasSize(1);
		assertThat((Map<String, Object>) secondContracts.get("pageInfo")).containsEntry("hasNextPage", false);
	}

	private List<String> contractIds(com.dealerdesk.support.TestTokens.TestUser user) {
		return as(user).documentName("contract")
			.operationName("contracts")
			.variable("first", 100)
			.execute()
			.path("contracts.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private String openQuote(String customer) {
		String deal = as(REP).document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }")
			.variable("input", Map.of("customerId", customer, "name", "Open deal"))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
		return as(REP).document("mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } } }")
			.variable("input",
					Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
							LocalDate.now(this.clock).plusDays(30).toString(), "lines",
							List.of(Map.of("description", "Work", "quantity", 1, "listPrice", "100"))))
			.execute()
			.path("createQuote.quote.id")
			.entity(String.class)
			.get();
	}

	private static String code() {
		return "K" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
