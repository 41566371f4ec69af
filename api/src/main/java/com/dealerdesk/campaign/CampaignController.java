package com.dealerdesk.campaign;

import java.util.List;
import java.util.Map;

import com.dealerdesk.campaign.CampaignInputs.CampaignPayload;
import com.dealerdesk.campaign.CampaignInputs.CreateCampaignInput;
import com.dealerdesk.campaign.CampaignInputs.UpdateCampaignInput;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class CampaignController {

	private final CampaignService service;

	CampaignController(CampaignService service) {
		this.service = service;
	}

	@QueryMapping
	Mono<List<Campaign>> campaigns(@ContextValue Actor actor) {
		return this.service.campaigns(actor);
	}

	@MutationMapping
	Mono<CampaignPayload> createCampaign(@Argument CreateCampaignInput input, @ContextValue Actor actor) {
		return payload(this.service.create(actor, input));
	}

	@MutationMapping
	Mono<CampaignPayload> updateCampaign(@Argument UpdateCampaignInput input, @ContextValue Actor actor) {
		return payload(this.service.update(actor, input));
	}

	@SchemaMapping(typeName = "Campaign")
	String id(Campaign campaign) {
		return GlobalId.of("Campaign", campaign.id());
	}

	private static Mono<CampaignPayload> payload(Mono<Campaign> change) {
		return Payloads.of(() -> change, CampaignPayload::new);
	}

}
