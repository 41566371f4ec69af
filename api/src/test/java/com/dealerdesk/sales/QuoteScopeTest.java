package com.dealerdesk.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quote is read in its deal's scope, in SQL: another rep's or another partner's quote
 * is absent (not forbidden) by id, through {@code node} and {@code nodes}, on the
 * document endpoint and in the batches that resolve quotes by id and per deal.
 */
class QuoteScopeTest extends ApiTest {

	@Autowired
	private QuoteService quotes;

	@Test
	void anotherRepsQuoteIsAbsentEverywhere() {
		Quoted mine = quote(REP);
		Quoted theirs = quote(REP_OTHER_TEAM);
		assertAbsentFor(REP_OTHER_TEAM, mine, theirs);
		assertBatchesSeeOnlyOwn(new Actor(REP_OTHER_TEAM.subject(), null, Set.of(Role.SALES_REP), null, Set.of()), mine,
				theirs);
	}

	@Test
	void anotherPartnersQuoteIsAbsentEverywhere() {
		Quoted mine = quote(PARTNER_B_USER);
		Quoted theirs = quote(PARTNER_A_USER);
		assertAbsentFor(PARTNER_A_USER, mine, theirs);
		assertBatchesSeeOnlyOwn(
				new Actor(PARTNER_A_USER.subject(), null, Set.of(Role.PARTNER_USER), TestPeople.PARTNER_A, Set.of()),
				mine, theirs);
	}

	/** The outsider sees their own quote and nothing of {@code hidden}. */
	private void assertAbsentFor(TestUser outsider, Quoted hidden, Quoted own) {
		as(outsider).document("query($id: ID!) { quote(id: $id) { id } }")
			.variable("id", hidden.id())
			.execute()
			.path("quote")
			.valueIsNull();
		as(outsider).document("query($id: ID!) { quote(id: $id) { id } }")
			.variable("id", own.id())
			.execute()
			.path("quote.id")
			.entity(String.class)
			.isEqualTo(own.id());
		as(outsider).document("query($id: ID!) { node(id: $id) { id } }")
			.variable("id", hidden.id())
			.execute()
			.path("node")
			.valueIsNull();
		as(outsider).document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
			.variable("ids", List.of(hidden.id(), own.id()))
			.execute()
			.path("nodes")
			.entityList(Object.class)
			.satisfies(nodes -> assertThat(nodes).containsExactly(null, Map.of("id", own.id())));
		as(outsider).document("query($id: ID!) { opportunity(id: $id) { quotes { id } } }")
			.variable("id", hidden.dealId())
			.execute()
			.path("opportunity")
			.valueIsNull();
		for (String format : List.of("html", "pdf")) {
			http().get()
				.uri("/documents/quotes/{id}?format={format}", hidden.id(), format)
				.header("Authorization", "Bearer " + TestTokens.tokenFor(outsider))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		http().get()
			.uri("/documents/quotes/{id}", own.id())
			.header("Authorization", "Bearer " + TestTokens.tokenFor(outsider))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** The batches behind {@code Order.quote} and {@code Opportunity.quotes}. */
	private void assertBatchesSeeOnlyOwn(Actor outsider, Quoted hidden, Quoted own) {
		this.quotes.quotes(outsider, List.of(hidden.uuid(), own.uuid()))
			.as(StepVerifier::create)
			.assertNext(found -> assertThat(found).containsOnlyKeys(own.uuid()))
			.verifyComplete();
		this.quotes.ofOpportunities(outsider, List.of(hidden.dealUuid(), own.dealUuid()))
			.as(StepVerifier::create)
			.assertNext(found -> {
				assertThat(found).containsOnlyKeys(own.dealUuid());
				assertThat(found.get(own.dealUuid())).singleElement()
					.satisfies(quote -> assertThat(quote.lines()).hasSize(1));
			})
			.verifyComplete();
	}

	private Quoted quote(TestUser owner) {
		String customer = as(owner)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", Map.of("name", unique("Scoped quote customer")))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
		String deal = as(owner).document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }")
			.variable("input", Map.of("customerId", customer, "name", "Scoped deal"))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
		String quote = as(owner)
			.document("mutation($input: CreateQuoteInput!) { createQuote(input: $input) { quote { id } } }")
			.variable("input",
					Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
							LocalDate.now(this.clock).plusDays(30).toString(), "lines",
							List.of(Map.of("description", "Seat", "quantity", 1, "listPrice", "100"))))
			.execute()
			.path("createQuote.quote.id")
			.entity(String.class)
			.get();
		return new Quoted(quote, deal);
	}

	private record Quoted(String id, String dealId) {

		UUID uuid() {
			return GlobalId.uuidOf("Quote", this.id);
		}

		UUID dealUuid() {
			return GlobalId.uuidOf("Opportunity", this.dealId);
		}

	}

}
