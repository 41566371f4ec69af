package com.dealerdesk.platform.pagination;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.CountedStatements;
import com.dealerdesk.support.CountedStatements.Counted;
import com.dealerdesk.support.FinishedSpans;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-parent connections ({@code Customer.licenses} and the like, ADR 0039): each
 * parent gets its own page with its own cursors and {@code hasNextPage}, in the caller's
 * scope, and a page of 30 parents costs as many SQL statements as a page of 3.
 */
class NestedConnectionsTest extends ApiTest {

	private static final String CUSTOMERS = """
			query Nested($tag: String!, $first: Int!, $after: String) {
			  customers(first: $first, filter: { tag: $tag }) { edges { node { name
			    licenses(first: 2, after: $after) { ...page edges { node { serial } } }
			    contracts(first: 2, after: $after) { ...page edges { node { title } } }
			    payments(first: 2, after: $after) { ...page edges { node { number } } }
			    opportunities(first: 2, after: $after) { ...page edges { node { name } } }
			    activities(first: 2, after: $after) { ...page edges { node { subject } } }
			  } } }
			}
			fragment page on PageInfo { hasNextPage endCursor }
			""".replace("...page", "pageInfo { ...page }");

	private static final List<String> FIELDS = List.of("licenses", "contracts", "payments", "opportunities",
			"activities");

	private static final Map<String, String> LABELS = Map.of("licenses", "serial", "contracts", "title", "payments",
			"number", "opportunities", "name", "activities", "subject");

	@Autowired
	private FinishedSpans spans;

	@Test
	void eachCustomerGetsItsOwnFirstChildrenAndAPageOf30CostsWhatAPageOf3Costs() {
		String tag = tag();
		seedCustomers(tag, 30, "t-rep");
		Counted three = send(REP, CUSTOMERS, Map.of("tag", tag, "first", 3));
		Counted thirty = send(REP, CUSTOMERS, Map.of("tag", tag, "first", 30));

		List<Map<String, Object>> customers = nodes(thirty.data(), "customers");
		assertThat(customers).hasSize(30);
		for (int n = 1; n <= 30; n++) {
			Map<String, Object> customer = customers.get(n - 1);
			assertThat(customer.get("name")).isEqualTo(tag + " " + String.format("%02d", n));
			int children = n % 4;
			for (String field : FIELDS) {
				List<String> expected = new ArrayList<>();
				for (int g = 1; g <= Math.min(children, 2); g++) {
					expected.add(label(tag, field, n, g));
				}
				Map<String, Object> connection = map(customer.get(field));
				assertThat(labels(connection, LABELS.get(field))).as(field + " of customer " + n)
					.containsExactlyElementsOf(expected);
				Map<String, Object> pageInfo = map(connection.get("pageInfo"));
				assertThat(pageInfo.get("hasNextPage")).as(field + " of customer " + n).isEqualTo(children > 2);
				assertThat(pageInfo.get("endCursor") != null).isEqualTo(children > 0);
			}
		}
		assertThat(three.statements()).isPositive().isEqualTo(thirty.statements());
	}

	@Test
	void afterOnANestedFieldContinuesEachParentFromTheSameSortKey() {
		String tag = tag();
		seedCustomers(tag, 3, "t-rep");
		Map<String, Object> third = nodes(send(REP, CUSTOMERS, Map.of("tag", tag, "first", 3)).data(), "customers")
			.get(2);
		Map<String, Object> won = nodes(
				send(REP, CUSTOMERS.replace("opportunities(first: 2", "opportunities(status: WON, first: 2"),
						Map.of("tag", tag, "first", 3))
					.data(),
				"customers")
			.get(2);
		assertThat(labels(map(won.get("opportunities")), "name")).isEmpty();
		for (String field : FIELDS) {
			String cursor = (String) map(map(third.get(field)).get("pageInfo")).get("endCursor");
			Map<String, Object> next = map(nodes(send(REP,
					CUSTOMERS.replace(field + "(first: 2, after: $after)", field + "(first: 2, after: $next)")
						.replace("$after: String)", "$after: String, $next: String)"),
					Map.of("tag", tag, "first", 3, "next", cursor))
				.data(), "customers").get(2).get(field));
			assertThat(labels(next, LABELS.get(field))).as(field).containsExactly(label(tag, field, 3, 3));
			assertThat(map(next.get("pageInfo")).get("hasNextPage")).isEqualTo(false);
		}
	}

