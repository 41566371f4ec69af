package com.dealerdesk.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.order.Order.OrderStatus;
import com.dealerdesk.order.DocumentRepository.FeatureLink;
import com.dealerdesk.order.OrderInputs.DeleteDocumentInput;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.sales.Quote;
import com.dealerdesk.sales.QuoteService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain as a whole: following it both ways from any document, and deleting a document
 * only when nothing later depends on it.
 */
@Service
class DocumentFlowService {

	private static final Set<String> CHAIN_TYPES = Set.of("Quote", "Order", "Contract", "Shipment", "Invoice",
			"Payment");

	/**
	 * The documents of other features in the chain, by the kind their views name them, in
	 * the order they are listed; loaded through the node fetchers, so this feature does
	 * not depend on theirs.
	 */
	private static final Map<String, String> FEATURE_KINDS = new LinkedHashMap<>(
			Map.of("CONTRACT", "Contract", "PAYMENT", "Payment"));

	private static final Map<String, String> TYPES_OF_KINDS = Map.of("QUOTE", "Quote", "ORDER", "Order", "CONTRACT",
			"Contract", "INVOICE", "Invoice", "PAYMENT", "Payment");

	private final DocumentRepository documents;

	private final QuoteService quotes;

	private final DocumentEvents events;

	private final ShipmentService shipments;

	private final ObjectProvider<NodeFetcher> fetchers;

	DocumentFlowService(DocumentRepository documents, QuoteService quotes, DocumentEvents events,
			ShipmentService shipments, ObjectProvider<NodeFetcher> fetchers) {
		this.shipments = shipments;
		this.documents = documents;
		this.quotes = quotes;
		this.events = events;
		this.fetchers = fetchers;
	}

	Mono<DocumentFlow> flow(Actor actor, String id) {
		GlobalId start = GlobalId.require(id);
		UUID startId = start.asUuid();
		if (startId == null || !CHAIN_TYPES.contains(start.type())) {
			return Mono.empty();
		}
		return this.documents.connected(startId).flatMap(ids -> {
			Mono<List<Order>> orders = this.documents.orders(actor, ids);
			Mono<List<Shipment>> shipments = this.documents.shipments(actor, ids);
			Mono<List<Invoice>> invoices = this.documents.invoices(actor, ids);
			Mono<List<FeatureLink>> links = this.documents.featureLinks(ids);
			return Mono.zip(orders, shipments, invoices, links).flatMap(found -> {
				Set<UUID> quoteIds = found.getT1()
					.stream()
					.map(Order::quoteId)
					.filter(java.util.Objects::nonNull)
					.collect(Collectors.toSet());
				found.getT4()
					.stream()
					.filter(link -> link.fromKind().equals("QUOTE"))
					.forEach(link -> quoteIds.add(link.fromId()));
				if ("Quote".equals(start.type())) {
					quoteIds.add(startId);
				}
				Mono<List<Quote>> visibleQuotes = Flux.fromIterable(quoteIds)
					.concatMap(quoteId -> this.quotes.quote(actor, quoteId))
					.collectSortedList(java.util.Comparator.comparing(Quote::createdAt));
				return Mono.zip(visibleQuotes, featureDocuments(actor, found.getT4()))
					.mapNotNull(more -> assemble(start, startId, more.getT1(), found.getT1(), more.getT2(),
							found.getT2(), found.getT3(), found.getT4()));
			});
		});
	}

