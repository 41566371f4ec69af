package com.dealerdesk.sales;

import java.util.UUID;

import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventFeed;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * Live views of deals for open screens: the deal page and the pipeline board. Each event
 * about a deal makes the deal be read again through the caller's scope, so a screen gets
 * the whole object, and nothing it may no longer see.
 */
@Controller
class OpportunitySubscriptions {

	private final EventFeed feed;

	private final OpportunityService deals;

	OpportunitySubscriptions(EventFeed feed, OpportunityService deals) {
		this.feed = feed;
		this.deals = deals;
	}

	@SubscriptionMapping
	Flux<Opportunity> opportunityChanged(@Argument String id, @ContextValue Actor actor) {
		UUID dealId = GlobalId.requireUuidOf("Opportunity", id);
		return Mono.justOrEmpty(dealId)
			.flatMap(known -> this.deals.opportunity(actor, known))
			.switchIfEmpty(Mono.error(() -> new InvalidArgumentException("NOT_FOUND", "No such deal in your scope.")))
			.thenMany(this.feed.live(actor, "Opportunity", dealId))
			// a deal won also had its change event, which already carried it
			.filter(event -> event.type() != EventType.OPPORTUNITY_WON)
			.concatMap(event -> this.deals.opportunity(actor, dealId));
	}

	@SubscriptionMapping
	Flux<Opportunity> pipelineChanged(@Argument String pipelineId, @ContextValue Actor actor) {
		UUID id = GlobalId.requireUuidOf("Pipeline", pipelineId);
		String wanted = id == null ? null : GlobalId.of("Pipeline", id);
		return this.deals.pipelines()
			.filter(pipelines -> pipelines.stream().anyMatch(pipeline -> pipeline.id().equals(id)))
			.switchIfEmpty(Mono.error(() -> new InvalidArgumentException("NOT_FOUND", "No such pipeline.")))
			.thenMany(this.feed.live(actor, "Opportunity"))
			// a deal won also had its change event, which already carried it
			.filter(event -> event.type() != EventType.OPPORTUNITY_WON)
			// the event names the deal's pipeline: read again only the deals of this one
			.filter(event -> event.data().get("pipelineId").equals(wanted))
			.concatMap(event -> this.deals.opportunity(actor, event.aggregateId()))
			.filter(deal -> deal.pipelineId().equals(id));
	}

}
