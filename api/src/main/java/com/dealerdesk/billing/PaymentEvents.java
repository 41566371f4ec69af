package com.dealerdesk.billing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.billing.PaymentPlan.PlannedPayment;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Billing's outbox events, written in the change's transaction and owned by the customer
 * (and its partner). Money is written as decimal strings.
 */
@Component
class PaymentEvents {

	private final OutboxWriter outbox;

	private final CustomerService customers;

	PaymentEvents(OutboxWriter outbox, CustomerService customers) {
		this.outbox = outbox;
		this.customers = customers;
	}

	Mono<Void> plan(Actor actor, EventType type, PaymentPlan plan, List<PlannedPayment> planned) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("PaymentPlan", plan.id()));
		payload.put("customerId", GlobalId.of("Customer", plan.customerId()));
		payload.put("orderId", plan.orderId() == null ? null : GlobalId.of("Order", plan.orderId()));
		payload.put("contractId", plan.contractId() == null ? null : GlobalId.of("Contract", plan.contractId()));
		payload.put("planVersion", plan.planVersion());
		payload.put("previousVersionId",
				plan.previousId() == null ? null : GlobalId.of("PaymentPlan", plan.previousId()));
		payload.put("total", plan.total());
		payload.put("plannedPayments", planned.stream().map(PaymentEvents::plannedPayment).toList());
		return append(actor, type, "PaymentPlan", plan.id(), plan.version(), plan.customerId(), payload);
	}

	Mono<Void> plannedPayment(Actor actor, EventType type, PlannedPayment planned, int planVersion) {
		return append(actor, type, "PaymentPlan", planned.planId(), planVersion, planned.customerId(),
				plannedPayment(planned));
	}

	Mono<Void> payment(Actor actor, EventType type, Payment payment, List<PaymentAllocation> allocations) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Payment", payment.id()));
		payload.put("number", payment.number());
		payload.put("kind", payment.kind());
		payload.put("customerId", GlobalId.of("Customer", payment.customerId()));
		payload.put("amount", payment.amount());
		payload.put("receivedOn", payment.receivedOn().toString());
		payload.put("method", payment.method());
		payload.put("exchangeRate", payment.exchangeRate());
		payload.put("unallocated", payment.unallocated());
		payload.put("allocations", allocations.stream().map(allocation -> {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("invoiceId",
					allocation.invoiceId() == null ? null : GlobalId.of("Invoice", allocation.invoiceId()));
			each.put("plannedPaymentId", allocation.plannedPaymentId() == null ? null
					: GlobalId.of("PlannedPayment", allocation.plannedPaymentId()));
			each.put("amount", allocation.amount());
			each.put("paymentAmount", allocation.paymentAmount());
			return each;
		}).toList());
		return append(actor, type, "Payment", payment.id(), payment.version(), payment.customerId(), payload);
	}

	Mono<Void> customerEvent(Actor actor, EventType type, String aggregateType, UUID id, int version, UUID customerId,
			Map<String, Object> payload) {
		return append(actor, type, aggregateType, id, version, customerId, payload);
	}

	private static Map<String, Object> plannedPayment(PlannedPayment planned) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("PlannedPayment", planned.id()));
		payload.put("planId", GlobalId.of("PaymentPlan", planned.planId()));
		payload.put("position", planned.position());
		payload.put("label", planned.label());
		payload.put("amount", planned.amount());
		payload.put("paid", planned.paid());
		payload.put("dueOn", planned.dueOn() == null ? null : planned.dueOn().toString());
		payload.put("trigger", planned.trigger() == null ? null : planned.trigger().event());
		payload.put("status", planned.status());
		payload.put("writeOffReason", planned.writeOffReason());
		return payload;
	}

	private Mono<Void> append(Actor actor, EventType type, String aggregateType, UUID id, int version, UUID customerId,
			Map<String, Object> payload) {
		return this.customers.customers(Actor.SYSTEM, Set.of(customerId))
			.map(found -> Optional.ofNullable(found.get(customerId)).map(Customer::partnerId))
			.flatMap(partner -> this.outbox.append(actor, type, aggregateType, id, version,
					EventOwner.customer(customerId, partner.orElse(null)), payload))
			.then();
	}

}
