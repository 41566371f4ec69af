package com.dealerdesk.order;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.campaign.Campaign;
import com.dealerdesk.campaign.CampaignService;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.order.Order.OrderStatus;
import com.dealerdesk.order.OrderInputs.CreateInvoiceInput;
import com.dealerdesk.order.OrderInputs.CreateOrderFromQuoteInput;
import com.dealerdesk.order.OrderInputs.CreateOrderInput;
import com.dealerdesk.order.OrderInputs.CreateShipmentInput;
import com.dealerdesk.order.OrderInputs.DeleteDocumentInput;
import com.dealerdesk.order.OrderInputs.DeleteDocumentPayload;
import com.dealerdesk.order.OrderInputs.DocumentStateInput;
import com.dealerdesk.order.OrderInputs.InvoicePayload;
import com.dealerdesk.order.OrderInputs.ShipmentPayload;
import com.dealerdesk.partner.PartnerTier;
import com.dealerdesk.partner.PartnerTiers;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import com.dealerdesk.sales.Opportunity;
import com.dealerdesk.sales.OpportunityService;
import com.dealerdesk.sales.Quote;
import com.dealerdesk.sales.QuoteService;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The document chain's GraphQL: orders, shipments, invoices, the flow between them. */
@Controller
class OrderController {

	private final OrderService orders;

	private final ShipmentService shipments;

	private final DocumentFlowService flows;

	private final CustomerService customers;

	private final ProductService products;

	private final QuoteService quotes;

	private final OpportunityService deals;

	private final CampaignService campaigns;

	private final UserDirectory users;

	private final PartnerTiers tiers;

	OrderController(OrderService orders, ShipmentService shipments, DocumentFlowService flows,
			CustomerService customers, ProductService products, QuoteService quotes, OpportunityService deals,
			CampaignService campaigns, UserDirectory users, PartnerTiers tiers) {
		this.tiers = tiers;
		this.orders = orders;
		this.shipments = shipments;
		this.flows = flows;
		this.customers = customers;
		this.products = products;
		this.quotes = quotes;
		this.deals = deals;
		this.campaigns = campaigns;
		this.users = users;
	}

	// ---- queries

	@QueryMapping
	Mono<Order> order(@Argument String id, @ContextValue Actor actor) {
		return one(GlobalId.requireUuidOf("Order", id), ids -> this.orders.orders(actor, ids));
	}

	@QueryMapping
	Mono<Connection<Order>> orders(@Argument String customerId, @Argument OrderStatus status, @Argument Integer first,
			@Argument String after, @ContextValue Actor actor) {
		return this.orders.page(actor, customerId, status, first, after);
	}

	@QueryMapping
	Mono<Shipment> shipment(@Argument String id, @ContextValue Actor actor) {
		return one(GlobalId.requireUuidOf("Shipment", id), ids -> this.shipments.shipments(actor, ids));
	}

	@QueryMapping
	Mono<Invoice> invoice(@Argument String id, @ContextValue Actor actor) {
		return one(GlobalId.requireUuidOf("Invoice", id), ids -> this.shipments.invoices(actor, ids));
	}

	@QueryMapping
	Mono<Connection<Invoice>> invoices(@Argument String customerId, @Argument Integer first, @Argument String after,
			@ContextValue Actor actor) {
		return this.shipments.invoicePage(actor, customerId, first, after);
	}

	@QueryMapping
	Mono<DocumentFlow> documentFlow(@Argument String id, @ContextValue Actor actor) {
		return this.flows.flow(actor, id);
	}

	// ---- mutations

