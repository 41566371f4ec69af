package com.dealerdesk.license;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.license.License.LicenseStatus;
import com.dealerdesk.license.LicenseInputs.BindLicensesInput;
import com.dealerdesk.license.LicenseInputs.BindLicensesPayload;
import com.dealerdesk.license.LicenseInputs.CreateProtectionKeyInput;
import com.dealerdesk.license.LicenseInputs.CreateRenewalOrderInput;
import com.dealerdesk.license.LicenseInputs.ExtendLicenseInput;
import com.dealerdesk.license.LicenseInputs.IssueLicensesInput;
import com.dealerdesk.license.LicenseInputs.IssueLicensesPayload;
import com.dealerdesk.license.LicenseInputs.LicenseChangeInput;
import com.dealerdesk.license.LicenseInputs.LicensePayload;
import com.dealerdesk.license.LicenseInputs.LicenseVerification;
import com.dealerdesk.order.OrderPayload;
import com.dealerdesk.license.LicenseInputs.ProtectionKeyPayload;
import com.dealerdesk.license.LicenseInputs.ReplaceProtectionKeyInput;
import com.dealerdesk.license.LicenseInputs.UpgradeLicenseInput;
import com.dealerdesk.order.Order;
import com.dealerdesk.order.Shipment;
import com.dealerdesk.order.ShipmentService;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Licenses, protection keys, signed files and renewals over GraphQL. */
@Controller
class LicenseController {

	private final LicenseService licenses;

	private final ProtectionKeyService keys;

	private final LicenseFiles files;

	private final LicenseFileSigner signer;

	private final ProductService products;

	private final CustomerService customers;

	private final ShipmentService shipments;

	private final UserDirectory users;

	private final java.time.Clock clock;

	private static final String CUSTOMER_LICENSES = "license.customerPages";

	private static final String KEY_LICENSES = "license.keyPages";

	LicenseController(LicenseService licenses, ProtectionKeyService keys, LicenseFiles files, LicenseFileSigner signer,
			ProductService products, CustomerService customers, ShipmentService shipments, UserDirectory users,
			java.time.Clock clock, BatchLoaderRegistry loaders) {
		this.licenses = licenses;
		this.keys = keys;
		this.files = files;
		this.signer = signer;
		this.products = products;
		this.customers = customers;
		this.shipments = shipments;
		this.users = users;
		this.clock = clock;
		ChildPages.<Void, License>register(loaders, CUSTOMER_LICENSES,
				(actor, ids, page, none) -> licenses.pagesOfCustomers(actor, ids, page), LicenseService::cursor);
		ChildPages.<Void, License>register(loaders, KEY_LICENSES,
				(actor, ids, page, none) -> licenses.pagesOfKeys(actor, ids, page), LicenseService::cursor);
	}

	// ---- queries

	@QueryMapping
	Mono<License> license(@Argument String id, @ContextValue Actor actor) {
		UUID uuid = GlobalId.requireUuidOf("License", id);
		return uuid == null ? Mono.empty()
				: this.licenses.licenses(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@QueryMapping
	Mono<License> licenseBySerial(@Argument String serial, @ContextValue Actor actor) {
		return this.licenses.bySerial(actor, serial);
	}

	@QueryMapping
	Mono<Connection<License>> licenses(@Argument String search, @Argument String customerId,
			@Argument LicenseStatus status, @Argument String keyId, @Argument Integer first, @Argument String after,
			@ContextValue Actor actor) {
		return this.licenses.page(actor, search, customerId, status, keyId, first, after);
	}

	@QueryMapping
	Mono<Connection<License>> expiringLicenses(@Argument Integer withinDays, @Argument String ownerId,
			@Argument String partnerId, @Argument Integer first, @Argument String after, @ContextValue Actor actor) {
		return this.licenses.expiring(actor, withinDays, ownerId, partnerId, first, after);
	}

	@QueryMapping
	Mono<ProtectionKey> protectionKey(@Argument String id, @ContextValue Actor actor) {
		UUID uuid = GlobalId.requireUuidOf("ProtectionKey", id);
		return uuid == null ? Mono.empty() : this.keys.keys(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@QueryMapping
	Mono<Connection<ProtectionKey>> protectionKeys(@Argument String search, @Argument String customerId,
			@Argument Integer first, @Argument String after, @ContextValue Actor actor) {
		return this.keys.page(actor, search, customerId, first, after);
	}

	@QueryMapping
	SigningKey licenseSigningKey() {
		return new SigningKey("Ed25519", this.signer.keyId(), this.signer.publicKeyPem());
	}

	@QueryMapping
	Mono<LicenseVerification> verifyLicense(@Argument String serial, @Argument String file, @ContextValue Actor actor) {
		return this.files.verify(actor, serial, file);
	}

	// ---- mutations

	@MutationMapping
	Mono<IssueLicensesPayload> issueLicenses(@Argument IssueLicensesInput input, @ContextValue Actor actor) {
		return Payloads.of(
				() -> this.licenses.issue(actor, input, this.keys.activeKey(actor, input.keyId(), "input", "keyId")),
				(issued, errors) -> new IssueLicensesPayload(issued == null ? null : issued.shipment(),
						issued == null ? List.of() : issued.licenses(), errors));
	}

	@MutationMapping
	Mono<LicensePayload> extendLicense(@Argument ExtendLicenseInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.licenses.extend(actor, input), LicensePayload::new);
	}

	@MutationMapping
	Mono<LicensePayload> upgradeLicense(@Argument UpgradeLicenseInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.licenses.upgrade(actor, input), LicensePayload::new);
	}

	@MutationMapping
	Mono<LicensePayload> suspendLicense(@Argument LicenseChangeInput input, @ContextValue Actor actor) {
		return stateChange(actor, input, LicenseEvent.Kind.SUSPENDED);
	}

	@MutationMapping
	Mono<LicensePayload> resumeLicense(@Argument LicenseChangeInput input, @ContextValue Actor actor) {
		return stateChange(actor, input, LicenseEvent.Kind.RESUMED);
	}

	@MutationMapping
	Mono<LicensePayload> revokeLicense(@Argument LicenseChangeInput input, @ContextValue Actor actor) {
		return stateChange(actor, input, LicenseEvent.Kind.REVOKED);
	}

	private Mono<LicensePayload> stateChange(Actor actor, LicenseChangeInput input, LicenseEvent.Kind kind) {
		return Payloads.of(() -> this.licenses.setState(actor, input, kind), LicensePayload::new);
	}

	@MutationMapping
	Mono<BindLicensesPayload> bindLicenses(@Argument BindLicensesInput input, @ContextValue Actor actor) {
		return Payloads.of(
				() -> this.licenses.bind(actor, input, this.keys.activeKey(actor, input.keyId(), "input", "keyId")),
				(bound, errors) -> new BindLicensesPayload(bound == null ? List.of() : bound, errors));
	}

	@MutationMapping
	Mono<ProtectionKeyPayload> createProtectionKey(@Argument CreateProtectionKeyInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.keys.create(actor, input), ProtectionKeyPayload::new);
	}

	@MutationMapping
	Mono<ProtectionKeyPayload> replaceProtectionKey(@Argument ReplaceProtectionKeyInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.keys.replace(actor, input), ProtectionKeyPayload::new);
	}

