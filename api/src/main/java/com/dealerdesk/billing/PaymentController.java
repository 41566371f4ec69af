package com.dealerdesk.billing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.billing.PaymentInputs.AllocatePaymentInput;
import com.dealerdesk.billing.PaymentInputs.BindLicenseToPaymentPlanInput;
import com.dealerdesk.billing.PaymentInputs.LicensePaymentBindingPayload;
import com.dealerdesk.billing.PaymentInputs.PaymentPayload;
import com.dealerdesk.billing.PaymentInputs.RecordPaymentInput;
import com.dealerdesk.billing.PaymentInputs.RecordRefundInput;
import com.dealerdesk.billing.PaymentInputs.Recorded;
import com.dealerdesk.billing.PaymentInputs.UnbindLicenseInput;
import com.dealerdesk.billing.PaymentPlan.PlannedPayment;
import com.dealerdesk.billing.PaymentPlanInputs.CreatePaymentPlanInput;
import com.dealerdesk.billing.PaymentPlanInputs.InvoicePlannedPaymentInput;
import com.dealerdesk.billing.PaymentPlanInputs.PaymentPlanPayload;
import com.dealerdesk.billing.PaymentPlanInputs.PlannedPaymentInvoicePayload;
import com.dealerdesk.billing.PaymentPlanInputs.RenegotiatePaymentPlanInput;
import com.dealerdesk.billing.PaymentPlanInputs.WriteOffPlannedPaymentInput;
import com.dealerdesk.billing.PaymentPlan.Trigger;
import com.dealerdesk.contract.Contract;
import com.dealerdesk.contract.ContractStage;
import com.dealerdesk.contract.ContractTerms;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.license.License;
import com.dealerdesk.order.Invoice;
import com.dealerdesk.order.Order;
import com.dealerdesk.order.OrderService;
import com.dealerdesk.order.ShipmentService;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Billing's GraphQL: payment plans, planned payments, payments and refunds, and what they
 * add to orders, invoices, licenses and customers.
 */
@Controller
class PaymentController {

	private static final String CUSTOMER_PAYMENTS = "billing.customerPayments";

	private final PaymentPlanService plans;

	private final PaymentService payments;

	private final LicensePaymentBindings bindings;

	private final CustomerService customers;

	private final OrderService orders;

	private final ShipmentService shipments;

	private final ContractTerms contracts;

	private final UserDirectory users;

	PaymentController(PaymentPlanService plans, PaymentService payments, LicensePaymentBindings bindings,
			CustomerService customers, OrderService orders, ShipmentService shipments, ContractTerms contracts,
			UserDirectory users, BatchLoaderRegistry registry) {
		this.contracts = contracts;
		this.plans = plans;
		this.payments = payments;
		this.bindings = bindings;
		this.customers = customers;
		this.orders = orders;
		this.shipments = shipments;
		this.users = users;
		ChildPages.<Void, Payment>register(registry, CUSTOMER_PAYMENTS,
				(actor, ids, page, none) -> payments.pagesOfCustomers(ids, page), PaymentService::cursor);
	}

	// ---- queries

	@QueryMapping
	Mono<PaymentPlan> paymentPlan(@Argument String id, @ContextValue Actor actor) {
		UUID uuid = GlobalId.requireUuidOf("PaymentPlan", id);
		return uuid == null ? Mono.empty() : this.plans.plans(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@QueryMapping
	Mono<Payment> payment(@Argument String id, @ContextValue Actor actor) {
		UUID uuid = GlobalId.requireUuidOf("Payment", id);
		return uuid == null ? Mono.empty()
				: this.payments.payments(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@QueryMapping
	Mono<Connection<Payment>> payments(@Argument String customerId, @Argument Integer first, @Argument String after,
			@ContextValue Actor actor) {
		return this.payments.page(actor, customerId, first, after);
	}

	// ---- mutations

	@MutationMapping
	Mono<PaymentPlanPayload> createPaymentPlan(@Argument CreatePaymentPlanInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.create(actor, input), PaymentPlanPayload::new);
	}

	@MutationMapping
	Mono<PaymentPlanPayload> renegotiatePaymentPlan(@Argument RenegotiatePaymentPlanInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.renegotiate(actor, input), PaymentPlanPayload::new);
	}

	@MutationMapping
	Mono<PlannedPaymentInvoicePayload> invoicePlannedPayment(@Argument InvoicePlannedPaymentInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.invoice(actor, input), PlannedPaymentInvoicePayload::new);
	}

	@MutationMapping
	Mono<PaymentPlanPayload> writeOffPlannedPayment(@Argument WriteOffPlannedPaymentInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.writeOff(actor, input), PaymentPlanPayload::new);
	}

