package com.dealerdesk.partner;

import com.dealerdesk.platform.graphql.GlobalId;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class PartnerController {

	@SchemaMapping(typeName = "Partner")
	String id(Partner partner) {
		return GlobalId.of("Partner", partner.id());
	}

}
