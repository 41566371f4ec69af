package com.dealerdesk.product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.dealerdesk.partner.PartnerTiers;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.product.Product.Edition;
import com.dealerdesk.product.Product.LicenseModel;
import com.dealerdesk.product.Product.Price;
import com.dealerdesk.product.Product.ProductKind;
import com.dealerdesk.product.Product.SeatBasis;
import com.dealerdesk.product.ProductInputs.CreateProductInput;
import com.dealerdesk.product.ProductInputs.ProductEditionInput;
import com.dealerdesk.product.ProductInputs.ProductPriceInput;
import com.dealerdesk.product.ProductInputs.ProductStateInput;
import com.dealerdesk.product.ProductInputs.UpdateProductInput;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue. Everyone signed in reads it (partners sell from it); admins keep
 * it. A product on an order or a license is never deleted, only retired.
 */
@Service
public class ProductService implements NodeFetcher {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]*");

	private static final Set<LicenseModel> WITH_TERM = Set.of(LicenseModel.SUBSCRIPTION, LicenseModel.TIME_LIMITED,
			LicenseModel.TRIAL);

	private final ProductRepository products;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final PartnerTiers tiers;

	ProductService(ProductRepository products, InputValidator validator, OutboxWriter outbox, PartnerTiers tiers) {
		this.products = products;
		this.validator = validator;
		this.outbox = outbox;
		this.tiers = tiers;
	}

	// ---- reading

	public Mono<Map<UUID, Product>> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.products.byIds(ids)
			.map(rows -> rows.stream().collect(Collectors.toMap(Product::id, Function.identity())));
	}

	Mono<Connection<Product>> products(String search, ProductKind kind, Boolean includeRetired, Integer first,
			String after) {
		PageRequest page = PageRequest.of(first, after, ProductRepository.ORDER);
		String words = Inputs.clean(search);
		if (words != null && words.length() > 200) {
			throw new InvalidArgumentException("INVALID_SEARCH", "`search` is at most 200 characters.");
		}
		return this.products.page(words, kind, Boolean.TRUE.equals(includeRetired), page)
			.map(rows -> page.page(rows,
					product -> new KeysetCursor(ProductRepository.ORDER, product.code(), product.id())));
	}

	/**
	 * A product an order or quote may name: it exists, is active, and the edition (if
	 * any) is one of its active editions. Records NOT_FOUND or INVALID_VALUE at the
	 * fields and returns empty otherwise.
	 */
	public Mono<Product> orderable(UUID productId, String editionCode, List<UserError> errors, String[] productField,
			String[] editionField) {
		return byIds(Set.of(productId)).flatMap(found -> {
			Product product = found.get(productId);
			if (product == null) {
				errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No such product.", productField));
				return Mono.empty();
			}
			if (!product.active()) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"Product " + product.code() + " is retired and cannot be sold.", productField));
				return Mono.empty();
			}
			if (editionCode != null && product.edition(editionCode).filter(Edition::active).isEmpty()) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"Product " + product.code() + " has no active edition " + editionCode + ".", editionField));
				return Mono.empty();
			}
			return Mono.just(product);
		});
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Product");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : byIds(Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, this::byIds);
	}

	// ---- changing

	@Transactional
	public Mono<Product> create(Actor actor, CreateProductInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.PRODUCT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		String code = input.code() == null ? null : input.code().strip().toUpperCase(Locale.ROOT);
		if (code != null && !code.isEmpty() && !CODE.matcher(code).matches()) {
			errors.add(UserError.of(UserErrorCode.INVALID_FORMAT,
					"Letters A–Z, digits, dots, dashes and underscores, starting with a letter or digit.", "input",
					"code"));
		}
		LicenseModel model = input.licenseModel() != null ? input.licenseModel()
				: input.kind() == ProductKind.PROGRAM ? null : LicenseModel.NONE;
		SeatBasis seatBasis = input.kind() == ProductKind.PROGRAM && input.seatBasis() == null ? SeatBasis.PER_SEAT
				: input.seatBasis();
		checkLicensing(input.kind(), model, input.termMonths(), seatBasis, errors);
		List<Edition> editions = editions(input.editions(), errors);
		List<Price> prices = prices(input.prices(), editions, errors);
		Inputs.rejectIfAny(errors);
		Product product = new Product(UUID.randomUUID(), code, input.name().strip(), Inputs.clean(input.description()),
				input.kind(), model, input.termMonths(), seatBasis, true, 1, null, null, editions, prices);
		UserErrorsException taken = new UserErrorsException(
				UserError.of(UserErrorCode.CONFLICT, "Another product has the code " + code + ".", "input", "code"));
		return requireKnownTiers(prices).then(this.products.codeTaken(code)).flatMap(known -> {
			if (known) {
				return Mono.<Product>error(taken);
			}
			return this.products.insert(product)
				.then(this.products.replaceEditions(product.id(), editions))
				.then(this.products.replacePrices(product.id(), prices))
				.then(reload(product.id()))
				.flatMap(created -> event(actor, EventType.PRODUCT_CREATED, created));
		})
			// a product of this code inserted at the same time: the unique constraint
			// decides
			.onErrorMap(UniqueViolation.of("product_code_key"), ex -> taken);
	}

	@Transactional
	public Mono<Product> update(Actor actor, UpdateProductInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PRODUCT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Product", input.id(), errors, "input", "id");
		Changes changes = new Changes();
		changes.set("name", input.name(), Inputs::clean);
		changes.set("description", input.description(), Inputs::clean);
		changes.set("license_model", input.licenseModel());
		changes.set("term_months", input.termMonths());
		changes.set("seat_basis", input.seatBasis());
		Inputs.rejectIfAny(errors);
		return current(id).flatMap(current -> {
			List<UserError> problems = new ArrayList<>();
			checkLicensing(current.kind(), Inputs.sentOr(input.licenseModel(), current.licenseModel()),
					Inputs.sentOr(input.termMonths(), current.termMonths()),
					Inputs.sentOr(input.seatBasis(), current.seatBasis()), problems);
			List<Edition> editions = input.editions().isOmitted() ? current.editions()
					: editions(input.editions().value(), problems);
			List<Price> prices = input.prices().isOmitted() ? current.prices()
					: prices(input.prices().value(), editions, problems);
			Inputs.rejectIfAny(problems);
			Mono<Void> editionsChange = !input.editions().isOmitted()
					? keepEditionsInUse(current, editions).then(this.products.replaceEditions(id, editions))
					: Mono.empty();
			Mono<Void> pricesChange = input.prices().isOmitted() ? Mono.empty()
					: this.products.replacePrices(id, prices);
			return requireKnownTiers(input.prices().isOmitted() ? List.of() : prices)
				.then(versioned(id, current, input.expectedVersion(), changes.columns()))
				.then(editionsChange)
				.then(pricesChange)
				.then(reload(id));
		}).flatMap(product -> event(actor, EventType.PRODUCT_UPDATED, product));
	}

	@Transactional
	public Mono<Product> setActive(Actor actor, ProductStateInput input, boolean active) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PRODUCT);
		List<UserError> errors = new ArrayList<>();
		UUID id = GlobalId.uuidOf("Product", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return current(id).flatMap(current -> {
			if (current.active() == active) {
				return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
						active ? "The product is already active." : "The product is already retired.")));
			}
			return versioned(id, current, input.expectedVersion(), Map.of("active", active)).then(reload(id));
		})
			.flatMap(product -> event(actor, active ? EventType.PRODUCT_REACTIVATED : EventType.PRODUCT_RETIRED,
					product));
	}

	private Mono<Product> current(UUID id) {
		return byIds(Set.of(id)).mapNotNull(found -> found.get(id))
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such product.", "input", "id"))));
	}

	private Mono<Product> reload(UUID id) {
		return byIds(Set.of(id)).map(found -> found.get(id));
	}

	private Mono<UUID> versioned(UUID id, Product current, int expectedVersion, Map<String, Object> changes) {
		return this.products.update(id, expectedVersion, changes)
			.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("product", current.version())));
	}

	private Mono<Void> keepEditionsInUse(Product current, List<Edition> editions) {
		Set<String> kept = editions.stream().map(Edition::code).collect(Collectors.toSet());
		return this.products.editionsInUse(current.id()).flatMap(used -> {
			List<String> dropped = used.stream().filter(code -> !kept.contains(code)).sorted().toList();
			if (dropped.isEmpty()) {
				return Mono.empty();
			}
			return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
					"Edition(s) " + String.join(", ", dropped)
							+ " are on quotes, orders or licenses: mark them inactive instead of removing them.",
					"input", "editions")));
		});
	}

	private static void checkLicensing(ProductKind kind, LicenseModel model, Integer termMonths, SeatBasis seatBasis,
			List<UserError> errors) {
		if (kind == null) {
			return;
		}
		if (kind == ProductKind.PROGRAM && (model == null || model == LicenseModel.NONE)) {
			errors.add(UserError.of(UserErrorCode.REQUIRED,
					"A program needs a license model: PERPETUAL, SUBSCRIPTION, TIME_LIMITED or TRIAL.", "input",
					"licenseModel"));
			return;
		}
		if (kind != ProductKind.PROGRAM && model != LicenseModel.NONE) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Only programs are licensed: use NONE.", "input",
					"licenseModel"));
			return;
		}
		if (kind != ProductKind.PROGRAM && seatBasis != null) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Only programs have seats.", "input", "seatBasis"));
		}
		if (kind == ProductKind.PROGRAM && seatBasis == null) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "A program needs a seat basis.", "input", "seatBasis"));
		}
		if (WITH_TERM.contains(model) && (termMonths == null || termMonths < 1 || termMonths > 120)) {
			errors.add(UserError.of(termMonths == null ? UserErrorCode.REQUIRED : UserErrorCode.INVALID_VALUE,
					model + " licenses need a term of 1 to 120 months.", "input", "termMonths"));
		}
		if (!WITH_TERM.contains(model) && termMonths != null) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, model + " licenses have no term.", "input",
					"termMonths"));
		}
	}

	private static List<Edition> editions(List<ProductEditionInput> inputs, List<UserError> errors) {
		List<Edition> editions = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; inputs != null && i < inputs.size(); i++) {
			ProductEditionInput input = inputs.get(i);
			if (input.code() == null || input.name() == null || input.name().isBlank()) {
				continue; // reported by the validator
			}
			String code = input.code().strip().toUpperCase(Locale.ROOT);
			if (!CODE.matcher(code).matches()) {
				errors.add(UserError.of(UserErrorCode.INVALID_FORMAT, "Letters A–Z, digits, dots, dashes, underscores.",
						"input", "editions", String.valueOf(i), "code"));
			}
			else if (!codes.add(code)) {
				errors.add(UserError.of(UserErrorCode.CONFLICT, "Edition " + code + " is listed twice.", "input",
						"editions", String.valueOf(i), "code"));
			}
			editions.add(new Edition(code, input.name().strip(), !Boolean.FALSE.equals(input.active())));
		}
		return editions;
	}

	/**
	 * Tier prices must name an existing partner tier by its code; NOT_FOUND at the
	 * price's {@code tier} otherwise. The prices are in input order.
	 */
	private Mono<Void> requireKnownTiers(List<Price> prices) {
		Set<String> codes = prices.stream().map(Price::tier).filter(Objects::nonNull).collect(Collectors.toSet());
		return this.tiers.existingCodes(codes).flatMap(known -> {
			List<UserError> errors = new ArrayList<>();
			for (int i = 0; i < prices.size(); i++) {
				String tier = prices.get(i).tier();
				if (tier != null && !known.contains(tier)) {
					errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No partner tier has the code " + tier + ".",
							"input", "prices", String.valueOf(i), "tier"));
				}
			}
			Inputs.rejectIfAny(errors);
			return Mono.empty();
		});
	}

	private static List<Price> prices(List<ProductPriceInput> inputs, List<Edition> editions, List<UserError> errors) {
		List<Price> prices = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (int i = 0; inputs != null && i < inputs.size(); i++) {
			ProductPriceInput input = inputs.get(i);
			String index = String.valueOf(i);
			if (input.unitPrice() == null || input.unitPrice().amount() == null) {
				continue;
			}
			String edition = Inputs.clean(input.editionCode()) == null ? null
					: input.editionCode().strip().toUpperCase(Locale.ROOT);
			String tier = Inputs.clean(input.tier()) == null ? null : input.tier().strip().toUpperCase(Locale.ROOT);
			if (edition != null && editions.stream().noneMatch(known -> known.code().equals(edition))) {
				errors.add(UserError.of(UserErrorCode.NOT_FOUND, "The product has no edition " + edition + ".", "input",
						"prices", index, "editionCode"));
			}
			Money unitPrice = Money.checked(input.unitPrice().amount(), input.unitPrice().currency(), errors, "input",
					"prices", index, "unitPrice");
			if (unitPrice == null) {
				continue;
			}
			if (!keys.add(edition + "/" + tier + "/" + unitPrice.currency())) {
				errors.add(UserError.of(UserErrorCode.CONFLICT, "Two prices for the same edition, tier and currency.",
						"input", "prices", index));
			}
			prices.add(new Price(edition, tier, unitPrice));
		}
		return prices;
	}

	private Mono<Product> event(Actor actor, EventType type, Product product) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Product", product.id()));
		payload.put("code", product.code());
		payload.put("name", product.name());
		payload.put("kind", product.kind());
		payload.put("licenseModel", product.licenseModel());
		payload.put("active", product.active());
		payload.put("version", product.version());
		return this.outbox.append(actor, type, "Product", product.id(), product.version(), EventOwner.VENDOR, payload)
			.thenReturn(product);
	}

}