	@Test
	void aKeysLicensesOfCustomersTheCallerDoesNotSeeStayHiddenAndKeysCostOneStatement() {
		String tag = tag();
		List<UUID> customers = seedCustomers(tag, 30, "t-rep");
		// a license of another team's customer on the first customer's key
		UUID stranger = seedCustomers(tag + "x", 1, "t-rep-3").get(0);
		this.database.sql("""
				insert into license (id, serial, item_id, product_id, customer_id, seats, starts_on, issued_at, key_id)
				select gen_random_uuid(), $1, l.item_id, l.product_id, $2, 1, current_date, now(), l.key_id
				from license l where l.customer_id = $3 limit 1""")
			.bind(0, tag + "-stranger")
			.bind(1, stranger)
			.bind(2, customers.get(0))
			.then()
			.block();
		String query = """
				query Keys($tag: String!, $first: Int!) {
				  protectionKeys(search: $tag, first: $first) { edges { node { keyNumber
				    licenses(first: 5) { pageInfo { hasNextPage } edges { node { serial } } } } } }
				}""";
		Counted three = send(REP, query, Map.of("tag", tag + "-", "first", 3));
		Counted thirty = send(REP, query, Map.of("tag", tag + "-", "first", 30));
		List<Map<String, Object>> keys = nodes(thirty.data(), "protectionKeys");
		Map<String, Object> first = keys.stream()
			.filter(key -> key.get("keyNumber").equals(tag + "-1"))
			.findFirst()
			.orElseThrow();
		assertThat(labels(map(first.get("licenses")), "serial")).containsExactly(label(tag, "licenses", 1, 1));
		assertThat(keys).hasSize(23); // the customers with licenses: n % 4 > 0
		assertThat(three.statements()).isEqualTo(thirty.statements());

		Map<String, Object> seenByAdmin = nodes(send(ADMIN, query, Map.of("tag", tag + "-1", "first", 30)).data(),
				"protectionKeys")
			.stream()
			.filter(key -> key.get("keyNumber").equals(tag + "-1"))
			.findFirst()
			.orElseThrow();
		assertThat(labels(map(seenByAdmin.get("licenses")), "serial"))
			.containsExactlyInAnyOrder(label(tag, "licenses", 1, 1), tag + "-stranger");
	}

	@Test
	void partnerAccountEntriesAndWebhookDeliveriesCostOneStatementForAnyPage() {
		String tag = tag();
		this.database.sql("""
				with p as (insert into partner (id, name)
				           select gen_random_uuid(), $1 || ' ' || n from generate_series(1, 30) n returning id),
				     a as (insert into partner_account (id, partner_id, currency, prepaid)
				           select gen_random_uuid(), id, 'EUR', false from p returning id)
				insert into partner_account_entry (id, account_id, kind, amount, booked_on, reason, created_by)
				select gen_random_uuid(), a.id, 'ADJUSTMENT', g, current_date - g, 'seeded ' || g, 't-admin'
				from a cross join generate_series(1, 3) g""").bind(0, tag).then().block();
		this.database
			.sql("""
					with e as (insert into webhook_endpoint (id, url, secret, position, status, disabled_reason)
					           select gen_random_uuid(), 'https://example.com/' || $1 || '/' || n, 's', 0, 'DISABLED', 'seeded'
					           from generate_series(1, 30) n returning id)
					insert into webhook_delivery (id, endpoint_id, attempt, attempted_at, outcome, latency_ms)
					select gen_random_uuid(), e.id, g, now() - g * interval '1 minute', 'FAILED', 1
					from e cross join generate_series(1, 3) g""")
			.bind(0, tag)
			.then()
			.block();
		String accounts = """
				query Accounts($first: Int!) { partnerAccounts(first: $first) { edges { node { id
				  entries(first: 2) { pageInfo { hasNextPage } edges { node { id } } } } } } }""";
		String endpoints = """
				query Endpoints($first: Int!) { webhookEndpoints(first: $first) { edges { node { url
				  deliveries(first: 2) { pageInfo { hasNextPage } edges { node { attempt } } } } } } }""";
		for (String query : List.of(accounts, endpoints)) {
			Counted three = send(ADMIN, query, Map.of("first", 3));
			Counted thirty = send(ADMIN, query, Map.of("first", 30));
			assertThat(three.statements()).as(query).isEqualTo(thirty.statements());
		}
		UUID partner = this.database.sql("select id from partner where name = $1")
			.bind(0, tag + " 1")
			.map(row -> row.get("id", UUID.class))
			.one()
			.block();
		Map<String, Object> account = nodes(send(ADMIN, """
				query Account($partnerId: ID!) { partnerAccounts(partnerId: $partnerId) { edges { node {
				  entries(first: 2) { pageInfo { hasNextPage } edges { node { reason } } } } } } }""",
				Map.of("partnerId", GlobalId.of("Partner", partner)))
			.data(), "partnerAccounts").get(0);
		assertThat(labels(map(account.get("entries")), "reason")).containsExactly("seeded 1", "seeded 2");
		assertThat(map(map(account.get("entries")).get("pageInfo")).get("hasNextPage")).isEqualTo(true);
		List<Map<String, Object>> seeded = nodes(send(ADMIN, endpoints, Map.of("first", 100)).data(),
				"webhookEndpoints")
			.stream()
			.filter(endpoint -> ((String) endpoint.get("url")).contains(tag))
			.toList();
		assertThat(seeded).hasSize(30).allSatisfy(endpoint -> {
			Map<String, Object> deliveries = map(endpoint.get("deliveries"));
			assertThat(labels(deliveries, "attempt")).containsExactly("1", "2");
			assertThat(map(deliveries.get("pageInfo")).get("hasNextPage")).isEqualTo(true);
		});
	}

