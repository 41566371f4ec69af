package com.dealerdesk.order;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Outbox events of the document chain, written in the change's transaction. Each carries
 * the customer's partner, so partner integrations receive their customers' documents.
 */
@Component
class DocumentEvents {

	private final OutboxWriter outbox;

	private final CustomerService customers;

	DocumentEvents(OutboxWriter outbox, CustomerService customers) {
		this.outbox = outbox;
		this.customers = customers;
	}

	Mono<Order> order(Actor actor, EventType type, Order order) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Order", order.id()));
		payload.put("number", order.number());
		payload.put("customerId", GlobalId.of("Customer", order.customerId()));
		payload.put("quoteId", order.quoteId() == null ? null : GlobalId.of("Quote", order.quoteId()));
		payload.put("status", order.status());
		payload.put("total", order.total());
		payload.put("version", order.version());
		return append(actor, type, "Order", order.id(), order.version(), order.customerId(), payload).thenReturn(order);
	}

	Mono<Shipment> shipment(Actor actor, EventType type, Shipment shipment) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Shipment", shipment.id()));
		payload.put("number", shipment.number());
		payload.put("orderId", GlobalId.of("Order", shipment.orderId()));
		payload.put("customerId", GlobalId.of("Customer", shipment.customerId()));
		payload.put("shippedOn", shipment.shippedOn().toString());
		payload.put("amount", shipment.amount());
		return append(actor, type, "Shipment", shipment.id(), 1, shipment.customerId(), payload).thenReturn(shipment);
	}

	Mono<Invoice> invoice(Actor actor, EventType type, Invoice invoice) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Invoice", invoice.id()));
		payload.put("number", invoice.number());
		payload.put("customerId", GlobalId.of("Customer", invoice.customerId()));
		payload.put("issuedOn", invoice.issuedOn().toString());
		payload.put("dueOn", invoice.dueOn().toString());
		payload.put("total", invoice.total());
		return append(actor, type, "Invoice", invoice.id(), 1, invoice.customerId(), payload).thenReturn(invoice);
	}

	/** A deletion: only the id and number remain to tell. */
	Mono<Void> deleted(Actor actor, Deleted document, java.util.UUID id, String number, java.util.UUID customerId) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of(document.aggregateType, id));
		payload.put("number", number);
		return append(actor, document.eventType, document.aggregateType, id, 0, customerId, payload).then();
	}

	private Mono<Long> append(Actor actor, EventType type, String aggregateType, java.util.UUID id, int version,
			java.util.UUID customerId, Map<String, Object> payload) {
		return this.customers.customers(actor, java.util.Set.of(customerId))
			.map(found -> java.util.Optional.ofNullable(found.get(customerId)).map(c -> c.partnerId()))
			.flatMap(partner -> this.outbox.append(actor, type, aggregateType, id, version,
					EventOwner.customer(customerId, partner.orElse(null)), payload));
	}

	/** The documents that can be deleted, and the event each deletion writes. */
	enum Deleted {

		ORDER("Order", EventType.ORDER_DELETED), SHIPMENT("Shipment", EventType.SHIPMENT_DELETED),
		INVOICE("Invoice", EventType.INVOICE_DELETED);

		private final String aggregateType;

		private final EventType eventType;

		Deleted(String aggregateType, EventType eventType) {
			this.aggregateType = aggregateType;
			this.eventType = eventType;
		}

	}

}
