package com.dealerdesk.channel;

import java.util.List;
import java.util.Map;

import com.dealerdesk.channel.PartnerAgreementInputs.CreatePartnerAgreementInput;
import com.dealerdesk.channel.PartnerAgreementInputs.PartnerAgreementPayload;
import com.dealerdesk.channel.PartnerAgreementInputs.UpdatePartnerAgreementInput;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class PartnerAgreementController {

	private final PartnerAgreementService service;

	private final PartnerDirectory partners;

	PartnerAgreementController(PartnerAgreementService service, PartnerDirectory partners) {
		this.service = service;
		this.partners = partners;
	}

	@MutationMapping
	Mono<PartnerAgreementPayload> createPartnerAgreement(@Argument CreatePartnerAgreementInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.service.create(actor, input), PartnerAgreementPayload::new);
	}

	@MutationMapping
	Mono<PartnerAgreementPayload> updatePartnerAgreement(@Argument UpdatePartnerAgreementInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.service.update(actor, input), PartnerAgreementPayload::new);
	}

	/** Latest first; a partner's callers see their own and their sub-dealers'. */
	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, List<PartnerAgreement>>> agreements(List<Partner> partners, @ContextValue Actor actor) {
		return this.service.ofPartners(actor, partners.stream().map(Partner::id).distinct().toList())
			.map(found -> Batches.listsByKey(partners, Partner::id, found));
	}

	@SchemaMapping(typeName = "PartnerAgreement")
	String id(PartnerAgreement agreement) {
		return GlobalId.of(PartnerAgreementService.TYPE, agreement.id());
	}

	@BatchMapping(typeName = "PartnerAgreement")
	Mono<Map<PartnerAgreement, Partner>> partner(List<PartnerAgreement> agreements) {
		return Batches.load(agreements, PartnerAgreement::partnerId, this.partners::byIds);
	}

}
