package com.dealerdesk.bench.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.BiFunction;

import tools.jackson.databind.json.JsonMapper;

/**
 * One measured operation: a GraphQL document with random variables from the samples, and
 * the pgbench script (bench/src/main/resources/pgbench/) that fetches or writes the same
 * data by hand-written SQL.
 *
 * @param name short name, used in the table, for {@code -Dops=} and {@code -Dprofile-op=}
 * @param query the GraphQL document
 * @param variables the request's variables, drawn from the samples
 * @param script the pgbench script's file name
 */
record Operation(String name, String sample, String query,
		BiFunction<SplittableRandom, Samples, Map<String, Object>> variables, String script, Samples samples) {

	/**
	 * Whether the schema has {@code Customer.opportunities} (on branch nested of issue
	 * 13): asked by sending a request that uses it.
	 */
	static boolean schemaHasNestedDeals(Driver.Client client, Samples samples) {
		try {
			client
				.send(new Operation("probe", null, "{ customers(first: 1) { edges { node {" + NESTED_DEALS + " } } } }",
						(random, s) -> Map.of(), null, samples));
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** The request body with fresh random variables. */
	String body(SplittableRandom random) {
		return JsonMapper.shared()
			.writeValueAsString(Map.of("query", this.query, "variables", this.variables.apply(random, this.samples)));
	}

	private static final String CUSTOMER_PAGE = """
			query($id: ID!) {
			  customer(id: $id) {
			    id name legalName region status tags version owner { name } partner { name }
			    contacts { id fullName jobTitle emails phones }
			    licenses(first: 25) { edges { node { id serial name seats endsOn status } } }
			    contracts(first: 25) { edges { node { id number title status total { amount currency }
			      paymentPlan { status paid { amount currency } open { amount currency } } } } }
			  }
			  activities(customerId: $id, first: 20) { edges { node { id kind subject occurredAt outcome } } }
			  opportunities(first: 25, filter: {customerId: $id, status: [OPEN]}) {
			    edges { node { id name stage { name } amount { amount currency } expectedCloseDate } } }
			}""";

	/**
	 * A page of customers, each with its contacts and latest licenses; {@code %s} is
	 * where its open deals go when the schema has {@code Customer.opportunities}.
	 */
	private static final String CUSTOMER_LIST = """
			query($first: Int!, $region: String) {
			  customers(first: $first, filter: {region: $region}) { edges { node {
			    id name region status
			    contacts { fullName }
			    licenses(first: 5) { edges { node { serial seats endsOn status } } }%s
			  } } }
			}""";

	private static final String NESTED_DEALS = """

			opportunities(status: OPEN, first: 5) { edges { node { name amount { amount currency } } } }""";

	/**
	 * The operations in the order they are run.
	 * @param nestedDeals whether the schema has {@code Customer.opportunities}: the page
	 * of customers then asks for each one's open deals too
	 * @param ownerId the global id of the vendor's user who owns the customers created
	 * (an integration must name one on its side of the channel)
	 */
	static List<Operation> all(Samples samples, String pipelineId, String ownerId, boolean nestedDeals) {
		LocalDate today = LocalDate.now();
		List<Operation> operations = new ArrayList<>();
		operations.add(new Operation("node", "customer", """
				query($id: ID!) { node(id: $id) { id ... on Customer { name region status version } } }""",
				(random, s) -> Map.of("id", Samples.globalId("Customer", s.pick("customer", random).get("id"))),
				"node.sql", samples));
		operations.add(new Operation("licenseBySerial", "license", """
				query($serial: String!) { licenseBySerial(serial: $serial) {
				  serial seats endsOn status customer { name region } } }""",
				(random, s) -> Map.of("serial", s.pick("license", random).get("serial")), "license-by-serial.sql",
				samples));
		operations.add(new Operation("licenseSearch", "license_search", """
				query($search: String!) { licenses(search: $search, first: 25) { edges { node {
				  serial name seats endsOn status customer { name } } } } }""",
				(random, s) -> Map.of("search", s.pick("license_search", random).get("term")), "license-search.sql",
				samples));
		operations.add(new Operation("customerSearch", "customer", """
				query($search: String!) { customers(first: 25, filter: {search: $search}) { edges { node {
				  id name region status } } } }""",
				(random, s) -> Map.of("search", s.pick("customer", random).get("prefix")), "customer-search.sql",
				samples));
		operations.add(new Operation("customerPage", "customer", CUSTOMER_PAGE,
				(random, s) -> Map.of("id", Samples.globalId("Customer", s.pick("customer", random).get("id"))),
				"customer-page.sql", samples));
		for (int first : new int[] { 10, 50 }) {
			operations.add(new Operation("customerList" + first, "customer",
					CUSTOMER_LIST.formatted(nestedDeals ? NESTED_DEALS : ""),
					(random, s) -> Map.of("first", first, "region", s.pick("customer", random).get("region")),
					"customer-list-" + (nestedDeals ? "deals-" : "") + first + ".sql", samples));
		}
		operations.add(new Operation("pipelineReport", null, """
				query($pipelineId: ID) { pipelineReport(pipelineId: $pipelineId) {
				  stage { name } owner { name } currency count amount weightedAmount } }""",
				(random, s) -> Map.of("pipelineId", pipelineId), "pipeline-report.sql", samples));
		// the same report without owners: one row per stage and currency (ADR 0046)
		operations.add(new Operation("pipelineByStage", null, """
				query($pipelineId: ID) { pipelineReport(pipelineId: $pipelineId) {
				  stage { name } currency count amount weightedAmount } }""",
				(random, s) -> Map.of("pipelineId", pipelineId), "pipeline-by-stage.sql", samples));
		operations.add(new Operation("funnelReport", null,
				"""
						query($pipelineId: ID, $from: Date!, $to: Date!) {
						  funnelReport(pipelineId: $pipelineId, from: $from, to: $to) { stage { name } reached conversionToNext } }""",
				(random, s) -> Map.of("pipelineId", pipelineId, "from", today.minusYears(1).toString(), "to",
						today.toString()),
				"funnel-report.sql", samples));
		operations
			.add(new Operation("createCustomer", "customer", """
					mutation($name: String!, $region: String, $ownerId: ID) { createCustomer(input: {name: $name,
					  region: $region, ownerId: $ownerId, status: PROSPECT}) { customer { id version }
					  userErrors { field code message } } }""",
					(random, s) -> Map.of("name", "Load " + UUID.randomUUID(), "region",
							s.pick("customer", random).get("region"), "ownerId", ownerId),
					"create-customer.sql", samples));
		operations.add(new Operation("recordPayment", "payer", """
				mutation($input: RecordPaymentInput!) { recordPayment(input: $input) {
				  payment { id number unallocated { amount currency } } userErrors { field code message } } }""",
				(random, s) -> {
					Map<String, String> payer = s.pick("payer", random);
					return Map.of("input",
							Map.of("idempotencyKey", UUID.randomUUID().toString(), "customerId",
									Samples.globalId("Customer", payer.get("id")), "amount", "1.00", "currency",
									payer.get("currency"), "receivedOn", today.toString(), "method", "BANK_TRANSFER"));
				}, "record-payment.sql", samples));
		return operations;
	}

}
