package com.dealerdesk.customer;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.customer.CustomerFixtures.contact;
import static com.dealerdesk.customer.CustomerFixtures.create;
import static com.dealerdesk.customer.CustomerFixtures.input;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/** Listing, filtering, searching and paging customers. */
class CustomerQueryTest extends ApiTest {

	@Test
	void pagesThroughEveryCustomerOnceInEveryOrder() {
		String tag = unique("paging").replace(' ', '-');
		List<String> names = List.of("delta", "Alpha", "charlie", "Bravo", "echo", "alpha", "Foxtrot");
		for (String name : names) {
			create(as(REP), input(name, "tags", List.of(tag)));
		}
		List<String> byName = allPages(tag, Map.of("field", "NAME", "direction", "ASC"));
		// case-insensitive; "Alpha" and "alpha" tie and are ordered by id
		assertThat(byName).containsExactlyInAnyOrderElementsOf(names);
		assertThat(byName.stream().map(String::toLowerCase).toList()).containsExactly("alpha", "alpha", "bravo",
				"charlie", "delta", "echo", "foxtrot");
		assertThat(allPages(tag, Map.of("field", "NAME", "direction", "DESC"))).hasSize(7)
			.startsWith("Foxtrot", "echo");
		assertThat(allPages(tag, Map.of("field", "CREATED_AT", "direction", "ASC"))).containsExactlyElementsOf(names);
		assertThat(allPages(tag, Map.of("field", "UPDATED_AT", "direction", "DESC")))
			.containsExactlyElementsOf(reversed(names));
	}

	private static List<String> reversed(List<String> list) {
		List<String> copy = new ArrayList<>(list);
		java.util.Collections.reverse(copy);
		return copy;
	}

	private List<String> allPages(String tag, Map<String, Object> order) {
		List<String> seen = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 10; page++) {
			GraphQlTester.Response response = as(REP).documentName("customers")
				.variable("first", 3)
				.variable("after", after)
				.variable("filter", Map.of("tag", tag))
				.variable("orderBy", order)
				.execute();
			seen.addAll(response.path("customers.edges[*].node.name").entityList(String.class).get());
			if (!response.path("customers.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				return seen;
			}
			after = response.path("customers.pageInfo.endCursor").entity(String.class).get();
		}
		throw new AssertionError("pagination did not end");
	}

	@Test
	void searchesNamesLegalNamesTaxIdsAndContactNamesInAnyLanguage() {
		String marker = unique("srch").replace(" ", "");
		String id = (String) create(as(REP), input("Северсталь " + marker, "legalName", "ООО «Север» " + marker,
				"taxId", "TAX-" + marker, "contacts",
				List.of(contact("Иван", "Петров", "ivan@sever.example"), contact("伟", "王", "wang@sever.example"))))
			.get("id");

		for (String query : List.of(marker, "северсталь " + marker, "ооо " + marker, "tax-" + marker,
				"ПЕТРОВ " + marker, "王 " + marker, "иван петров " + marker)) {
			assertThat(searchIds(query)).as(query).containsExactly(id);
		}
		assertThat(searchIds("Сидоров " + marker)).isEmpty();
		// LIKE wildcards are matched literally
		assertThat(searchIds("%" + marker.substring(0, 3) + "_")).isEmpty();
	}

	@Test
	void aSearchOfOnlyShortWordsMatchesTheBeginningOfTheName() {
		// words under three characters have no trigram: they are read as the start of the
		// name, from the name index (ADR 0043)
		String start = "ы" + (char) ('a' + Math.floorMod(UUID.randomUUID().hashCode(), 26));
		String marker = unique("short").replace(" ", "");
		String first = (String) create(as(REP), input(start + " " + marker)).get("id");
		String inside = (String) create(as(REP), input(marker + " " + start)).get("id");

		assertThat(searchIds(start.toUpperCase())).containsExactly(first);
		assertThat(searchIds(start + " s")).containsExactly(first);
		// one longer word makes it a search anywhere again
		assertThat(searchIds(start + " " + marker)).containsExactlyInAnyOrder(first, inside);
	}

