package com.dealerdesk.channel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.channel.DealRegistration.Conflict;
import com.dealerdesk.channel.DealRegistration.Kind;
import com.dealerdesk.channel.DealRegistration.Line;
import com.dealerdesk.channel.DealRegistration.Status;
import com.dealerdesk.channel.DealRegistrationInputs.ApproveDealRegistrationInput;
import com.dealerdesk.channel.DealRegistrationInputs.DealRegistrationLineInput;
import com.dealerdesk.channel.DealRegistrationInputs.DecideDealRegistrationInput;
import com.dealerdesk.channel.DealRegistrationInputs.RejectDealRegistrationInput;
import com.dealerdesk.channel.DealRegistrationInputs.SubmitDealRegistrationInput;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.customer.PartnerCustomer;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.partner.PartnerStanding;
import com.dealerdesk.partner.PartnerStandings;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.numbering.DocumentNumbers;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.platform.text.CustomerKeys;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import com.dealerdesk.sales.PartnerDeal;
import com.dealerdesk.sales.OpportunityService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deal registrations: a partner's user submits one (conflicts are detected and kept with
 * it), may withdraw it while it waits; the vendor's channel manager approves it (the
 * customer is taken or made under the partner, a deal is opened, the partner holds it
 * until {@code protectedUntil}) or rejects it with a reason. See ADR 0027.
 */
@Service
public class DealRegistrationService implements NodeFetcher {

	/** The one pending registration per partner and customer (V31). */
	static final String ONE_PENDING = "deal_registration_one_pending_idx";

	private static final String EMAIL_DOMAIN = "[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}";

	private final DealRegistrationRepository registrations;

	private final RegistrationConflicts conflicts;

	private final DealRegistrationEvents events;

	private final PartnerStandings partners;

	private final CustomerService customers;

	private final ProductService products;

	private final OpportunityService deals;

	private final UserDirectory users;

	private final DocumentNumbers numbers;

	private final InputValidator validator;

	private final Clock clock;

	private final int protectionDays;

	DealRegistrationService(DealRegistrationRepository registrations, RegistrationConflicts conflicts,
			DealRegistrationEvents events, PartnerStandings partners, CustomerService customers,
			ProductService products, OpportunityService deals, UserDirectory users, DocumentNumbers numbers,
			InputValidator validator, Clock clock,
			@Value("${dealerdesk.channel.protection-days:90}") int protectionDays) {
		this.registrations = registrations;
		this.conflicts = conflicts;
		this.events = events;
		this.partners = partners;
		this.customers = customers;
		this.products = products;
		this.deals = deals;
		this.users = users;
		this.numbers = numbers;
		this.validator = validator;
		this.clock = clock;
		this.protectionDays = protectionDays;
	}

	// ---- reading

	Mono<Map<UUID, DealRegistration>> registrations(Actor actor, Collection<UUID> ids) {
		return this.registrations.visible(actor, ids);
	}

	Mono<Connection<DealRegistration>> page(Actor actor, List<Status> statuses, String partnerId, Boolean hasConflicts,
			Integer first, String after) {
		InvalidArgumentException.requireAtMost(statuses, "status");
		PageRequest page = PageRequest.of(first, after, DealRegistrationRepository.NEWEST);
		UUID partner = partnerId == null ? null : GlobalId.requireUuidOf("Partner", partnerId);
		if (partnerId != null && partner == null) {
			return Mono.just(page.page(List.of(), DealRegistrationService::cursor));
		}
		return this.registrations.page(actor, statuses, partner, hasConflicts, page)
			.map(rows -> page.page(rows, DealRegistrationService::cursor));
	}

	Mono<Map<UUID, List<Line>>> linesOf(Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.registrations.linesOf(ids);
	}

	/**
	 * The conflicts, for the vendor only: the evidence names other partners' business.
	 */
	Mono<Map<UUID, List<Conflict>>> conflictsOf(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() || actor.isPartner() ? Mono.just(Map.of()) : this.registrations.conflictsOf(ids);
	}

	static KeysetCursor cursor(DealRegistration registration) {
		return new KeysetCursor(DealRegistrationRepository.NEWEST, registration.submittedAt().toString(),
				registration.id());
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("DealRegistration");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : registrations(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, uuids -> registrations(actor, uuids));
	}

	// ---- submitting and withdrawing

