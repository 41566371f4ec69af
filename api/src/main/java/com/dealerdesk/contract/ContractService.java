package com.dealerdesk.contract;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.contract.Contract.ContractStatus;
import com.dealerdesk.contract.ContractInputs.ChangeContractStatusInput;
import com.dealerdesk.contract.ContractInputs.CreateContractInput;
import com.dealerdesk.contract.ContractInputs.DeleteContractInput;
import com.dealerdesk.contract.ContractInputs.UpdateContractInput;
import com.dealerdesk.contract.ContractRepository.ContractFigures;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.order.Order;
import com.dealerdesk.order.Order.OrderStatus;
import com.dealerdesk.order.OrderService;
import com.dealerdesk.platform.error.Changes;
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
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.sales.Opportunity;
import com.dealerdesk.sales.OpportunityService;
import com.dealerdesk.sales.Quote.QuoteStatus;
import com.dealerdesk.sales.QuoteService;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts: made for a customer, optionally from an accepted quote or an order of that
 * customer, signed, carried out, completed or terminated. Who may change sales data or
 * accounts may write them; the customer must be in their scope.
 */
@Service
public class ContractService implements NodeFetcher {

	private final ContractRepository contracts;

	private final DocumentNumbers numbers;

	private final CustomerService customers;

	private final QuoteService quotes;

	private final OrderService orders;

	private final OpportunityService deals;

	private final InputValidator validator;

	private final ContractEvents events;

	private final Milestones milestones;

	private final UserDirectory users;

	private final Clock clock;

	ContractService(ContractRepository contracts, DocumentNumbers numbers, CustomerService customers,
			QuoteService quotes, OrderService orders, OpportunityService deals, InputValidator validator,
			ContractEvents events, Milestones milestones, UserDirectory users, Clock clock) {
		this.contracts = contracts;
		this.numbers = numbers;
		this.customers = customers;
		this.quotes = quotes;
		this.orders = orders;
		this.deals = deals;
		this.validator = validator;
		this.events = events;
		this.milestones = milestones;
		this.users = users;
		this.clock = clock;
	}

	// ---- reading

	public Mono<Map<UUID, Contract>> contracts(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.contracts.contracts(actor, ids);
	}