	@MutationMapping
	Mono<OrderPayload> createRenewalOrder(@Argument CreateRenewalOrderInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.licenses.renewalOrder(actor, input), OrderPayload::new);
	}

	// ---- License

	@SchemaMapping(typeName = "License")
	String id(License license) {
		return GlobalId.of("License", license.id());
	}

	@SchemaMapping(typeName = "License")
	String itemId(License license) {
		return GlobalId.of("LicenseItem", license.itemId());
	}

	@SchemaMapping(typeName = "License")
	LicenseStatus status(License license) {
		return license.status(java.time.LocalDate.now(this.clock));
	}

	@BatchMapping(typeName = "License")
	Mono<Map<License, Product>> product(List<License> list) {
		return Batches.load(list, License::productId, this.products::byIds);
	}

	@BatchMapping(typeName = "License")
	Mono<Map<License, String>> name(List<License> list) {
		return this.products.byIds(list.stream().map(License::productId).collect(Collectors.toSet()))
			.map(found -> list.stream()
				.collect(Collectors.toMap(license -> license,
						license -> found.get(license.productId()).displayName(license.editionCode()), (a, b) -> a)));
	}

	@BatchMapping(typeName = "License")
	Mono<Map<License, Product.LicenseModel>> licenseModel(List<License> list) {
		return this.products.byIds(list.stream().map(License::productId).collect(Collectors.toSet()))
			.map(found -> list.stream()
				.collect(Collectors.toMap(license -> license, license -> found.get(license.productId()).licenseModel(),
						(a, b) -> a)));
	}

	@BatchMapping(typeName = "License")
	Mono<Map<License, Customer>> customer(List<License> list, @ContextValue Actor actor) {
		return Batches.load(list, License::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "License")
	Mono<Map<License, ProtectionKey>> key(List<License> list, @ContextValue Actor actor) {
		return Batches.load(list, License::keyId, ids -> this.keys.keys(actor, ids));
	}

	@BatchMapping(typeName = "License")
	Mono<Map<License, Shipment>> shipment(List<License> list, @ContextValue Actor actor) {
		return Batches.load(list, License::shipmentId, ids -> this.shipments.shipments(actor, ids));
	}

	@BatchMapping(typeName = "License")
	Mono<Map<License, List<LicenseEvent>>> history(List<License> list) {
		return this.licenses.history(list.stream().map(License::id).toList())
			.map(found -> Batches.listsByKey(list, License::id, found));
	}

	@SchemaMapping(typeName = "License")
	Mono<String> signedFile(License license, @ContextValue Actor actor) {
		Mono<Product> product = this.products.byIds(Set.of(license.productId()))
			.map(found -> found.get(license.productId()));
		Mono<java.util.Optional<Customer>> customer = this.customers.customer(actor, license.customerId())
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty());
		Mono<java.util.Optional<String>> keyNumber = license.keyId() == null ? Mono.just(java.util.Optional
			.empty()) : this.keys.keys(actor, Set.of(license.keyId()))
				.map(found -> java.util.Optional.ofNullable(found.get(license.keyId())).map(ProtectionKey::keyNumber));
		return Mono.zip(product, customer, keyNumber)
			.map(all -> this.files.signedFile(license, all.getT1(), all.getT2().orElse(null), all.getT3().orElse(null),
					this.clock.instant().getEpochSecond()));
	}

	// ---- LicenseEvent

	@BatchMapping(typeName = "LicenseEvent", field = "by")
	Mono<Map<LicenseEvent, User>> eventBy(List<LicenseEvent> events, @ContextValue Actor actor) {
		return Batches.load(events, LicenseEvent::byUser, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "LicenseEvent", field = "fromKey")
	Mono<Map<LicenseEvent, ProtectionKey>> fromKey(List<LicenseEvent> events, @ContextValue Actor actor) {
		return Batches.load(events, LicenseEvent::fromKeyId, ids -> this.keys.keys(actor, ids));
	}

	@BatchMapping(typeName = "LicenseEvent", field = "toKey")
	Mono<Map<LicenseEvent, ProtectionKey>> toKey(List<LicenseEvent> events, @ContextValue Actor actor) {
		return Batches.load(events, LicenseEvent::toKeyId, ids -> this.keys.keys(actor, ids));
	}

	// ---- ProtectionKey

	@SchemaMapping(typeName = "ProtectionKey")
	String id(ProtectionKey key) {
		return GlobalId.of("ProtectionKey", key.id());
	}

	@BatchMapping(typeName = "ProtectionKey", field = "customer")
	Mono<Map<ProtectionKey, Customer>> keyCustomer(List<ProtectionKey> list, @ContextValue Actor actor) {
		return Batches.load(list, ProtectionKey::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "ProtectionKey", field = "replacedBy")
	Mono<Map<ProtectionKey, ProtectionKey>> replacedBy(List<ProtectionKey> list, @ContextValue Actor actor) {
		return Batches.load(list, ProtectionKey::replacedBy, ids -> this.keys.keys(actor, ids));
	}

	/** The key's page of licenses, read with every other key's of the response. */
	@SchemaMapping(typeName = "ProtectionKey", field = "licenses")
	CompletableFuture<Connection<License>> keyLicenses(ProtectionKey key, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		return ChildPages.load(environment, KEY_LICENSES, key.id(), first, after, LicenseRepository.NEWEST, null);
	}

	// ---- on other areas' types

	/**
	 * The customer's page of licenses, read with every other customer's of the response.
	 */
	@SchemaMapping(typeName = "Customer", field = "licenses")
	CompletableFuture<Connection<License>> customerLicenses(Customer customer, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		return ChildPages.load(environment, CUSTOMER_LICENSES, customer.id(), first, after, LicenseRepository.NEWEST,
				null);
	}

	@BatchMapping(typeName = "Customer", field = "protectionKeys")
	Mono<Map<Customer, List<ProtectionKey>>> protectionKeys(List<Customer> list, @ContextValue Actor actor) {
		return this.keys.ofCustomers(actor, list.stream().map(Customer::id).toList())
			.map(found -> Batches.listsByKey(list, Customer::id, found));
	}

	@BatchMapping(typeName = "OrderLine", field = "renews")
	Mono<Map<Order.Line, License>> renews(List<Order.Line> lines, @ContextValue Actor actor) {
		return Batches.load(lines, Order.Line::renewsLicenseId, ids -> this.licenses.licenses(actor, ids));
	}

	@BatchMapping(typeName = "Shipment", field = "licenses")
	Mono<Map<Shipment, List<License>>> shipmentLicenses(List<Shipment> list) {
		return this.licenses.ofShipments(list.stream().map(Shipment::id).toList())
			.map(found -> Batches.listsByKey(list, Shipment::id, found));
	}

	/** Issued, or nothing to issue: no line of the shipment is a licensed program. */
	@BatchMapping(typeName = "Shipment", field = "licensesIssued")
	Mono<Map<Shipment, Boolean>> licensesIssued(List<Shipment> list) {
		Set<UUID> lineIds = list.stream()
			.flatMap(shipment -> shipment.lines().stream())
			.map(Shipment.Line::orderLineId)
			.collect(Collectors.toSet());
		return this.shipments.orderLines(lineIds)
			.flatMap(lines -> this.products
				.byIds(lines.values().stream().map(Order.Line::productId).collect(Collectors.toSet()))
				.map(products -> list.stream()
					.collect(Collectors
						.toMap(shipment -> shipment, shipment -> shipment.licensesIssuedAt() != null || shipment.lines()
							.stream()
							.noneMatch(line -> products.get(lines.get(line.orderLineId()).productId()).isLicensed()),
								(a, b) -> a))));
	}

	/** The public half of the signing key, as published. */
	record SigningKey(String algorithm, String keyId, String publicKeyPem) {

	}

}
