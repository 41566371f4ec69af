package com.dealerdesk.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;

/** The payloads of the partner events (docs/events.md). */
final class PartnerEvents {

	private PartnerEvents() {
	}

	static Map<String, Object> payload(Partner partner, List<Territory> territories) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of(PartnerDirectory.TYPE, partner.id()));
		payload.put("name", partner.name());
		payload.put("legalName", partner.legalName());
		payload.put("taxId", partner.taxId());
		payload.put("country", partner.country());
		payload.put("status", partner.status());
		payload.put("tierId", partner.tierId() == null ? null : GlobalId.of(PartnerTiers.TYPE, partner.tierId()));
		payload.put("parentId",
				partner.parentId() == null ? null : GlobalId.of(PartnerDirectory.TYPE, partner.parentId()));
		payload.put("territories", territories.stream().map(territory -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("region", territory.region());
			entry.put("industry", territory.industry());
			return entry;
		}).toList());
		payload.put("version", partner.version());
		return payload;
	}

}
