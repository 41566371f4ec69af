package com.dealerdesk.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.partner.PartnerRegistry;
import com.dealerdesk.partner.PartnerRegistry.Organisation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A customer who starts reselling becomes a partner: a new partner with the customer's
 * organisation (name, legal name, tax id, address), linked to the customer. The customer
 * itself is not touched: it keeps its owner, partner, deals, orders and licenses, so its
 * history reads as before. At most once per customer, held by the partner table's unique
 * former customer. Channel managers and admins of the vendor.
 */
@Service
public class CustomerConversionService {

	/** The statuses a partner may start in. */
	private static final Set<String> FIRST_STATUSES = Set.of("PROSPECTIVE", "ACTIVE");

	private final CustomerService customers;

	private final PartnerRegistry registry;

	private final PartnerDirectory partners;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final TransactionalOperator transaction;

	CustomerConversionService(CustomerService customers, PartnerRegistry registry, PartnerDirectory partners,
			InputValidator validator, OutboxWriter outbox, ReactiveTransactionManager transactions) {
		this.customers = customers;
		this.registry = registry;
		this.partners = partners;
		this.validator = validator;
		this.outbox = outbox;
		this.transaction = TransactionalOperator.create(transactions);
	}

	Mono<Partner> convert(Actor actor, ConvertCustomerToPartnerInput input) {
		return Mono.defer(() -> {
			// partner users create sub-dealers, but only the vendor recruits its
			// customers
			if (actor.isPartner()) {
				throw new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
						"Only the vendor's channel managers and admins make a customer a partner."));
			}
			AccessPolicy.require(actor, Action.CREATE, Subject.PARTNER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
			UUID tierId = (input.tierId() == null) ? null
					: GlobalId.uuidOf("PartnerTier", input.tierId(), errors, "input", "tierId");
			String status = (input.status() == null) ? "PROSPECTIVE" : input.status();
			if (!FIRST_STATUSES.contains(status)) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "A new partner is PROSPECTIVE or ACTIVE.", "input",
						"status"));
			}
			Inputs.rejectIfAny(errors);
			return this.customers.customer(actor, customerId)
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(
						UserError.of(UserErrorCode.NOT_FOUND, "No such customer.", "input", "customerId"))))
				.flatMap(customer -> this.registry.fromCustomer(customerId, organisation(customer), status, tierId)
					.flatMap(partnerId -> converted(actor, customer, partnerId, status, tierId))
					.as(this.transaction::transactional))
				.flatMap(this.partners::byId);
		});
	}

	private static Organisation organisation(Customer customer) {
		return new Organisation(customer.name(), customer.legalName(), customer.taxId(), customer.address());
	}

	private Mono<UUID> converted(Actor actor, Customer customer, UUID partnerId, String status, UUID tierId) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Partner", partnerId));
		payload.put("customerId", GlobalId.of("Customer", customer.id()));
		payload.put("name", customer.name());
		payload.put("legalName", customer.legalName());
		payload.put("taxId", customer.taxId());
		payload.put("address", customer.address());
		payload.put("status", status);
		payload.put("tierId", (tierId == null) ? null : GlobalId.of("PartnerTier", tierId));
		// the new partner's business, not the customer's: the customer's own partner (if
		// any) is not told that its customer now resells
		return this.outbox
			.append(actor, EventType.PARTNER_CONVERTED_FROM_CUSTOMER, "Partner", partnerId, 1,
					EventOwner.partner(partnerId), payload)
			.thenReturn(partnerId);
	}

	record ConvertCustomerToPartnerInput(@NotBlank String customerId, String tierId, String status) {

	}

	record ConvertCustomerToPartnerPayload(Partner partner, List<UserError> userErrors) {

	}

}
