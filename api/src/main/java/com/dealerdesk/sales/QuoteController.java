package com.dealerdesk.sales;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.partner.PartnerTier;
import com.dealerdesk.partner.PartnerTiers;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import com.dealerdesk.sales.Quote.QuoteStatus;
import com.dealerdesk.sales.QuoteInputs.CreateQuoteInput;
import com.dealerdesk.sales.QuoteInputs.QuoteDecisionInput;
import com.dealerdesk.sales.QuoteInputs.QuotePayload;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class QuoteController {

	private final QuoteService quotes;

	private final OpportunityService opportunities;

	private final ProductService products;

	private final PartnerTiers tiers;

	QuoteController(QuoteService quotes, OpportunityService opportunities, ProductService products,
			PartnerTiers tiers) {
		this.products = products;
		this.tiers = tiers;
		this.quotes = quotes;
		this.opportunities = opportunities;
	}

	@QueryMapping
	Mono<Quote> quote(@Argument String id, @ContextValue Actor actor) {
		UUID uuid = GlobalId.requireUuidOf("Quote", id);
		return uuid == null ? Mono.empty() : this.quotes.quote(actor, uuid);
	}

	@MutationMapping
	Mono<QuotePayload> createQuote(@Argument CreateQuoteInput input, @ContextValue Actor actor) {
		return payload(this.quotes.create(actor, input));
	}

	@MutationMapping
	Mono<QuotePayload> acceptQuote(@Argument QuoteDecisionInput input, @ContextValue Actor actor) {
		return payload(this.quotes.decide(actor, input.id(), input.expectedVersion(), QuoteStatus.ACCEPTED));
	}

	@MutationMapping
	Mono<QuotePayload> declineQuote(@Argument QuoteDecisionInput input, @ContextValue Actor actor) {
		return payload(this.quotes.decide(actor, input.id(), input.expectedVersion(), QuoteStatus.DECLINED));
	}

	private static Mono<QuotePayload> payload(Mono<Quote> change) {
		return Payloads.of(() -> change, QuotePayload::new);
	}

	@SchemaMapping(typeName = "Quote")
	String id(Quote quote) {
		return GlobalId.of("Quote", quote.id());
	}

	@BatchMapping(typeName = "Quote")
	Mono<Map<Quote, Opportunity>> opportunity(List<Quote> list, @ContextValue Actor actor) {
		return Batches.load(list, Quote::opportunityId, ids -> this.opportunities.opportunities(actor, ids));
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, List<Quote>>> quotes(List<Opportunity> deals, @ContextValue Actor actor) {
		return this.quotes.ofOpportunities(actor, deals.stream().map(Opportunity::id).toList())
			.map(found -> Batches.listsByKey(deals, item -> item.id(), found));
	}

	@BatchMapping(typeName = "QuoteLine")
	Mono<Map<Quote.Line, Product>> product(List<Quote.Line> lines) {
		return Batches.load(lines, Quote.Line::productId, this.products::byIds);
	}

	@BatchMapping(typeName = "QuoteLine")
	Mono<Map<Quote.Line, PartnerTier>> partnerTier(List<Quote.Line> lines, @ContextValue Actor actor) {
		return Batches.load(lines, Quote.Line::partnerTierId, ids -> this.tiers.byIds(actor, ids));
	}

}
