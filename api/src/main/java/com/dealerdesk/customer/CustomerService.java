package com.dealerdesk.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import com.dealerdesk.customer.ContactRepository.ContactInScope;
import com.dealerdesk.customer.CustomerInputs.AddContactInput;
import com.dealerdesk.customer.CustomerInputs.ContactInput;
import com.dealerdesk.customer.CustomerInputs.CreateCustomerInput;
import com.dealerdesk.customer.CustomerInputs.UpdateContactInput;
import com.dealerdesk.customer.CustomerInputs.UpdateCustomerInput;
import com.dealerdesk.customer.CustomerRepository.ArchiveChange;
import com.dealerdesk.campaign.CampaignService;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.platform.text.CustomerKeys;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers and contacts: validation, scope, optimistic locking, and an outbox event for
 * every change, written in the change's transaction. Rejected changes fail with
 * {@link UserErrorsException} so that the transaction rolls back.
 */
@Service
public class CustomerService implements NodeFetcher {

	private final CustomerRepository customers;

	private final ContactRepository contacts;

	private final UserDirectory users;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final CampaignService campaigns;

	CustomerService(CustomerRepository customers, ContactRepository contacts, UserDirectory users,
			InputValidator validator, OutboxWriter outbox, CampaignService campaigns) {
		this.campaigns = campaigns;
		this.customers = customers;
		this.contacts = contacts;
		this.users = users;
		this.validator = validator;
		this.outbox = outbox;
	}

	// ---- reading

	public Mono<Customer> customer(Actor actor, UUID id) {
		return this.customers.findVisible(actor, id);
	}

	public Mono<Map<UUID, Customer>> customers(Actor actor, Collection<UUID> ids) {
		return this.customers.findVisible(actor, ids);
	}

