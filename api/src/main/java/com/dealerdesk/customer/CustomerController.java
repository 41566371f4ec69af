package com.dealerdesk.customer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.campaign.Campaign;
import com.dealerdesk.campaign.CampaignService;
import com.dealerdesk.customer.CustomerInputs.AddContactInput;
import com.dealerdesk.customer.CustomerInputs.ContactVersionInput;
import com.dealerdesk.customer.CustomerInputs.CreateCustomerInput;
import com.dealerdesk.customer.CustomerInputs.CustomerVersionInput;
import com.dealerdesk.customer.CustomerInputs.UpdateContactInput;
import com.dealerdesk.customer.CustomerInputs.UpdateCustomerInput;
import com.dealerdesk.customer.CustomerPayloads.ContactPayload;
import com.dealerdesk.customer.CustomerPayloads.CustomerPayload;
import com.dealerdesk.customer.CustomerPayloads.RemoveContactPayload;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.Edge;
import com.dealerdesk.platform.pagination.PageInfo;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class CustomerController {

	private final CustomerService service;

	private final UserDirectory users;

	private final PartnerDirectory partners;

	private final CampaignService campaigns;

	CustomerController(CustomerService service, UserDirectory users, PartnerDirectory partners,
			CampaignService campaigns) {
		this.campaigns = campaigns;
		this.service = service;
		this.users = users;
		this.partners = partners;
	}

	/** A page of customers, with what {@code totalCount} needs to count them if asked. */
	record CustomerConnection(List<Edge<Customer>> edges, PageInfo pageInfo, Actor actor, CustomerFilter filter) {

	}

	// ---- queries

	@QueryMapping
	Mono<Customer> customer(@Argument String id, @ContextValue Actor actor) {
		GlobalId globalId = GlobalId.require(id);
		UUID uuid = "Customer".equals(globalId.type()) ? globalId.asUuid() : null;
		return uuid == null ? Mono.empty() : this.service.customer(actor, uuid);
	}

	@QueryMapping
	Mono<CustomerConnection> customers(@Argument Integer first, @Argument String after, @Argument CustomerFilter filter,
			@Argument CustomerOrder orderBy, @ContextValue Actor actor) {
		CustomerFilter effectiveFilter = filter == null ? CustomerFilter.NONE : filter;
		return this.service
			.page(actor, first, after, effectiveFilter, orderBy == null ? CustomerOrder.DEFAULT : orderBy)
			.map(page -> new CustomerConnection(page.edges(), page.pageInfo(), actor, effectiveFilter));
	}

	@SchemaMapping(typeName = "CustomerConnection")
	Mono<Integer> totalCount(CustomerConnection connection) {
		return this.service.count(connection.actor(), connection.filter());
	}

	// ---- mutations

	@MutationMapping
	Mono<CustomerPayload> createCustomer(@Argument CreateCustomerInput input, @ContextValue Actor actor) {
		return customerPayload(this.service.create(actor, input));
	}

	@MutationMapping
	Mono<CustomerPayload> updateCustomer(@Argument UpdateCustomerInput input, @ContextValue Actor actor) {
		return customerPayload(this.service.update(actor, input));
	}

	@MutationMapping
	Mono<CustomerPayload> archiveCustomer(@Argument CustomerVersionInput input, @ContextValue Actor actor) {
		return customerPayload(this.service.archive(actor, input.id(), input.expectedVersion(), false));
	}

	@MutationMapping
	Mono<CustomerPayload> restoreCustomer(@Argument CustomerVersionInput input, @ContextValue Actor actor) {
		return customerPayload(this.service.archive(actor, input.id(), input.expectedVersion(), true));
	}

	@MutationMapping
	Mono<ContactPayload> addContact(@Argument AddContactInput input, @ContextValue Actor actor) {
		return contactPayload(this.service.addContact(actor, input));
	}

	@MutationMapping
	Mono<ContactPayload> updateContact(@Argument UpdateContactInput input, @ContextValue Actor actor) {
		return contactPayload(this.service.updateContact(actor, input));
	}

	@MutationMapping
	Mono<RemoveContactPayload> removeContact(@Argument ContactVersionInput input, @ContextValue Actor actor) {
		return this.service.removeContact(actor, input.id(), input.expectedVersion())
			.flatMap(contact -> this.service.customer(actor, contact.customerId())
				.map(customer -> new RemoveContactPayload(GlobalId.of("Contact", contact.id()), customer, List.of())))
			.onErrorResume(UserErrorsException.class, ex -> Mono.just(RemoveContactPayload.failed(ex.errors())));
	}

	private static Mono<CustomerPayload> customerPayload(Mono<Customer> change) {
		return Payloads.of(() -> change, CustomerPayload::new);
	}

	private static Mono<ContactPayload> contactPayload(Mono<Contact> change) {
		return Payloads.of(() -> change, ContactPayload::new);
	}

	// ---- fields

	@SchemaMapping(typeName = "Customer")
	String id(Customer customer) {
		return GlobalId.of("Customer", customer.id());
	}

	@BatchMapping(typeName = "Customer")
	Mono<Map<Customer, User>> owner(List<Customer> customers, @ContextValue Actor actor) {
		return Batches.load(customers, Customer::ownerId, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "Customer")
	Mono<Map<Customer, List<User>>> sharedWith(List<Customer> customers, @ContextValue Actor actor) {
		return this.service.sharesOf(customers.stream().map(Customer::id).toList())
			.flatMap(shares -> this.users
				.byIds(actor, shares.values().stream().flatMap(List::stream).collect(Collectors.toSet()))
				.map(found -> customers.stream()
					.collect(Collectors.toMap(Function.identity(),
							customer -> shares.getOrDefault(customer.id(), List.of())
								.stream()
								.map(found::get)
								.filter(Objects::nonNull)
								.toList(),
							(a, b) -> a))));
	}

	@BatchMapping(typeName = "Customer")
	Mono<Map<Customer, Partner>> partner(List<Customer> customers) {
		return Batches.load(customers, Customer::partnerId, this.partners::byIds);
	}

	/**
	 * The customer a partner grew from, in the caller's scope: the customer feature
	 * resolves it, as the partner feature does not depend on customers.
	 */
	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, Customer>> formerCustomer(List<Partner> partners, @ContextValue Actor actor) {
		return Batches.load(partners, Partner::formerCustomerId, ids -> this.service.customers(actor, ids));
	}

	@BatchMapping(typeName = "Customer")
	Mono<Map<Customer, Campaign>> sourceCampaign(List<Customer> customers, @ContextValue Actor actor) {
		return Batches.load(customers, Customer::campaignId, ids -> this.campaigns.byIds(actor, ids));
	}

	@BatchMapping(typeName = "Customer")
	Mono<Map<Customer, List<Contact>>> contacts(List<Customer> customers) {
		return this.service.contactsOf(customers)
			.map(byCustomer -> Batches.listsByKey(customers, item -> item.id(), byCustomer));
	}

	@SchemaMapping(typeName = "Contact")
	String id(Contact contact) {
		return GlobalId.of("Contact", contact.id());
	}

	@BatchMapping(typeName = "Contact")
	Mono<Map<Contact, Customer>> customer(List<Contact> contacts, @ContextValue Actor actor) {
		return Batches.load(contacts, Contact::customerId, ids -> this.service.customers(actor, ids));
	}

}