	/**
	 * The contracts and payments linked in the chain that the actor sees, by kind, each
	 * fetched by the feature that owns it (none while no feature fetches a kind).
	 */
	private Mono<Map<String, Map<UUID, Object>>> featureDocuments(Actor actor, List<FeatureLink> links) {
		Map<String, Set<UUID>> byKind = new LinkedHashMap<>();
		for (FeatureLink link : links) {
			byKind.computeIfAbsent(link.fromKind(), kind -> new java.util.LinkedHashSet<>()).add(link.fromId());
			byKind.computeIfAbsent(link.toKind(), kind -> new java.util.LinkedHashSet<>()).add(link.toId());
		}
		return Flux.fromIterable(FEATURE_KINDS.entrySet())
			.concatMap(kind -> fetcherOf(kind.getValue())
				.map(fetcher -> Flux.fromIterable(byKind.getOrDefault(kind.getKey(), Set.of()))
					.concatMap(uuid -> fetcher.fetch(actor, new GlobalId(kind.getValue(), uuid.toString()))
						.map(document -> Map.entry(uuid, document)))
					.collectMap(Map.Entry::getKey, Map.Entry::getValue)
					.map(found -> Map.entry(kind.getKey(), found)))
				.orElse(Mono.empty()))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	private java.util.Optional<NodeFetcher> fetcherOf(String typeName) {
		return this.fetchers.orderedStream().filter(fetcher -> fetcher.typeNames().contains(typeName)).findFirst();
	}

	private static DocumentFlow assemble(GlobalId start, UUID startId, List<Quote> quotes, List<Order> orders,
			Map<String, Map<UUID, Object>> featureDocuments, List<Shipment> shipments, List<Invoice> invoices,
			List<FeatureLink> featureLinks) {
		Map<UUID, Object> contracts = featureDocuments.getOrDefault("CONTRACT", Map.of());
		Map<UUID, Object> payments = featureDocuments.getOrDefault("PAYMENT", Map.of());
		List<Object> documents = new ArrayList<>();
		documents.addAll(quotes);
		documents.addAll(orders.stream().sorted(java.util.Comparator.comparing(Order::createdAt)).toList());
		documents.addAll(contracts.values());
		documents.addAll(shipments);
		documents.addAll(invoices);
		documents.addAll(payments.values());
		boolean startVisible = switch (start.type()) {
			case "Quote" -> quotes.stream().anyMatch(quote -> quote.id().equals(startId));
			case "Order" -> orders.stream().anyMatch(order -> order.id().equals(startId));
			case "Contract" -> contracts.containsKey(startId);
			case "Payment" -> payments.containsKey(startId);
			case "Shipment" -> shipments.stream().anyMatch(shipment -> shipment.id().equals(startId));
			default -> invoices.stream().anyMatch(invoice -> invoice.id().equals(startId));
		};
		if (!startVisible) {
			return null;
		}
		Set<UUID> visible = new java.util.HashSet<>(contracts.keySet());
		visible.addAll(payments.keySet());
		quotes.forEach(quote -> visible.add(quote.id()));
		orders.forEach(order -> visible.add(order.id()));
		invoices.forEach(invoice -> visible.add(invoice.id()));
		List<DocumentFlow.Link> links = new ArrayList<>();
		orders.stream()
			.filter(order -> order.quoteId() != null)
			.forEach(order -> links
				.add(new DocumentFlow.Link(GlobalId.of("Quote", order.quoteId()), GlobalId.of("Order", order.id()))));
		shipments.forEach(shipment -> links.add(new DocumentFlow.Link(GlobalId.of("Order", shipment.orderId()),
				GlobalId.of("Shipment", shipment.id()))));
		shipments.stream()
			.filter(shipment -> shipment.invoiceId() != null)
			.forEach(shipment -> links.add(new DocumentFlow.Link(GlobalId.of("Shipment", shipment.id()),
					GlobalId.of("Invoice", shipment.invoiceId()))));
		featureLinks.stream()
			.filter(link -> visible.contains(link.fromId()) && visible.contains(link.toId()))
			.forEach(link -> links
				.add(new DocumentFlow.Link(GlobalId.of(TYPES_OF_KINDS.get(link.fromKind()), link.fromId()),
						GlobalId.of(TYPES_OF_KINDS.get(link.toKind()), link.toId()))));
		return new DocumentFlow(documents, links);
	}

	/** Deletes an order, shipment or invoice that no later document depends on. */
	@Transactional
	public Mono<String> delete(Actor actor, DeleteDocumentInput input) {
		GlobalId id = GlobalId.parse(input.id());
		UUID uuid = id == null ? null : id.asUuid();
		if (uuid == null) {
			return Mono.error(new UserErrorsException(
					UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid id.", "input", "id")));
		}
		Mono<Void> deletion = switch (id.type()) {
			case "Order" -> deleteOrder(actor, uuid);
			case "Shipment" -> deleteShipment(actor, uuid);
			case "Invoice" -> deleteInvoice(actor, uuid);
			default -> Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
					"Only orders, shipments and invoices are deleted here.", "input", "id")));
		};
		return deletion
			// the foreign keys are the last guard: whatever refers to the document keeps
			// it
			.onErrorMap(DataIntegrityViolationException.class, ex -> dependsOn("Other records refer to it"))
			.thenReturn(input.id());
	}

