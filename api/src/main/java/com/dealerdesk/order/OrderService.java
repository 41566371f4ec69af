package com.dealerdesk.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.campaign.CampaignService;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.order.Order.OrderStatus;
import com.dealerdesk.order.OrderInputs.CreateOrderFromQuoteInput;
import com.dealerdesk.order.OrderInputs.CreateOrderInput;
import com.dealerdesk.order.OrderInputs.DocumentStateInput;
import com.dealerdesk.order.OrderInputs.OrderLineInput;
import com.dealerdesk.partner.PartnerTier;
import com.dealerdesk.partner.PartnerTiers;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.milestone.Milestone;
import com.dealerdesk.platform.milestone.Milestones;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.numbering.DocumentNumbers;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.product.CataloguePrice;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import com.dealerdesk.sales.Opportunity;
import com.dealerdesk.sales.OpportunityService;
import com.dealerdesk.sales.Quote.QuoteStatus;
import com.dealerdesk.sales.Quote;
import com.dealerdesk.sales.QuoteService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders: what a customer bought, made by hand, from an accepted quote, or to renew
 * licenses. Who may change sales data may order; the customer must be in their scope.
 */
@Service
public class OrderService implements NodeFetcher {

	private final DocumentRepository documents;

	private final DocumentNumbers numbers;

	private final CustomerService customers;

	private final ProductService products;

	private final QuoteService quotes;

	private final OpportunityService deals;

	private final CampaignService campaigns;

	private final InputValidator validator;

	private final DocumentEvents events;

	private final Clock clock;

	private final PartnerTiers tiers;

	private final Milestones milestones;

	/** Registers a caller never seen before: the documents name their author. */
	private final UserDirectory users;

	OrderService(DocumentRepository documents, DocumentNumbers numbers, CustomerService customers,
			ProductService products, QuoteService quotes, OpportunityService deals, CampaignService campaigns,
			InputValidator validator, DocumentEvents events, Clock clock, PartnerTiers tiers, Milestones milestones,
			UserDirectory users) {
		this.tiers = tiers;
		this.milestones = milestones;
		this.users = users;
		this.documents = documents;
		this.numbers = numbers;
		this.customers = customers;
		this.products = products;
		this.quotes = quotes;
		this.deals = deals;
		this.campaigns = campaigns;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
	}

	// ---- reading

	public Mono<Map<UUID, Order>> orders(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.documents.orders(actor, ids)
			.map(rows -> rows.stream().collect(Collectors.toMap(Order::id, Function.identity())));
	}

