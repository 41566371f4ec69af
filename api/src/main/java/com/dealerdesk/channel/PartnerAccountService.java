package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.dealerdesk.channel.PartnerAccountEntry.Kind;
import com.dealerdesk.channel.PartnerAccountInputs.AdjustPartnerAccountInput;
import com.dealerdesk.channel.PartnerAccountInputs.CreditPartnerRebateInput;
import com.dealerdesk.channel.PartnerAccountInputs.OpenPartnerAccountInput;
import com.dealerdesk.channel.PartnerAccountInputs.RecordPartnerPaymentInput;
import com.dealerdesk.channel.PartnerAccountInputs.UpdatePartnerAccountInput;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.partner.PartnerStatus;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Partners' accounts with the vendor (docs/api.md, "Partner accounts"; ADR 0030). Every
 * booking locks its account's row, inserts the entry, moves the balance and writes its
 * event in one transaction; every "at most once" rule (an account per partner and
 * currency, a payment's reference per account, an order's charge and refund, a rebate per
 * agreement and year) is a unique index, whose violation becomes CONFLICT.
 */
@Service
public class PartnerAccountService implements NodeFetcher {

	static final String TYPE = "PartnerAccount";

	static final String ENTRY_TYPE = "PartnerAccountEntry";

	private static final String ONE_PER_CURRENCY = "partner_account_one_per_currency";

	private final PartnerAccountRepository accounts;

	private final PartnerAgreementRepository agreements;

	private final PartnerPerformanceService performance;

	private final PartnerDirectory partners;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final TransactionalOperator transaction;

	private final Clock clock;

	PartnerAccountService(PartnerAccountRepository accounts, PartnerAgreementRepository agreements,
			PartnerPerformanceService performance, PartnerDirectory partners, InputValidator validator,
			OutboxWriter outbox, ReactiveTransactionManager transactions, Clock clock) {
		this.accounts = accounts;
		this.agreements = agreements;
		this.performance = performance;
		this.partners = partners;
		this.validator = validator;
		this.outbox = outbox;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
	}

	// ---- reading

	Mono<Map<UUID, PartnerAccount>> byIds(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.accounts.byIds(actor, ids);
	}

	Mono<Map<UUID, List<PartnerAccount>>> ofPartners(Actor actor, Collection<UUID> partnerIds) {
		return partnerIds.isEmpty() ? Mono.just(Map.of()) : this.accounts.ofPartners(actor, partnerIds);
	}

