package com.dealerdesk.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
 * Outbox events of contracts and their plans, written in the change's transaction and
 * owned by the contract's customer (and its partner), so that customer feeds and partner
 * integrations receive them.
 */
@Component
class ContractEvents {

	private final OutboxWriter outbox;

	private final CustomerService customers;

	ContractEvents(OutboxWriter outbox, CustomerService customers) {
		this.outbox = outbox;
		this.customers = customers;
	}

	Mono<Contract> contract(Actor actor, EventType type, Contract contract) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Contract", contract.id()));
		payload.put("number", contract.number());
		payload.put("title", contract.title());
		payload.put("customerId", GlobalId.of("Customer", contract.customerId()));
		payload.put("quoteId", contract.quoteId() == null ? null : GlobalId.of("Quote", contract.quoteId()));
		payload.put("orderId", contract.orderId() == null ? null : GlobalId.of("Order", contract.orderId()));
		payload.put("status", contract.status());
		payload.put("signedOn", contract.signedOn() == null ? null : contract.signedOn().toString());
		payload.put("total", contract.total());
		payload.put("version", contract.version());
		return append(actor, type, contract, contract.version(), payload).thenReturn(contract);
	}

	/** A deletion: only the id and number remain to tell. */
	Mono<Void> deleted(Actor actor, Contract contract) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Contract", contract.id()));
		payload.put("number", contract.number());
		return append(actor, EventType.CONTRACT_DELETED, contract, 0, payload);
	}

	/**
	 * A change of the plan: {@code part} STAGE, WORK, TASK or DEPENDENCY, {@code change}
	 * CREATED, CHANGED, REOPENED or DELETED, the part's id (a dependency's successor,
	 * with its predecessor), and the tasks moved with it.
	 */
	Mono<Void> planChanged(Actor actor, Contract contract, String part, String change, String id, String predecessorId,
			List<Task> movedTasks) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("contractId", GlobalId.of("Contract", contract.id()));
		payload.put("part", part);
		payload.put("change", change);
		payload.put("id", id);
		payload.put("predecessorId", predecessorId);
		payload.put("movedTaskIds", movedTasks.stream().map(task -> GlobalId.of("Task", task.id())).toList());
		return append(actor, EventType.CONTRACT_PLAN_CHANGED, contract, contract.version(), payload);
	}

	Mono<Void> accepted(Actor actor, EventType type, Contract contract, String idField, String id,
			Acceptance acceptance) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("contractId", GlobalId.of("Contract", contract.id()));
		payload.put(idField, id);
		payload.put("acceptedBy", acceptance.acceptedBy());
		payload.put("acceptedAt", acceptance.acceptedAt().toString());
		payload.put("note", acceptance.note());
		return append(actor, type, contract, contract.version(), payload);
	}

	Mono<Void> document(Actor actor, EventType type, Contract contract, ContractDocument document) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("contractId", GlobalId.of("Contract", contract.id()));
		payload.put("documentId", GlobalId.of("ContractDocument", document.id()));
		payload.put("kind", document.kind());
		payload.put("fileName", document.fileName());
		payload.put("contentType", document.contentType());
		payload.put("sizeBytes", document.sizeBytes());
		payload.put("sha256", document.sha256());
		return append(actor, type, contract, contract.version(), payload);
	}

	private Mono<Void> append(Actor actor, EventType type, Contract contract, int version,
			Map<String, Object> payload) {
		UUID customerId = contract.customerId();
		return this.customers.customers(actor, Set.of(customerId))
			.map(found -> Optional.ofNullable(found.get(customerId)).map(Customer::partnerId))
			.flatMap(partner -> this.outbox.append(actor, type, "Contract", contract.id(), version,
					EventOwner.customer(customerId, partner.orElse(null)), payload))
			.then();
	}

}