	Mono<Connection<Order>> page(Actor actor, String customerId, OrderStatus status, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, DocumentRepository.NEWEST);
		UUID customer = customerId == null ? null : GlobalId.requireUuidOf("Customer", customerId);
		if (customerId != null && customer == null) {
			return Mono.just(page.page(List.of(), OrderService::cursor));
		}
		return this.documents.orderPage(actor, customer, status, page)
			.map(rows -> page.page(rows, OrderService::cursor));
	}

	Mono<Map<UUID, List<Order>>> ordersOfQuotes(Actor actor, Collection<UUID> quoteIds) {
		return this.documents.ordersOfQuotes(actor, quoteIds);
	}

	static KeysetCursor cursor(Order order) {
		return new KeysetCursor(DocumentRepository.NEWEST, order.createdAt().toString(), order.id());
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Order");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : orders(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, uuids -> orders(actor, uuids));
	}

	// ---- changing

	@Transactional
	public Mono<Order> create(Actor actor, CreateOrderInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.ORDER);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		UUID dealId = input.opportunityId() == null ? null
				: GlobalId.uuidOf("Opportunity", input.opportunityId(), errors, "input", "opportunityId");
		Currency currency = input.currency() == null ? null
				: Money.currency(input.currency(), errors, "input", "currency");
		List<UUID> productIds = new ArrayList<>();
		for (int i = 0; input.lines() != null && i < input.lines().size(); i++) {
			OrderLineInput line = input.lines().get(i);
			productIds.add(line == null || line.productId() == null ? null : GlobalId.uuidOf("Product",
					line.productId(), errors, "input", "lines", String.valueOf(i), "productId"));
		}
		Inputs.rejectIfAny(errors);
		Mono<Customer> customer = this.customers.requireOpen(actor, customerId, "customerId");
		Mono<Optional<Opportunity>> deal = dealOf(actor, dealId, customerId);
		return Mono.zip(customer, deal).flatMap(both -> {
			UUID campaign = both.getT2().map(Opportunity::campaignId).orElse(null);
			Mono<Optional<UUID>> campaignId = input.campaignId() == null ? Mono.just(Optional.ofNullable(campaign))
					: this.campaigns.requireCampaign(actor, input.campaignId(), "input", "campaignId")
						.map(Optional::of);
			Mono<List<Order.Line>> lines = this.tiers.ofPartner(both.getT1().partnerId())
				.flatMap(tier -> priceLines(input.lines(), productIds, currency, tier.orElse(null)));
			return campaignId.zipWith(lines)
				.flatMap(attribution -> insert(actor, both.getT1(), dealId, null, attribution.getT1().orElse(null),
						currency.getCurrencyCode(), attribution.getT2()));
		}).flatMap(order -> reached(actor, Milestone.Kind.ORDER_PLACED, order));
	}

	@Transactional
	public Mono<Order> createFromQuote(Actor actor, CreateOrderFromQuoteInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.ORDER);
		List<UserError> errors = new ArrayList<>();
		UUID quoteId = GlobalId.uuidOf("Quote", input.quoteId(), errors, "input", "quoteId");
		Inputs.rejectIfAny(errors);
		return this.quotes.quote(actor, quoteId)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such quote.", "input", "quoteId"))))
			.flatMap(quote -> {
				if (quote.status() != QuoteStatus.ACCEPTED) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"Only an accepted quote becomes an order; this one is " + quote.status() + ".", "input",
							"quoteId")));
				}
				List<Quote.Line> productLines = quote.lines()
					.stream()
					.filter(line -> line.productId() != null)
					.toList();
				if (productLines.isEmpty()) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
							"None of the quote's lines names a catalogue product: create the order by hand.", "input",
							"quoteId")));
				}
				return this.documents.quoteHasOrder(quote.id()).flatMap(ordered -> {
					if (ordered) {
						return Mono.error(alreadyOrdered());
					}
					return this.deals.opportunity(actor, quote.opportunityId())
						.flatMap(deal -> this.customers.requireOpen(actor, deal.customerId(), "quoteId")
							.flatMap(customer -> insert(actor, customer, deal.id(), quote.id(), deal.campaignId(),
									quote.currency(), fromQuote(productLines))));
				});
			})
			.flatMap(order -> reached(actor, Milestone.Kind.ORDER_PLACED, order))
			// a request sent at the same time passed the check above too: the index
			// decides
			.onErrorMap(UniqueViolation.of("sales_order_one_per_quote"), ex -> alreadyOrdered());
	}

	private static UserErrorsException alreadyOrdered() {
		return new UserErrorsException(
				UserError.of(UserErrorCode.CONFLICT, "An order was already made from this quote.", "input", "quoteId"));
	}

	@Transactional
	public Mono<Order> cancel(Actor actor, DocumentStateInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.ORDER);
		List<UserError> errors = new ArrayList<>();
		UUID id = GlobalId.uuidOf("Order", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return this.documents.lockOrder(actor, id).switchIfEmpty(Mono.error(() -> notFound("id"))).flatMap(order -> {
			if (order.status() != OrderStatus.OPEN) {
				return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
						order.status() == OrderStatus.CANCELLED ? "The order is already cancelled."
								: "Goods were shipped from this order: it can no longer be cancelled.",
						"input", "id")));
			}
			return this.documents.setOrderStatus(id, input.expectedVersion(), OrderStatus.CANCELLED)
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("order", order.version())))
				.then(reload(actor, id));
		})
			.flatMap(order -> this.events.order(actor, EventType.ORDER_CANCELLED, order))
			.flatMap(order -> reached(actor, Milestone.Kind.ORDER_CANCELLED, order));
	}

	/**
	 * Tells other features, in this transaction, that the order was placed or cancelled
	 * (a prepaid partner's account is charged, and may refuse the order).
	 */
	private Mono<Order> reached(Actor actor, Milestone.Kind kind, Order order) {
		return this.milestones.reached(actor, new Milestone(kind, order.id(), null, LocalDate.now(this.clock)))
			.thenReturn(order);
	}

	/**
	 * An order renewing licenses, within the caller's transaction: lines priced from the
	 * catalogue in the currency, each naming the license it renews.
	 */
	public Mono<Order> createRenewal(Actor actor, UUID customerId, Currency currency, List<RenewalLine> lines) {
		AccessPolicy.require(actor, Action.CREATE, Subject.ORDER);
		Set<UUID> productIds = lines.stream().map(RenewalLine::productId).collect(Collectors.toSet());
		return this.customers.requireOpen(actor, customerId, "licenseIds")
			.zipWith(this.products.byIds(productIds))
			.zipWhen(both -> this.tiers.ofPartner(both.getT1().partnerId()))
			.flatMap(withTier -> {
				Customer customer = withTier.getT1().getT1();
				Map<UUID, Product> products = withTier.getT1().getT2();
				PartnerTier tier = withTier.getT2().orElse(null);
				List<UserError> errors = new ArrayList<>();
				List<Order.Line> priced = new ArrayList<>();
				for (RenewalLine line : lines) {
					Product product = products.get(line.productId());
					Optional<CataloguePrice> unit = CataloguePrice.of(product, currency.getCurrencyCode(),
							line.editionCode(), tier);
					if (!product.active() || unit.isEmpty()) {
						errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
								product.code() + (product.active() ? " has no price in " + currency.getCurrencyCode()
										: " is retired") + ": it cannot be renewed from the catalogue.",
								"input", "licenseIds"));
						continue;
					}
					Money gross = unit.get().unitPrice().times(line.quantity());
					priced.add(new Order.Line(UUID.randomUUID(), null, priced.size() + 1, product.id(),
							line.editionCode(), line.description(), line.quantity(), unit.get().unitPrice(),
							gross.zero(), gross, 0, line.licenseId(), unit.get().basis(), unit.get().tierId()));
				}
				Inputs.rejectIfAny(errors);
				return insert(actor, customer, null, null, null, currency.getCurrencyCode(), priced);
			});
	}

	private Mono<Order> insert(Actor actor, Customer customer, UUID dealId, UUID quoteId, UUID campaignId,
			String currency, List<Order.Line> lines) {
		BigDecimal total = lines.stream().map(line -> line.price().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
		List<UserError> errors = new ArrayList<>();
		Money checkedTotal = Money.checkedAmount(total, Currency.getInstance(currency), errors, "input", "lines");
		Inputs.rejectIfAny(errors);
		UUID id = UUID.randomUUID();
		return this.users.requireRegistered(actor)
			.then(this.numbers.next("ORD", LocalDate.now(this.clock).getYear()))
			.map(number -> new Order(id, number, customer.id(), dealId, quoteId, campaignId, OrderStatus.OPEN, currency,
					checkedTotal, actor.subject(), null, 1, lines))
			.flatMap(this.documents::insertOrder)
			.then(reload(actor, id))
			.flatMap(order -> this.events.order(actor, EventType.ORDER_CREATED, order));
	}

	private Mono<Order> reload(Actor actor, UUID id) {
		return orders(actor, Set.of(id)).map(found -> found.get(id));
	}

	/**
	 * Prices the input lines: the customer's catalogue price (at its partner's tier)
	 * unless given, less the line's discount.
	 */
	private Mono<List<Order.Line>> priceLines(List<OrderLineInput> inputs, List<UUID> productIds, Currency currency,
			PartnerTier tier) {
		List<UserError> errors = new ArrayList<>();
		return Flux.range(0, inputs.size()).concatMap(i -> {
			OrderLineInput input = inputs.get(i);
			String index = String.valueOf(i);
			String edition = Inputs.clean(input.editionCode()) == null ? null
					: input.editionCode().strip().toUpperCase(java.util.Locale.ROOT);
			return this.products
				.orderable(productIds.get(i), edition, errors, new String[] { "input", "lines", index, "productId" },
						new String[] { "input", "lines", index, "editionCode" })
				.mapNotNull(product -> priceLine(product, edition, input, i, currency, tier, errors));
		}).collectList().doOnNext(lines -> Inputs.rejectIfAny(errors));
	}

	private static Order.Line priceLine(Product product, String edition, OrderLineInput input, int i, Currency currency,
			PartnerTier tier, List<UserError> errors) {
		String index = String.valueOf(i);
		CataloguePrice catalogue;
		if (input.unitPrice() != null) {
			Money entered = Money.checkedAmount(input.unitPrice(), currency, errors, "input", "lines", index,
					"unitPrice");
			catalogue = (entered == null) ? null : CataloguePrice.entered(entered);
		}
		else {
			catalogue = CataloguePrice.of(product, currency.getCurrencyCode(), edition, tier).orElse(null);
			if (catalogue == null) {
				errors.add(UserError.of(
						UserErrorCode.REQUIRED, product.code() + " has no catalogue price in "
								+ currency.getCurrencyCode() + ": give a unit price.",
						"input", "lines", index, "unitPrice"));
			}
		}
		if (catalogue == null) {
			return null;
		}
		Money unit = catalogue.unitPrice();
		Money gross = Money.checkedAmount(unit.amount().multiply(BigDecimal.valueOf(input.quantity())), currency,
				errors, "input", "lines", index, "quantity");
		Money discount = input.discount() == null ? unit.zero()
				: Money.checkedAmount(input.discount(), currency, errors, "input", "lines", index, "discount");
		if (gross == null || discount == null) {
			return null;
		}
		if (discount.amount().compareTo(gross.amount()) > 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "The discount is larger than the line.", "input",
					"lines", index, "discount"));
			return null;
		}
		String description = Inputs.clean(input.description()) != null ? input.description().strip()
				: product.displayName(edition);
		return new Order.Line(UUID.randomUUID(), null, i + 1, product.id(), edition, description, input.quantity(),
				unit, discount, gross.minus(discount), 0, null, catalogue.basis(), catalogue.tierId());
	}

	private static List<Order.Line> fromQuote(List<Quote.Line> lines) {
		List<Order.Line> ordered = new ArrayList<>();
		for (Quote.Line line : lines) {
			ordered.add(new Order.Line(UUID.randomUUID(), null, ordered.size() + 1, line.productId(),
					line.editionCode(), line.description(), line.quantity(), line.listPrice(), line.discount(),
					line.price(), 0, null, line.priceBasis(), line.partnerTierId()));
		}
		return ordered;
	}

	private Mono<Optional<Opportunity>> dealOf(Actor actor, UUID dealId, UUID customerId) {
		if (dealId == null) {
			return Mono.just(Optional.empty());
		}
		return this.deals.opportunity(actor, dealId)
			.filter(deal -> deal.customerId().equals(customerId))
			.map(Optional::of)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND,
					"No such deal of this customer.", "input", "opportunityId"))));
	}

	static UserErrorsException notFound(String field) {
		return new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", field));
	}

}