	/**
	 * A visible customer that is not archived, for changes to what belongs to it;
	 * otherwise a NOT_FOUND or CONFLICT user error at {@code ["input", field]}.
	 */
	public Mono<Customer> requireOpen(Actor actor, UUID customerId, String field) {
		return customer(actor, customerId)
			.switchIfEmpty(Mono.error(
					() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", field))))
			.flatMap(
					customer -> customer.archived()
							? Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
									"The customer is archived: restore it first.", "input", field)))
							: Mono.just(customer));
	}

	/** A current contact visible to the actor. */
	public Mono<Contact> contact(Actor actor, UUID id) {
		return this.contacts.findVisible(actor, id).map(ContactInScope::contact);
	}

	/**
	 * Contacts visible to the actor, including removed ones (history still names them).
	 */
	public Mono<Map<UUID, Contact>> contacts(Actor actor, Collection<UUID> ids) {
		return this.contacts.findVisible(actor, ids);
	}

	/**
	 * Customers of anyone, for the channel's conflict detection: those whose tax id, name
	 * key or e-mail domain equals the given key (null keys match nothing), oldest first.
	 * Unscoped on purpose: the channel shows the evidence to the vendor only.
	 */
	public Flux<CustomerMatch> matching(String taxIdKey, String nameKey, String emailDomain, int limit) {
		return this.customers.matching(taxIdKey, nameKey, emailDomain, limit);
	}

	Mono<Connection<Customer>> page(Actor actor, Integer first, String after, CustomerFilter filter,
			CustomerOrder order) {
		PageRequest page = PageRequest.of(first, after, order.key());
		CustomerFilter resolved = resolveOwnerIds(filter);
		return this.customers.page(actor, resolved, order, page)
			.collectList()
			.map(rows -> page.page(rows, customer -> CustomerRepository.cursorOf(customer, order)));
	}

	Mono<Integer> count(Actor actor, CustomerFilter filter) {
		return this.customers.count(actor, resolveOwnerIds(filter));
	}

	Mono<Map<UUID, List<Contact>>> contactsOf(Collection<Customer> customers) {
		return this.contacts.ofCustomers(customers);
	}

	/**
	 * Current contacts of the actor's visible, not archived customers that have any of
	 * the given e-mail addresses (lower-case), ordered by customer and name.
	 */
	public Flux<Contact> contactsWithEmails(Actor actor, Collection<String> emails) {
		return this.contacts.findVisibleByEmails(actor, emails);
	}

	Mono<Map<UUID, List<String>>> sharesOf(Collection<UUID> customerIds) {
		return this.customers.sharesOf(customerIds);
	}

	/** Replaces owner global ids by user ids; a malformed id is a bad request. */
	private static CustomerFilter resolveOwnerIds(CustomerFilter filter) {
		InvalidArgumentException.requireAtMost(filter.status(), "filter.status");
		InvalidArgumentException.requireAtMost(filter.ownerIds(), "filter.ownerIds");
		if (filter.ownerIds() == null) {
			return filter;
		}
		List<String> userIds = filter.ownerIds().stream().map(id -> {
			GlobalId globalId = GlobalId.require(id);
			if (!"User".equals(globalId.type())) {
				throw new InvalidArgumentException("INVALID_ID", "`ownerIds` must hold user ids.");
			}
			return globalId.localId();
		}).toList();
		return new CustomerFilter(filter.status(), userIds, filter.region(), filter.industry(), filter.tag(),
				filter.search(), filter.includeArchived());
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Customer", "Contact");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		if (uuid == null) {
			return Mono.empty();
		}
		if ("Customer".equals(id.type())) {
			return this.customers.findVisible(actor, uuid).cast(Object.class);
		}
		return this.contacts.findVisible(actor, uuid).map(ContactInScope::contact);
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return "Customer".equals(type) ? NodeFetcher.byUuid(ids, uuids -> customers(actor, uuids))
				: NodeFetcher.super.fetchAll(actor, type, ids);
	}

	// ---- customers

	@Transactional
	public Mono<Customer> create(Actor actor, CreateCustomerInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.CUSTOMER);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		String ownerId = input.ownerId() != null ? userId(input.ownerId(), errors, "input", "ownerId")
				: actor.isUser() ? actor.subject() : null;
		if (ownerId == null && input.ownerId() == null) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "An integration must name the owner.", "input", "ownerId"));
		}
		Inputs.rejectIfAny(errors);
		List<ContactInput> contactInputs = input.contacts() == null ? List.of() : input.contacts();
		return registerCaller(actor).then(this.users.requireAssignableOwner(actor, ownerId))
			.then(campaignOf(actor, input.sourceCampaignId()))
			.map(campaignId -> new Customer(UUID.randomUUID(), Inputs.clean(input.name()), null,
					Inputs.clean(input.legalName()), Inputs.clean(input.taxId()), Inputs.clean(input.industry()),
					Inputs.clean(input.region()), input.size(),
					input.status() == null ? CustomerStatus.PROSPECT : input.status(), ownerId, actor.partnerId(),
					tags(input.tags()), input.sourceChannel(), Inputs.clean(input.website()),
					lower(Inputs.clean(input.email())), Inputs.clean(input.phone()), Inputs.clean(input.address()),
					Inputs.clean(input.notes()), null, 1, null, null, campaignId.orElse(null)))
			.flatMap(this.customers::insert)
			.flatMap(customer -> Flux.fromIterable(contactInputs)
				.concatMap(contact -> this.contacts.insert(newContact(customer.id(), contact)))
				.collectList()
				.flatMap(added -> event(actor, EventType.CUSTOMER_CREATED, customer)
					.thenMany(Flux.fromIterable(added)
						.concatMap(contact -> event(actor, customer, contact, EventType.CONTACT_ADDED)))
					.then(Mono.just(customer))));
	}

	/**
	 * A customer of a partner, made when the vendor approves the partner's deal
	 * registration; the channel feature has checked that the actor may decide
	 * registrations (which gives no right to create customers otherwise).
	 */
	@Transactional
	public Mono<Customer> createForPartner(Actor actor, PartnerCustomer customer) {
		return this.customers
			.insert(new Customer(UUID.randomUUID(), customer.name(), null, null, customer.taxId(), customer.industry(),
					customer.region(), null, CustomerStatus.PROSPECT, customer.ownerId(), customer.partnerId(),
					List.of(), SourceChannel.PARTNER, null, null, null, null, null, null, 1, null, null, null))
			.flatMap(created -> event(actor, EventType.CUSTOMER_CREATED, created).thenReturn(created));
	}

	@Transactional
	public Mono<Customer> update(Actor actor, UpdateCustomerInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.CUSTOMER);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Customer", input.id(), errors, "input", "id");
		Changes changes = new Changes();
		changes.set("name", input.name(), Inputs::clean);
		changes.set("name_key", input.name(), name -> CustomerKeys.name(Inputs.clean(name)));
		changes.set("legal_name", input.legalName(), Inputs::clean);
		changes.set("tax_id", input.taxId(), Inputs::clean);
		changes.set("industry", input.industry(), Inputs::clean);
		changes.set("region", input.region(), Inputs::clean);
		changes.set("size", input.size());
		changes.set("status", input.status());
		changes.set("tags", input.tags(), CustomerService::tags);
		changes.set("source_channel", input.sourceChannel());
		changes.set("website", input.website(), Inputs::clean);
		changes.set("email", input.email(), email -> lower(Inputs.clean(email)));
		changes.set("phone", input.phone(), Inputs::clean);
		changes.set("address", input.address(), Inputs::clean);
		changes.set("notes", input.notes(), Inputs::clean);
		String ownerId = changes.set("owner_id", input.ownerId(),
				owner -> owner == null ? null : userId(owner, errors, "input", "ownerId"));
		List<String> shareIds = input.sharedWithIds().isOmitted() ? null
				: userIds(input.sharedWithIds().value(), errors);
		Inputs.rejectIfAny(errors);
		Mono<Void> campaignCheck = input.sourceCampaignId().isOmitted() ? Mono.empty()
				: campaignOf(actor, input.sourceCampaignId().value())
					.doOnNext(campaignId -> changes.columns().put("campaign_id", campaignId.orElse(null)))
					.then();
		Mono<Void> checks = campaignCheck
			.then(ownerId == null ? Mono.<Void>empty() : this.users.requireAssignableOwner(actor, ownerId))
			.then(shareIds == null ? Mono.empty() : requireShareable(actor, shareIds));
		// A rep sees customers shared with them, but only the owner's side may hand one
		// over or re-share it.
		boolean changesWhoSees = !input.ownerId().isOmitted() || !input.sharedWithIds().isOmitted();
		String requiredOwner = changesWhoSees && actor.actsOnlyAsRep() ? actor.subject() : null;
		return checks
			// deferred: the campaign check adds to the changes
			.then(Mono.defer(() -> this.customers.update(actor, id, input.expectedVersion(), changes.columns(),
					ArchiveChange.NONE, requiredOwner)))
			.switchIfEmpty(Mono.defer(() -> explainRefusedChange(actor, id, input.expectedVersion(), false)))
			.flatMap(customer -> (shareIds == null ? Mono.<Void>empty()
					: this.customers.replaceShares(customer.id(), shareIds))
				.then(event(actor, EventType.CUSTOMER_UPDATED, customer))
				.thenReturn(customer));
	}

	@Transactional
	public Mono<Customer> archive(Actor actor, String id, Integer expectedVersion, boolean restore) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.CUSTOMER);
		List<UserError> errors = new ArrayList<>();
		UUID uuid = GlobalId.uuidOf("Customer", id, errors, "input", "id");
		Inputs.rejectIfAny(errors);
		ArchiveChange change = restore ? ArchiveChange.RESTORE : ArchiveChange.ARCHIVE;
		return this.customers.update(actor, uuid, expectedVersion, Map.of(), change, null)
			.switchIfEmpty(Mono.defer(() -> explainRefusedChange(actor, uuid, expectedVersion, restore)))
			.flatMap(customer -> event(actor, restore ? EventType.CUSTOMER_RESTORED : EventType.CUSTOMER_ARCHIVED,
					customer)
				.thenReturn(customer));
	}

	/**
	 * Says why an update matched no row: not visible, archived (or not, for restore), or
	 * stale.
	 */
	private Mono<Customer> explainRefusedChange(Actor actor, UUID id, int expectedVersion, boolean restore) {
		return this.customers.findVisible(actor, id)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(notFound("input", "id"))))
			.flatMap(current -> {
				if (!restore && current.archived()) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"The customer is archived: restore it before changing it.", "input", "id")));
				}
				if (restore && !current.archived()) {
					return Mono.error(new UserErrorsException(
							UserError.of(UserErrorCode.CONFLICT, "The customer is not archived.", "input", "id")));
				}
				if (current.version() == expectedVersion) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
							"Only the owner or their manager may hand this customer over or change who it is shared with.",
							"input", "id")));
				}
				return Mono.error(UserErrorsException.staleVersion("customer", current.version()));
			});
	}

	// ---- contacts

	@Transactional
	public Mono<Contact> addContact(Actor actor, AddContactInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.CONTACT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		Inputs.rejectIfAny(errors);
		return this.customers.findVisible(actor, customerId)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(notFound("input", "customerId"))))
			.flatMap(customer -> {
				if (customer.archived()) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"The customer is archived: restore it before adding contacts.", "input", "customerId")));
				}
				return this.contacts.insert(newContact(customer.id(), input.contact()))
					.flatMap(contact -> event(actor, customer, contact, EventType.CONTACT_ADDED).thenReturn(contact));
			});
	}

	@Transactional
	public Mono<Contact> updateContact(Actor actor, UpdateContactInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.CONTACT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Contact", input.id(), errors, "input", "id");
		Changes changes = new Changes();
		changes.set("first_name", input.firstName(), Inputs::clean);
		changes.set("last_name", input.lastName(), Inputs::clean);
		changes.set("job_title", input.jobTitle(), Inputs::clean);
		changes.set("roles", input.roles(), roles -> distinct(roles, Function.identity()));
		changes.set("emails", input.emails(), emails -> distinct(emails, email -> lower(email.trim())));
		changes.set("phones", input.phones(), phones -> distinct(phones, String::trim));
		changes.set("notes", input.notes(), Inputs::clean);
		Inputs.rejectIfAny(errors);
		return changeContact(actor, id, input.expectedVersion(), changes.columns(), false, EventType.CONTACT_UPDATED);
	}

	@Transactional
	public Mono<Contact> removeContact(Actor actor, String id, Integer expectedVersion) {
		AccessPolicy.require(actor, Action.DELETE, Subject.CONTACT);
		List<UserError> errors = new ArrayList<>();
		UUID uuid = GlobalId.uuidOf("Contact", id, errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return changeContact(actor, uuid, expectedVersion, Map.of(), true, EventType.CONTACT_REMOVED);
	}

	private Mono<Contact> changeContact(Actor actor, UUID id, int expectedVersion, Map<String, Object> changes,
			boolean remove, EventType eventType) {
		return this.contacts.findVisible(actor, id)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(notFound("input", "id"))))
			.flatMap(found -> {
				if (found.customerArchived()) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"The contact's customer is archived: restore it first.", "input", "id")));
				}
				return this.contacts.update(id, expectedVersion, changes, remove)
					.switchIfEmpty(
							Mono.error(() -> UserErrorsException.staleVersion("contact", found.contact().version())))
					.flatMap(contact -> this.outbox
						.append(actor, eventType, "Contact", contact.id(), contact.version(),
								EventOwner.customer(contact.customerId(), found.partnerId()),
								CustomerEvents.payload(contact))
						.thenReturn(contact));
			});
	}

	// ---- helpers

	private Mono<Long> event(Actor actor, EventType type, Customer customer) {
		return this.outbox.append(actor, type, "Customer", customer.id(), customer.version(),
				EventOwner.customer(customer.id(), customer.partnerId()), CustomerEvents.payload(customer));
	}

	private Mono<Long> event(Actor actor, Customer customer, Contact contact, EventType type) {
		return this.outbox.append(actor, type, "Contact", contact.id(), contact.version(),
				EventOwner.customer(customer.id(), customer.partnerId()), CustomerEvents.payload(contact));
	}

	private static Contact newContact(UUID customerId, ContactInput input) {
		return new Contact(UUID.randomUUID(), customerId, Inputs.clean(input.firstName()),
				Inputs.clean(input.lastName()), Inputs.clean(input.jobTitle()),
				distinct(input.roles(), Function.identity()), distinct(input.emails(), email -> lower(email.trim())),
				distinct(input.phones(), String::trim), Inputs.clean(input.notes()), 1, null, null);
	}

	/** The campaign id of an input, checked to exist; empty when none was given. */
	private Mono<Optional<UUID>> campaignOf(Actor actor, String campaignId) {
		return campaignId == null ? Mono.just(Optional.empty())
				: this.campaigns.requireCampaign(actor, campaignId, "input", "sourceCampaignId").map(Optional::of);
	}

	/** Customers attributed to each campaign, in the actor's scope. */
	public Mono<Map<UUID, Integer>> leadsByCampaign(Actor actor) {
		return this.customers.leadsByCampaign(actor);
	}

	private Mono<Void> registerCaller(Actor actor) {
		return actor.isUser() ? this.users.requireRegistered(actor) : Mono.empty();
	}

	private Mono<Void> requireShareable(Actor actor, List<String> userIds) {
		return this.users.shareable(actor, userIds).flatMap(allowed -> {
			List<UserError> errors = new ArrayList<>();
			for (int i = 0; i < userIds.size(); i++) {
				if (!allowed.contains(userIds.get(i))) {
					errors.add(notFound("input", "sharedWithIds", String.valueOf(i)));
				}
			}
			return errors.isEmpty() ? Mono.empty() : Mono.error(new UserErrorsException(errors));
		});
	}

	private static String userId(String id, List<UserError> errors, String... field) {
		GlobalId globalId = GlobalId.parse(id);
		if (globalId == null) {
			errors.add(UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid id.", field));
			return null;
		}
		if (!"User".equals(globalId.type())) {
			errors.add(notFound(field));
			return null;
		}
		return globalId.localId();
	}

	private static List<String> userIds(List<String> ids, List<UserError> errors) {
		if (ids == null) {
			return List.of();
		}
		Set<String> userIds = new LinkedHashSet<>();
		for (int i = 0; i < ids.size(); i++) {
			String userId = userId(ids.get(i), errors, "input", "sharedWithIds", String.valueOf(i));
			if (userId != null) {
				userIds.add(userId);
			}
		}
		return List.copyOf(userIds);
	}

	private static UserError notFound(String... field) {
		return UserError.of(UserErrorCode.NOT_FOUND, "Not found.", field);
	}

	private static String lower(String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	/** Tags trimmed, without duplicates that differ only in case, in the order given. */
	private static List<String> tags(List<String> tags) {
		if (tags == null) {
			return List.of();
		}
		Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		return tags.stream().map(String::strip).filter(tag -> !tag.isEmpty() && seen.add(tag)).toList();
	}

	private static <T> List<T> distinct(List<T> values, Function<T, T> normalise) {
		return values == null ? List.of() : values.stream().map(normalise).distinct().toList();
	}

}
