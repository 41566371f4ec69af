package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.contract.ContractTerms;
import com.dealerdesk.contract.ContractTerms.ContractFacts;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.billing.PaymentPlan.PlannedPayment;
import com.dealerdesk.billing.PaymentPlan.Status;
import com.dealerdesk.billing.PaymentPlan.Term;
import com.dealerdesk.billing.PaymentPlanInputs.CreatePaymentPlanInput;
import com.dealerdesk.billing.PaymentPlanInputs.InvoicePlannedPaymentInput;
import com.dealerdesk.billing.PaymentPlanInputs.PaymentTermInput;
import com.dealerdesk.billing.PaymentPlanInputs.RenegotiatePaymentPlanInput;
import com.dealerdesk.billing.PaymentPlanInputs.WriteOffPlannedPaymentInput;
import com.dealerdesk.billing.PaymentSplit.Part;
import com.dealerdesk.billing.PaymentSplit.TriggerEvent;
import com.dealerdesk.order.Invoice;
import com.dealerdesk.order.Order;
import com.dealerdesk.order.OrderService;
import com.dealerdesk.order.ShipmentService;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans of orders and contracts: made from terms, renegotiated into new versions,
 * planned payments written off or invoiced. One active plan per order or contract is held
 * by partial unique indexes; a plan is changed under its row lock.
 */
@Service
public class PaymentPlanService implements NodeFetcher {

	/** Payment term of an invoice issued for a planned payment already due. */
	private static final int INVOICE_TERM_DAYS = 14;

	private final PaymentPlanRepository plans;

	private final AllocationRepository allocations;

	private final OrderService orders;

	private final ShipmentService shipments;

	private final ContractTerms contracts;

	private final LicensePaymentBindings licenses;

	private final PaymentEvents events;

	private final InputValidator validator;

	private final Clock clock;

	/** Registers a caller never seen before: the documents name their author. */
	private final UserDirectory users;