	@Transactional
	public Mono<DealRegistration> submit(Actor actor, SubmitDealRegistrationInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.DEAL_REGISTRATION);
		if (actor.partnerId() == null) {
			throw new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
					"Deals are registered by a partner's users; the vendor decides them."));
		}
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID customerId = input.customerId() == null ? null
				: GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		UUID partnerId = input.partnerId() == null ? actor.partnerId()
				: GlobalId.uuidOf("Partner", input.partnerId(), errors, "input", "partnerId");
		String customerName = Inputs.clean(input.customerName());
		if (input.customerId() == null && customerName == null) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Name the customer, or pick one of yours.", "input",
					"customerName"));
		}
		else if (input.customerId() != null && customerName != null) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					"Pick one of your customers or describe a new one, not both.", "input", "customerName"));
		}
		if (customerName != null && CustomerKeys.name(customerName) == null) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "The name needs letters or digits.", "input",
					"customerName"));
		}
		String domain = CustomerKeys.emailDomain(Inputs.clean(input.customerEmailDomain()));
		if (domain != null && !domain.matches(EMAIL_DOMAIN)) {
			errors.add(UserError.of(UserErrorCode.INVALID_FORMAT, "Give a domain such as example.com, or an address.",
					"input", "customerEmailDomain"));
		}
		Money amount = input.expectedAmount() == null || input.expectedAmount().amount() == null ? null : Money.checked(
				input.expectedAmount().amount(), input.expectedAmount().currency(), errors, "input", "expectedAmount");
		if (amount != null && amount.amount().signum() == 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be greater than zero.", "input",
					"expectedAmount", "amount"));
		}
		LocalDate today = LocalDate.now(this.clock);
		if (input.expectedCloseOn() != null && input.expectedCloseOn().isBefore(today)) {
			errors
				.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be today or later.", "input", "expectedCloseOn"));
		}
		List<UUID> productIds = new ArrayList<>();
		List<DealRegistrationLineInput> lineInputs = input.lines() == null ? List.of() : input.lines();
		if (input.lines() != null && lineInputs.isEmpty()) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Register at least one product.", "input", "lines"));
		}
		for (int i = 0; i < lineInputs.size(); i++) {
			DealRegistrationLineInput line = lineInputs.get(i);
			productIds.add(line == null || line.productId() == null ? null : GlobalId.uuidOf("Product",
					line.productId(), errors, "input", "lines", String.valueOf(i), "productId"));
		}
		Inputs.rejectIfAny(errors);
		return requireRegisteringPartner(actor, partnerId).flatMap(
				partner -> Mono
					.zip(customerOf(actor, customerId), orderable(lineInputs, productIds),
							this.users.requireRegistered(actor).thenReturn(true))
					.flatMap(found -> {
						Customer customer = found.getT1().orElse(null);
						String name = customer != null ? customer.name() : customerName;
						String taxId = Inputs.clean(input.customerTaxId()) != null ? Inputs.clean(input.customerTaxId())
								: customer == null ? null : customer.taxId();
						String emailDomain = domain != null ? domain
								: customer == null ? null : CustomerKeys.emailDomain(customer.email());
						String region = Inputs.clean(input.customerRegion()) != null
								? Inputs.clean(input.customerRegion()) : customer == null ? null : customer.region();
						String industry = Inputs.clean(input.customerIndustry()) != null
								? Inputs.clean(input.customerIndustry())
								: customer == null ? null : customer.industry();
						UUID id = UUID.randomUUID();
						List<Line> lines = new ArrayList<>();
						for (int i = 0; i < lineInputs.size(); i++) {
							lines.add(new Line(id, i + 1, productIds.get(i),
									Inputs.clean(lineInputs.get(i).editionCode()), lineInputs.get(i).quantity()));
						}
						return this.numbers.next("REG", today.getYear())
							.map(number -> new DealRegistration(id, number, partner.id(), actor.subject(),
									customer == null ? null : customer.id(), name, taxId, emailDomain, region, industry,
									CustomerKeys.taxId(taxId), CustomerKeys.name(name), amount, input.expectedCloseOn(),
									Inputs.clean(input.note()), Status.SUBMITTED, OffsetDateTime.now(this.clock), null,
									null, null, null, null, 1))
							.flatMap(
									registration -> this.registrations.insert(registration, lines)
										.onErrorMap(UniqueViolation.of(ONE_PENDING), ex -> conflict("customerName",
												"Your partner has already registered this customer and is waiting for"
														+ " the decision."))
										.then(this.conflicts.sideOf(partner))
										.flatMap(side -> this.conflicts.detect(registration, partner, side, today))
										.flatMap(this.registrations::insertConflicts)
										.then(reload(actor, id)));
					}))
			.flatMap(registration -> this.events.registration(actor, EventType.DEAL_REGISTRATION_SUBMITTED,
					registration));
	}

	@Transactional
	public Mono<DealRegistration> withdraw(Actor actor, DecideDealRegistrationInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.DEAL_REGISTRATION);
		UUID id = requireId(input.id());
		return lockVisible(actor, id).flatMap(current -> {
			requireVersion(current, input.expectedVersion());
			requireSubmitted(current, "withdrawn");
			return change(current, Map.of("status", Status.WITHDRAWN.name()));
		})
			.flatMap(registration -> this.events.registration(actor, EventType.DEAL_REGISTRATION_WITHDRAWN,
					registration));
	}

	// ---- deciding

	@Transactional
	public Mono<DealRegistration> approve(Actor actor, ApproveDealRegistrationInput input) {
		AccessPolicy.require(actor, Action.APPROVE, Subject.DEAL_REGISTRATION);
		Inputs.rejectIfAny(this.validator.validate(input, "input"));
		UUID id = requireId(input.id());
		LocalDate today = LocalDate.now(this.clock);
		int days = input.protectionDays() != null ? input.protectionDays() : this.protectionDays;
		return lockVisible(actor, id).flatMap(current -> {
			requireVersion(current, input.expectedVersion());
			requireSubmitted(current, "approved");
			if (undecidedTooLong(current, today)) {
				throw conflict("id", "The registration waited longer than the protection period of "
						+ this.protectionDays + " days and has expired: the partner may register the deal again.");
			}
			RegistrationConflicts.Keys keys = RegistrationConflicts.keysOf(current);
			List<String> lockKeys = new ArrayList<>(keys.all());
			if (current.customerId() != null) {
				lockKeys.add("customer:" + current.customerId());
			}
			return this.registrations.lockKeys(lockKeys)
				.then(this.partners.of(current.partnerId()))
				.flatMap(partner -> this.conflicts.sideOf(partner)
					.flatMap(side -> this.registrations
						.claims(side, keys.taxId(), keys.name(), keys.emailDomain(), current.customerId(), today, true)
						.next()
						.flatMap(claim -> Mono.<DealRegistration>error(conflict("id",
								"Registration " + claim.registration().number()
										+ " of another partner holds this customer until "
										+ claim.registration().protectedUntil() + ".")))
						.then(requireAcknowledged(actor, current, input.acknowledgeConflicts()))
						.then(Mono.defer(() -> customerFor(actor, current)))
						.flatMap(customerId -> openDeal(actor, current, customerId).flatMap(dealId -> change(current,
								Map.of("status", Status.APPROVED.name(), "customer_id", customerId, "opportunity_id",
										dealId, "protected_until", today.plusDays(days), "decided_at",
										OffsetDateTime.now(this.clock), "decided_by", actor.subject()))))));
		}).flatMap(registration -> this.events.registration(actor, EventType.DEAL_REGISTRATION_APPROVED, registration));
	}

	@Transactional
	public Mono<DealRegistration> reject(Actor actor, RejectDealRegistrationInput input) {
		AccessPolicy.require(actor, Action.APPROVE, Subject.DEAL_REGISTRATION);
		Inputs.rejectIfAny(this.validator.validate(input, "input"));
		UUID id = requireId(input.id());
		return lockVisible(actor, id).flatMap(current -> {
			requireVersion(current, input.expectedVersion());
			requireSubmitted(current, "rejected");
			return this.users.requireRegistered(actor)
				.then(change(current,
						Map.of("status", Status.REJECTED.name(), "rejection_reason", input.reason().strip(),
								"decided_at", OffsetDateTime.now(this.clock), "decided_by", actor.subject())));
		}).flatMap(registration -> this.events.registration(actor, EventType.DEAL_REGISTRATION_REJECTED, registration));
	}

	/**
	 * Expires the claims that ended before today (ADR 0027); returns how many, each with
	 * its event in the batch's transaction.
	 */
	Flux<DealRegistration> expireBatch(int batch) {
		return this.registrations.expire(LocalDate.now(this.clock), this.protectionDays, batch)
			.flatMapMany(Flux::fromIterable)
			.concatMap(registration -> this.events.registration(Actor.SYSTEM, EventType.DEAL_REGISTRATION_EXPIRED,
					registration));
	}

	// ---- helpers

	/**
	 * The partner the registration is for: the caller's, or one of its sub-dealers;
	 * active.
	 */
	private Mono<PartnerStanding> requireRegisteringPartner(Actor actor, UUID partnerId) {
		return this.partners.of(partnerId)
			.filter(partner -> partner.id().equals(actor.partnerId()) || actor.partnerId().equals(partner.parentId()))
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND,
					"No such partner: give your own partner or one of its sub-dealers.", "input", "partnerId"))))
			.map(partner -> {
				if (!partner.active()) {
					throw new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
							partner.name() + " is " + partner.status() + ": only an active partner registers deals.",
							"input", "partnerId"));
				}
				return partner;
			});
	}

	private Mono<java.util.Optional<Customer>> customerOf(Actor actor, UUID customerId) {
		if (customerId == null) {
			return Mono.just(java.util.Optional.empty());
		}
		return this.customers.requireOpen(actor, customerId, "customerId").map(java.util.Optional::of);
	}

	/** The products of the lines, each active with its edition; all errors at once. */
	private Mono<List<Product>> orderable(List<DealRegistrationLineInput> lines, List<UUID> productIds) {
		List<UserError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
		return Flux.range(0, lines.size())
			.concatMap(i -> this.products.orderable(productIds.get(i), Inputs.clean(lines.get(i).editionCode()), errors,
					new String[] { "input", "lines", String.valueOf(i), "productId" },
					new String[] { "input", "lines", String.valueOf(i), "editionCode" }))
			.collectList()
			.doOnNext(found -> Inputs.rejectIfAny(errors));
	}

	private Mono<Void> requireAcknowledged(Actor actor, DealRegistration current, Boolean acknowledged) {
		if (Boolean.TRUE.equals(acknowledged)) {
			return Mono.empty();
		}
		return conflictsOf(actor, Set.of(current.id())).flatMap(found -> {
			List<Conflict> others = found.getOrDefault(current.id(), List.of())
				.stream()
				.filter(conflict -> conflict.kind() != Kind.SAME_CUSTOMER_REGISTERED)
				.toList();
			return others.isEmpty() ? Mono.empty()
					: Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"The registration has " + others.size() + " conflict(s) ("
									+ others.stream().map(conflict -> conflict.kind().name()).distinct().toList()
									+ "): look at them and approve with acknowledgeConflicts: true.",
							"input", "acknowledgeConflicts")));
		});
	}

	/**
	 * The registered customer, or a new one of the partner owned by the registering user.
	 */
	private Mono<UUID> customerFor(Actor actor, DealRegistration registration) {
		if (registration.customerId() != null) {
			return Mono.just(registration.customerId());
		}
		return this.customers
			.createForPartner(actor,
					new PartnerCustomer(registration.customerName(), registration.customerTaxId(),
							registration.customerRegion(), registration.customerIndustry(), registration.partnerId(),
							registration.registeredBy()))
			.map(Customer::id);
	}

	private Mono<UUID> openDeal(Actor actor, DealRegistration registration, UUID customerId) {
		return this.registrations.linesOf(Set.of(registration.id()))
			.map(found -> found.getOrDefault(registration.id(), List.of()))
			.flatMap(lines -> this.products.byIds(lines.stream().map(Line::productId).toList())
				.map(found -> lines.stream()
					.map(line -> new PartnerDeal.Product(found.get(line.productId()).displayName(line.editionCode()),
							line.quantity()))
					.toList()))
			.flatMap(products -> this.users.requireRegistered(actor)
				.then(this.deals.openForPartner(actor,
						new PartnerDeal(customerId, registration.number() + " " + registration.customerName(),
								registration.registeredBy(), registration.expectedAmount(),
								registration.expectedCloseOn(), products))))
			.map(deal -> deal.id());
	}

	/**
	 * Submitted more than the protection period ago: expired, whether the job ran or not.
	 */
	private boolean undecidedTooLong(DealRegistration registration, LocalDate today) {
		return registration.submittedAt().toLocalDate().plusDays(this.protectionDays).isBefore(today);
	}

	private Mono<DealRegistration> change(DealRegistration current, Map<String, Object> columns) {
		return this.registrations.update(current.id(), current.version(), columns)
			.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("registration", current.version())));
	}

	private Mono<DealRegistration> lockVisible(Actor actor, UUID id) {
		return this.registrations.lock(actor, id)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such registration.", "input", "id"))));
	}

	private Mono<DealRegistration> reload(Actor actor, UUID id) {
		return registrations(actor, Set.of(id)).mapNotNull(found -> found.get(id));
	}

	private static UUID requireId(String id) {
		List<UserError> errors = new ArrayList<>();
		UUID uuid = GlobalId.uuidOf("DealRegistration", id, errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return uuid;
	}

	private static void requireVersion(DealRegistration current, Integer expectedVersion) {
		if (expectedVersion == null || current.version() != expectedVersion) {
			throw UserErrorsException.staleVersion("registration", current.version());
		}
	}

	private static void requireSubmitted(DealRegistration current, String what) {
		if (current.status() != Status.SUBMITTED) {
			throw conflict("id", "Only a SUBMITTED registration can be " + what + "; " + current.number() + " is "
					+ current.status() + ".");
		}
	}

	private static UserErrorsException conflict(String field, String message) {
		return new UserErrorsException(UserError.of(UserErrorCode.CONFLICT, message, "input", field));
	}

}