	@Test
	void nodesReadsEachTypeOnceKeepsTheOrderAndLeavesWhatTheCallerDoesNotSeeNull() {
		String tag = tag();
		List<String> mine = seedCustomers(tag, 30, "t-rep").stream().map(id -> GlobalId.of("Customer", id)).toList();
		String hidden = GlobalId.of("Customer", seedCustomers(tag + "x", 1, "t-rep-3").get(0));
		String query = """
				query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name } } }""";
		List<String> few = List.of(mine.get(2), hidden, mine.get(0), GlobalId.of("Customer", UUID.randomUUID()));
		List<String> many = new ArrayList<>(mine);
		many.add(1, hidden);
		Counted three = send(REP, query, Map.of("ids", few));
		Counted thirty = send(REP, query, Map.of("ids", many));
		List<Map<String, Object>> nodes = list(three.data().get("nodes"));
		assertThat(nodes).hasSize(4);
		assertThat(nodes.get(0).get("name")).isEqualTo(tag + " 03");
		assertThat(nodes.get(1)).isNull();
		assertThat(nodes.get(2).get("name")).isEqualTo(tag + " 01");
		assertThat(nodes.get(3)).isNull();
		assertThat(list(thirty.data().get("nodes"))).hasSize(31).element(1).isNull();
		assertThat(three.statements()).isEqualTo(thirty.statements());
	}

