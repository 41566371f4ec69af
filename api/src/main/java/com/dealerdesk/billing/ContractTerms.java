package com.dealerdesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

/**
 * What billing needs to know of a contract to plan its payments, implemented by the
 * contract feature (billing never reads contract tables). When no implementation is
 * present, plans of contracts are refused as "no such contract".
 */
public interface ContractTerms {

	/**
	 * The contract's facts, or empty when it does not exist or is outside the actor's
	 * scope.
	 */
	Mono<ContractFacts> contract(Actor actor, UUID contractId);

	/**
	 * The contracts that rest on an order, whose SHIPMENT_SENT terms fall due with its
	 * first shipment (no scope: billing asks inside the shipping transaction).
	 */
	Mono<List<UUID>> contractsOfOrder(UUID orderId);

	/**
	 * @param id the contract
	 * @param customerId whose it is
	 * @param total its total, in its currency
	 * @param signedOn the business date it was signed, or null
	 * @param completedOn the business date its last stage was accepted, or null
	 * @param stages every stage of the contract, to the business date it was accepted (or
	 * null while it is not)
	 * @param orderId the order it rests on, or null: its first shipment triggers
	 * SHIPMENT_SENT terms
	 */
	record ContractFacts(UUID id, UUID customerId, Money total, LocalDate signedOn, LocalDate completedOn,
			Map<UUID, LocalDate> stages, UUID orderId) {

	}

}