	PaymentPlanService(PaymentPlanRepository plans, AllocationRepository allocations, OrderService orders,
			ShipmentService shipments, ContractTerms contracts, LicensePaymentBindings licenses, PaymentEvents events,
			InputValidator validator, Clock clock, UserDirectory users) {
		this.plans = plans;
		this.users = users;
		this.allocations = allocations;
		this.orders = orders;
		this.shipments = shipments;
		this.contracts = contracts;
		this.licenses = licenses;
		this.events = events;
		this.validator = validator;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	// ---- reading

	public Mono<Map<UUID, PaymentPlan>> plans(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.plans.plans(actor, ids)
			.map(rows -> rows.stream().collect(Collectors.toMap(PaymentPlan::id, Function.identity())));
	}

	/** The active plans of orders, visible to the actor. */
	public Mono<Map<UUID, PaymentPlan>> activePlansOfOrders(Actor actor, Collection<UUID> orderIds) {
		return orderIds.isEmpty() ? Mono.just(Map.of()) : this.plans.activePlansOf(actor, "order_id", orderIds);
	}

	/** The active plans of contracts, visible to the actor. */
	public Mono<Map<UUID, PaymentPlan>> activePlansOfContracts(Actor actor, Collection<UUID> contractIds) {
		return contractIds.isEmpty() ? Mono.just(Map.of())
				: this.plans.activePlansOf(actor, "contract_id", contractIds);
	}

	Mono<Map<UUID, List<PlannedPayment>>> plannedPaymentsOf(Collection<UUID> planIds) {
		return planIds.isEmpty() ? Mono.just(Map.of()) : this.plans.plannedPaymentsOf(planIds, today());
	}

	Mono<Map<UUID, PlannedPayment>> plannedPayments(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.plans.plannedPayments(actor, ids, today());
	}

	Mono<Map<UUID, List<PlannedPayment>>> plannedPaymentsOfInvoices(Collection<UUID> invoiceIds) {
		return invoiceIds.isEmpty() ? Mono.just(Map.of()) : this.plans.plannedPaymentsOfInvoices(invoiceIds, today());
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("PaymentPlan", "PlannedPayment");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		if (uuid == null) {
			return Mono.empty();
		}
		return "PaymentPlan".equals(id.type()) ? plans(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid))
				: plannedPayments(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	// ---- making plans

	@Transactional
	public Mono<PaymentPlan> create(Actor actor, CreatePaymentPlanInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.PAYMENT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		if ((input.contractId() == null) == (input.orderId() == null)) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Give a contract or an order (one of them).", "input",
					"orderId"));
		}
		UUID contractId = input.contractId() == null ? null
				: GlobalId.uuidOf("Contract", input.contractId(), errors, "input", "contractId");
		UUID orderId = input.orderId() == null ? null
				: GlobalId.uuidOf("Order", input.orderId(), errors, "input", "orderId");
		Inputs.rejectIfAny(errors);
		Mono<PlanDocument> document = orderId != null ? orderDocument(actor, orderId, "orderId")
				: contractDocument(actor, contractId);
		return document.flatMap(doc -> {
			List<UserError> problems = new ArrayList<>();
			Money total = totalOf(input.total(), doc.total(), problems);
			List<PaymentSplit.Term> terms = terms(input.terms(), doc, problems);
			Inputs.rejectIfAny(problems);
			List<Part> parts = PaymentSplit.split(total.amount(), Currency.getInstance(total.currency()), terms,
					problems, "input");
			Inputs.rejectIfAny(problems);
			UUID id = UUID.randomUUID();
			return this.users.requireRegistered(actor)
				.then(this.plans.insertPlan(id, doc.customerId(), doc.contractId(), doc.orderId(), 1, null, total,
						given(input.terms(), total.currency()), null, actor.subject()))
				.thenMany(Flux.fromIterable(parts)
					.concatMap(part -> this.plans.insertPlanned(id, doc.customerId(), total.currency(), part,
							doc.occurredOn(part.trigger()))))
				.then(planWithPayments(actor, id, EventType.PAYMENT_PLAN_CREATED));
		}).onErrorMap(activePlanExists(), ex -> alreadyPlanned(input.orderId() != null ? "orderId" : "contractId"));
	}

	@Transactional
	public Mono<PaymentPlan> renegotiate(Actor actor, RenegotiatePaymentPlanInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PAYMENT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("PaymentPlan", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return this.plans.lockPlan(actor, id).switchIfEmpty(Mono.error(() -> notFound("id"))).flatMap(old -> {
			if (old.status() != Status.ACTIVE) {
				return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
						"This version was replaced: renegotiate the active one.", "input", "id")));
			}
			if (old.version() != input.expectedVersion()) {
				return Mono.error(UserErrorsException.staleVersion("payment plan", old.version()));
			}
			Mono<PlanDocument> document = old.orderId() != null ? orderDocument(actor, old.orderId(), "id")
					: contractDocument(actor, old.contractId());
			return document.flatMap(doc -> {
				List<UserError> problems = new ArrayList<>();
				Money total = totalOf(input.total(), old.total(), problems);
				if (total != null && total.amount().compareTo(old.paid().amount()) < 0) {
					problems.add(UserError.of(UserErrorCode.INVALID_VALUE,
							"Less than what was already paid (" + old.paid().amount().toPlainString() + ").", "input",
							"total"));
				}
				List<PaymentSplit.Term> terms = terms(input.terms(), doc, problems);
				Inputs.rejectIfAny(problems);
				List<Part> parts = PaymentSplit.split(total.amount(), Currency.getInstance(total.currency()), terms,
						problems, "input");
				Inputs.rejectIfAny(problems);
				UUID newId = UUID.randomUUID();
				return this.users.requireRegistered(actor)
					.then(this.plans.supersede(old.id()))
					.then(this.plans.insertPlan(newId, old.customerId(), old.contractId(), old.orderId(),
							old.planVersion() + 1, old.id(), total, given(input.terms(), total.currency()),
							Inputs.clean(input.reason()), actor.subject()))
					.thenMany(Flux.fromIterable(parts)
						.concatMap(part -> this.plans.insertPlanned(newId, old.customerId(), total.currency(), part,
								doc.occurredOn(part.trigger()))))
					.then(moveAllocations(old.id(), newId))
					.then(this.licenses.moveBindings(actor, old.id(), newId))
					.then(planWithPayments(actor, newId, EventType.PAYMENT_PLAN_RENEGOTIATED));
			});
		});
	}

	/**
	 * Moves the money allocated to the old version's planned payments to the new one's:
	 * allocations oldest first, into planned payments earliest due first (those waiting
	 * for an event last, by position), an allocation split in two where a planned payment
	 * fills up. The old version's rows keep their paid amounts as history.
	 */
	private Mono<Void> moveAllocations(UUID oldPlanId, UUID newPlanId) {
		return this.plans.plannedPaymentsOf(Set.of(oldPlanId, newPlanId), today()).flatMap(byPlan -> {
			List<UUID> oldIds = byPlan.getOrDefault(oldPlanId, List.of()).stream().map(PlannedPayment::id).toList();
			List<PlannedPayment> targets = new ArrayList<>(byPlan.getOrDefault(newPlanId, List.of()));
			targets.sort(Comparator.comparing(PlannedPayment::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(PlannedPayment::position));
			return this.allocations.ofPlannedPayments(oldIds)
				.flatMapMany(moved -> Flux.fromIterable(pieces(moved, targets)))
				.concatMap(this.allocations::place)
				.then();
		});
	}

	/** Where each allocation goes: the first piece keeps the row, others are new rows. */
	static List<AllocationRepository.Piece> pieces(List<PaymentAllocation> moved, List<PlannedPayment> targets) {
		List<AllocationRepository.Piece> pieces = new ArrayList<>();
		BigDecimal[] room = targets.stream().map(target -> target.amount().amount()).toArray(BigDecimal[]::new);
		int next = 0;
		for (PaymentAllocation allocation : moved) {
			BigDecimal left = allocation.amount().amount();
			BigDecimal leftPaid = allocation.paymentAmount().amount();
			boolean first = true;
			while (left.signum() > 0) {
				while (room[next].signum() == 0) {
					next++;
				}
				BigDecimal take = left.min(room[next]);
				BigDecimal paid = take.compareTo(left) == 0 ? leftPaid
						: leftPaid.multiply(take).divide(left, leftPaid.scale(), RoundingMode.HALF_UP);
				pieces.add(new AllocationRepository.Piece(allocation, first, targets.get(next).id(),
						new Money(take, allocation.amount().currency()),
						new Money(paid, allocation.paymentAmount().currency())));
				room[next] = room[next].subtract(take);
				left = left.subtract(take);
				leftPaid = leftPaid.subtract(paid);
				first = false;
			}
		}
		return pieces;
	}

	@Transactional
	public Mono<PaymentPlan> writeOff(Actor actor, WriteOffPlannedPaymentInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PAYMENT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("PlannedPayment", input.plannedPaymentId(), errors, "input", "plannedPaymentId");
		Inputs.rejectIfAny(errors);
		return this.plans.plannedPayments(actor, Set.of(id), today())
			.mapNotNull(found -> found.get(id))
			.switchIfEmpty(Mono.error(() -> notFound("plannedPaymentId")))
			.flatMap(found -> this.plans.lockPlan(actor, found.planId()))
			.flatMap(plan -> this.plans.lockPlannedPayment(actor, id, today()).flatMap(planned -> {
				if (plan.status() != Status.ACTIVE) {
					return Mono.error(conflict("This plan was replaced by a newer version.", "plannedPaymentId"));
				}
				if (planned.writtenOffAt() != null || planned.open().amount().signum() == 0) {
					return Mono.error(conflict(
							planned.writtenOffAt() != null ? "It is already written off." : "Nothing is open of it.",
							"plannedPaymentId"));
				}
				return this.plans.touch(plan.id(), input.expectedVersion())
					.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("payment plan", plan.version())))
					.flatMap(version -> this.plans.writeOff(id, input.reason().strip())
						.then(this.plans.plannedPayments(actor, Set.of(id), today()))
						.flatMap(after -> this.events.plannedPayment(actor, EventType.PLANNED_PAYMENT_WRITTEN_OFF,
								after.get(id), version)))
					.then(plans(actor, Set.of(plan.id())))
					.map(after -> after.get(plan.id()));
			}));
	}

	@Transactional
	public Mono<Invoice> invoice(Actor actor, InvoicePlannedPaymentInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.INVOICE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("PlannedPayment", input.plannedPaymentId(), errors, "input", "plannedPaymentId");
		LocalDate issuedOn = input.issuedOn() == null ? today() : input.issuedOn();
		if (input.dueOn() != null && input.dueOn().isBefore(issuedOn)) {
			errors
				.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must not be before the issue date.", "input", "dueOn"));
		}
		Inputs.rejectIfAny(errors);
		// the row lock makes a second request wait and then see the invoice
		return this.plans.lockPlannedPayment(actor, id, today())
			.switchIfEmpty(Mono.error(() -> notFound("plannedPaymentId")))
			.flatMap(planned -> {
				if (planned.invoiceId() != null) {
					return Mono.error(conflict("An invoice was already issued for it.", "plannedPaymentId"));
				}
				if (planned.dueOn() == null || planned.open().amount().signum() == 0) {
					return Mono.error(conflict(planned.dueOn() == null ? "Its triggering event has not happened yet."
							: "Nothing is open of it.", "plannedPaymentId"));
				}
				LocalDate dueOn = input.dueOn() != null ? input.dueOn()
						: planned.dueOn().isBefore(issuedOn) ? issuedOn.plusDays(INVOICE_TERM_DAYS) : planned.dueOn();
				return this.shipments.issueInvoice(actor, planned.customerId(), planned.open(), issuedOn, dueOn)
					.flatMap(invoice -> this.plans.setInvoice(planned.id(), invoice.id())
						.then(this.allocations.openInvoiceAccount(invoice.id(), planned.customerId(), planned.open()))
						.thenReturn(invoice));
			})
			.onErrorMap(UniqueViolation.of("planned_payment_invoice_id_key"),
					ex -> conflict("An invoice was already issued for it.", "plannedPaymentId"));
	}

	// ---- helpers

	private Mono<PaymentPlan> planWithPayments(Actor actor, UUID id, EventType type) {
		return plans(actor, Set.of(id)).map(found -> found.get(id))
			.flatMap(plan -> this.plans.plannedPaymentsOf(Set.of(id), today())
				.flatMap(planned -> this.events.plan(actor, type, plan, planned.getOrDefault(id, List.of())))
				.thenReturn(plan));
	}

	private Mono<PlanDocument> orderDocument(Actor actor, UUID orderId, String field) {
		return this.orders.orders(actor, Set.of(orderId))
			.mapNotNull(found -> found.get(orderId))
			.switchIfEmpty(Mono.error(() -> notFound(field)))
			.flatMap(order -> {
				if (order.status() == Order.OrderStatus.CANCELLED) {
					return Mono.error(conflict("The order is cancelled.", field));
				}
				return this.shipments.firstShipmentDates(Set.of(orderId))
					.map(shipped -> new PlanDocument(order.customerId(), null, orderId, orderId, order.total(), null,
							null, Map.of(), shipped.get(orderId)));
			});
	}

	private Mono<PlanDocument> contractDocument(Actor actor, UUID contractId) {
		return this.contracts.contract(actor, contractId)
			.switchIfEmpty(Mono.error(() -> notFound("contractId")))
			.flatMap((ContractFacts facts) -> {
				Mono<Map<UUID, LocalDate>> shipped = facts.orderId() == null ? Mono.just(Map.of())
						: this.shipments.firstShipmentDates(Set.of(facts.orderId()));
				return shipped.map(dates -> new PlanDocument(facts.customerId(), facts.id(), null, facts.orderId(),
						facts.total(), facts.signedOn(), facts.completedOn(), facts.stages(),
						facts.orderId() == null ? null : dates.get(facts.orderId())));
			});
	}

	private static Money totalOf(BigDecimal given, Money fallback, List<UserError> errors) {
		if (given == null) {
			return fallback;
		}
		if (given.signum() <= 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be greater than zero.", "input", "total"));
			return null;
		}
		return Money.checkedAmount(given, Currency.getInstance(fallback.currency()), errors, "input", "total");
	}

	/** The terms to split, their triggers checked against what the document offers. */
	private static List<PaymentSplit.Term> terms(List<PaymentTermInput> inputs, PlanDocument doc,
			List<UserError> errors) {
		List<PaymentSplit.Term> terms = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			PaymentTermInput input = inputs.get(i);
			String index = String.valueOf(i);
			PaymentSplit.Trigger trigger = null;
			if (input.trigger() != null) {
				TriggerEvent event = input.trigger().event();
				UUID stageId = input.trigger().stageId() == null ? null : GlobalId.uuidOf("ContractStage",
						input.trigger().stageId(), errors, "input", "terms", index, "trigger", "stageId");
				if (doc.orderId() != null && event != TriggerEvent.SHIPMENT_SENT) {
					errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "An order's plan waits only for its shipment.",
							"input", "terms", index, "trigger", "event"));
				}
				else if (event == TriggerEvent.SHIPMENT_SENT && doc.shipmentOrderId() == null) {
					errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "This contract rests on no order.", "input",
							"terms", index, "trigger", "event"));
				}
				if (stageId != null && !doc.stages().containsKey(stageId)) {
					errors.add(UserError.of(UserErrorCode.NOT_FOUND, "Not a stage of this contract.", "input", "terms",
							index, "trigger", "stageId"));
				}
				int offset = input.trigger().offsetDays() == null ? 0 : input.trigger().offsetDays();
				trigger = new PaymentSplit.Trigger(event, stageId, offset);
			}
			terms.add(new PaymentSplit.Term(input.kind(), Inputs.clean(input.label()), input.percent(), input.amount(),
					input.dueOn(), trigger, input.instalments(), input.intervalMonths()));
		}
		return terms;
	}

	private static List<Term> given(List<PaymentTermInput> inputs, String currency) {
		return inputs.stream()
			.map(input -> new Term(input.kind(), Inputs.clean(input.label()), input.percent(),
					input.amount() == null ? null : new Money(input.amount(), currency), input.dueOn(),
					input.trigger() == null ? null
							: new PaymentPlan.Trigger(input.trigger().event(),
									input.trigger().stageId() == null ? null
											: GlobalId.uuidOf("ContractStage", input.trigger().stageId()),
									input.trigger().offsetDays() == null ? 0 : input.trigger().offsetDays(), null),
					input.instalments(), input.intervalMonths()))
			.toList();
	}

	private static java.util.function.Predicate<Throwable> activePlanExists() {
		return UniqueViolation.of("payment_plan_active_order")
			.or(UniqueViolation.of("payment_plan_active_contract"))
			.or(UniqueViolation.of("payment_plan_order_version"))
			.or(UniqueViolation.of("payment_plan_contract_version"));
	}

	private static UserErrorsException alreadyPlanned(String field) {
		return conflict("It has an active payment plan already: renegotiate that one.", field);
	}

	static UserErrorsException conflict(String message, String field) {
		return new UserErrorsException(UserError.of(UserErrorCode.CONFLICT, message, "input", field));
	}

	static UserErrorsException notFound(String field) {
		return new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", field));
	}

	/**
	 * What a plan is made for, and when the events its terms may wait for happened
	 * ({@code shipmentOrderId}: the order whose first shipment is SHIPMENT_SENT).
	 */
	private record PlanDocument(UUID customerId, UUID contractId, UUID orderId, UUID shipmentOrderId, Money total,
			LocalDate signedOn, LocalDate completedOn, Map<UUID, LocalDate> stages, LocalDate shippedOn) {

		LocalDate occurredOn(PaymentSplit.Trigger trigger) {
			if (trigger == null) {
				return null;
			}
			return switch (trigger.event()) {
				case CONTRACT_SIGNED -> this.signedOn;
				case STAGE_ACCEPTED -> this.stages.get(trigger.stageId());
				case CONTRACT_COMPLETED -> this.completedOn;
				case SHIPMENT_SENT -> this.shippedOn;
			};
		}

	}

}
