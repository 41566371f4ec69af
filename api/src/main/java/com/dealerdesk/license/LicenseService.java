package com.dealerdesk.license;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.license.License.LicenseStatus;
import com.dealerdesk.license.LicenseInputs.BindLicensesInput;
import com.dealerdesk.license.LicenseInputs.CreateRenewalOrderInput;
import com.dealerdesk.license.LicenseInputs.ExtendLicenseInput;
import com.dealerdesk.license.LicenseInputs.IssueLicensesInput;
import com.dealerdesk.license.LicenseInputs.LicenseChangeInput;
import com.dealerdesk.license.LicenseInputs.UpgradeLicenseInput;
import com.dealerdesk.license.LicenseRepository.LicenseFilter;
import com.dealerdesk.order.Order;
import com.dealerdesk.order.OrderService;
import com.dealerdesk.order.RenewalLine;
import com.dealerdesk.order.Shipment;
import com.dealerdesk.order.ShipmentService;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.Product.LicenseModel;
import com.dealerdesk.product.Product.SeatBasis;
import com.dealerdesk.product.ProductService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licenses: issued from shipments, extended, renewed, suspended, revoked, bound to keys.
 * Every change is recorded in the license's history and its outbox event in the same
 * transaction; the version grows with every change, which dates signed files.
 */
@Service
public class LicenseService implements NodeFetcher {

	private static final int MAX_SEARCH = 100;

	/**
	 * Serial numbers must not be guessable: a cryptographic source, shared (thread-safe).
	 */
	private final SecureRandom random = new SecureRandom();

	private final LicenseRepository licenses;

	private final ShipmentService shipments;

	private final OrderService orders;

	private final ProductService products;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final Clock clock;

	private final CustomerService customers;

	LicenseService(LicenseRepository licenses, ShipmentService shipments, OrderService orders, ProductService products,
			InputValidator validator, OutboxWriter outbox, Clock clock, CustomerService customers) {
		this.customers = customers;
		this.licenses = licenses;
		this.shipments = shipments;
		this.orders = orders;
		this.products = products;
		this.validator = validator;
		this.outbox = outbox;
		this.clock = clock;
	}

	// ---- reading

	public Mono<Map<UUID, License>> licenses(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.licenses.byIds(actor, ids)
			.map(rows -> rows.stream().collect(Collectors.toMap(License::id, Function.identity())));
	}

	Mono<License> bySerial(Actor actor, String serial) {
		SerialNumbers.Parsed parsed = SerialNumbers.parse(serial);
		if (parsed instanceof SerialNumbers.Parsed.Valid valid) {
			return this.licenses.bySerial(actor, valid.serial());
		}
		return Mono.error(new InvalidArgumentException("INVALID_SERIAL",
				parsed instanceof SerialNumbers.Parsed.CheckMismatch
						? "The check character does not match: a character was mistyped."
						: "Not a serial number: 21 characters, e.g. 7K3QF-9XG2M-0RTVB-E4N8H-C."));
	}

	/** The license with a canonical serial, whoever's it is: for verification only. */
	Mono<License> bySerialForVerification(String serial) {
		return this.licenses.bySerial(null, serial);
	}