	private Mono<Void> deleteOrder(Actor actor, UUID id) {
		AccessPolicy.require(actor, Action.DELETE, Subject.ORDER);
		return this.documents.lockOrder(actor, id)
			.switchIfEmpty(Mono.error(() -> OrderService.notFound("id")))
			.flatMap(order -> this.documents.shipmentsOfOrders(Set.of(id)).flatMap(shipments -> {
				List<Shipment> made = shipments.getOrDefault(id, List.of());
				if (!made.isEmpty()) {
					return Mono.error(dependsOn("Shipments " + numbers(made) + " were made from it"));
				}
				return this.documents.deleteOrder(id)
					.then(this.events.deleted(actor, DocumentEvents.Deleted.ORDER, id, order.number(),
							order.customerId()));
			}));
	}

	private Mono<Void> deleteShipment(Actor actor, UUID id) {
		AccessPolicy.require(actor, Action.DELETE, Subject.SHIPMENT);
		return this.documents.shipments(actor, Set.of(id))
			.flatMap(found -> Mono.justOrEmpty(found.stream().findFirst()))
			.switchIfEmpty(Mono.error(() -> OrderService.notFound("id")))
			.flatMap(shipment -> {
				if (shipment.invoiceId() != null) {
					return Mono.error(dependsOn("It is invoiced"));
				}
				if (shipment.licensesIssuedAt() != null) {
					return Mono.error(dependsOn("Licenses were issued from it"));
				}
				return this.documents.lockOrder(actor, shipment.orderId())
					.flatMap(order -> Flux.fromIterable(shipment.lines())
						.concatMap(line -> this.documents.addShipped(line.orderLineId(), -line.quantity()))
						.then(this.documents.deleteShipment(id))
						.then(this.documents.setOrderStatus(order.id(), null, statusAfterReturn(order, shipment)))
						.then(this.shipments.orderChanged(actor, order.id())))
					.then(this.events.deleted(actor, DocumentEvents.Deleted.SHIPMENT, id, shipment.number(),
							shipment.customerId()));
			});
	}

	private Mono<Void> deleteInvoice(Actor actor, UUID id) {
		AccessPolicy.require(actor, Action.DELETE, Subject.INVOICE);
		return this.documents.invoices(actor, Set.of(id))
			.flatMap(found -> Mono.justOrEmpty(found.stream().findFirst()))
			.switchIfEmpty(Mono.error(() -> OrderService.notFound("id")))
			.flatMap(invoice -> this.documents.deleteInvoice(id)
				.then(this.events.deleted(actor, DocumentEvents.Deleted.INVOICE, id, invoice.number(),
						invoice.customerId())));
	}

	/** The order's status once a shipment is taken back. */
	private static OrderStatus statusAfterReturn(Order order, Shipment returned) {
		Map<UUID, Integer> back = returned.lines()
			.stream()
			.collect(Collectors.toMap(Shipment.Line::orderLineId, Shipment.Line::quantity));
		boolean anyShipped = order.lines()
			.stream()
			.anyMatch(line -> line.shippedQuantity() - back.getOrDefault(line.id(), 0) > 0);
		return anyShipped ? OrderStatus.PARTLY_SHIPPED : OrderStatus.OPEN;
	}

	private static String numbers(List<Shipment> shipments) {
		return shipments.stream().map(Shipment::number).collect(Collectors.joining(", "));
	}

	private static UserErrorsException dependsOn(String reason) {
		return new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
				reason + ": delete the later documents first, so that no chain is broken.", "input", "id"));
	}

}
