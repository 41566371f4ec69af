package com.dealerdesk.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.order.Order.OrderStatus;
import com.dealerdesk.order.OrderInputs.CreateInvoiceInput;
import com.dealerdesk.order.OrderInputs.CreateShipmentInput;
import com.dealerdesk.order.OrderInputs.ShipmentLineInput;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.milestone.Milestone;
import com.dealerdesk.platform.milestone.Milestones;
import com.dealerdesk.platform.numbering.DocumentNumbers;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipments (all or part of an order) and the invoices that cover them. Shipping locks
 * the order, so two people shipping at once cannot deliver more than was ordered;
 * invoicing locks the shipments, so that none is invoiced twice.
 */
@Service
public class ShipmentService implements NodeFetcher {

	private static final int PAYMENT_TERM_DAYS = 14;

	private final DocumentRepository documents;

	private final DocumentNumbers numbers;

	private final InputValidator validator;

	private final DocumentEvents events;

	private final Milestones milestones;

	private final Clock clock;

	/** Registers a caller never seen before: the documents name their author. */
	private final UserDirectory users;

	ShipmentService(DocumentRepository documents, DocumentNumbers numbers, InputValidator validator,
			DocumentEvents events, Milestones milestones, Clock clock, UserDirectory users) {
		this.documents = documents;
		this.numbers = numbers;
		this.validator = validator;
		this.events = events;
		this.milestones = milestones;
		this.clock = clock;
		this.users = users;
	}

	// ---- reading

	public Mono<Map<UUID, Shipment>> shipments(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.documents.shipments(actor, ids)
			.map(rows -> rows.stream().collect(Collectors.toMap(Shipment::id, Function.identity())));
	}

	public Mono<Map<UUID, Invoice>> invoices(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.documents.invoices(actor, ids)
			.map(rows -> rows.stream().collect(Collectors.toMap(Invoice::id, Function.identity())));
	}

	/** The order lines of shipments already read in scope. */
	public Mono<Map<UUID, Order.Line>> orderLines(Collection<UUID> ids) {
		return this.documents.orderLines(ids);
	}

	/** The date of each order's first shipment, for the orders that have one. */
	public Mono<Map<UUID, LocalDate>> firstShipmentDates(Collection<UUID> orderIds) {
		return this.documents.firstShipmentDates(orderIds);
	}

	Mono<Map<UUID, List<Shipment>>> ofOrders(Collection<UUID> orderIds) {
		return this.documents.shipmentsOfOrders(orderIds);
	}

	Mono<Map<UUID, List<Shipment>>> ofInvoices(Collection<UUID> invoiceIds) {
		return this.documents.shipmentsOfInvoices(invoiceIds);
	}

