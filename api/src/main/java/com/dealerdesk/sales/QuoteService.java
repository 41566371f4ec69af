package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.partner.PartnerTiers;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.product.CataloguePrice;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import com.dealerdesk.sales.Quote.QuoteStatus;
import com.dealerdesk.sales.QuoteInputs.CreateQuoteInput;
import com.dealerdesk.sales.QuoteInputs.QuoteLineInput;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes: priced in exact money, versioned per deal under one document number, and
 * accepted or declined once.
 */
@Service
public class QuoteService implements NodeFetcher {

	private final QuoteRepository quotes;

	private final OpportunityService opportunities;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final Clock clock;

	private final ProductService products;

	private final CustomerService customers;

	private final PartnerTiers tiers;

	/** Registers a caller never seen before: the documents name their author. */
	private final UserDirectory users;

	QuoteService(QuoteRepository quotes, OpportunityService opportunities, InputValidator validator,
			OutboxWriter outbox, Clock clock, ProductService products, CustomerService customers, PartnerTiers tiers,
			UserDirectory users) {
		this.products = products;
		this.customers = customers;
		this.tiers = tiers;
		this.users = users;
		this.quotes = quotes;
		this.opportunities = opportunities;
		this.validator = validator;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Quotes of the given deals that the actor sees, newest version first. */
	Mono<Map<UUID, List<Quote>>> ofOpportunities(Actor actor, Collection<UUID> opportunityIds) {
		return this.quotes.ofOpportunities(actor, opportunityIds);
	}

	/** Quotes by id, those of deals the actor sees. */
	public Mono<Map<UUID, Quote>> quotes(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.quotes.byIds(actor, ids).collectMap(Quote::id);
	}

	/** A quote whose deal is visible to the actor. */
	public Mono<Quote> quote(Actor actor, UUID id) {
		return this.quotes.byId(actor, id);
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Quote");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : quote(actor, uuid).cast(Object.class);
	}

	@Transactional
	public Mono<Quote> create(Actor actor, CreateQuoteInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.QUOTE);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID opportunityId = GlobalId.uuidOf("Opportunity", input.opportunityId(), errors, "input", "opportunityId");
		if (input.validUntil() != null && input.validUntil().isBefore(LocalDate.now(this.clock))) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must not be in the past.", "input", "validUntil"));
		}
		Map<Integer, UUID> fromCatalogue = new HashMap<>();
		for (int i = 0; input.lines() != null && i < input.lines().size(); i++) {
			QuoteLineInput line = input.lines().get(i);
			if (line == null || line.listPrice() != null) {
				continue;
			}
			String index = String.valueOf(i);
			if (line.productId() == null) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "Give the price of a line without a catalogue product.",
						"input", "lines", index, "listPrice"));
				continue;
			}
			UUID productId = GlobalId.uuidOf("Product", line.productId(), errors, "input", "lines", index, "productId");
			if (productId != null) {
				fromCatalogue.put(i, productId);
			}
		}
		// the catalogue is asked only for an otherwise valid input; line errors are
		// reported together
		Mono<Map<Integer, CataloguePrice>> catalogue = errors.isEmpty()
				? catalogue(actor, opportunityId, input, fromCatalogue) : Mono.just(Map.of());
		return catalogue.flatMap(prices -> {
			List<UserError> problems = new ArrayList<>(errors);
			List<Quote.Line> lines = input.lines() == null ? List.of() : price(input, prices, problems);
			Inputs.rejectIfAny(problems);
			String currency = lines.get(0).price().currency();
			BigDecimal total = lines.stream()
				.map(line -> line.price().amount())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			Money.checkedAmount(total, Currency.getInstance(currency), problems, "input", "lines");
			Inputs.rejectIfAny(problems);
			return requireOrderable(lines)
				.then(this.opportunities.findChangeable(actor, opportunityId, "opportunityId"))
				.flatMap(deal -> this.users.requireRegistered(actor).thenReturn(deal))
				.flatMap(deal -> this.quotes.insertNext(deal.id(), LocalDate.now(this.clock).getYear(), currency,
						input.validUntil(), total, lines, actor.subject()));
		}).flatMap(id -> this.quotes.byId(actor, id)).flatMap(quote -> event(actor, EventType.QUOTE_CREATED, quote));
	}

	/**
	 * The customer's catalogue prices of the lines given without a price, by line index:
	 * at the tier of the deal's customer's partner (see {@link CataloguePrice#of}).
	 * REQUIRED at the line's list price when the catalogue has none in the currency.
	 */
	private Mono<Map<Integer, CataloguePrice>> catalogue(Actor actor, UUID opportunityId, CreateQuoteInput input,
			Map<Integer, UUID> productIds) {
		Currency currency = Money.currency(input.currency(), new ArrayList<>());
		if (productIds.isEmpty() || currency == null) {
			return Mono.just(Map.of());
		}
		String code = currency.getCurrencyCode();
		return this.opportunities.findChangeable(actor, opportunityId, "opportunityId")
			.flatMap(deal -> this.customers.customer(actor, deal.customerId()))
			.flatMap(customer -> this.tiers.ofPartner(customer.partnerId()))
			.zipWith(this.products.byIds(Set.copyOf(productIds.values())))
			.map(found -> {
				List<UserError> errors = new ArrayList<>();
				Map<Integer, CataloguePrice> prices = new HashMap<>();
				productIds.forEach((i, productId) -> {
					Product product = found.getT2().get(productId);
					String index = String.valueOf(i);
					if (product == null) {
						errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No such product.", "input", "lines", index,
								"productId"));
						return;
					}
					CataloguePrice.of(product, code, editionOf(input.lines().get(i)), found.getT1().orElse(null))
						.ifPresentOrElse(price -> prices.put(i, price),
								() -> errors.add(UserError.of(UserErrorCode.REQUIRED,
										product.code() + " has no catalogue price in " + code + ": give a list price.",
										"input", "lines", index, "listPrice")));
				});
				Inputs.rejectIfAny(errors);
				return prices;
			});
	}

	private static String editionOf(QuoteLineInput line) {
		String edition = Inputs.clean(line.editionCode());
		return edition == null ? null : edition.toUpperCase(Locale.ROOT);
	}

	/** Lines that name a product must name one that can be sold. */
	private Mono<Void> requireOrderable(List<Quote.Line> lines) {
		List<UserError> errors = new ArrayList<>();
		return Flux.fromIterable(lines).filter(line -> line.productId() != null).concatMap(line -> {
			String index = String.valueOf(line.position() - 1);
			return this.products.orderable(line.productId(), line.editionCode(), errors,
					new String[] { "input", "lines", index, "productId" },
					new String[] { "input", "lines", index, "editionCode" });
		}).then(Mono.fromRunnable(() -> Inputs.rejectIfAny(errors)));
	}

	@Transactional
	public Mono<Quote> decide(Actor actor, String id, Integer expectedVersion, QuoteStatus decision) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.QUOTE);
		List<UserError> errors = new ArrayList<>();
		UUID quoteId = GlobalId.uuidOf("Quote", id, errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return quote(actor, quoteId)
			.switchIfEmpty(Mono.error(
					() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", "id"))))
			.flatMap(quote -> {
				if (quote.status() != QuoteStatus.OPEN) {
					return Mono.error(notOpen(quote));
				}
				if (decision == QuoteStatus.ACCEPTED && quote.validUntil().isBefore(LocalDate.now(this.clock))) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"The quote expired on " + quote.validUntil() + ": make a new version.", "input", "id")));
				}
				return this.opportunities.findChangeable(actor, quote.opportunityId())
					.flatMap(deal -> this.quotes.decide(quote.id(), expectedVersion, decision)
						.filter(Boolean::booleanValue)
						.switchIfEmpty(Mono.defer(() -> notDecided(actor, quote.id())))
						.then(decision == QuoteStatus.ACCEPTED
								? this.opportunities.applyAcceptedQuote(actor, deal, quote.total()).then()
								: Mono.empty()))
					.then(this.quotes.byId(actor, quote.id()))
					.flatMap(decided -> event(actor,
							decision == QuoteStatus.ACCEPTED ? EventType.QUOTE_ACCEPTED : EventType.QUOTE_DECLINED,
							decided));
			});
	}

	/**
	 * Why the guarded update decided nothing, from the quote as it is now: decided
	 * meanwhile (by a request sent at the same time, too) is the CONFLICT a later
	 * duplicate gets; otherwise the caller's version is stale.
	 */
	private Mono<Boolean> notDecided(Actor actor, UUID id) {
		return this.quotes.byId(actor, id)
			.flatMap(now -> Mono.<Boolean>error(now.status() != QuoteStatus.OPEN ? notOpen(now)
					: UserErrorsException.staleVersion("quote", now.version())));
	}

	private static UserErrorsException notOpen(Quote quote) {
		return new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
				"The quote is " + quote.status().name().toLowerCase() + ", not open.", "input", "id"));
	}

	/**
	 * Prices the lines: quantity × list price, less the discount (an amount, or a
	 * percentage rounded half-up to the currency's decimals). Errors are recorded per
	 * line and field.
	 */
	private static List<Quote.Line> price(CreateQuoteInput input, Map<Integer, CataloguePrice> catalogue,
			List<UserError> errors) {
		List<Quote.Line> lines = new ArrayList<>();
		Currency currency = Money.currency(input.currency(), errors, "input", "currency");
		if (currency == null) {
			return lines;
		}
		for (int i = 0; i < input.lines().size(); i++) {
			QuoteLineInput line = input.lines().get(i);
			String index = String.valueOf(i);
			if (line == null || line.description() == null || line.quantity() == null || line.quantity() < 1) {
				continue; // reported by the input's constraints
			}
			CataloguePrice priced = catalogue.get(i);
			if (priced == null && line.listPrice() != null) {
				Money entered = Money.checkedAmount(line.listPrice(), currency, errors, "input", "lines", index,
						"listPrice");
				priced = entered == null ? null : CataloguePrice.entered(entered);
			}
			if (priced == null) {
				continue;
			}
			Money unit = priced.unitPrice();
			Money gross = Money.checkedAmount(unit.amount().multiply(BigDecimal.valueOf(line.quantity())), currency,
					errors, "input", "lines", index, "quantity");
			if (gross == null) {
				continue;
			}
			if (line.discountAmount() != null && line.discountPercent() != null) {
				errors
					.add(UserError.of(UserErrorCode.INVALID_VALUE, "Give a discount amount or a percentage, not both.",
							"input", "lines", index, "discountPercent"));
				continue;
			}
			Money discount = new Money(BigDecimal.ZERO.setScale(unit.amount().scale()), unit.currency());
			if (line.discountAmount() != null) {
				discount = Money.checkedAmount(line.discountAmount(), currency, errors, "input", "lines", index,
						"discountAmount");
			}
			else if (line.discountPercent() != null) {
				if (line.discountPercent().signum() < 0 || line.discountPercent().compareTo(BigDecimal.valueOf(100)) > 0
						|| line.discountPercent().scale() > 4) {
					errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be a percentage from 0 to 100.", "input",
							"lines", index, "discountPercent"));
					continue;
				}
				discount = new Money(
						gross.amount()
							.multiply(line.discountPercent())
							.divide(BigDecimal.valueOf(100), unit.amount().scale(), RoundingMode.HALF_UP),
						unit.currency());
			}
			if (discount == null) {
				continue;
			}
			if (discount.amount().compareTo(gross.amount()) > 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "The discount is larger than the line.", "input",
						"lines", index, line.discountAmount() != null ? "discountAmount" : "discountPercent"));
				continue;
			}
			UUID productId = line.productId() == null ? null
					: GlobalId.uuidOf("Product", line.productId(), errors, "input", "lines", index, "productId");
			lines.add(new Quote.Line(i + 1, line.description().strip(), line.quantity(), unit, line.discountPercent(),
					discount, new Money(gross.amount().subtract(discount.amount()), unit.currency()), productId,
					productId == null ? null : editionOf(line), priced.basis(), priced.tierId()));
		}
		return lines;
	}

	private Mono<Quote> event(Actor actor, EventType type, Quote quote) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Quote", quote.id()));
		payload.put("opportunityId", GlobalId.of("Opportunity", quote.opportunityId()));
		return this.opportunities.ownerOf(actor, quote.opportunityId()).flatMap(owner -> {
			payload.put("customerId", owner.customerId() == null ? null : GlobalId.of("Customer", owner.customerId()));
			payload.put("number", quote.number());
			payload.put("documentNumber", quote.documentNumber());
			payload.put("status", quote.status());
			payload.put("total", quote.total());
			payload.put("validUntil", quote.validUntil().toString());
			payload.put("version", quote.version());
			return this.outbox.append(actor, type, "Quote", quote.id(), quote.version(), owner, payload);
		}).thenReturn(quote);
	}

}