	@MutationMapping
	Mono<PaymentPayload> recordPayment(@Argument RecordPaymentInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> Mono.defer(() -> this.payments.record(actor, input)), PaymentController::payload);
	}

	@MutationMapping
	Mono<PaymentPayload> allocatePayment(@Argument AllocatePaymentInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> Mono.defer(() -> this.payments.allocatePayment(actor, input)),
				(payment, errors) -> new PaymentPayload(payment, false, errors));
	}

	@MutationMapping
	Mono<PaymentPayload> recordRefund(@Argument RecordRefundInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> Mono.defer(() -> this.payments.refund(actor, input)), PaymentController::payload);
	}

	@MutationMapping
	Mono<LicensePaymentBindingPayload> bindLicenseToPaymentPlan(@Argument BindLicenseToPaymentPlanInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.bindings.bind(actor, input, this.plans), LicensePaymentBindingPayload::new);
	}

	@MutationMapping
	Mono<LicensePaymentBindingPayload> unbindLicenseFromPaymentPlan(@Argument UnbindLicenseInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.bindings.unbind(actor, input), LicensePaymentBindingPayload::new);
	}

	private static PaymentPayload payload(Recorded recorded, List<com.dealerdesk.platform.error.UserError> errors) {
		return recorded == null ? new PaymentPayload(null, false, errors)
				: new PaymentPayload(recorded.payment(), recorded.replayed(), errors);
	}

	// ---- PaymentPlan

	@SchemaMapping(typeName = "PaymentPlan")
	String id(PaymentPlan plan) {
		return GlobalId.of("PaymentPlan", plan.id());
	}

	@BatchMapping(typeName = "PaymentPlan")
	Mono<Map<PaymentPlan, Customer>> customer(List<PaymentPlan> list, @ContextValue Actor actor) {
		return Batches.load(list, PaymentPlan::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "PaymentPlan")
	Mono<Map<PaymentPlan, Order>> order(List<PaymentPlan> list, @ContextValue Actor actor) {
		return Batches.load(list, PaymentPlan::orderId, ids -> this.orders.orders(actor, ids));
	}

	@BatchMapping(typeName = "PaymentPlan")
	Mono<Map<PaymentPlan, Contract>> contract(List<PaymentPlan> list, @ContextValue Actor actor) {
		return Batches.load(list, PaymentPlan::contractId, ids -> this.contracts.contracts(actor, ids));
	}

	@BatchMapping(typeName = "PaymentTrigger")
	Mono<Map<Trigger, ContractStage>> stage(List<Trigger> list, @ContextValue Actor actor) {
		return Batches.load(list, Trigger::stageId, ids -> this.contracts.stages(actor, ids));
	}

	@BatchMapping(typeName = "PaymentPlan")
	Mono<Map<PaymentPlan, PaymentPlan>> previousVersion(List<PaymentPlan> list, @ContextValue Actor actor) {
		return Batches.load(list, PaymentPlan::previousId, ids -> this.plans.plans(actor, ids));
	}

	@BatchMapping(typeName = "PaymentPlan")
	Mono<Map<PaymentPlan, PaymentPlan>> nextVersion(List<PaymentPlan> list, @ContextValue Actor actor) {
		return Batches.load(list, PaymentPlan::nextId, ids -> this.plans.plans(actor, ids));
	}

	@BatchMapping(typeName = "PaymentPlan")
	Mono<Map<PaymentPlan, List<PlannedPayment>>> plannedPayments(List<PaymentPlan> list) {
		return this.plans.plannedPaymentsOf(list.stream().map(PaymentPlan::id).collect(Collectors.toSet()))
			.map(found -> Batches.listsByKey(list, PaymentPlan::id, found));
	}

	@BatchMapping(typeName = "PaymentPlan")
	Mono<Map<PaymentPlan, List<License>>> licenses(List<PaymentPlan> list, @ContextValue Actor actor) {
		return this.bindings.licensesOfPlans(actor, list.stream().map(PaymentPlan::id).collect(Collectors.toSet()))
			.map(found -> Batches.listsByKey(list, PaymentPlan::id, found));
	}

	@BatchMapping(typeName = "PaymentPlan", field = "createdBy")
	Mono<Map<PaymentPlan, User>> planCreatedBy(List<PaymentPlan> list, @ContextValue Actor actor) {
		return Batches.load(list, PaymentPlan::createdBy, ids -> this.users.byIds(actor, ids));
	}

	// ---- PlannedPayment

	@SchemaMapping(typeName = "PlannedPayment")
	String id(PlannedPayment planned) {
		return GlobalId.of("PlannedPayment", planned.id());
	}

	@BatchMapping(typeName = "PlannedPayment")
	Mono<Map<PlannedPayment, PaymentPlan>> plan(List<PlannedPayment> list, @ContextValue Actor actor) {
		return Batches.load(list, PlannedPayment::planId, ids -> this.plans.plans(actor, ids));
	}

	@BatchMapping(typeName = "PlannedPayment")
	Mono<Map<PlannedPayment, Invoice>> invoice(List<PlannedPayment> list, @ContextValue Actor actor) {
		return Batches.load(list, PlannedPayment::invoiceId, ids -> this.shipments.invoices(actor, ids));
	}

	// ---- Payment

	@SchemaMapping(typeName = "Payment")
	String id(Payment payment) {
		return GlobalId.of("Payment", payment.id());
	}

	@BatchMapping(typeName = "Payment", field = "customer")
	Mono<Map<Payment, Customer>> paymentCustomer(List<Payment> list, @ContextValue Actor actor) {
		return Batches.load(list, Payment::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "Payment")
	Mono<Map<Payment, List<PaymentAllocation>>> allocations(List<Payment> list) {
		return this.payments.allocationsOfPayments(list.stream().map(Payment::id).collect(Collectors.toSet()))
			.map(found -> Batches.listsByKey(list, Payment::id, found));
	}

	@BatchMapping(typeName = "Payment", field = "createdBy")
	Mono<Map<Payment, User>> paymentCreatedBy(List<Payment> list, @ContextValue Actor actor) {
		return Batches.load(list, Payment::createdBy, ids -> this.users.byIds(actor, ids));
	}

	// ---- PaymentAllocation

	@SchemaMapping(typeName = "PaymentAllocation")
	String id(PaymentAllocation allocation) {
		return GlobalId.of("PaymentAllocation", allocation.id());
	}

	@BatchMapping(typeName = "PaymentAllocation")
	Mono<Map<PaymentAllocation, Payment>> payment(List<PaymentAllocation> list, @ContextValue Actor actor) {
		return Batches.load(list, PaymentAllocation::paymentId, ids -> this.payments.payments(actor, ids));
	}

	@BatchMapping(typeName = "PaymentAllocation", field = "invoice")
	Mono<Map<PaymentAllocation, Invoice>> allocationInvoice(List<PaymentAllocation> list, @ContextValue Actor actor) {
		return Batches.load(list, PaymentAllocation::invoiceId, ids -> this.shipments.invoices(actor, ids));
	}

	@BatchMapping(typeName = "PaymentAllocation")
	Mono<Map<PaymentAllocation, PlannedPayment>> plannedPayment(List<PaymentAllocation> list,
			@ContextValue Actor actor) {
		return Batches.load(list, PaymentAllocation::plannedPaymentId, ids -> this.plans.plannedPayments(actor, ids));
	}

	// ---- what billing adds to others' types

	@BatchMapping(typeName = "Contract", field = "paymentPlan")
	Mono<Map<Contract, PaymentPlan>> contractPaymentPlan(List<Contract> list, @ContextValue Actor actor) {
		return Batches.load(list, Contract::id, ids -> this.plans.activePlansOfContracts(actor, ids));
	}

	@BatchMapping(typeName = "Order", field = "paymentPlan")
	Mono<Map<Order, PaymentPlan>> orderPaymentPlan(List<Order> list, @ContextValue Actor actor) {
		return Batches.load(list, Order::id, ids -> this.plans.activePlansOfOrders(actor, ids));
	}

	@BatchMapping(typeName = "Invoice", field = "plannedPayments")
	Mono<Map<Invoice, List<PlannedPayment>>> invoicePlannedPayments(List<Invoice> list) {
		return this.plans.plannedPaymentsOfInvoices(list.stream().map(Invoice::id).collect(Collectors.toSet()))
			.map(found -> Batches.listsByKey(list, Invoice::id, found));
	}

	@BatchMapping(typeName = "Invoice", field = "allocations")
	Mono<Map<Invoice, List<PaymentAllocation>>> invoiceAllocations(List<Invoice> list) {
		return this.payments.allocationsOfInvoices(list.stream().map(Invoice::id).collect(Collectors.toSet()))
			.map(found -> Batches.listsByKey(list, Invoice::id, found));
	}

	@BatchMapping(typeName = "Invoice", field = "paid")
	Mono<Map<Invoice, Money>> invoicePaid(List<Invoice> list) {
		return balances(list, balance -> balance[1]);
	}

	@BatchMapping(typeName = "Invoice", field = "open")
	Mono<Map<Invoice, Money>> invoiceOpen(List<Invoice> list) {
		return balances(list, balance -> balance[0].minus(balance[1]));
	}

	@BatchMapping(typeName = "Invoice", field = "paymentStatus")
	Mono<Map<Invoice, String>> invoicePaymentStatus(List<Invoice> list) {
		return balances(list, balance -> balance[1].amount().signum() == 0 ? "UNPAID"
				: balance[1].amount().compareTo(balance[0].amount()) >= 0 ? "PAID" : "PARTLY_PAID");
	}

	private <V> Mono<Map<Invoice, V>> balances(List<Invoice> list, Function<Money[], V> value) {
		return this.payments.invoiceBalances(list.stream().map(Invoice::id).collect(Collectors.toSet()))
			.map(found -> list.stream()
				.filter(invoice -> found.containsKey(invoice.id()))
				.collect(Collectors.toMap(Function.identity(), invoice -> value.apply(found.get(invoice.id())),
						(a, b) -> a)));
	}

	@BatchMapping(typeName = "License", field = "paymentPlan")
	Mono<Map<License, PaymentPlan>> licensePaymentPlan(List<License> list, @ContextValue Actor actor) {
		return this.bindings.ofLicenses(list.stream().map(License::id).collect(Collectors.toSet()))
			.flatMap(bound -> Batches.load(list,
					license -> bound.containsKey(license.id()) ? bound.get(license.id()).planId() : null,
					ids -> this.plans.plans(actor, ids)));
	}

	@BatchMapping(typeName = "License", field = "paidUntil")
	Mono<Map<License, java.time.LocalDate>> licensePaidUntil(List<License> list) {
		return this.bindings.ofLicenses(list.stream().map(License::id).collect(Collectors.toSet()))
			.map(bound -> Batches.byKey(list, License::id,
					bound.values()
						.stream()
						.filter(binding -> binding.paidUntil() != null)
						.collect(Collectors.toMap(LicensePaymentBindings.Binding::licenseId,
								LicensePaymentBindings.Binding::paidUntil))));
	}

	@BatchMapping(typeName = "Customer", field = "credit")
	Mono<Map<Customer, List<Money>>> customerCredit(List<Customer> list) {
		return this.payments.credit(list.stream().map(Customer::id).collect(Collectors.toSet()))
			.map(found -> Batches.listsByKey(list, Customer::id, found));
	}

	/**
	 * The customer's page of payments, read with every other customer's of the response.
	 */
	@SchemaMapping(typeName = "Customer", field = "payments")
	CompletableFuture<Connection<Payment>> customerPayments(Customer customer, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		return ChildPages.load(environment, CUSTOMER_PAYMENTS, customer.id(), first, after, PaymentRepository.NEWEST,
				null);
	}

}
