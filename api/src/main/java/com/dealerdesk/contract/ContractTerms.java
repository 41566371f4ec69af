package com.dealerdesk.contract;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.contract.Contract.ContractStatus;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What billing needs to know of contracts to plan their payments: the facts its terms can
 * fall due on, and the contracts' stages to show in a trigger. Billing depends on
 * contracts, never the reverse: contracts tell billing what happened through
 * {@code platform.milestone}.
 */
@Component
public class ContractTerms {

	private final ContractRepository contracts;

	ContractTerms(ContractRepository contracts) {
		this.contracts = contracts;
	}

	/**
	 * The contract's facts, or empty when it does not exist or is outside the actor's
	 * scope.
	 */
	public Mono<ContractFacts> contract(Actor actor, UUID contractId) {
		return this.contracts.contracts(actor, Set.of(contractId))
			.flatMap(found -> Mono.justOrEmpty(found.get(contractId)))
			.flatMap(contract -> this.contracts.stagesOfContracts(Set.of(contractId))
				.map(stages -> facts(contract, stages.getOrDefault(contractId, List.of()))));
	}

	/**
	 * The contracts that rest on an order, whose SHIPMENT_SENT terms fall due with its
	 * first shipment (no scope: billing asks inside the shipping transaction).
	 */
	public Mono<List<UUID>> contractsOfOrder(UUID orderId) {
		return this.contracts.idsOfOrder(orderId);
	}

	/** Contracts by id, in the actor's scope (for a payment plan's contract). */
	public Mono<Map<UUID, Contract>> contracts(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.contracts.contracts(actor, ids);
	}

	/** Stages by id, in the actor's scope (for a payment trigger's stage). */
	public Mono<Map<UUID, ContractStage>> stages(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.contracts.stages(actor, ids);
	}

	private static ContractFacts facts(Contract contract, List<ContractStage> stages) {
		Map<UUID, LocalDate> accepted = new LinkedHashMap<>();
		LocalDate lastAccepted = null;
		for (ContractStage stage : stages) {
			LocalDate on = stage.acceptance() == null ? null
					: stage.acceptance().acceptedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
			accepted.put(stage.id(), on);
			if (on != null && (lastAccepted == null || on.isAfter(lastAccepted))) {
				lastAccepted = on;
			}
		}
		LocalDate completedOn = contract.status() == ContractStatus.COMPLETED ? lastAccepted : null;
		return new ContractFacts(contract.id(), contract.customerId(), contract.total(), contract.signedOn(),
				completedOn, accepted, contract.orderId());
	}

	/**
	 * @param id the contract
	 * @param customerId whose it is
	 * @param total its total, in its currency
	 * @param signedOn the business date it was signed, or null
	 * @param completedOn the business date its last stage was accepted, once it is
	 * completed; null before
	 * @param stages every stage of the contract, to the business date it was accepted (or
	 * null while it is not)
	 * @param orderId the order it rests on, or null: its first shipment triggers
	 * SHIPMENT_SENT terms
	 */
	public record ContractFacts(UUID id, UUID customerId, Money total, LocalDate signedOn, LocalDate completedOn,
			Map<UUID, LocalDate> stages, UUID orderId) {

	}

}
