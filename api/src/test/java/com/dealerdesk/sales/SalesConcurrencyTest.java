package com.dealerdesk.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deals and quotes under requests sent at once: a quote is accepted once and wins its
 * deal once, versions of a quote never share a number, and a deal's history and
 * STALE_VERSION messages come from the row as it is, not from an earlier read.
 */
class SalesConcurrencyTest extends ApiTest {

	@Test
	void tenAcceptancesOfOneQuoteAtOnceAcceptItAndWinTheDealOnce() {
		String deal = deal();
		String quote = quote(deal, "Seats");

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "quote", "acceptQuote",
				Map.of("id", quote, "expectedVersion", 1));

		Concurrently.assertOneThroughAndTheOthers(answers, "input.id=CONFLICT");
		assertThat(count("select count(*) from outbox_event where aggregate_id::text = $1 and type = 'quote.accepted'",
				local(quote)))
			.isEqualTo(1);
		assertThat(count("""
				select count(*) from opportunity_stage_change h join stage s on s.id = h.to_stage_id
				where h.opportunity_id::text = $1 and s.closes_as_won""", local(deal))).as("won once").isEqualTo(1);
		assertThat(count("select count(*) from outbox_event where aggregate_id::text = $1 and type = 'opportunity.won'",
				local(deal)))
			.as("opportunity.won once, by the accepted quote")
			.isEqualTo(1);
	}

	@Test
	void tenNewVersionsOfAQuoteAtOnceTakeTenNumbersAndLeaveOneOpen() {
		String deal = deal();
		Map<String, Object> input = Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
				LocalDate.now(this.clock).plusDays(30).toString(), "lines",
				List.of(Map.of("description", "Seats", "quantity", 1, "listPrice", "100")));

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "quote", "createQuote", input);

		assertThat(Concurrently.outcomes(answers)).containsOnly("ok");
		assertThat(answers.stream().map(answer -> (Integer) ((Map<?, ?>) answer.get("quote")).get("number")))
			.containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(count("select count(*) from quote where opportunity_id::text = $1 and status = 'OPEN'", local(deal)))
			.isEqualTo(1);
	}

	@Test
	void tenQuotesAtOnceOnTwoNewDealsTakeTwoConsecutiveDocumentNumbersSharedByEachDealsVersions() {
		List<String> deals = List.of(deal(), deal());
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (int i = 0; i < Concurrently.TIMES; i++) {
			inputs.add(Map.of("opportunityId", deals.get(i % 2), "currency", "EUR", "validUntil",
					LocalDate.now(this.clock).plusDays(30).toString(), "lines",
					List.of(Map.of("description", "Seats", "quantity", 1, "listPrice", "100"))));
		}

		List<Map<String, Object>> answers = Concurrently.mutateEach(this.port, REP, "quote", "createQuote", inputs);

		assertThat(Concurrently.outcomes(answers)).containsOnly("ok");
		Map<String, List<String>> numbersByDeal = new java.util.HashMap<>();
		for (int i = 0; i < answers.size(); i++) {
			Map<?, ?> quote = (Map<?, ?>) answers.get(i).get("quote");
			numbersByDeal.computeIfAbsent(deals.get(i % 2), deal -> new ArrayList<>())
				.add((String) quote.get("documentNumber"));
		}
		String prefix = "QUO-" + LocalDate.now(this.clock).getYear() + "-";
		List<Integer> series = new ArrayList<>();
		for (List<String> numbers : numbersByDeal.values()) {
			String first = numbers.get(0).replaceFirst("-v\\d+$", "");
			assertThat(first).startsWith(prefix).matches("QUO-\\d{4}-\\d{5}");
			assertThat(numbers).as("every version of a deal keeps its number")
				.containsExactlyInAnyOrder(first + "-v1", first + "-v2", first + "-v3", first + "-v4", first + "-v5");
			series.add(Integer.parseInt(first.substring(prefix.length())));
		}
		assertThat(series).as("two deals, two numbers, no gap").hasSize(2).doesNotHaveDuplicates();
		assertThat(Math.abs(series.get(0) - series.get(1))).isEqualTo(1);
		assertThat(count("select last::bigint from document_counter where kind = 'QUO' and year = $1",
				LocalDate.now(this.clock).getYear()))
			.isEqualTo(Math.max(series.get(0), series.get(1)));
	}

	@Test
	void tenMovesAtTheSameVersionMoveOnceAndTheOthersAreToldTheVersionNow() {
		String deal = deal();

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "sales", "moveOpportunity",
				Map.of("id", deal, "expectedVersion", 1, "stageId", openStages().get(2)));

		Concurrently.assertOneThroughAndTheOthers(answers, "input.expectedVersion=STALE_VERSION");
		assertThat(messages(answers)).hasSize(Concurrently.TIMES - 1)
			.allSatisfy(message -> assertThat(message).contains("now at version 2"));
		assertThat(count("select count(*) from opportunity_stage_change where opportunity_id::text = $1", local(deal)))
			.as("created, then moved once")
			.isEqualTo(2);
	}

	@Test
	void movesWithConsecutiveVersionsAtOnceRecordTheStageEachMoveLeft() {
		String deal = deal();
		List<String> stages = openStages();
		for (int round = 0; round < 3; round++) {
			int version = (int) count("select version::bigint from opportunity where id::text = $1", local(deal));
			List<Map<String, Object>> moves = new ArrayList<>();
			for (int next = version; next < version + Concurrently.TIMES; next++) {
				moves.add(Map.of("id", deal, "expectedVersion", next, "stageId", stages.get(next % stages.size())));
			}
			Concurrently.mutateEach(this.port, REP, "sales", "moveOpportunity", moves);
		}

		List<UUID[]> history = this.database
			.sql("select from_stage_id, to_stage_id from opportunity_stage_change where opportunity_id::text = $1"
					+ " order by id")
			.bind(0, local(deal))
			.map(row -> new UUID[] { row.get("from_stage_id", UUID.class), row.get("to_stage_id", UUID.class) })
			.all()
			.collectList()
			.block();
		assertThat(history).hasSizeGreaterThan(3);
		for (int i = 1; i < history.size(); i++) {
			assertThat(history.get(i)[0]).as("move %d leaves the stage move %d entered", i, i - 1)
				.isEqualTo(history.get(i - 1)[1]);
		}
		assertThat(this.database.sql("select stage_id from opportunity where id::text = $1")
			.bind(0, local(deal))
			.map(row -> row.get(0, UUID.class))
			.one()
			.block()).isEqualTo(history.get(history.size() - 1)[1]);
	}

	// ---- helpers

	private String deal() {
		String customer = OrderFixtures.customer(as(REP), unique("Busy deal customer"));
		return as(REP).documentName("sales")
			.operationName("createOpportunity")
			.variable("input", Map.of("customerId", customer, "name", "Raced deal"))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
	}

	private String quote(String deal, String description) {
		return as(REP).documentName("quote")
			.operationName("createQuote")
			.variable("input",
					Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
							LocalDate.now(this.clock).plusDays(30).toString(), "lines",
							List.of(Map.of("description", description, "quantity", 2, "listPrice", "100"))))
			.execute()
			.path("createQuote.quote.id")
			.entity(String.class)
			.get();
	}

	/** The default pipeline's stages before the first that wins the deal. */
	private List<String> openStages() {
		return as(REP).documentName("sales")
			.operationName("pipelines")
			.execute()
			.path("pipelines[0].stages[?(@.closesAsWon == false)].id")
			.entityList(String.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static List<String> messages(List<Map<String, Object>> answers) {
		return answers.stream()
			.flatMap(answer -> ((List<Map<String, Object>>) answer.get("userErrors")).stream())
			.map(error -> (String) error.get("message"))
			.toList();
	}

	private static String local(String id) {
		return GlobalId.parse(id).localId();
	}

}
