package com.dealerdesk.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.billing.PaymentPlan.PlannedPayment;
import com.dealerdesk.billing.Collections.AgeingRow;
import com.dealerdesk.billing.Collections.MonthAmount;
import com.dealerdesk.billing.Collections.Receivable;
import com.dealerdesk.billing.IncomeBudget.BudgetMonth;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.order.Invoice;
import com.dealerdesk.order.ShipmentService;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Billing's reports in GraphQL: what is owed and aged, what was received, customers'
 * statements, the income budget.
 */
@Controller
class CollectionsController {

	private final PaymentPlanService plans;

	private final CollectionsRepository collections;

	private final CustomerService customers;

	private final ShipmentService invoices;

	private final UserDirectory users;

	private final PartnerDirectory partners;

	private final IncomeBudget budget;

	private final Statements statements;

	private final Clock clock;

	CollectionsController(CollectionsRepository collections, IncomeBudget budget, Statements statements,
			PaymentPlanService plans, CustomerService customers, ShipmentService invoices, UserDirectory users,
			PartnerDirectory partners, Clock clock) {
		this.plans = plans;
		this.collections = collections;
		this.budget = budget;
		this.statements = statements;
		this.customers = customers;
		this.invoices = invoices;
		this.users = users;
		this.partners = partners;
		this.clock = clock;
	}

	@QueryMapping
	Collections collections(@Argument LocalDate asOf, @ContextValue Actor actor) {
		LocalDate date = asOf != null ? asOf : LocalDate.now(this.clock);
		return new Collections(date, this.collections.ageing(actor, date).cache());
	}

	@QueryMapping
	Mono<List<BudgetMonth>> incomeBudget(@Argument LocalDate from, @Argument LocalDate to, @Argument String currency,
			@ContextValue Actor actor) {
		return this.budget.months(actor, from, to, currency);
	}

	@QueryMapping
	Mono<CustomerStatement> customerStatement(@Argument String customerId, @Argument LocalDate from,
			@Argument LocalDate to, @Argument String currency, @ContextValue Actor actor) {
		UUID id = GlobalId.requireUuidOf("Customer", customerId);
		return id == null ? Mono.empty() : this.statements.statement(actor, id, from, to, currency);
	}

	@BatchMapping(typeName = "CustomerStatement", field = "customer")
	Mono<Map<CustomerStatement, Customer>> statementCustomer(List<CustomerStatement> statements,
			@ContextValue Actor actor) {
		return Batches.load(statements, CustomerStatement::customerId, ids -> this.customers.customers(actor, ids));
	}

	// ---- Collections

	@SchemaMapping(typeName = "Collections")
	Mono<List<Receivable>> dueThisWeek(Collections collections, @ContextValue Actor actor) {
		return this.collections.dueThisWeek(actor, collections.asOf());
	}

	@SchemaMapping(typeName = "Collections")
	Mono<List<AgeingRow>> totals(Collections collections) {
		return collections.ageing().map(Collections.Ageing::totals);
	}

	@SchemaMapping(typeName = "Collections")
	Mono<List<AgeingRow>> byCustomer(Collections collections) {
		return collections.ageing().map(Collections.Ageing::byCustomer);
	}

	@SchemaMapping(typeName = "Collections")
	Mono<List<AgeingRow>> byOwner(Collections collections) {
		return collections.ageing().map(Collections.Ageing::byOwner);
	}

	@SchemaMapping(typeName = "Collections")
	Mono<List<AgeingRow>> byPartner(Collections collections) {
		return collections.ageing().map(Collections.Ageing::byPartner);
	}

	@SchemaMapping(typeName = "Collections")
	Mono<List<MonthAmount>> receivedByMonth(Collections collections, @ContextValue Actor actor) {
		return this.collections.receivedByMonth(actor, collections.asOf());
	}

	// ---- AgeingRow

	@BatchMapping(typeName = "AgeingRow")
	Mono<Map<AgeingRow, Customer>> customer(List<AgeingRow> rows, @ContextValue Actor actor) {
		return Batches.load(rows, AgeingRow::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "AgeingRow")
	Mono<Map<AgeingRow, User>> owner(List<AgeingRow> rows, @ContextValue Actor actor) {
		return Batches.load(rows, AgeingRow::ownerId, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "AgeingRow")
	Mono<Map<AgeingRow, Partner>> partner(List<AgeingRow> rows) {
		return Batches.load(rows, AgeingRow::partnerId, this.partners::byIds);
	}

	// ---- Receivable

	@BatchMapping(typeName = "Receivable", field = "customer")
	Mono<Map<Receivable, Customer>> receivableCustomer(List<Receivable> receivables, @ContextValue Actor actor) {
		return Batches.load(receivables, Receivable::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "Receivable")
	Mono<Map<Receivable, PlannedPayment>> plannedPayment(List<Receivable> receivables, @ContextValue Actor actor) {
		return Batches.load(receivables, Receivable::plannedPaymentId, ids -> this.plans.plannedPayments(actor, ids));
	}

	@BatchMapping(typeName = "Receivable")
	Mono<Map<Receivable, Invoice>> invoice(List<Receivable> receivables, @ContextValue Actor actor) {
		return Batches.load(receivables, Receivable::invoiceId, ids -> this.invoices.invoices(actor, ids));
	}

}
