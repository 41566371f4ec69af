package com.dealerdesk.audit;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which tables hold the API's nodes, so that an audited row shows the same {@code id} as
 * {@code node(id:)}, and the {@code record} filter finds a node's rows. Other tables'
 * rows (lines, links, settings) show their key only.
 */
final class AuditRecords {

	private static final Map<String, String> TYPE_OF_TABLE = Map.ofEntries(Map.entry("activity", "Activity"),
			Map.entry("app_user", "User"), Map.entry("campaign", "Campaign"), Map.entry("contact", "Contact"),
			Map.entry("contract", "Contract"), Map.entry("contract_stage", "ContractStage"),
			Map.entry("contract_task", "Task"), Map.entry("contract_work", "ContractWork"),
			Map.entry("customer", "Customer"), Map.entry("deal_registration", "DealRegistration"),
			Map.entry("invoice", "Invoice"), Map.entry("license", "License"), Map.entry("mail_message", "MailMessage"),
			Map.entry("opportunity", "Opportunity"), Map.entry("partner", "Partner"),
			Map.entry("partner_account", "PartnerAccount"), Map.entry("partner_account_entry", "PartnerAccountEntry"),
			Map.entry("partner_agreement", "PartnerAgreement"), Map.entry("partner_tier", "PartnerTier"),
			Map.entry("payment", "Payment"), Map.entry("payment_plan", "PaymentPlan"),
			Map.entry("pipeline", "Pipeline"), Map.entry("planned_payment", "PlannedPayment"),
			Map.entry("product", "Product"), Map.entry("protection_key", "ProtectionKey"), Map.entry("quote", "Quote"),
			Map.entry("sales_order", "Order"), Map.entry("shipment", "Shipment"),
			Map.entry("webhook_endpoint", "WebhookEndpoint"));

	private static final Map<String, String> TABLE_OF_TYPE = TYPE_OF_TABLE.entrySet()
		.stream()
		.collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

	private AuditRecords() {
	}

	/** The node type of a table's rows, or null when they are not nodes. */
	static String typeOf(String table) {
		return TYPE_OF_TABLE.get(table);
	}

	/** The table of a node type, or null when its changes are not audited by row. */
	static String tableOf(String type) {
		return TABLE_OF_TYPE.get(type);
	}

}
