package com.dealerdesk.channel;

import com.dealerdesk.channel.CustomerConversionService.ConvertCustomerToPartnerInput;
import com.dealerdesk.channel.CustomerConversionService.ConvertCustomerToPartnerPayload;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class CustomerConversionController {

	private final CustomerConversionService service;

	CustomerConversionController(CustomerConversionService service) {
		this.service = service;
	}

	@MutationMapping
	Mono<ConvertCustomerToPartnerPayload> convertCustomerToPartner(@Argument ConvertCustomerToPartnerInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.service.convert(actor, input), ConvertCustomerToPartnerPayload::new);
	}

}