	@MutationMapping
	Mono<OrderPayload> createOrder(@Argument CreateOrderInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.orders.create(actor, input), OrderPayload::new);
	}

	@MutationMapping
	Mono<OrderPayload> createOrderFromQuote(@Argument CreateOrderFromQuoteInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.orders.createFromQuote(actor, input), OrderPayload::new);
	}

	@MutationMapping
	Mono<OrderPayload> cancelOrder(@Argument DocumentStateInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.orders.cancel(actor, input), OrderPayload::new);
	}

	@MutationMapping
	Mono<ShipmentPayload> createShipment(@Argument CreateShipmentInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.shipments.ship(actor, input), ShipmentPayload::new);
	}

	@MutationMapping
	Mono<InvoicePayload> createInvoice(@Argument CreateInvoiceInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.shipments.invoice(actor, input), InvoicePayload::new);
	}

	@MutationMapping
	Mono<DeleteDocumentPayload> deleteDocument(@Argument DeleteDocumentInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.flows.delete(actor, input), DeleteDocumentPayload::new);
	}

	// ---- Order

	@SchemaMapping(typeName = "Order")
	String id(Order order) {
		return GlobalId.of("Order", order.id());
	}

	@BatchMapping(typeName = "Order")
	Mono<Map<Order, Customer>> customer(List<Order> list, @ContextValue Actor actor) {
		return Batches.load(list, Order::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "Order")
	Mono<Map<Order, Opportunity>> opportunity(List<Order> list, @ContextValue Actor actor) {
		return Batches.load(list, Order::opportunityId, ids -> this.deals.opportunities(actor, ids));
	}

	@BatchMapping(typeName = "Order")
	Mono<Map<Order, Quote>> quote(List<Order> list, @ContextValue Actor actor) {
		return Batches.load(list, Order::quoteId, ids -> this.quotes.quotes(actor, ids));
	}

	@BatchMapping(typeName = "Order")
	Mono<Map<Order, Campaign>> campaign(List<Order> list, @ContextValue Actor actor) {
		return Batches.load(list, Order::campaignId, ids -> this.campaigns.byIds(actor, ids));
	}

	@BatchMapping(typeName = "Order")
	Mono<Map<Order, List<Shipment>>> shipments(List<Order> list) {
		return this.shipments.ofOrders(list.stream().map(Order::id).toList())
			.map(found -> Batches.listsByKey(list, Order::id, found));
	}

	@BatchMapping(typeName = "Order")
	Mono<Map<Order, User>> createdBy(List<Order> list, @ContextValue Actor actor) {
		return Batches.load(list, Order::createdBy, ids -> this.users.byIds(actor, ids));
	}

	@SchemaMapping(typeName = "OrderLine")
	String id(Order.Line line) {
		return GlobalId.of("OrderLine", line.id());
	}

	@BatchMapping(typeName = "OrderLine")
	Mono<Map<Order.Line, Product>> product(List<Order.Line> lines) {
		return Batches.load(lines, Order.Line::productId, this.products::byIds);
	}

	@BatchMapping(typeName = "OrderLine")
	Mono<Map<Order.Line, PartnerTier>> partnerTier(List<Order.Line> lines, @ContextValue Actor actor) {
		return Batches.load(lines, Order.Line::partnerTierId, ids -> this.tiers.byIds(actor, ids));
	}

	// ---- Shipment

	@SchemaMapping(typeName = "Shipment")
	String id(Shipment shipment) {
		return GlobalId.of("Shipment", shipment.id());
	}

	@BatchMapping(typeName = "Shipment")
	Mono<Map<Shipment, Order>> order(List<Shipment> list, @ContextValue Actor actor) {
		return Batches.load(list, Shipment::orderId, ids -> this.orders.orders(actor, ids));
	}

	@BatchMapping(typeName = "Shipment", field = "customer")
	Mono<Map<Shipment, Customer>> shipmentCustomer(List<Shipment> list, @ContextValue Actor actor) {
		return Batches.load(list, Shipment::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "Shipment")
	Mono<Map<Shipment, Invoice>> invoice(List<Shipment> list, @ContextValue Actor actor) {
		return Batches.load(list, Shipment::invoiceId, ids -> this.shipments.invoices(actor, ids));
	}

	@BatchMapping(typeName = "Shipment", field = "createdBy")
	Mono<Map<Shipment, User>> shipmentCreatedBy(List<Shipment> list, @ContextValue Actor actor) {
		return Batches.load(list, Shipment::createdBy, ids -> this.users.byIds(actor, ids));
	}

	@SchemaMapping(typeName = "ShipmentLine")
	String id(Shipment.Line line) {
		return GlobalId.of("ShipmentLine", line.id());
	}

	@BatchMapping(typeName = "ShipmentLine")
	Mono<Map<Shipment.Line, Order.Line>> orderLine(List<Shipment.Line> lines) {
		return Batches.load(lines, Shipment.Line::orderLineId, this.shipments::orderLines);
	}

	// ---- Invoice

	@SchemaMapping(typeName = "Invoice")
	String id(Invoice invoice) {
		return GlobalId.of("Invoice", invoice.id());
	}

	@BatchMapping(typeName = "Invoice", field = "customer")
	Mono<Map<Invoice, Customer>> invoiceCustomer(List<Invoice> list, @ContextValue Actor actor) {
		return Batches.load(list, Invoice::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "Invoice", field = "shipments")
	Mono<Map<Invoice, List<Shipment>>> invoiceShipments(List<Invoice> list) {
		return this.shipments.ofInvoices(list.stream().map(Invoice::id).toList())
			.map(found -> Batches.listsByKey(list, Invoice::id, found));
	}

	@BatchMapping(typeName = "Invoice", field = "createdBy")
	Mono<Map<Invoice, User>> invoiceCreatedBy(List<Invoice> list, @ContextValue Actor actor) {
		return Batches.load(list, Invoice::createdBy, ids -> this.users.byIds(actor, ids));
	}

	// ---- Quote

	@BatchMapping(typeName = "Quote")
	Mono<Map<Quote, List<Order>>> orders(List<Quote> list, @ContextValue Actor actor) {
		return this.orders.ordersOfQuotes(actor, list.stream().map(Quote::id).toList())
			.map(found -> Batches.listsByKey(list, Quote::id, found));
	}

	private static <T> Mono<T> one(UUID id, java.util.function.Function<Set<UUID>, Mono<Map<UUID, T>>> loader) {
		return id == null ? Mono.empty() : loader.apply(Set.of(id)).mapNotNull(found -> found.get(id));
	}

}
