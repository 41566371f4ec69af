package com.dealerdesk.platform.outbox;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event catalogue: one type per meaningful change (docs/events.md shows each
 * payload). The GraphQL enum {@code EventType} has the same names; the outbox stores the
 * dotted name.
 */
public enum EventType {

	CUSTOMER_CREATED("customer.created"),

	CUSTOMER_UPDATED("customer.updated"),

	CUSTOMER_ARCHIVED("customer.archived"),

	CUSTOMER_RESTORED("customer.restored"),

	CONTACT_ADDED("contact.added"),

	CONTACT_UPDATED("contact.updated"),

	CONTACT_REMOVED("contact.removed"),

	ACTIVITY_LOGGED("activity.logged"),

	ACTIVITY_UPDATED("activity.updated"),

	REMINDER_DUE("reminder.due"),

	REMINDER_COMPLETED("reminder.completed"),

	REMINDER_SNOOZED("reminder.snoozed"),

	MAIL_IMPORTED("mail.imported"),

	OPPORTUNITY_CREATED("opportunity.created"),

	OPPORTUNITY_UPDATED("opportunity.updated"),

	OPPORTUNITY_STAGE_CHANGED("opportunity.stage_changed"),

	OPPORTUNITY_WON("opportunity.won"),

	OPPORTUNITY_LOST("opportunity.lost"),

	QUOTE_CREATED("quote.created"),

	QUOTE_ACCEPTED("quote.accepted"),

	QUOTE_DECLINED("quote.declined"),

	CAMPAIGN_CREATED("campaign.created"),

	CAMPAIGN_UPDATED("campaign.updated"),

	PIPELINE_CREATED("pipeline.created"),

	PIPELINE_UPDATED("pipeline.updated"),

	PRODUCT_CREATED("product.created"),

	PRODUCT_UPDATED("product.updated"),

	PRODUCT_RETIRED("product.retired"),

	PRODUCT_REACTIVATED("product.reactivated"),

	ORDER_CREATED("order.created"),

	ORDER_UPDATED("order.updated"),

	ORDER_CANCELLED("order.cancelled"),

	ORDER_DELETED("order.deleted"),

	SHIPMENT_CREATED("shipment.created"),

	SHIPMENT_DELETED("shipment.deleted"),

	INVOICE_CREATED("invoice.created"),

	INVOICE_DELETED("invoice.deleted"),

	LICENSE_ISSUED("license.issued"),

	LICENSE_RENEWED("license.renewed"),

	LICENSE_EXTENDED("license.extended"),

	LICENSE_UPGRADED("license.upgraded"),

	LICENSE_MOVED("license.moved"),

	LICENSE_SUSPENDED("license.suspended"),

	LICENSE_RESUMED("license.resumed"),

	LICENSE_REVOKED("license.revoked"),

	LICENSE_EXPIRING("license.expiring"),

	PROTECTION_KEY_CREATED("protection_key.created"),

	PROTECTION_KEY_REPLACED("protection_key.replaced"),

	WEBHOOK_ENDPOINT_DISABLED("webhook_endpoint.disabled"),

	CONTRACT_CREATED("contract.created"),

	CONTRACT_UPDATED("contract.updated"),

	CONTRACT_STATUS_CHANGED("contract.status_changed"),

	CONTRACT_DELETED("contract.deleted"),

	CONTRACT_DOCUMENT_ADDED("contract.document_added"),

	CONTRACT_DOCUMENT_REMOVED("contract.document_removed"),

	CONTRACT_PLAN_CHANGED("contract.plan_changed"),

	CONTRACT_WORK_ACCEPTED("contract.work_accepted"),

	CONTRACT_STAGE_ACCEPTED("contract.stage_accepted"),

	// billing: payment plans, payments and refunds
	PAYMENT_PLAN_CREATED("payment_plan.created"),

	PAYMENT_PLAN_RENEGOTIATED("payment_plan.renegotiated"),

	PLANNED_PAYMENT_SCHEDULED("planned_payment.scheduled"),

	PLANNED_PAYMENT_OVERDUE("planned_payment.overdue"),

	PLANNED_PAYMENT_WRITTEN_OFF("planned_payment.written_off"),

	PAYMENT_RECORDED("payment.recorded"),

	PAYMENT_ALLOCATED("payment.allocated"),

	REFUND_RECORDED("refund.recorded"),

	LICENSE_PAYMENT_PLAN_BOUND("license.payment_plan_bound"),

	// binding a license to a payment plan ends it earlier
	LICENSE_SHORTENED("license.shortened"),

	// channel: agreements and customers who became partners
	PARTNER_AGREEMENT_CREATED("partner_agreement.created"),

	PARTNER_AGREEMENT_UPDATED("partner_agreement.updated"),

	PARTNER_CONVERTED_FROM_CUSTOMER("partner.converted_from_customer"),

	// channel: deal registrations
	DEAL_REGISTRATION_SUBMITTED("deal_registration.submitted"),

	DEAL_REGISTRATION_APPROVED("deal_registration.approved"),

	DEAL_REGISTRATION_REJECTED("deal_registration.rejected"),

	DEAL_REGISTRATION_WITHDRAWN("deal_registration.withdrawn"),

	DEAL_REGISTRATION_EXPIRED("deal_registration.expired"),

	// channel: partner accounts
	PARTNER_ACCOUNT_OPENED("partner_account.opened"),

	PARTNER_ACCOUNT_UPDATED("partner_account.updated"),

	PARTNER_ACCOUNT_ENTRY_BOOKED("partner_account.entry_booked"),

	// partners: the channel's organisations and their portal users
	PARTNER_CREATED("partner.created"),

	PARTNER_UPDATED("partner.updated"),

	PARTNER_STATUS_CHANGED("partner.status_changed"),

	PARTNER_USER_INVITED("partner_user.invited");

	private static final Map<String, EventType> BY_STORED_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(EventType::storedName, Function.identity()));

	private final String storedName;

	EventType(String storedName) {
		this.storedName = storedName;
	}

	/** The name in {@code outbox_event.type}, e.g. {@code customer.created}. */
	public String storedName() {
		return this.storedName;
	}

	public static Optional<EventType> ofStoredName(String name) {
		return Optional.ofNullable(BY_STORED_NAME.get(name));
	}

}
