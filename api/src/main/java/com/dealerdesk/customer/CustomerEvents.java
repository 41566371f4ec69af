package com.dealerdesk.customer;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;

/**
 * Event payloads of the customer area: the object after the change, with the same global
 * ids and field names as the GraphQL API, so integrations need one vocabulary.
 */
final class CustomerEvents {

	private CustomerEvents() {
	}

	static Map<String, Object> payload(Customer customer) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Customer", customer.id()));
		payload.put("name", customer.name());
		payload.put("legalName", customer.legalName());
		payload.put("taxId", customer.taxId());
		payload.put("industry", customer.industry());
		payload.put("region", customer.region());
		payload.put("size", customer.size());
		payload.put("status", customer.status());
		payload.put("ownerId", GlobalId.of("User", customer.ownerId()));
		payload.put("partnerId", customer.partnerId() == null ? null : GlobalId.of("Partner", customer.partnerId()));
		payload.put("tags", customer.tags());
		payload.put("sourceChannel", customer.sourceChannel());
		payload.put("website", customer.website());
		payload.put("email", customer.email());
		payload.put("phone", customer.phone());
		payload.put("address", customer.address());
		payload.put("notes", customer.notes());
		payload.put("sourceCampaignId",
				customer.campaignId() == null ? null : GlobalId.of("Campaign", customer.campaignId()));
		payload.put("archived", customer.archived());
		payload.put("version", customer.version());
		payload.put("createdAt", customer.createdAt().toInstant().toString());
		payload.put("updatedAt", customer.updatedAt().toInstant().toString());
		return payload;
	}

	static Map<String, Object> payload(Contact contact) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Contact", contact.id()));
		payload.put("customerId", GlobalId.of("Customer", contact.customerId()));
		payload.put("firstName", contact.firstName());
		payload.put("lastName", contact.lastName());
		payload.put("jobTitle", contact.jobTitle());
		payload.put("roles", contact.roles());
		payload.put("emails", contact.emails());
		payload.put("phones", contact.phones());
		payload.put("notes", contact.notes());
		payload.put("version", contact.version());
		payload.put("updatedAt", contact.updatedAt().toInstant().toString());
		return payload;
	}

}
