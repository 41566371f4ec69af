package com.dealerdesk.billing;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.billing.PaymentSplit.TriggerEvent;
import com.dealerdesk.contract.ContractTerms;
import com.dealerdesk.platform.milestone.Milestone;
import com.dealerdesk.platform.milestone.MilestoneListener;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Planned payments waiting for a milestone get their due date (the milestone's date plus
 * their offset) when it is reached, in the transaction that reached it; each once (only
 * those not triggered yet), on the active plans only.
 */
@Component
class PaymentPlanMilestones implements MilestoneListener {

	private final PaymentPlanRepository plans;

	private final ContractTerms contracts;

	private final LicensePaymentBindings licenses;

	private final PaymentEvents events;

	private final PaymentPlanService service;

	PaymentPlanMilestones(PaymentPlanRepository plans, ContractTerms contracts, LicensePaymentBindings licenses,
			PaymentEvents events, PaymentPlanService service) {
		this.plans = plans;
		this.contracts = contracts;
		this.licenses = licenses;
		this.events = events;
		this.service = service;
	}

	@Override
	public Mono<Void> milestoneReached(Actor actor, Milestone milestone) {
		// orders placed and cancelled trigger no payment
		if (Arrays.stream(TriggerEvent.values()).noneMatch(trigger -> trigger.name().equals(milestone.kind().name()))) {
			return Mono.empty();
		}
		TriggerEvent event = TriggerEvent.valueOf(milestone.kind().name());
		Flux<UUID> scheduled;
		if (milestone.kind() == Milestone.Kind.SHIPMENT_SENT) {
			Mono<List<UUID>> contractIds = this.contracts.contractsOfOrder(milestone.documentId());
			scheduled = this.plans.trigger(event, "order_id", milestone.documentId(), null, milestone.occurredOn())
				.concatWith(contractIds.flatMapMany(Flux::fromIterable)
					.concatMap(contractId -> this.plans.trigger(event, "contract_id", contractId, null,
							milestone.occurredOn())));
		}
		else {
			scheduled = this.plans.trigger(event, "contract_id", milestone.documentId(), milestone.stageId(),
					milestone.occurredOn());
		}
		return scheduled.collectList().flatMap(ids -> ids.isEmpty() ? Mono.empty() : announce(actor, ids));
	}

	private Mono<Void> announce(Actor actor, List<UUID> ids) {
		return this.plans.plannedPayments(Actor.SYSTEM, ids, this.service.today())
			.flatMap(found -> this.service.plans(Actor.SYSTEM, found.values().stream().map(p -> p.planId()).toList())
				.flatMapMany(plans -> Flux.fromIterable(ids)
					.map(found::get)
					.concatMap(planned -> this.events.plannedPayment(actor, EventType.PLANNED_PAYMENT_SCHEDULED,
							planned, plans.get(planned.planId()).version())))
				.then())
			.then(this.licenses.extendAfterPayment(actor, Set.copyOf(ids)));
	}

}