	Mono<Connection<Contract>> page(Actor actor, String customerId, List<ContractStatus> statuses, String search,
			Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, ContractRepository.NEWEST);
		UUID customer = customerId == null ? null : GlobalId.requireUuidOf("Customer", customerId);
		if (customerId != null && customer == null) {
			return Mono.just(page.page(List.of(), ContractService::cursor));
		}
		return this.contracts.page(actor, customer, statuses, Inputs.clean(search), page)
			.map(rows -> page.page(rows, ContractService::cursor));
	}

	/** A page of each customer's contracts, all in one statement. */
	Mono<Map<UUID, List<Contract>>> pagesOfCustomers(Actor actor, Collection<UUID> customerIds, PageRequest page) {
		return this.contracts.pagesOfCustomers(actor, customerIds, page);
	}

	Mono<Map<UUID, List<Contract>>> ofOpportunities(Actor actor, Collection<UUID> opportunityIds) {
		return this.contracts.ofOpportunities(actor, opportunityIds);
	}

	Mono<Map<UUID, ContractFigures>> figures(Collection<UUID> contractIds) {
		return this.contracts.figures(contractIds);
	}

	static KeysetCursor cursor(Contract contract) {
		return new KeysetCursor(ContractRepository.NEWEST, contract.createdAt().toString(), contract.id());
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Contract");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : contracts(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, uuids -> contracts(actor, uuids));
	}

	// ---- changing

	@Transactional
	public Mono<Contract> create(Actor actor, CreateContractInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.CONTRACT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		UUID dealId = input.opportunityId() == null ? null
				: GlobalId.uuidOf("Opportunity", input.opportunityId(), errors, "input", "opportunityId");
		UUID quoteId = input.quoteId() == null ? null
				: GlobalId.uuidOf("Quote", input.quoteId(), errors, "input", "quoteId");
		UUID orderId = input.orderId() == null ? null
				: GlobalId.uuidOf("Order", input.orderId(), errors, "input", "orderId");
		if (input.quoteId() != null && input.orderId() != null) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Give a quote or an order, not both.", "input",
					"orderId"));
		}
		Currency currency = input.currency() == null ? null
				: Money.currency(input.currency(), errors, "input", "currency");
		if (input.quoteId() == null && input.orderId() == null) {
			if (input.currency() == null) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "Give the currency, or a quote or an order.", "input",
						"currency"));
			}
			if (input.total() == null) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "Give the total, or a quote or an order.", "input",
						"total"));
			}
		}
		Inputs.rejectIfAny(errors);
		return Mono
			.zip(this.customers.requireOpen(actor, customerId, "customerId"),
					source(actor, customerId, quoteId, orderId))
			.flatMap(both -> {
				Source source = both.getT2();
				Currency chosen = currency != null ? currency : Currency.getInstance(source.currency());
				if (input.total() == null && !chosen.getCurrencyCode().equals(source.currency())) {
					throw new UserErrorsException(
							UserError.of(
									UserErrorCode.INVALID_VALUE, "The " + source.what() + " is in " + source.currency()
											+ ": give the total in " + chosen.getCurrencyCode() + " too.",
									"input", "total"));
				}
				Money total = checkedTotal(input.total() != null ? input.total() : source.total(), chosen);
				UUID deal = dealId != null ? dealId : source.opportunityId();
				return requireDeal(actor, dealId, customerId).then(this.users.requireRegistered(actor))
					.then(Mono.defer(() -> {
						UUID id = UUID.randomUUID();
						return this.numbers.next("CTR", LocalDate.now(this.clock).getYear())
							.map(number -> new Contract(id, number, input.title().strip(), customerId, deal, quoteId,
									orderId, ContractStatus.DRAFT, null, chosen.getCurrencyCode(), total, null,
									actor.subject(), null, 1))
							.flatMap(this.contracts::insert)
							.then(reload(actor, id));
					}));
			})
			.flatMap(contract -> this.events.contract(actor, EventType.CONTRACT_CREATED, contract));
	}

	@Transactional
	public Mono<Contract> update(Actor actor, UpdateContractInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.CONTRACT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Contract", input.id(), errors, "input", "id");
		UUID dealId = input.opportunityId().value() == null ? null
				: GlobalId.uuidOf("Opportunity", input.opportunityId().value(), errors, "input", "opportunityId");
		Inputs.rejectIfAny(errors);
		return lockVisible(actor, id).flatMap(current -> {
			List<UserError> problems = new ArrayList<>();
			if (current.status() != ContractStatus.DRAFT
					&& (!input.currency().isOmitted() || !input.total().isOmitted())) {
				problems.add(UserError.of(UserErrorCode.CONFLICT,
						"The currency and total are fixed once the contract is signed.", "input",
						input.currency().isOmitted() ? "total" : "currency"));
			}
			Currency currency = input.currency().isOmitted() ? Currency.getInstance(current.currency())
					: Money.currency(input.currency().value(), problems, "input", "currency");
			Inputs.rejectIfAny(problems);
			Changes changes = new Changes();
			changes.set("title", input.title(), String::strip);
			changes.set("opportunity_id", input.opportunityId(), sent -> dealId);
			changes.set("currency", input.currency(), sent -> currency.getCurrencyCode());
			BigDecimal total = Inputs.sentOr(input.total(), current.total().amount());
			if (!input.total().isOmitted() || !input.currency().isOmitted()) {
				// a new currency checks the total's decimals again
				changes.columns().put("total", checkedTotal(total, currency).amount());
			}
			changes.set("signed_on", input.signedOn(), signedOn -> {
				if (current.status() == ContractStatus.DRAFT || current.status() == ContractStatus.TERMINATED) {
					if (signedOn != null) {
						throw conflict("signedOn", "A contract gets its signing date when it is signed.");
					}
				}
				else {
					requireSigningDate(signedOn);
				}
				return signedOn;
			});
			return requireDeal(actor, dealId, current.customerId())
				.then(Mono.defer(() -> this.contracts.update(id, input.expectedVersion(), changes.columns())))
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("contract", current.version())))
				.then(Mono.defer(() -> reload(actor, id)));
		}).flatMap(contract -> this.events.contract(actor, EventType.CONTRACT_UPDATED, contract));
	}

	@Transactional
	public Mono<Contract> changeStatus(Actor actor, ChangeContractStatusInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.CONTRACT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Contract", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		ContractStatus target = input.status();
		LocalDate today = LocalDate.now(this.clock);
		return lockVisible(actor, id).flatMap(current -> {
			if (current.version() != input.expectedVersion()) {
				return Mono.error(UserErrorsException.staleVersion("contract", current.version()));
			}
			Changes changes = new Changes();
			Mono<Void> check = Mono.empty();
			Milestone milestone = null;
			switch (target) {
				case SIGNED -> {
					requireFrom(current, target, ContractStatus.DRAFT);
					requireSigningDate(input.signedOn());
					changes.columns().put("signed_on", input.signedOn());
					milestone = new Milestone(Milestone.Kind.CONTRACT_SIGNED, id, null, input.signedOn());
				}
				case IN_PROGRESS -> requireFrom(current, target, ContractStatus.SIGNED);
				case COMPLETED -> {
					requireFrom(current, target, ContractStatus.SIGNED, ContractStatus.IN_PROGRESS);
					check = this.contracts
						.exists("select 1 from contract_stage where contract_id = $1 having count(*) > 0"
								+ " and count(*) = count(accepted_at)", id)
						.flatMap(complete -> complete ? Mono.<Void>empty()
								: Mono.error(conflict("status", "Every stage must be accepted, and there must be at"
										+ " least one, before the contract is completed.")));
					milestone = new Milestone(Milestone.Kind.CONTRACT_COMPLETED, id, null, today);
				}
				case TERMINATED -> {
					requireFrom(current, target, ContractStatus.DRAFT, ContractStatus.SIGNED,
							ContractStatus.IN_PROGRESS);
					if (Inputs.clean(input.reason()) == null) {
						throw new UserErrorsException(UserError.of(UserErrorCode.REQUIRED,
								"Say why the contract is terminated.", "input", "reason"));
					}
					changes.columns().put("termination_reason", input.reason().strip());
				}
				case DRAFT -> throw conflict("status", "A contract cannot go back to draft.");
			}
			changes.columns().put("status", target);
			Milestone reached = milestone;
			return check.then(Mono.defer(() -> this.contracts.update(id, current.version(), changes.columns())))
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("contract", current.version())))
				.then(Mono.defer(() -> reached == null ? Mono.<Void>empty() : this.milestones.reached(actor, reached)))
				.then(Mono.defer(() -> reload(actor, id)));
		}).flatMap(contract -> this.events.contract(actor, EventType.CONTRACT_STATUS_CHANGED, contract));
	}

	@Transactional
	public Mono<String> delete(Actor actor, DeleteContractInput input) {
		AccessPolicy.require(actor, Action.DELETE, Subject.CONTRACT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Contract", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return lockVisible(actor, id).flatMap(current -> {
			if (current.version() != input.expectedVersion()) {
				return Mono.error(UserErrorsException.staleVersion("contract", current.version()));
			}
			if (current.status() != ContractStatus.DRAFT) {
				return Mono.error(conflict("id", "Only a draft contract can be deleted; this one is " + current.status()
						+ ": terminate it instead."));
			}
			return this.contracts.delete(id)
				// another feature's row (a payment plan, an invoice) refers to it
				.onErrorMap(DataIntegrityViolationException.class, ex -> conflict("id",
						"Something depends on this contract (a payment plan or an invoice): delete that first."))
				.then(this.events.deleted(actor, current))
				.thenReturn(GlobalId.of("Contract", id));
		});
	}

	// ---- shared with the plan and documents

	/** Locks a visible contract, or fails with NOT_FOUND at {@code input.id}. */
	Mono<Contract> lockVisible(Actor actor, UUID id) {
		return lockVisible(actor, id, "id");
	}

	Mono<Contract> lockVisible(Actor actor, UUID id, String field) {
		return this.contracts.lock(actor, id)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such contract.", "input", field))));
	}

	Mono<Contract> reload(Actor actor, UUID id) {
		return contracts(actor, Set.of(id)).mapNotNull(found -> found.get(id));
	}

	static UserErrorsException conflict(String field, String message) {
		return new UserErrorsException(UserError.of(UserErrorCode.CONFLICT, message, "input", field));
	}

	// ---- helpers

	/** What a contract rests on: the quote's or order's currency, total and deal. */
	private record Source(String what, String currency, BigDecimal total, UUID opportunityId) {

		static final Source NONE = new Source("input", null, null, null);

	}

	private Mono<Source> source(Actor actor, UUID customerId, UUID quoteId, UUID orderId) {
		if (quoteId != null) {
			return this.quotes.quote(actor, quoteId)
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(
						UserError.of(UserErrorCode.NOT_FOUND, "No such quote.", "input", "quoteId"))))
				.flatMap(quote -> {
					if (quote.status() != QuoteStatus.ACCEPTED) {
						return Mono.error(conflict("quoteId",
								"Only an accepted quote becomes a contract; this one is " + quote.status() + "."));
					}
					return this.deals.opportunity(actor, quote.opportunityId())
						.filter(deal -> deal.customerId().equals(customerId))
						.switchIfEmpty(Mono.error(() -> new UserErrorsException(UserError
							.of(UserErrorCode.INVALID_VALUE, "The quote is of another customer.", "input", "quoteId"))))
						.map(deal -> new Source("quote", quote.currency(), quote.total().amount(), deal.id()));
				});
		}
		if (orderId != null) {
			return this.orders.orders(actor, Set.of(orderId))
				.mapNotNull(found -> found.get(orderId))
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(
						UserError.of(UserErrorCode.NOT_FOUND, "No such order.", "input", "orderId"))))
				.map(order -> orderSource(order, customerId));
		}
		return Mono.just(Source.NONE);
	}

	private static Source orderSource(Order order, UUID customerId) {
		if (!order.customerId().equals(customerId)) {
			throw new UserErrorsException(
					UserError.of(UserErrorCode.INVALID_VALUE, "The order is of another customer.", "input", "orderId"));
		}
		if (order.status() == OrderStatus.CANCELLED) {
			throw conflict("orderId", "The order is cancelled.");
		}
		return new Source("order", order.currency(), order.total().amount(), order.opportunityId());
	}

	private Mono<Void> requireDeal(Actor actor, UUID dealId, UUID customerId) {
		if (dealId == null) {
			return Mono.empty();
		}
		return this.deals.opportunity(actor, dealId)
			.map(Opportunity::customerId)
			.filter(customerId::equals)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such deal of this customer.", "input", "opportunityId"))))
			.then();
	}

	private static Money checkedTotal(BigDecimal amount, Currency currency) {
		List<UserError> errors = new ArrayList<>();
		Money total = Money.checkedAmount(amount, currency, errors, "input", "total");
		if (total != null && total.amount().signum() == 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be greater than zero.", "input", "total"));
		}
		Inputs.rejectIfAny(errors);
		return total;
	}

	private void requireSigningDate(LocalDate signedOn) {
		if (signedOn == null) {
			throw new UserErrorsException(
					UserError.of(UserErrorCode.REQUIRED, "Give the date it was signed on.", "input", "signedOn"));
		}
		if (signedOn.isAfter(LocalDate.now(this.clock))) {
			throw new UserErrorsException(
					UserError.of(UserErrorCode.INVALID_VALUE, "Must not be in the future.", "input", "signedOn"));
		}
	}

	private static void requireFrom(Contract current, ContractStatus target, ContractStatus... from) {
		if (!List.of(from).contains(current.status())) {
			throw conflict("status", "A " + current.status() + " contract cannot become " + target + ".");
		}
	}

}