	Mono<Connection<Invoice>> invoicePage(Actor actor, String customerId, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, DocumentRepository.NEWEST);
		UUID customer = customerId == null ? null : GlobalId.requireUuidOf("Customer", customerId);
		if (customerId != null && customer == null) {
			return Mono.just(page.page(List.of(), ShipmentService::cursor));
		}
		return this.documents.invoicePage(actor, customer, page).map(rows -> page.page(rows, ShipmentService::cursor));
	}

	private static KeysetCursor cursor(Invoice invoice) {
		return new KeysetCursor(DocumentRepository.NEWEST, invoice.createdAt().toString(), invoice.id());
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Shipment", "Invoice");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		if (uuid == null) {
			return Mono.empty();
		}
		return "Shipment".equals(id.type()) ? shipments(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid))
				: invoices(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	/**
	 * Records that a shipment's licenses were issued, within the caller's transaction;
	 * false when they already were.
	 */
	public Mono<Boolean> markLicensesIssued(UUID shipmentId) {
		return this.documents.markLicensesIssued(shipmentId);
	}

	// ---- shipping

	@Transactional
	public Mono<Shipment> ship(Actor actor, CreateShipmentInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.SHIPMENT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID orderId = GlobalId.uuidOf("Order", input.orderId(), errors, "input", "orderId");
		List<UUID> lineIds = new ArrayList<>();
		for (int i = 0; input.lines() != null && i < input.lines().size(); i++) {
			ShipmentLineInput line = input.lines().get(i);
			lineIds.add(line == null || line.orderLineId() == null ? null : GlobalId.uuidOf("OrderLine",
					line.orderLineId(), errors, "input", "lines", String.valueOf(i), "orderLineId"));
		}
		Inputs.rejectIfAny(errors);
		return this.documents.lockOrder(actor, orderId)
			.switchIfEmpty(Mono.error(() -> OrderService.notFound("orderId")))
			.flatMap(order -> {
				if (order.status() == OrderStatus.CANCELLED || order.status() == OrderStatus.SHIPPED) {
					return Mono
						.error(new UserErrorsException(UserError.of(
								UserErrorCode.CONFLICT, order.status() == OrderStatus.CANCELLED
										? "The order is cancelled." : "Everything on this order was shipped.",
								"input", "orderId")));
				}
				Map<UUID, Integer> quantities = quantities(order, input.lines(), lineIds);
				return this.users.requireRegistered(actor)
					.then(this.numbers.next("SHP", LocalDate.now(this.clock).getYear()))
					.map(number -> shipment(actor, order, number, input.shippedOn(), quantities))
					.flatMap(shipment -> this.documents.insertShipment(shipment)
						.thenMany(Flux.fromIterable(quantities.entrySet())
							.concatMap(entry -> this.documents.addShipped(entry.getKey(), entry.getValue())))
						.then(this.documents.setOrderStatus(order.id(), null,
								fullyShipped(order, quantities) ? OrderStatus.SHIPPED : OrderStatus.PARTLY_SHIPPED))
						.then(orderChanged(actor, order.id()))
						// the order's first shipment: what waits for it (a payment
						// falling due)
						// learns of it in this transaction
						.then(order.status() != OrderStatus.OPEN ? Mono.empty()
								: this.milestones.reached(actor,
										new Milestone(Milestone.Kind.SHIPMENT_SENT, order.id(), null,
												shipment.shippedOn())))
						.then(shipments(actor, Set.of(shipment.id())))
						.map(found -> found.get(shipment.id())));
			})
			.flatMap(shipment -> this.events.shipment(actor, EventType.SHIPMENT_CREATED, shipment));
	}

	/** The order's new status and shipped quantities, as an event. */
	Mono<Order> orderChanged(Actor actor, UUID orderId) {
		return this.documents.orders(actor, Set.of(orderId))
			.flatMap(found -> this.events.order(actor, EventType.ORDER_UPDATED, found.get(0)));
	}

	/** What to ship of each line: the given quantities, or everything left. */
	private static Map<UUID, Integer> quantities(Order order, List<ShipmentLineInput> inputs, List<UUID> lineIds) {
		Map<UUID, Order.Line> lines = order.lines()
			.stream()
			.collect(Collectors.toMap(Order.Line::id, Function.identity()));
		Map<UUID, Integer> quantities = new LinkedHashMap<>();
		List<UserError> errors = new ArrayList<>();
		if (inputs == null || inputs.isEmpty()) {
			order.lines()
				.stream()
				.filter(line -> line.remaining() > 0)
				.forEach(line -> quantities.put(line.id(), line.remaining()));
		}
		for (int i = 0; inputs != null && i < inputs.size(); i++) {
			String index = String.valueOf(i);
			Order.Line line = lines.get(lineIds.get(i));
			int quantity = inputs.get(i).quantity();
			if (line == null) {
				errors.add(UserError.of(UserErrorCode.NOT_FOUND, "Not a line of this order.", "input", "lines", index,
						"orderLineId"));
			}
			else if (quantities.containsKey(line.id())) {
				errors.add(UserError.of(UserErrorCode.CONFLICT, "The line is listed twice.", "input", "lines", index,
						"orderLineId"));
			}
			else if (quantity > line.remaining()) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						line.remaining() == 0 ? "This line was shipped in full."
								: "Only " + line.remaining() + " left to ship on this line.",
						"input", "lines", index, "quantity"));
			}
			else {
				quantities.put(line.id(), quantity);
			}
		}
		Inputs.rejectIfAny(errors);
		return quantities;
	}

	private Shipment shipment(Actor actor, Order order, String number, LocalDate shippedOn,
			Map<UUID, Integer> quantities) {
		UUID id = UUID.randomUUID();
		Money total = order.total().zero();
		List<Shipment.Line> lines = new ArrayList<>();
		for (Order.Line line : order.lines()) {
			Integer quantity = quantities.get(line.id());
			if (quantity != null) {
				Money amount = priceOf(line, line.shippedQuantity() + quantity)
					.minus(priceOf(line, line.shippedQuantity()));
				lines.add(new Shipment.Line(UUID.randomUUID(), id, line.id(), quantity, amount));
				total = total.plus(amount);
			}
		}
		return new Shipment(id, number, order.id(), order.customerId(),
				shippedOn == null ? LocalDate.now(this.clock) : shippedOn, total, null, null, actor.subject(), null,
				lines);
	}

	/**
	 * The price of the first {@code shipped} units of a line: the discount is shared pro
	 * rata and rounded, so that the shipments of a line always add up to its price
	 * exactly.
	 */
	static Money priceOf(Order.Line line, int shipped) {
		BigDecimal discountShare = line.discount()
			.amount()
			.multiply(BigDecimal.valueOf(shipped))
			.divide(BigDecimal.valueOf(line.quantity()), line.discount().amount().scale(), RoundingMode.HALF_UP);
		return new Money(line.unitPrice().amount().multiply(BigDecimal.valueOf(shipped)).subtract(discountShare),
				line.unitPrice().currency());
	}

	private static boolean fullyShipped(Order order, Map<UUID, Integer> quantities) {
		return order.lines().stream().allMatch(line -> line.remaining() == quantities.getOrDefault(line.id(), 0));
	}

	// ---- invoicing

	@Transactional
	public Mono<Invoice> invoice(Actor actor, CreateInvoiceInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.INVOICE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; input.shipmentIds() != null && i < input.shipmentIds().size(); i++) {
			UUID id = GlobalId.uuidOf("Shipment", input.shipmentIds().get(i), errors, "input", "shipmentIds",
					String.valueOf(i));
			if (id != null && ids.contains(id)) {
				errors.add(UserError.of(UserErrorCode.CONFLICT, "Listed twice.", "input", "shipmentIds",
						String.valueOf(i)));
			}
			ids.add(id);
		}
		LocalDate issuedOn = input.issuedOn() == null ? LocalDate.now(this.clock) : input.issuedOn();
		LocalDate dueOn = input.dueOn() == null ? issuedOn.plusDays(PAYMENT_TERM_DAYS) : input.dueOn();
		if (dueOn.isBefore(issuedOn)) {
			errors
				.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must not be before the issue date.", "input", "dueOn"));
		}
		Inputs.rejectIfAny(errors);
		return this.documents.lockShipments(actor, new HashSet<>(ids))
			.map(rows -> rows.stream().collect(Collectors.toMap(Shipment::id, Function.identity())))
			.flatMap(found -> {
				List<UserError> problems = new ArrayList<>();
				Shipment first = found.get(ids.get(0));
				for (int i = 0; i < ids.size(); i++) {
					Shipment shipment = found.get(ids.get(i));
					String index = String.valueOf(i);
					if (shipment == null) {
						problems
							.add(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", "shipmentIds", index));
					}
					else if (shipment.invoiceId() != null) {
						problems.add(UserError.of(UserErrorCode.CONFLICT, shipment.number() + " is already invoiced.",
								"input", "shipmentIds", index));
					}
					else if (first != null && (!shipment.customerId().equals(first.customerId())
							|| !shipment.amount().currency().equals(first.amount().currency()))) {
						problems.add(UserError.of(UserErrorCode.INVALID_VALUE,
								"One invoice covers shipments of one customer in one currency.", "input", "shipmentIds",
								index));
					}
				}
				Inputs.rejectIfAny(problems);
				Money total = ids.stream().map(found::get).map(Shipment::amount).reduce(Money::plus).orElseThrow();
				return this.users.requireRegistered(actor)
					.then(this.numbers.next("INV", issuedOn.getYear()))
					.map(number -> new Invoice(UUID.randomUUID(), number, first.customerId(), total.currency(),
							issuedOn, dueOn, total, actor.subject(), null))
					.flatMap(invoice -> this.documents.insertInvoice(invoice)
						.then(this.documents.invoiceShipments(invoice.id(), ids))
						.then(invoices(actor, Set.of(invoice.id())))
						.map(created -> created.get(invoice.id())));
			})
			.flatMap(invoice -> this.events.invoice(actor, EventType.INVOICE_CREATED, invoice));
	}

	/**
	 * Issues an invoice that covers no shipment (a planned payment of a payment plan),
	 * within the caller's transaction: the next INV number, and its INVOICE_CREATED
	 * event. The caller has checked the customer and the amounts.
	 */
	public Mono<Invoice> issueInvoice(Actor actor, UUID customerId, Money total, LocalDate issuedOn, LocalDate dueOn) {
		AccessPolicy.require(actor, Action.CREATE, Subject.INVOICE);
		return this.users.requireRegistered(actor)
			.then(this.numbers.next("INV", issuedOn.getYear()))
			.map(number -> new Invoice(UUID.randomUUID(), number, customerId, total.currency(), issuedOn, dueOn, total,
					actor.subject(), null))
			.flatMap(invoice -> this.documents.insertInvoice(invoice)
				.then(invoices(actor, Set.of(invoice.id())))
				.map(created -> created.get(invoice.id())))
			.flatMap(invoice -> this.events.invoice(actor, EventType.INVOICE_CREATED, invoice));
	}

}