	Mono<Connection<PartnerAccount>> page(Actor actor, String partnerId, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, PartnerAccountRepository.OPENED);
		UUID partner = (partnerId == null) ? null : GlobalId.uuidOf("Partner", partnerId);
		if (partnerId != null && partner == null) {
			return Mono.just(page.page(List.<PartnerAccount>of(), PartnerAccountRepository::cursor));
		}
		return this.accounts.page(actor, partner, page).map(rows -> page.page(rows, PartnerAccountRepository::cursor));
	}

	/** The account's entries newest first; the account was read in the caller's scope. */
	Mono<Map<UUID, List<PartnerAccountEntry>>> entryPages(Collection<UUID> accountIds, PageRequest page) {
		return this.accounts.entryPages(accountIds, page);
	}

	Mono<Map<UUID, PartnerAccountEntry>> entriesByIds(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.accounts.entriesByIds(actor, ids);
	}

	/**
	 * The account's statement of a period: at most
	 * {@value PartnerPerformanceService#MAX_MONTHS} months, as partner performance
	 * allows, refused the same way.
	 */
	Mono<PartnerAccountStatement> statement(PartnerAccount account, LocalDate from, LocalDate to) {
		return Mono.defer(() -> {
			PartnerPerformanceService.requirePeriod(from, to);
			String currency = account.currency();
			return Mono
				.zip(this.accounts.periodSums(account.id(), from, to),
						this.accounts.entriesBetween(account.id(), from, to))
				.map(found -> {
					BigDecimal[] sums = found.getT1();
					return new PartnerAccountStatement(from, to, Money.of(sums[0], currency), found.getT2(),
							Money.of(sums[1], currency), Money.of(sums[2], currency), Money.of(sums[3], currency));
				});
		});
	}

	@Override
	public Set<String> typeNames() {
		return Set.of(TYPE, ENTRY_TYPE);
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		if (uuid == null) {
			return Mono.empty();
		}
		return (TYPE.equals(id.type()) ? byIds(actor, Set.of(uuid)) : entriesByIds(actor, Set.of(uuid)))
			.mapNotNull(found -> found.get(uuid));
	}

	// ---- the account

	Mono<PartnerAccount> open(Actor actor, OpenPartnerAccountInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CREATE, Subject.PARTNER_ACCOUNT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID partnerId = GlobalId.uuidOf("Partner", input.partnerId(), errors, "input", "partnerId");
			Currency currency = Money.currency(input.currency(), errors, "input", "currency");
			Money limit = (currency == null) ? null : creditLimit(input.creditLimit(), currency, errors);
			Inputs.rejectIfAny(errors);
			PartnerAccount account = new PartnerAccount(UUID.randomUUID(), partnerId, currency.getCurrencyCode(),
					input.prepaid(), limit, Money.of(BigDecimal.ZERO, currency.getCurrencyCode()), 1, null);
			return this.partners.byId(partnerId)
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(
						UserError.of(UserErrorCode.NOT_FOUND, "No such partner.", "input", "partnerId"))))
				.flatMap(partner -> {
					if (partner.status() == PartnerStatus.TERMINATED) {
						return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
								"The partner is terminated: no account is opened for it.", "input", "partnerId")));
					}
					return this.accounts.insert(account)
						.then(accountEvent(actor, EventType.PARTNER_ACCOUNT_OPENED, account))
						.as(this.transaction::transactional);
				})
				.onErrorMap(UniqueViolation.of(ONE_PER_CURRENCY),
						ex -> new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
								"The partner already has an account in " + account.currency() + ".", "input",
								"currency")));
		});
	}

	Mono<PartnerAccount> update(Actor actor, UpdatePartnerAccountInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CHANGE_TERMS, Subject.PARTNER_ACCOUNT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(TYPE, input.id(), errors, "input", "id");
			Inputs.rejectIfAny(errors);
			return this.accounts.lockedById(id).switchIfEmpty(Mono.error(() -> notFound("id"))).flatMap(current -> {
				if (current.version() != input.expectedVersion()) {
					return Mono.error(UserErrorsException.staleVersion("account", current.version()));
				}
				List<UserError> invalid = new ArrayList<>();
				Changes changes = new Changes();
				changes.set("prepaid", input.prepaid());
				changes.set("credit_limit", input.creditLimit(), limit -> {
					Money checked = creditLimit(limit, Currency.getInstance(current.currency()), invalid);
					return (checked == null) ? null : checked.amount();
				});
				Inputs.rejectIfAny(invalid);
				return this.accounts.update(id, current.version(), changes.columns())
					.flatMap(changed -> accountEvent(actor, EventType.PARTNER_ACCOUNT_UPDATED, changed));
			}).as(this.transaction::transactional);
		});
	}

	private static Money creditLimit(BigDecimal limit, Currency currency, List<UserError> errors) {
		return Money.checkedAmount(limit == null ? BigDecimal.ZERO : limit, currency, errors, "input", "creditLimit");
	}

	// ---- booking

	Mono<PartnerAccountEntry> recordPayment(Actor actor, RecordPartnerPaymentInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER_ACCOUNT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID accountId = GlobalId.uuidOf(TYPE, input.accountId(), errors, "input", "accountId");
			if (input.receivedOn() != null && input.receivedOn().isAfter(today())) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"A payment is recorded once received: not after today (" + today() + ").", "input",
						"receivedOn"));
			}
			Inputs.rejectIfAny(errors);
			String reference = input.reference().strip();
			return bookOn(actor, accountId, account -> {
				Money amount = amount(input.amount(), account, false);
				return entry(actor, account, Kind.PAYMENT, amount, input.receivedOn()).withReference(reference);
			}).onErrorMap(UniqueViolation.of("partner_account_entry_reference_once"),
					ex -> new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"A payment with the reference \"" + reference + "\" is already on this account.", "input",
							"reference")));
		});
	}

	Mono<PartnerAccountEntry> adjust(Actor actor, AdjustPartnerAccountInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER_ACCOUNT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID accountId = GlobalId.uuidOf(TYPE, input.accountId(), errors, "input", "accountId");
			Inputs.rejectIfAny(errors);
			String reason = input.reason().strip();
			return bookOn(actor, accountId, account -> {
				Money amount = amount(input.amount(), account, true);
				return entry(actor, account, Kind.ADJUSTMENT, amount, input.bookedOn()).withReason(reason);
			});
		});
	}

	/**
	 * The year's rebate of the agreement, credited to the partner's account in its
	 * currency (opened when it has none); its volume counted as {@link RebateProgress}
	 * counts the current year's.
	 */
	Mono<PartnerAccountEntry> creditRebate(Actor actor, CreditPartnerRebateInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CREATE, Subject.PARTNER_ACCOUNT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID agreementId = GlobalId.uuidOf(PartnerAgreementService.TYPE, input.agreementId(), errors, "input",
					"agreementId");
			Inputs.rejectIfAny(errors);
			int year = input.year();
			return this.agreements.byIds(actor, Set.of(agreementId))
				.mapNotNull(found -> found.get(agreementId))
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(
						UserError.of(UserErrorCode.NOT_FOUND, "No such agreement.", "input", "agreementId"))))
				.flatMap(agreement -> {
					requireRebateYear(agreement, year);
					return this.performance.rebateOfYear(agreement, year);
				})
				.flatMap(rebate -> {
					if (rebate.currentBand() == null || rebate.accrued().amount().signum() == 0) {
						return Mono
							.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
									"No rebate band was reached in " + year + ": the volume was "
											+ rebate.volume().amount().toPlainString() + " "
											+ rebate.volume().currency()
											+ (rebate.nextBand() == null ? "." : ", the first band starts at "
													+ rebate.nextBand().threshold().amount().toPlainString() + "."),
									"input", "year")));
					}
					PartnerAgreement agreement = rebate.agreement();
					return this.accounts.lockedOrOpened(agreement.partnerId(), agreement.currency())
						.flatMap(opened -> (opened.getValue()
								? accountEvent(actor, EventType.PARTNER_ACCOUNT_OPENED, opened.getKey())
								: Mono.just(opened.getKey())))
						.flatMap(account -> book(actor, account,
								entry(actor, account, Kind.REBATE_CREDIT, rebate.accrued(), today())
									.withRebate(agreement.id(), year)))
						.as(this.transaction::transactional);
				})
				.onErrorMap(UniqueViolation.of("partner_account_entry_rebate_once"),
						ex -> new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
								"The rebate of " + year + " under this agreement was already credited.", "input",
								"year")));
		});
	}

	private void requireRebateYear(PartnerAgreement agreement, int year) {
		LocalDate today = today();
		if (year >= today.getYear()) {
			throw new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE, "The year " + year
					+ " is not over: a rebate is credited for a finished year (before " + today.getYear() + ").",
					"input", "year"));
		}
		if (year < agreement.startsOn().getYear()
				|| (agreement.endsOn() != null && year > agreement.endsOn().getYear())) {
			throw new UserErrorsException(
					UserError.of(UserErrorCode.INVALID_VALUE,
							"The agreement did not run in " + year + ": it runs from " + agreement.startsOn()
									+ (agreement.endsOn() == null ? "" : " to " + agreement.endsOn()) + ".",
							"input", "year"));
		}
	}

	// ---- orders (PartnerAccountOrders)

	/**
	 * Charges an order to the partner's prepaid account in its currency, if it has one;
	 * refuses it when balance plus credit limit do not cover it. Within the order's
	 * transaction.
	 */
	Mono<Void> chargeOrder(Actor actor, UUID orderId, UUID partnerId, Money total) {
		if (total.amount().signum() == 0) {
			return Mono.empty();
		}
		return this.accounts.lockedPrepaid(partnerId, total.currency()).flatMap(account -> {
			Money available = account.balance().plus(account.creditLimit());
			if (available.amount().compareTo(total.amount()) < 0) {
				return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
						"The partner's prepaid account does not cover this order of " + text(total)
								+ ": its balance is " + text(account.balance()) + " with a credit limit of "
								+ text(account.creditLimit()) + ", so " + text(total.minus(available))
								+ " is missing. Record a payment first.")));
			}
			Money charge = new Money(total.amount().negate(), total.currency());
			return book(actor, account, entry(actor, account, Kind.ORDER_CHARGE, charge, today()).withOrder(orderId));
		}).then();
	}

	/** Gives a cancelled order's charge back, if it was charged. */
	Mono<Void> refundOrder(Actor actor, UUID orderId) {
		return this.accounts.chargeOf(orderId)
			.flatMap(charge -> this.accounts.lockedById(charge.accountId())
				.flatMap(account -> book(actor, account,
						entry(actor, account, Kind.ORDER_REFUND,
								new Money(charge.amount().amount().negate(), account.currency()), today())
							.withOrder(orderId))))
			.then();
	}

	// ---- helpers

	/**
	 * Locks the account, books the entry the function makes of it, in one transaction.
	 */
	private Mono<PartnerAccountEntry> bookOn(Actor actor, UUID accountId,
			Function<PartnerAccount, PartnerAccountEntry> entryOf) {
		return this.accounts.lockedById(accountId)
			.switchIfEmpty(Mono.error(() -> notFound("accountId")))
			.flatMap(account -> book(actor, account, entryOf.apply(account)))
			.as(this.transaction::transactional);
	}

	/** Books the entry on the locked account and announces it; the entry as read back. */
	private Mono<PartnerAccountEntry> book(Actor actor, PartnerAccount account, PartnerAccountEntry entry) {
		return this.accounts.book(entry)
			.flatMap(after -> entryEvent(actor, after, entry))
			.then(this.accounts.entriesByIds(Actor.SYSTEM, Set.of(entry.id())))
			.map(found -> found.get(entry.id()));
	}

	private static PartnerAccountEntry entry(Actor actor, PartnerAccount account, Kind kind, Money amount,
			LocalDate bookedOn) {
		return new PartnerAccountEntry(UUID.randomUUID(), account.id(), kind, amount, null, bookedOn, null, null, null,
				null, null, actor.subject(), null);
	}

	/**
	 * An input amount in the account's currency, to its minor unit: positive, or (for an
	 * adjustment) not zero.
	 */
	private static Money amount(BigDecimal amount, PartnerAccount account, boolean signed) {
		List<UserError> errors = new ArrayList<>();
		if (amount.signum() == 0 || (!signed && amount.signum() < 0)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, signed ? "Must not be zero." : "Must be positive.",
					"input", "amount"));
		}
		Money checked = Money.checkedAmount(amount.abs(), Currency.getInstance(account.currency()), errors, "input",
				"amount");
		Inputs.rejectIfAny(errors);
		return (amount.signum() < 0) ? new Money(checked.amount().negate(), checked.currency()) : checked;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static String text(Money money) {
		return money.amount().toPlainString() + " " + money.currency();
	}

	private Mono<PartnerAccount> accountEvent(Actor actor, EventType type, PartnerAccount account) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of(TYPE, account.id()));
		payload.put("partnerId", GlobalId.of("Partner", account.partnerId()));
		payload.put("currency", account.currency());
		payload.put("prepaid", account.prepaid());
		payload.put("creditLimit", account.creditLimit());
		payload.put("balance", account.balance());
		payload.put("version", account.version());
		return this.outbox
			.append(actor, type, TYPE, account.id(), account.version(), EventOwner.partner(account.partnerId()),
					payload)
			.thenReturn(account);
	}

	private Mono<Void> entryEvent(Actor actor, PartnerAccount after, PartnerAccountEntry entry) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of(ENTRY_TYPE, entry.id()));
		payload.put("accountId", GlobalId.of(TYPE, after.id()));
		payload.put("partnerId", GlobalId.of("Partner", after.partnerId()));
		payload.put("kind", entry.kind().name());
		payload.put("amount", entry.amount());
		payload.put("currency", after.currency());
		payload.put("balance", after.balance());
		payload.put("bookedOn", entry.bookedOn().toString());
		payload.put("orderId", entry.orderId() == null ? null : GlobalId.of("Order", entry.orderId()));
		payload.put("agreementId",
				entry.agreementId() == null ? null : GlobalId.of(PartnerAgreementService.TYPE, entry.agreementId()));
		payload.put("year", entry.rebateYear());
		payload.put("reference", entry.reference());
		payload.put("reason", entry.reason());
		payload.put("version", after.version());
		return this.outbox
			.append(actor, EventType.PARTNER_ACCOUNT_ENTRY_BOOKED, TYPE, after.id(), after.version(),
					EventOwner.partner(after.partnerId()), payload)
			.then();
	}

	private static UserErrorsException notFound(String field) {
		return new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "No such account.", "input", field));
	}

}
