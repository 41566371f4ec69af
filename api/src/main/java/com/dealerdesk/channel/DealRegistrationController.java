package com.dealerdesk.channel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.channel.DealRegistration.Conflict;
import com.dealerdesk.channel.DealRegistration.Line;
import com.dealerdesk.channel.DealRegistration.Status;
import com.dealerdesk.channel.DealRegistrationInputs.ApproveDealRegistrationInput;
import com.dealerdesk.channel.DealRegistrationInputs.DecideDealRegistrationInput;
import com.dealerdesk.channel.DealRegistrationInputs.RejectDealRegistrationInput;
import com.dealerdesk.channel.DealRegistrationInputs.SubmitDealRegistrationInput;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import com.dealerdesk.sales.Opportunity;
import com.dealerdesk.sales.OpportunityService;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Deal registrations in GraphQL. */
@Controller
class DealRegistrationController {

	private final DealRegistrationService registrations;

	private final PartnerDirectory partners;

	private final CustomerService customers;

	private final UserDirectory users;

	private final ProductService products;

	private final OpportunityService deals;

	DealRegistrationController(DealRegistrationService registrations, PartnerDirectory partners,
			CustomerService customers, UserDirectory users, ProductService products, OpportunityService deals) {
		this.registrations = registrations;
		this.partners = partners;
		this.customers = customers;
		this.users = users;
		this.products = products;
		this.deals = deals;
	}

	record DealRegistrationPayload(DealRegistration registration, List<UserError> userErrors) {

	}

	@QueryMapping
	Mono<DealRegistration> dealRegistration(@Argument String id, @ContextValue Actor actor) {
		UUID uuid = GlobalId.requireUuidOf("DealRegistration", id);
		return uuid == null ? Mono.empty()
				: this.registrations.registrations(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@QueryMapping
	Mono<Connection<DealRegistration>> dealRegistrations(@Argument List<Status> status, @Argument String partnerId,
			@Argument Boolean hasConflicts, @Argument Integer first, @Argument String after,
			@ContextValue Actor actor) {
		return this.registrations.page(actor, status, partnerId, hasConflicts, first, after);
	}

	@MutationMapping
	Mono<DealRegistrationPayload> submitDealRegistration(@Argument SubmitDealRegistrationInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.registrations.submit(actor, input), DealRegistrationPayload::new);
	}

	@MutationMapping
	Mono<DealRegistrationPayload> withdrawDealRegistration(@Argument DecideDealRegistrationInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.registrations.withdraw(actor, input), DealRegistrationPayload::new);
	}

	@MutationMapping
	Mono<DealRegistrationPayload> approveDealRegistration(@Argument ApproveDealRegistrationInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.registrations.approve(actor, input), DealRegistrationPayload::new);
	}

	@MutationMapping
	Mono<DealRegistrationPayload> rejectDealRegistration(@Argument RejectDealRegistrationInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.registrations.reject(actor, input), DealRegistrationPayload::new);
	}

	// ---- DealRegistration

	@SchemaMapping(typeName = "DealRegistration")
	String id(DealRegistration registration) {
		return GlobalId.of("DealRegistration", registration.id());
	}

	@BatchMapping(typeName = "DealRegistration")
	Mono<Map<DealRegistration, Partner>> partner(List<DealRegistration> list) {
		return Batches.load(list, DealRegistration::partnerId, this.partners::byIds);
	}

	@BatchMapping(typeName = "DealRegistration")
	Mono<Map<DealRegistration, User>> registeredBy(List<DealRegistration> list, @ContextValue Actor actor) {
		return Batches.load(list, DealRegistration::registeredBy, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "DealRegistration")
	Mono<Map<DealRegistration, User>> decidedBy(List<DealRegistration> list, @ContextValue Actor actor) {
		return Batches.load(list, DealRegistration::decidedBy, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "DealRegistration")
	Mono<Map<DealRegistration, Customer>> customer(List<DealRegistration> list, @ContextValue Actor actor) {
		return Batches.load(list, DealRegistration::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "DealRegistration")
	Mono<Map<DealRegistration, Opportunity>> opportunity(List<DealRegistration> list, @ContextValue Actor actor) {
		return Batches.load(list, DealRegistration::opportunityId, ids -> this.deals.opportunities(actor, ids));
	}

	@BatchMapping(typeName = "DealRegistration")
	Mono<Map<DealRegistration, List<Line>>> lines(List<DealRegistration> list) {
		return this.registrations.linesOf(ids(list, DealRegistration::id))
			.map(found -> Batches.listsByKey(list, DealRegistration::id, found));
	}

	@BatchMapping(typeName = "DealRegistration")
	Mono<Map<DealRegistration, List<Conflict>>> conflicts(List<DealRegistration> list, @ContextValue Actor actor) {
		return this.registrations.conflictsOf(actor, ids(list, DealRegistration::id))
			.map(found -> Batches.listsByKey(list, DealRegistration::id, found));
	}

	// ---- lines and conflicts

	@BatchMapping(typeName = "DealRegistrationLine")
	Mono<Map<Line, Product>> product(List<Line> lines) {
		return Batches.load(lines, Line::productId, this.products::byIds);
	}

	@BatchMapping(typeName = "RegistrationConflict")
	Mono<Map<Conflict, DealRegistration>> registration(List<Conflict> conflicts, @ContextValue Actor actor) {
		return Batches.load(conflicts, Conflict::otherRegistrationId,
				ids -> this.registrations.registrations(actor, ids));
	}

	@BatchMapping(typeName = "RegistrationConflict", field = "customer")
	Mono<Map<Conflict, Customer>> conflictCustomer(List<Conflict> conflicts, @ContextValue Actor actor) {
		return Batches.load(conflicts, Conflict::customerId, ids -> this.customers.customers(actor, ids));
	}

	private static <T> Set<UUID> ids(Collection<T> items, Function<T, UUID> id) {
		return items.stream().map(id).collect(Collectors.toSet());
	}

}