	/**
	 * Customers {@code tag 01…}, owned by {@code owner}; customer n has n % 4 licenses
	 * (on its key {@code tag-n}), contracts, payments, deals and activities, labelled
	 * {@code n-g}, child g being the first in the field's order.
	 */
	private List<UUID> seedCustomers(String tag, int count, String owner) {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(UUID.randomUUID());
		}
		UUID[] array = ids.toArray(UUID[]::new);
		OffsetDateTime base = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
		run("", """
				insert into customer (id, name, status, owner_id, tags)
				select id, $2 || ' ' || lpad(n::text, 2, '0'), 'PROSPECT', $3, array[$2] from c""", array, tag, owner);
		run("""
				p as (insert into product (id, code, name, kind, license_model, seat_basis)
				      values (gen_random_uuid(), $2, $2, 'PROGRAM', 'PERPETUAL', 'PER_SEAT') returning id),
				o as (insert into sales_order (id, number, customer_id, status, currency, total, created_by)
				      select gen_random_uuid(), $2, id, 'CONFIRMED', 'EUR', 0, 't-admin' from c where n = 1
				      returning id, customer_id),
				ol as (insert into order_line (id, order_id, position, product_id, description, quantity, unit_price,
				                               discount, price)
				       select gen_random_uuid(), o.id, 1, p.id, 'seeded', 1, 0, 0, 0 from o, p returning id),
				s as (insert into shipment (id, number, order_id, customer_id, shipped_on, amount, currency, created_by)
				      select gen_random_uuid(), $2, o.id, o.customer_id, current_date, 0, 'EUR', 't-admin' from o
				      returning id),
				sl as (insert into shipment_line (id, shipment_id, order_line_id, quantity, amount)
				       select gen_random_uuid(), s.id, ol.id, 1, 0 from s, ol returning id),
				keys as (insert into protection_key (id, key_number, name, kind, customer_id)
				         select gen_random_uuid(), $2 || '-' || n, $2 || '-' || n, 'HARDWARE', id from c where n % 4 > 0
				         returning id, customer_id),
				items as (insert into license_item (id, customer_id, shipment_line_id)
				          select gen_random_uuid(), c.id, sl.id from c, sl returning id, customer_id)""", """
				insert into license (id, serial, item_id, product_id, customer_id, seats, starts_on, issued_at, key_id)
				select gen_random_uuid(), $2 || '-L' || k.n || '-' || k.g, items.id, p.id, k.id, 1, current_date,
				       $3::timestamptz - k.n * interval '1 hour' - k.g * interval '1 minute', keys.id
				from k join items on items.customer_id = k.id join keys on keys.customer_id = k.id cross join p""",
				array, tag, base);
		run("", """
				insert into contract (id, number, title, customer_id, status, currency, total, created_by, created_at)
				select gen_random_uuid(), $2 || '-C' || n || '-' || g, $2 || '-C' || n || '-' || g, id, 'DRAFT', 'EUR',
				       1, 't-admin', $3::timestamptz - n * interval '1 hour' - g * interval '1 minute' from k""", array,
				tag, base);
		run("", """
				insert into payment (id, number, kind, customer_id, currency, amount, received_on, method,
				                     idempotency_key, request_fingerprint, created_by, created_at)
				select gen_random_uuid(), $2 || '-P' || n || '-' || g, 'RECEIPT', id, 'EUR', 1, current_date, 'CASH',
				       $2 || n || '-' || g, 'seeded', 't-admin',
				       $3::timestamptz - n * interval '1 hour' - g * interval '1 minute' from k""", array, tag, base);
		run("s as (select st.id, st.pipeline_id from stage st order by st.position limit 1)", """
				insert into opportunity (id, customer_id, name, owner_id, pipeline_id, stage_id, status,
				                         expected_close_date)
				select gen_random_uuid(), k.id, $2 || '-O' || n || '-' || g, 't-rep', s.pipeline_id, s.id, 'OPEN',
				       $3::timestamptz::date + g from k, s""", array, tag, base);
		run("", """
				insert into activity (id, customer_id, kind, subject, occurred_at, owner_id)
				select gen_random_uuid(), id, 'CALL', $2 || '-A' || n || '-' || g,
				       $3::timestamptz - n * interval '1 hour' - g * interval '1 minute', 't-rep' from k""", array, tag,
				base);
		return ids;
	}

	/**
	 * Runs {@code insert} after the common CTEs {@code c (id, n)}, the customers, and
	 * {@code k (id, n, g)}, their n % 4 children each, and {@code ctes}.
	 */
	private void run(String ctes, String insert, UUID[] ids, String tag, Object third) {
		this.database
			.sql("with c as (select id, n::int as n from unnest($1::uuid[]) with ordinality c(id, n)),\n"
					+ "k as (select c.id, c.n, g from c cross join lateral generate_series(1, c.n % 4) g)"
					+ (ctes.isEmpty() ? "" : ",\n" + ctes) + "\n" + insert)
			.bind(0, ids)
			.bind(1, tag)
			.bind(2, third)
			.then()
			.block();
	}

	private static String label(String tag, String field, int n, int g) {
		String letter = switch (field) {
			case "licenses" -> "L";
			case "contracts" -> "C";
			case "payments" -> "P";
			case "opportunities" -> "O";
			default -> "A";
		};
		return tag + "-" + letter + n + "-" + g;
	}

	private Counted send(TestUser user, String query, Map<String, Object> variables) {
		return CountedStatements.send(http(), this.spans, user, query, variables);
	}

	private static String tag() {
		return "N" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static List<Map<String, Object>> nodes(Map<String, Object> data, String field) {
		List<Map<String, Object>> edges = list(map(data.get(field)).get("edges"));
		return edges.stream().map(edge -> map(edge.get("node"))).toList();
	}

	private static List<String> labels(Map<String, Object> connection, String field) {
		List<Map<String, Object>> edges = list(connection.get("edges"));
		return edges.stream().map(edge -> String.valueOf(map(edge.get("node")).get(field))).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return (List<Map<String, Object>>) value;
	}

}
