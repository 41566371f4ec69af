package com.dealerdesk.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Page;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
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

	CustomerService(CustomerRepository customers, ContactRepository contacts, UserDirectory users,
			InputValidator validator, OutboxWriter outbox) {
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

	Mono<Page<Customer>> page(Actor actor, Integer first, String after, CustomerFilter filter, CustomerOrder order) {
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
	 * Current contacts visible to the actor, by id; for features that refer to contacts.
	 */
	public Mono<Map<UUID, Contact>> contacts(Actor actor, Collection<UUID> ids) {
		return this.contacts.findVisible(actor, ids);
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

	// ---- customers

	@Transactional
	public Mono<Customer> create(Actor actor, CreateCustomerInput input, Map<String, Object> rawInput) {
		requireWriter(actor);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, rawInput, "input"));
		String ownerId = input.ownerId() != null ? userId(input.ownerId(), errors, "input", "ownerId")
				: actor.isUser() ? actor.subject() : null;
		if (ownerId == null && input.ownerId() == null) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "An integration must name the owner.", "input", "ownerId"));
		}
		rejectIfAny(errors);
		Customer draft = new Customer(UUID.randomUUID(), clean(input.name()), null, clean(input.legalName()),
				clean(input.taxId()), clean(input.industry()), clean(input.region()), input.size(),
				input.status() == null ? CustomerStatus.PROSPECT : input.status(), ownerId, actor.partnerId(),
				tags(input.tags()), input.sourceChannel(), clean(input.website()), lower(clean(input.email())),
				clean(input.phone()), clean(input.address()), clean(input.notes()), null, 1, null, null);
		List<ContactInput> contactInputs = input.contacts() == null ? List.of() : input.contacts();
		return registerCaller(actor).then(requireAssignable(actor, ownerId, "input", "ownerId"))
			.then(this.customers.insert(draft))
			.flatMap(
					customer -> Flux.fromIterable(contactInputs)
						.concatMap(contact -> this.contacts.insert(newContact(customer.id(), contact)))
						.collectList()
						.flatMap(
								added -> event(actor, CustomerEvents.CUSTOMER_CREATED, customer)
									.thenMany(Flux.fromIterable(added)
										.concatMap(contact -> event(actor, customer, contact,
												CustomerEvents.CONTACT_ADDED)))
									.then(Mono.just(customer))));
	}

	@Transactional
	public Mono<Customer> update(Actor actor, UpdateCustomerInput input, Map<String, Object> rawInput) {
		requireWriter(actor);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, rawInput, "input"));
		UUID id = customerId(input.id(), errors, "input", "id");
		Set<String> sent = rawInput.keySet();
		requireIfSent(sent, rawInput, errors, "name", "status", "ownerId");
		Map<String, Object> changes = new LinkedHashMap<>();
		putIfSent(changes, sent, "name", "name", clean(input.name()));
		putIfSent(changes, sent, "legalName", "legal_name", clean(input.legalName()));
		putIfSent(changes, sent, "taxId", "tax_id", clean(input.taxId()));
		putIfSent(changes, sent, "industry", "industry", clean(input.industry()));
		putIfSent(changes, sent, "region", "region", clean(input.region()));
		putIfSent(changes, sent, "size", "size", input.size());
		putIfSent(changes, sent, "status", "status", input.status());
		putIfSent(changes, sent, "tags", "tags", tags(input.tags()));
		putIfSent(changes, sent, "sourceChannel", "source_channel", input.sourceChannel());
		putIfSent(changes, sent, "website", "website", clean(input.website()));
		putIfSent(changes, sent, "email", "email", lower(clean(input.email())));
		putIfSent(changes, sent, "phone", "phone", clean(input.phone()));
		putIfSent(changes, sent, "address", "address", clean(input.address()));
		putIfSent(changes, sent, "notes", "notes", clean(input.notes()));
		String ownerId = input.ownerId() == null ? null : userId(input.ownerId(), errors, "input", "ownerId");
		putIfSent(changes, sent, "ownerId", "owner_id", ownerId);
		List<String> shareIds = sent.contains("sharedWithIds") ? userIds(input.sharedWithIds(), errors) : null;
		rejectIfAny(errors);
		Mono<Void> checks = (ownerId == null ? Mono.<Void>empty()
				: requireAssignable(actor, ownerId, "input", "ownerId"))
			.then(shareIds == null ? Mono.empty() : requireShareable(actor, shareIds));
		// A rep sees customers shared with them, but only the owner's side may hand one
		// over or re-share it.
		boolean changesWhoSees = sent.contains("ownerId") || sent.contains("sharedWithIds");
		String requiredOwner = changesWhoSees && actsOnlyAsRep(actor) ? actor.subject() : null;
		return checks
			.then(this.customers.update(actor, id, input.expectedVersion(), changes, ArchiveChange.NONE, requiredOwner))
			.switchIfEmpty(Mono.defer(() -> explainRefusedChange(actor, id, input.expectedVersion(), false)))
			.flatMap(customer -> (shareIds == null ? Mono.<Void>empty()
					: this.customers.replaceShares(customer.id(), shareIds))
				.then(event(actor, CustomerEvents.CUSTOMER_UPDATED, customer))
				.thenReturn(customer));
	}

	@Transactional
	public Mono<Customer> archive(Actor actor, String id, Integer expectedVersion, boolean restore) {
		requireWriter(actor);
		List<UserError> errors = new ArrayList<>();
		UUID uuid = customerId(id, errors, "input", "id");
		rejectIfAny(errors);
		ArchiveChange change = restore ? ArchiveChange.RESTORE : ArchiveChange.ARCHIVE;
		return this.customers.update(actor, uuid, expectedVersion, Map.of(), change, null)
			.switchIfEmpty(Mono.defer(() -> explainRefusedChange(actor, uuid, expectedVersion, restore)))
			.flatMap(customer -> event(actor,
					restore ? CustomerEvents.CUSTOMER_RESTORED : CustomerEvents.CUSTOMER_ARCHIVED, customer)
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
				return Mono.error(new UserErrorsException(stale(current.version())));
			});
	}

	private static boolean actsOnlyAsRep(Actor actor) {
		return actor.has(Role.SALES_REP) && !actor.has(Role.SALES_MANAGER) && !actor.has(Role.ADMIN)
				&& !actor.isPartner();
	}

	// ---- contacts

	@Transactional
	public Mono<Contact> addContact(Actor actor, AddContactInput input, Map<String, Object> rawInput) {
		requireWriter(actor);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, rawInput, "input"));
		UUID customerId = customerId(input.customerId(), errors, "input", "customerId");
		rejectIfAny(errors);
		return this.customers.findVisible(actor, customerId)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(notFound("input", "customerId"))))
			.flatMap(customer -> {
				if (customer.archived()) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"The customer is archived: restore it before adding contacts.", "input", "customerId")));
				}
				return this.contacts.insert(newContact(customer.id(), input.contact()))
					.flatMap(contact -> event(actor, customer, contact, CustomerEvents.CONTACT_ADDED)
						.thenReturn(contact));
			});
	}

	@Transactional
	public Mono<Contact> updateContact(Actor actor, UpdateContactInput input, Map<String, Object> rawInput) {
		requireWriter(actor);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, rawInput, "input"));
		UUID id = contactId(input.id(), errors);
		Set<String> sent = rawInput.keySet();
		requireIfSent(sent, rawInput, errors, "lastName");
		Map<String, Object> changes = new LinkedHashMap<>();
		putIfSent(changes, sent, "firstName", "first_name", clean(input.firstName()));
		putIfSent(changes, sent, "lastName", "last_name", clean(input.lastName()));
		putIfSent(changes, sent, "jobTitle", "job_title", clean(input.jobTitle()));
		putIfSent(changes, sent, "roles", "roles", distinct(input.roles(), Function.identity()));
		putIfSent(changes, sent, "emails", "emails", distinct(input.emails(), email -> lower(email.trim())));
		putIfSent(changes, sent, "phones", "phones", distinct(input.phones(), String::trim));
		putIfSent(changes, sent, "notes", "notes", clean(input.notes()));
		rejectIfAny(errors);
		return changeContact(actor, id, input.expectedVersion(), changes, false, CustomerEvents.CONTACT_UPDATED);
	}

	@Transactional
	public Mono<Contact> removeContact(Actor actor, String id, Integer expectedVersion) {
		requireWriter(actor);
		List<UserError> errors = new ArrayList<>();
		UUID uuid = contactId(id, errors);
		rejectIfAny(errors);
		return changeContact(actor, uuid, expectedVersion, Map.of(), true, CustomerEvents.CONTACT_REMOVED);
	}

	private Mono<Contact> changeContact(Actor actor, UUID id, int expectedVersion, Map<String, Object> changes,
			boolean remove, String eventType) {
		return this.contacts.findVisible(actor, id)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(notFound("input", "id"))))
			.flatMap(found -> {
				if (found.customerArchived()) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"The contact's customer is archived: restore it first.", "input", "id")));
				}
				return this.contacts.update(id, expectedVersion, changes, remove)
					.switchIfEmpty(Mono.error(() -> new UserErrorsException(stale(found.contact().version()))))
					.flatMap(contact -> this.outbox
						.append(actor, eventType, "Contact", contact.id(), contact.version(), found.partnerId(),
								CustomerEvents.payload(contact))
						.thenReturn(contact));
			});
	}

	// ---- helpers

	private Mono<Long> event(Actor actor, String type, Customer customer) {
		return this.outbox.append(actor, type, "Customer", customer.id(), customer.version(), customer.partnerId(),
				CustomerEvents.payload(customer));
	}

	private Mono<Long> event(Actor actor, Customer customer, Contact contact, String type) {
		return this.outbox.append(actor, type, "Contact", contact.id(), contact.version(), customer.partnerId(),
				CustomerEvents.payload(contact));
	}

	private static Contact newContact(UUID customerId, ContactInput input) {
		return new Contact(UUID.randomUUID(), customerId, clean(input.firstName()), clean(input.lastName()),
				clean(input.jobTitle()), distinct(input.roles(), Function.identity()),
				distinct(input.emails(), email -> lower(email.trim())), distinct(input.phones(), String::trim),
				clean(input.notes()), 1, null, null);
	}

	private static void requireWriter(Actor actor) {
		if (!actor.canWriteSalesData()) {
			throw new UserErrorsException(
					UserError.of(UserErrorCode.NOT_ALLOWED, "Your role may read customers but not change them."));
		}
	}

	private Mono<Void> registerCaller(Actor actor) {
		if (!actor.isUser()) {
			return Mono.empty();
		}
		return this.users.register(actor)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
					"Your account's partner is not known to DealerDesk: ask the vendor to register it."))))
			.then();
	}

	private Mono<Void> requireAssignable(Actor actor, String userId, String... field) {
		return this.users.assignableOwners(actor, Set.of(userId))
			.filter(allowed -> allowed.contains(userId))
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
					"You may not make this user the owner: pick yourself or someone in your team.", field))))
			.then();
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

	private static UUID customerId(String id, List<UserError> errors, String... field) {
		UUID uuid = GlobalId.uuidOf("Customer", id);
		if (uuid == null) {
			errors.add(GlobalId.parse(id) == null ? UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid id.", field)
					: notFound(field));
		}
		return uuid;
	}

	private static UUID contactId(String id, List<UserError> errors) {
		UUID uuid = GlobalId.uuidOf("Contact", id);
		if (uuid == null) {
			errors.add(GlobalId.parse(id) == null
					? UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid id.", "input", "id")
					: notFound("input", "id"));
		}
		return uuid;
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

	private static void requireIfSent(Set<String> sent, Map<String, Object> rawInput, List<UserError> errors,
			String... fields) {
		for (String field : fields) {
			Object value = rawInput.get(field);
			if (sent.contains(field) && (value == null || value instanceof String text && text.isBlank())) {
				if (errors.stream().noneMatch(error -> List.of("input", field).equals(error.field()))) {
					errors.add(UserError.of(UserErrorCode.REQUIRED, "Is required.", "input", field));
				}
			}
		}
	}

	private static void putIfSent(Map<String, Object> changes, Set<String> sent, String field, String column,
			Object value) {
		if (sent.contains(field)) {
			changes.put(column, value);
		}
	}

	private static void rejectIfAny(List<UserError> errors) {
		if (!errors.isEmpty()) {
			throw new UserErrorsException(errors);
		}
	}

	private static UserError notFound(String... field) {
		return UserError.of(UserErrorCode.NOT_FOUND, "Not found.", field);
	}

	private static UserError stale(int currentVersion) {
		return UserError.of(UserErrorCode.STALE_VERSION, "Someone else changed this since you read it (now at version "
				+ currentVersion + "): reload and apply your change again.", "input", "expectedVersion");
	}

	private static String clean(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
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
