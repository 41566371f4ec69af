package com.dealerdesk.partner;

import java.util.UUID;

import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;

/**
 * Writes partners for other features: a customer who starts reselling becomes a partner
 * (the channel feature's {@code convertCustomerToPartner}). The caller checks who may;
 * this keeps the partner tables' rules: at most one partner per former customer (a unique
 * constraint, so two conversions at once make one partner) and a tier that exists.
 */
@Service
public class PartnerRegistry {

	private static final String ONE_PER_CUSTOMER = "partner_former_customer_id_key";

	private final DatabaseClient database;

	PartnerRegistry(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The organisation of a customer as a new partner, linked to the customer.
	 * @param status PROSPECTIVE or ACTIVE
	 * @param tierId null for no tier
	 * @return the new partner's id; NOT_FOUND at {@code input.tierId} for an unknown
	 * tier, CONFLICT at {@code input.customerId} when the customer already is a partner
	 */
	public Mono<UUID> fromCustomer(UUID customerId, Organisation organisation, String status, UUID tierId) {
		UUID id = UUID.randomUUID();
		return this.database.sql("""
				insert into partner (id, name, legal_name, tax_id, address, status, tier_id, former_customer_id)
				select $1, $2, $3, $4, $5, $6, $7, $8
				where $7::uuid is null or exists (select 1 from partner_tier t where t.id = $7)
				returning id""")
			.bind(0, id)
			.bind(1, organisation.name())
			.bind(2, Parameter.fromOrEmpty(organisation.legalName(), String.class))
			.bind(3, Parameter.fromOrEmpty(organisation.taxId(), String.class))
			.bind(4, Parameter.fromOrEmpty(organisation.address(), String.class))
			.bind(5, status)
			.bind(6, Parameter.fromOrEmpty(tierId, UUID.class))
			.bind(7, customerId)
			.map(row -> row.get("id", UUID.class))
			.one()
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such partner tier.", "input", "tierId"))))
			.onErrorMap(UniqueViolation.of(ONE_PER_CUSTOMER),
					ex -> new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"This customer already became a partner: a customer becomes one at most once.", "input",
							"customerId")));
	}

	/** What a partner takes over from the customer it grew from. */
	public record Organisation(String name, String legalName, String taxId, String address) {

	}

}