	@Test
	void filtersByStatusRegionIndustryOwnerAndTagAndCountsMatches() {
		String tag = unique("filter").replace(' ', '-');
		create(as(REP), input(unique("One"), "tags", List.of(tag), "status", "CUSTOMER", "region", "Bavaria",
				"industry", "Manufacturing"));
		create(as(REP), input(unique("Two"), "tags", List.of(tag), "status", "PROSPECT", "region", "Saxony", "industry",
				"Manufacturing"));
		create(as(REP), input(unique("Three"), "tags", List.of(tag), "status", "LOST", "region", "bavaria", "industry",
				"Retail"));

		assertThat(total(Map.of("tag", tag))).isEqualTo(3);
		assertThat(total(Map.of("tag", tag, "status", List.of("CUSTOMER", "LOST")))).isEqualTo(2);
		assertThat(total(Map.of("tag", tag, "region", "BAVARIA"))).isEqualTo(2);
		assertThat(total(Map.of("tag", tag, "industry", "manufacturing", "region", "Saxony"))).isEqualTo(1);
		assertThat(total(Map.of("tag", tag, "ownerIds", List.of(CustomerMutationTest.userId("t-rep"))))).isEqualTo(3);
		assertThat(total(Map.of("tag", tag, "ownerIds", List.of(CustomerMutationTest.userId("t-rep-2"))))).isZero();
	}

	@Test
	void refusesForgedMalformedAndOffsetCursors() {
		String offsetCursor = Base64.getEncoder().encodeToString("O_100000".getBytes());
		String otherOrderCursor = as(REP).documentName("customers")
			.variable("first", 1)
			.variable("orderBy", Map.of("field", "CREATED_AT"))
			.execute()
			.path("customers.pageInfo.endCursor")
			.entity(String.class)
			.get();
		String forgedTimestamp = Base64.getUrlEncoder()
			.encodeToString("k1\nCREATED_AT_ASC\n00000000-0000-4000-8000-000000000001\nyesterday".getBytes());
		for (String cursor : List.of(offsetCursor, "O_100000", "not base64!", "", "a".repeat(5000), otherOrderCursor)) {
			as(REP).documentName("customers")
				.variable("after", cursor)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR");
					assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST");
				}));
		}
		as(REP).documentName("customers")
			.variable("after", forgedTimestamp)
			.variable("orderBy", Map.of("field", "CREATED_AT"))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
	}

	@Test
	void capsThePageSize() {
		for (int first : List.of(-1, 101, 100000)) {
			as(REP).documentName("customers")
				.variable("first", first)
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).singleElement()
					.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_PAGE_SIZE")));
		}
	}

	@Test
	void aSearchWhoseMatchesLieBeyondTheFirstThousandNamesPagesThemFromTheIndexInNameOrder() {
		String tag = unique("far").replace(' ', '-');
		String word = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		// a thousand names before the matches in name order: walking them finds no page
		this.database.sql("""
				insert into customer (id, name, status, owner_id, tags)
				select gen_random_uuid(), 'Aa filler ' || lpad(n::text, 4, '0'), 'PROSPECT', 't-rep-3', array[$1]
				from generate_series(1, 1000) n
				union all
				select gen_random_uuid(), 'Zz ' || $2 || ' ' || n, 'PROSPECT', 't-rep-3', array[$1]
				from generate_series(1, 3) n""").bind(0, tag).bind(1, word).then().block();
		List<String> seen = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 3; page++) {
			GraphQlTester.Response response = as(ADMIN).documentName("customers")
				.variable("first", 2)
				.variable("after", after)
				.variable("filter", Map.of("tag", tag, "search", word.toUpperCase()))
				.execute();
			seen.addAll(response.path("customers.edges[*].node.name").entityList(String.class).get());
			if (!response.path("customers.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				break;
			}
			after = response.path("customers.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(seen).containsExactly("Zz " + word + " 1", "Zz " + word + " 2", "Zz " + word + " 3");
	}

	private List<String> searchIds(String search) {
		return as(REP).documentName("customers")
			.variable("filter", Map.of("search", search))
			.execute()
			.path("customers.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private int total(Map<String, Object> filter) {
		return as(REP).documentName("customersWithCount")
			.variable("filter", filter)
			.execute()
			.path("customers.totalCount")
			.entity(Integer.class)
			.get();
	}

}
