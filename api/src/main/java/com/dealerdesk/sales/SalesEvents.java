package com.dealerdesk.sales;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;

/** Event payloads of opportunities, in the API's vocabulary. */
final class SalesEvents {

	private SalesEvents() {
	}

	static Map<String, Object> payload(Opportunity opportunity) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Opportunity", opportunity.id()));
		payload.put("customerId", GlobalId.of("Customer", opportunity.customerId()));
		payload.put("name", opportunity.name());
		payload.put("ownerId", GlobalId.of("User", opportunity.ownerId()));
		payload.put("pipelineId", GlobalId.of("Pipeline", opportunity.pipelineId()));
		payload.put("stageId", GlobalId.of("Stage", opportunity.stageId()));
		payload.put("status", opportunity.status());
		payload.put("amount", opportunity.amount());
		payload.put("expectedCloseDate",
				opportunity.expectedCloseDate() == null ? null : opportunity.expectedCloseDate().toString());
		payload.put("competitors", opportunity.competitors());
		payload.put("lostReasonId",
				opportunity.lostReasonId() == null ? null : GlobalId.of("LostReason", opportunity.lostReasonId()));
		payload.put("campaignId",
				opportunity.campaignId() == null ? null : GlobalId.of("Campaign", opportunity.campaignId()));
		payload.put("version", opportunity.version());
		return payload;
	}

}