	Mono<Connection<License>> page(Actor actor, String search, String customerId, LicenseStatus status, String keyId,
			Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, LicenseRepository.NEWEST);
		String words = Inputs.clean(search);
		if (words != null && words.length() > MAX_SEARCH) {
			throw new InvalidArgumentException("INVALID_SEARCH", "`search` is at most " + MAX_SEARCH + " characters.");
		}
		UUID customer = customerId == null ? null : GlobalId.requireUuidOf("Customer", customerId);
		UUID key = keyId == null ? null : GlobalId.requireUuidOf("ProtectionKey", keyId);
		if ((customerId != null && customer == null) || (keyId != null && key == null)) {
			return Mono.just(page.page(List.of(), LicenseService::cursor));
		}
		LicenseFilter filter = new LicenseFilter(words, SerialNumbers.prefix(words), customer, status, key);
		return this.licenses.page(actor, filter, today(), page).map(rows -> page.page(rows, LicenseService::cursor));
	}

	Mono<Map<UUID, List<License>>> pagesOfCustomers(Actor actor, Collection<UUID> customerIds, PageRequest page) {
		return this.licenses.pagesOfCustomers(actor, customerIds, page);
	}

	Mono<Map<UUID, List<License>>> pagesOfKeys(Actor actor, Collection<UUID> keyIds, PageRequest page) {
		return this.licenses.pagesOfKeys(actor, keyIds, page);
	}

	Mono<Connection<License>> expiring(Actor actor, Integer withinDays, String ownerId, String partnerId, Integer first,
			String after) {
		PageRequest page = PageRequest.of(first, after, LicenseRepository.ENDING);
		int days = withinDays == null ? 30 : withinDays;
		if (days < 0 || days > 366) {
			throw new InvalidArgumentException("INVALID_ARGUMENT", "`withinDays` must be between 0 and 366.");
		}
		UUID partner = partnerId == null ? null : GlobalId.requireUuidOf("Partner", partnerId);
		String owner = ownerId == null ? null : GlobalId.require(ownerId).localId();
		LocalDate today = today();
		return this.licenses.ending(actor, today.minusDays(days), today.plusDays(days), owner, partner, page)
			.map(rows -> page.page(rows,
					license -> new KeysetCursor(LicenseRepository.ENDING, license.endsOn().toString(), license.id())));
	}

	Mono<Map<UUID, List<License>>> ofShipments(Collection<UUID> shipmentIds) {
		return this.licenses.ofShipments(shipmentIds);
	}

	Mono<Map<UUID, List<LicenseEvent>>> history(Collection<UUID> licenseIds) {
		return this.licenses.history(licenseIds);
	}

	static KeysetCursor cursor(License license) {
		return new KeysetCursor(LicenseRepository.NEWEST, license.issuedAt().toString(), license.id());
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("License");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : licenses(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, uuids -> licenses(actor, uuids));
	}

	// ---- issuing

	/** What issueLicenses did: the shipment and the licenses issued or renewed. */
	record Issued(Shipment shipment, List<License> licenses) {

	}

	/**
	 * Issues a shipment's licenses: a PER_SEAT line is one item with one license of its
	 * quantity in seats; a PER_MACHINE line is one item with one single-seat license per
	 * unit. A renewal line renews the license it names by the product's term instead.
	 */
	@Transactional
	public Mono<Issued> issue(Actor actor, IssueLicensesInput input, Mono<ProtectionKey> key) {
		AccessPolicy.require(actor, Action.CREATE, Subject.LICENSE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID shipmentId = GlobalId.uuidOf("Shipment", input.shipmentId(), errors, "input", "shipmentId");
		Inputs.rejectIfAny(errors);
		return this.shipments.shipments(actor, Set.of(shipmentId))
			.mapNotNull(found -> found.get(shipmentId))
			.switchIfEmpty(Mono.error(() -> notFound("shipmentId")))
			.flatMap(shipment -> key.map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(bound -> {
				UUID keyId = bound.map(ProtectionKey::id).orElse(null);
				if (bound.isPresent() && !bound.get().customerId().equals(shipment.customerId())) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
							"The key belongs to another customer.", "input", "keyId")));
				}
				return this.shipments.markLicensesIssued(shipment.id()).flatMap(first -> {
					if (!first) {
						return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
								"The licenses of " + shipment.number() + " were issued already.", "input",
								"shipmentId")));
					}
					LocalDate startsOn = input.startsOn() == null ? shipment.shippedOn() : input.startsOn();
					Mono<Optional<UUID>> partner = partnerOf(actor, shipment.customerId()).cache();
					return issueLines(actor, shipment, startsOn, keyId, partner).collectList()
						.zipWith(this.shipments.shipments(actor, Set.of(shipment.id())))
						.map(both -> new Issued(both.getT2().get(shipment.id()), both.getT1()));
				});
			}));
	}

	private Flux<License> issueLines(Actor actor, Shipment shipment, LocalDate startsOn, UUID keyId,
			Mono<Optional<UUID>> partner) {
		List<UUID> lineIds = shipment.lines().stream().map(Shipment.Line::orderLineId).toList();
		return this.shipments.orderLines(lineIds).flatMapMany(orderLines -> {
			Set<UUID> productIds = orderLines.values().stream().map(Order.Line::productId).collect(Collectors.toSet());
			return this.products.byIds(productIds)
				.flatMapMany(products -> Flux.fromIterable(shipment.lines()).concatMap(line -> {
					Order.Line ordered = orderLines.get(line.orderLineId());
					Product product = products.get(ordered.productId());
					if (!product.isLicensed()) {
						return Flux.empty();
					}
					if (ordered.renewsLicenseId() != null) {
						return renew(actor, ordered.renewsLicenseId(), product, partner).flux();
					}
					boolean perMachine = product.seatBasis() == SeatBasis.PER_MACHINE;
					int items = perMachine ? line.quantity() : 1;
					int seats = perMachine ? 1 : line.quantity();
					return Flux.range(0, items)
						.concatMap(item -> issueOne(actor, shipment, line, ordered, product, seats, startsOn, keyId,
								partner));
				}));
		});
	}

	private Mono<License> issueOne(Actor actor, Shipment shipment, Shipment.Line line, Order.Line ordered,
			Product product, int seats, LocalDate startsOn, UUID keyId, Mono<Optional<UUID>> partner) {
		UUID itemId = UUID.randomUUID();
		LocalDate endsOn = product.licenseModel() == LicenseModel.PERPETUAL ? null
				: startsOn.plusMonths(product.termMonths()).minusDays(1);
		License license = new License(UUID.randomUUID(), SerialNumbers.generate(this.random), itemId, product.id(),
				ordered.editionCode(), shipment.customerId(), seats, startsOn, endsOn, LicenseStatus.ACTIVE, keyId,
				shipment.id(), null, 1);
		return this.licenses.insertItem(itemId, shipment.customerId(), line.id())
			.then(this.licenses.insert(license))
			.flatMap(issued -> this.licenses
				.record(LicenseEvent.of(issued.id(), LicenseEvent.Kind.ISSUED, actor.subject(), shipment.number())
					.withEnds(null, endsOn)
					.withKeys(null, keyId))
				.then(event(actor, EventType.LICENSE_ISSUED, issued, partner)));
	}

	/**
	 * Renews a license by its product's term, from its current end (or today, if later).
	 */
	private Mono<License> renew(Actor actor, UUID licenseId, Product product, Mono<Optional<UUID>> partner) {
		return licenses(actor, Set.of(licenseId)).mapNotNull(found -> found.get(licenseId)).flatMap(license -> {
			LocalDate from = license.endsOn() == null || license.endsOn().isBefore(today()) ? today().minusDays(1)
					: license.endsOn();
			LocalDate endsOn = from.plusMonths(product.termMonths() == null ? 12 : product.termMonths());
			return change(actor, license, null, Map.of("ends_on", endsOn),
					LicenseEvent.of(license.id(), LicenseEvent.Kind.RENEWED, actor.subject(), null)
						.withEnds(license.endsOn(), endsOn),
					partner);
		});
	}

	// ---- changing

	@Transactional
	public Mono<License> extend(Actor actor, ExtendLicenseInput input) {
		AccessPolicy.require(actor, Action.CHANGE_TERMS, Subject.LICENSE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("License", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return current(actor, id).zipWhen(license -> this.products.byIds(Set.of(license.productId()))).flatMap(both -> {
			License license = both.getT1();
			LicenseModel model = both.getT2().get(license.productId()).licenseModel();
			if (license.state() == LicenseStatus.REVOKED) {
				return Mono.error(conflict("A revoked license cannot be extended."));
			}
			if (license.endsOn() == null || model == LicenseModel.PERPETUAL) {
				return Mono.error(conflict("A perpetual license does not end."));
			}
			if (!input.endsOn().isAfter(license.endsOn())) {
				return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
						"Must be after the current end, " + license.endsOn() + ".", "input", "endsOn")));
			}
			return change(actor, license, input.expectedVersion(), Map.of("ends_on", input.endsOn()),
					LicenseEvent.of(id, LicenseEvent.Kind.EXTENDED, actor.subject(), Inputs.clean(input.reason()))
						.withEnds(license.endsOn(), input.endsOn()));
		});
	}

	/**
	 * The product's license model of each license already read in scope (billing binds
	 * only TIME_LIMITED ones to payment plans).
	 */
	public Mono<Map<UUID, LicenseModel>> models(Collection<License> licenses) {
		return this.products.byIds(licenses.stream().map(License::productId).collect(Collectors.toSet()))
			.map(products -> licenses.stream()
				.collect(Collectors.toMap(License::id, license -> products.get(license.productId()).licenseModel(),
						(a, b) -> a)));
	}

	/**
	 * Extends a license its payment plan paid for (billing), within the caller's
	 * transaction, as a LICENSE EXTENDED history entry and event, so that the signed file
	 * carries the new end. Not a change of terms by the caller: the payment decided it.
	 * Nothing happens when the license is revoked or already ends on or after that day.
	 */
	public Mono<License> extendPaid(Actor actor, UUID id, LocalDate endsOn, String reason) {
		return endAsPaid(actor, id, endsOn, reason, false);
	}

	/**
	 * Gives a license just bound to a payment plan (billing) the end its plan pays for,
	 * within the caller's transaction: a later day as an EXTENDED history entry and
	 * event, an earlier one as SHORTENED (never before the license's start), so that a
	 * license issued for a longer term runs out when the plan's next payment is overdue
	 * past its grace. Nothing happens when the license is revoked or already ends that
	 * day.
	 */
	public Mono<License> endAsBound(Actor actor, UUID id, LocalDate paidUntil, String reason) {
		return endAsPaid(actor, id, paidUntil, reason, true);
	}

	private Mono<License> endAsPaid(Actor actor, UUID id, LocalDate paidUntil, String reason, boolean mayShorten) {
		return licenses(Actor.SYSTEM, Set.of(id)).mapNotNull(found -> found.get(id)).flatMap(license -> {
			LocalDate endsOn = paidUntil.isBefore(license.startsOn()) ? license.startsOn() : paidUntil;
			if (license.state() == LicenseStatus.REVOKED || license.endsOn() == null || endsOn.equals(license.endsOn())
					|| (endsOn.isBefore(license.endsOn()) && !mayShorten)) {
				return Mono.just(license);
			}
			LicenseEvent.Kind kind = endsOn.isAfter(license.endsOn()) ? LicenseEvent.Kind.EXTENDED
					: LicenseEvent.Kind.SHORTENED;
			return change(actor, license, license.version(), Map.of("ends_on", endsOn),
					LicenseEvent.of(id, kind, actor.subject(), reason).withEnds(license.endsOn(), endsOn));
		});
	}

	/** Another edition of the same product and/or another number of seats. */
	@Transactional
	public Mono<License> upgrade(Actor actor, UpgradeLicenseInput input) {
		AccessPolicy.require(actor, Action.CHANGE_TERMS, Subject.LICENSE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("License", input.id(), errors, "input", "id");
		String edition = Inputs.clean(input.editionCode()) == null ? null
				: input.editionCode().strip().toUpperCase(java.util.Locale.ROOT);
		if (edition == null && input.seats() == null) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Give a new edition, a number of seats, or both.", "input",
					"editionCode"));
		}
		Inputs.rejectIfAny(errors);
		return current(actor, id).zipWhen(license -> this.products.byIds(Set.of(license.productId()))).flatMap(both -> {
			License license = both.getT1();
			Product product = both.getT2().get(license.productId());
			if (license.state() == LicenseStatus.REVOKED) {
				return Mono.error(conflict("A revoked license cannot be upgraded."));
			}
			if (edition != null && product.edition(edition).filter(Product.Edition::active).isEmpty()) {
				return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
						product.code() + " has no active edition " + edition + ".", "input", "editionCode")));
			}
			String newEdition = edition == null ? license.editionCode() : edition;
			int seats = input.seats() == null ? license.seats() : input.seats();
			if (Objects.equals(newEdition, license.editionCode()) && seats == license.seats()) {
				return Mono.error(conflict("The license already has this edition and these seats."));
			}
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("edition_code", newEdition);
			changes.put("seats", seats);
			return change(actor, license, input.expectedVersion(), changes,
					LicenseEvent.of(id, LicenseEvent.Kind.UPGRADED, actor.subject(), Inputs.clean(input.reason()))
						.withUpgrade(license.editionCode(), newEdition, license.seats(), seats));
		});
	}

	/** Suspends, resumes or revokes a license, as its current state allows. */
	@Transactional
	public Mono<License> setState(Actor actor, LicenseChangeInput input, LicenseEvent.Kind kind) {
		AccessPolicy.require(actor, Action.CHANGE_TERMS, Subject.LICENSE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("License", input.id(), errors, "input", "id");
		String reason = Inputs.clean(input.reason());
		if (reason == null && kind != LicenseEvent.Kind.RESUMED) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Say why.", "input", "reason"));
		}
		Inputs.rejectIfAny(errors);
		return current(actor, id).flatMap(license -> {
			LicenseStatus state = license.state();
			LicenseStatus next = switch (kind) {
				case SUSPENDED -> LicenseStatus.SUSPENDED;
				case REVOKED -> LicenseStatus.REVOKED;
				default -> LicenseStatus.ACTIVE;
			};
			if (state == LicenseStatus.REVOKED) {
				return Mono.error(conflict("The license is revoked: nothing more can change."));
			}
			if (state == next || (kind == LicenseEvent.Kind.RESUMED && state != LicenseStatus.SUSPENDED)) {
				return Mono.error(conflict("The license is already " + state.name().toLowerCase() + "."));
			}
			return change(actor, license, input.expectedVersion(), Map.of("state", next.name()),
					LicenseEvent.of(id, kind, actor.subject(), reason));
		});
	}

	/** Binds visible licenses to a key of their customer, or unbinds them. */
	@Transactional
	public Mono<List<License>> bind(Actor actor, BindLicensesInput input, Mono<ProtectionKey> key) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.LICENSE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; input.licenseIds() != null && i < input.licenseIds().size(); i++) {
			ids.add(GlobalId.uuidOf("License", input.licenseIds().get(i), errors, "input", "licenseIds",
					String.valueOf(i)));
		}
		Inputs.rejectIfAny(errors);
		return key.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.zipWith(licenses(actor, new HashSet<>(ids)))
			.flatMapMany(both -> {
				UUID keyId = both.getT1().map(ProtectionKey::id).orElse(null);
				List<UserError> problems = new ArrayList<>();
				for (int i = 0; i < ids.size(); i++) {
					License license = both.getT2().get(ids.get(i));
					String index = String.valueOf(i);
					if (license == null) {
						problems.add(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", "licenseIds", index));
					}
					else if (license.state() == LicenseStatus.REVOKED) {
						problems.add(UserError.of(UserErrorCode.CONFLICT, license.serial() + " is revoked.", "input",
								"licenseIds", index));
					}
					else if (both.getT1().isPresent()
							&& !both.getT1().get().customerId().equals(license.customerId())) {
						problems.add(UserError.of(UserErrorCode.INVALID_VALUE,
								license.serial() + " belongs to another customer than the key.", "input", "licenseIds",
								index));
					}
				}
				Inputs.rejectIfAny(problems);
				return Flux.fromIterable(new LinkedHashSet<>(ids))
					.map(both.getT2()::get)
					.filter(license -> !Objects.equals(license.keyId(), keyId))
					.concatMap(license -> move(actor, license, keyId, Inputs.clean(input.reason())));
			})
			.collectList();
	}

	/** Moves a license to another key (or none), recorded as MOVED. */
	Mono<License> move(Actor actor, License license, UUID toKeyId, String reason) {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("key_id", toKeyId);
		return change(actor, license, null, changes,
				LicenseEvent.of(license.id(), LicenseEvent.Kind.MOVED, actor.subject(), reason)
					.withKeys(license.keyId(), toKeyId));
	}

	Flux<License> boundTo(UUID keyId) {
		return this.licenses.boundTo(keyId);
	}

	/** An order renewing licenses of one customer for another term. */
	@Transactional
	public Mono<Order> renewalOrder(Actor actor, CreateRenewalOrderInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.ORDER);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; input.licenseIds() != null && i < input.licenseIds().size(); i++) {
			ids.add(GlobalId.uuidOf("License", input.licenseIds().get(i), errors, "input", "licenseIds",
					String.valueOf(i)));
		}
		Currency given = input.currency() == null ? null
				: Money.currency(input.currency(), errors, "input", "currency");
		Inputs.rejectIfAny(errors);
		return licenses(actor, new HashSet<>(ids)).flatMap(found -> {
			List<UserError> problems = new ArrayList<>();
			List<License> renewed = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				License license = found.get(ids.get(i));
				String index = String.valueOf(i);
				if (license == null) {
					problems.add(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", "licenseIds", index));
				}
				else if (license.state() == LicenseStatus.REVOKED || license.endsOn() == null) {
					problems.add(UserError.of(UserErrorCode.INVALID_VALUE,
							license.serial() + (license.endsOn() == null ? " is perpetual" : " is revoked")
									+ ": there is nothing to renew.",
							"input", "licenseIds", index));
				}
				else if (!renewed.isEmpty() && !renewed.get(0).customerId().equals(license.customerId())) {
					problems.add(UserError.of(UserErrorCode.INVALID_VALUE,
							"A renewal order is for one customer's licenses.", "input", "licenseIds", index));
				}
				else if (renewed.stream().noneMatch(known -> known.id().equals(license.id()))) {
					renewed.add(license);
				}
			}
			Inputs.rejectIfAny(problems);
			Mono<Currency> currency = given != null ? Mono.just(given) : this.shipments
				.shipments(actor, Set.of(renewed.get(0).shipmentId()))
				.map(shipped -> Currency.getInstance(shipped.get(renewed.get(0).shipmentId()).amount().currency()));
			return currency
				.zipWith(this.products.byIds(renewed.stream().map(License::productId).collect(Collectors.toSet())))
				.flatMap(both -> this.orders
					.createRenewal(actor, renewed.get(0).customerId(), both.getT1(), renewed.stream()
						.map(license -> new RenewalLine(license.productId(), license.editionCode(),
								"Renewal of " + both.getT2().get(license.productId()).displayName(license.editionCode())
										+ ", " + license.serial(),
								license.seats(), license.id()))
						.toList()));
		});
	}

	// ---- helpers

	private Mono<License> current(Actor actor, UUID id) {
		return licenses(actor, Set.of(id)).mapNotNull(found -> found.get(id))
			.switchIfEmpty(Mono.error(() -> notFound("id")));
	}

	private Mono<License> change(Actor actor, License license, Integer expectedVersion, Map<String, Object> changes,
			LicenseEvent event) {
		return change(actor, license, expectedVersion, changes, event, partnerOf(actor, license.customerId()));
	}

	private Mono<License> change(Actor actor, License license, Integer expectedVersion, Map<String, Object> changes,
			LicenseEvent event, Mono<Optional<UUID>> partner) {
		return this.licenses.update(license.id(), expectedVersion, changes)
			.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("license", license.version())))
			.flatMap(changed -> this.licenses.record(event)
				.then(event(actor, event.kind().eventType(), changed, partner)));
	}

	/**
	 * The customer's partner, which license events carry so that partners' integrations
	 * receive their customers' licenses. Many licenses of one customer share one look-up
	 * through {@code cache()}.
	 */
	private Mono<Optional<UUID>> partnerOf(Actor actor, UUID customerId) {
		return this.customers.customers(actor, Set.of(customerId))
			.mapNotNull(found -> found.get(customerId))
			.map(customer -> Optional.ofNullable(customer.partnerId()))
			.defaultIfEmpty(Optional.empty());
	}

	/**
	 * Tells integrations that a time-limited license comes up for renewal: written by the
	 * renewal-reminder job, in the transaction that records the reminder, so once per end
	 * date.
	 */
	Mono<License> expiring(License license, UUID partnerId) {
		return event(Actor.SYSTEM, EventType.LICENSE_EXPIRING, license, Mono.just(Optional.ofNullable(partnerId)));
	}

	private Mono<License> event(Actor actor, EventType type, License license, Mono<Optional<UUID>> partner) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("License", license.id()));
		payload.put("serial", license.serial());
		payload.put("customerId", GlobalId.of("Customer", license.customerId()));
		payload.put("productId", GlobalId.of("Product", license.productId()));
		payload.put("seats", license.seats());
		payload.put("startsOn", license.startsOn().toString());
		payload.put("endsOn", license.endsOn() == null ? null : license.endsOn().toString());
		payload.put("status", license.status(today()));
		payload.put("keyId", license.keyId() == null ? null : GlobalId.of("ProtectionKey", license.keyId()));
		payload.put("version", license.version());
		return partner.flatMap(partnerId -> this.outbox.append(actor, type, "License", license.id(), license.version(),
				EventOwner.customer(license.customerId(), partnerId.orElse(null)), payload))
			.thenReturn(license);
	}

	static UserErrorsException notFound(String field) {
		return new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", field));
	}

	static UserErrorsException conflict(String message) {
		return new UserErrorsException(UserError.of(UserErrorCode.CONFLICT, message, "input", "id"));
	}

}
