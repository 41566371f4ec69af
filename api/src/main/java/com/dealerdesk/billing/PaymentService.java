package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.billing.AllocationRepository.Target;
import com.dealerdesk.billing.PaymentInputs.AllocatePaymentInput;
import com.dealerdesk.billing.PaymentInputs.AllocationInput;
import com.dealerdesk.billing.PaymentInputs.RecordPaymentInput;
import com.dealerdesk.billing.PaymentInputs.RecordRefundInput;
import com.dealerdesk.billing.PaymentInputs.Recorded;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
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
import io.r2dbc.postgresql.api.PostgresqlException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Payments received and refunds, and their allocation to planned payments and invoices.
 * Recording is idempotent per caller and key (a unique constraint); allocating locks the
 * customer's money in the currency and the targets, and the paid columns' CHECK
 * constraints are the last guard against paying more than is open or than was received.
 */
@Service
public class PaymentService implements NodeFetcher {

	/** PostgreSQL's check_violation. */
	private static final String CHECK_VIOLATION = "23514";

	private static final String IDEMPOTENCY_CONSTRAINT = "payment_created_by_idempotency_key_key";

	private final PaymentRepository payments;

	private final AllocationRepository allocations;

	private final PaymentPlanService plans;

	private final LicensePaymentBindings licenses;

	private final CustomerService customers;

	private final UserDirectory users;

	private final DocumentNumbers numbers;

	private final PaymentEvents events;

	private final InputValidator validator;

	private final TransactionalOperator transaction;

	PaymentService(PaymentRepository payments, AllocationRepository allocations, PaymentPlanService plans,
			LicensePaymentBindings licenses, CustomerService customers, UserDirectory users, DocumentNumbers numbers,
			PaymentEvents events, InputValidator validator, ReactiveTransactionManager transactions) {
		this.payments = payments;
		this.allocations = allocations;
		this.plans = plans;
		this.licenses = licenses;
		this.customers = customers;
		this.users = users;
		this.numbers = numbers;
		this.events = events;
		this.validator = validator;
		this.transaction = TransactionalOperator.create(transactions);
	}

	// ---- reading

	public Mono<Map<UUID, Payment>> payments(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.payments.payments(actor, ids)
			.map(rows -> rows.stream().collect(Collectors.toMap(Payment::id, Function.identity())));
	}

	Mono<Connection<Payment>> page(Actor actor, String customerId, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, PaymentRepository.NEWEST);
		UUID customer = customerId == null ? null : GlobalId.requireUuidOf("Customer", customerId);
		if (customerId != null && customer == null) {
			return Mono.just(page.page(List.of(), PaymentService::cursor));
		}
		return this.payments.page(actor, customer, page).map(rows -> page.page(rows, PaymentService::cursor));
	}

	Mono<Map<UUID, List<Payment>>> pagesOfCustomers(Collection<UUID> customerIds, PageRequest page) {
		return this.payments.pagesOfCustomers(customerIds, page);
	}

	Mono<Map<UUID, List<Money>>> credit(Collection<UUID> customerIds) {
		return customerIds.isEmpty() ? Mono.just(Map.of()) : this.payments.credit(customerIds);
	}

	Mono<Map<UUID, List<PaymentAllocation>>> allocationsOfPayments(Collection<UUID> paymentIds) {
		return paymentIds.isEmpty() ? Mono.just(Map.of()) : this.allocations.ofPayments(paymentIds);
	}

	Mono<Map<UUID, List<PaymentAllocation>>> allocationsOfInvoices(Collection<UUID> invoiceIds) {
		return invoiceIds.isEmpty() ? Mono.just(Map.of()) : this.allocations.ofInvoices(invoiceIds);
	}

	/**
	 * Each invoice's total and what was paid of it (nothing, if billing never touched
	 * it).
	 */
	Mono<Map<UUID, Money[]>> invoiceBalances(Collection<UUID> invoiceIds) {
		return invoiceIds.isEmpty() ? Mono.just(Map.of()) : this.allocations.invoiceBalances(invoiceIds);
	}

	static KeysetCursor cursor(Payment payment) {
		return new KeysetCursor(PaymentRepository.NEWEST, payment.createdAt().toString(), payment.id());
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Payment");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : payments(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, uuids -> payments(actor, uuids));
	}

	// ---- recording

	public Mono<Recorded> record(Actor actor, RecordPaymentInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.PAYMENT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		Inputs.rejectIfAny(errors);
		UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		Money amount = positive(input.amount(), input.currency(), errors);
		if (input.exchangeRate() != null && (input.exchangeRate().signum() <= 0
				|| input.exchangeRate().stripTrailingZeros().scale() > 8 || input.exchangeRate().precision() > 19)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "A positive rate with at most 8 decimals.", "input",
					"exchangeRate"));
		}
		List<Wanted> wanted = wanted(input.allocations(), errors);
		Inputs.rejectIfAny(errors);
		String key = input.idempotencyKey().strip();
		String fingerprint = fingerprint("RECEIPT", customerId, amount, input.receivedOn(), input.method(),
				Inputs.clean(input.reference()),
				input.exchangeRate() == null ? null : input.exchangeRate().stripTrailingZeros().toPlainString(),
				wanted.stream()
					.map(want -> want.plannedPaymentId() + "/" + want.invoiceId() + "/"
							+ (want.amount() == null ? null : want.amount().stripTrailingZeros().toPlainString()))
					.collect(Collectors.joining(",")));
		// payment.created_by names a user: an integration's first payment registers it
		Mono<Recorded> attempt = Mono.defer(() -> this.users.requireRegistered(actor)
			.then(this.customers.customers(actor, Set.of(customerId)))
			.mapNotNull(found -> found.get(customerId))
			.switchIfEmpty(Mono.error(() -> notFound("customerId")))
			.flatMap(customer -> this.numbers.next("PAY", input.receivedOn().getYear()))
			.map(number -> new Payment(UUID.randomUUID(), number, Payment.Kind.RECEIPT, customerId, amount,
					amount.zero(), input.receivedOn(), input.method(), Inputs.clean(input.reference()),
					input.exchangeRate(), actor.subject(), null, 1))
			.flatMap(payment -> this.payments.insert(payment, key, fingerprint)
				.then(allocate(actor, payment, wanted, input.exchangeRate(), amount))
				.flatMap(made -> reload(actor, payment.id())
					.flatMap(saved -> this.events.payment(actor, EventType.PAYMENT_RECORDED, saved, made)
						.thenReturn(new Recorded(saved, false))))));
		return replay(actor, key, fingerprint).switchIfEmpty(this.transaction.transactional(attempt))
			.onErrorMap(PaymentService::checkViolation,
					ex -> conflict("The payment no longer fits what is open.", "allocations"))
			// the same key sent at the same time: the first one's transaction won
			.onErrorResume(UniqueViolation.of(IDEMPOTENCY_CONSTRAINT), ex -> replay(actor, key, fingerprint));
	}

	public Mono<Recorded> refund(Actor actor, RecordRefundInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.PAYMENT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		Inputs.rejectIfAny(errors);
		UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		Money amount = positive(input.amount(), input.currency(), errors);
		Inputs.rejectIfAny(errors);
		String key = input.idempotencyKey().strip();
		String fingerprint = fingerprint("REFUND", customerId, amount, input.refundedOn(), input.method(),
				Inputs.clean(input.reference()));
		Mono<Recorded> refund = Mono.defer(() -> this.payments.creditOf(customerId, amount.currency()))
			.flatMap(credit -> {
				if (credit.compareTo(amount.amount()) < 0) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
							"More than the customer's credit in " + amount.currency() + " ("
									+ Money.of(credit, amount.currency()).amount().toPlainString() + ").",
							"input", "amount")));
				}
				return this.numbers.next("REF", input.refundedOn().getYear());
			})
			.map(number -> new Payment(UUID.randomUUID(), number, Payment.Kind.REFUND, customerId, amount,
					amount.zero(), input.refundedOn(), input.method(), Inputs.clean(input.reference()), null,
					actor.subject(), null, 1))
			.flatMap(created -> this.payments.insert(created, key, fingerprint)
				.then(reload(actor, created.id()))
				.flatMap(saved -> this.events.payment(actor, EventType.REFUND_RECORDED, saved, List.of())
					.thenReturn(new Recorded(saved, false))));
		// under the lock, a refund with the same key that committed meanwhile is found
		// before its credit is counted again
		// payment.created_by names a user: an integration's first payment registers it
		Mono<Recorded> attempt = Mono.defer(() -> this.users.requireRegistered(actor)
			.then(this.customers.customers(actor, Set.of(customerId)))
			.mapNotNull(found -> found.get(customerId))
			.switchIfEmpty(Mono.error(() -> notFound("customerId")))
			.flatMap(customer -> this.allocations.lockCustomerMoney(customerId, amount.currency()))
			.then(replay(actor, key, fingerprint))
			.switchIfEmpty(refund));
		return replay(actor, key, fingerprint).switchIfEmpty(this.transaction.transactional(attempt))
			.onErrorResume(UniqueViolation.of(IDEMPOTENCY_CONSTRAINT), ex -> replay(actor, key, fingerprint));
	}

	public Mono<Payment> allocatePayment(Actor actor, AllocatePaymentInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PAYMENT);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Payment", input.paymentId(), errors, "input", "paymentId");
		List<Wanted> wanted = wanted(input.allocations(), errors);
		Inputs.rejectIfAny(errors);
		Mono<Payment> change = this.payments.lock(actor, id)
			.switchIfEmpty(Mono.error(() -> notFound("paymentId")))
			.flatMap(payment -> {
				if (payment.kind() != Payment.Kind.RECEIPT) {
					return Mono.error(conflict("A refund is not allocated.", "paymentId"));
				}
				if (payment.version() != input.expectedVersion()) {
					return Mono.error(UserErrorsException.staleVersion("payment", payment.version()));
				}
				return this.allocations.lockCustomerMoney(payment.customerId(), payment.amount().currency())
					.then(this.payments.creditOf(payment.customerId(), payment.amount().currency()))
					.flatMap(credit -> {
						// refunds spent part of the credit: never allocate it twice
						Money available = Money.of(payment.unallocated().amount().min(credit.max(BigDecimal.ZERO)),
								payment.amount().currency());
						if (available.amount().signum() == 0) {
							return Mono.error(conflict("Nothing is left of this payment to allocate.", "paymentId"));
						}
						return allocate(actor, payment, wanted, payment.exchangeRate(), available);
					})
					.flatMap(made -> reload(actor, id)
						.flatMap(saved -> this.events.payment(actor, EventType.PAYMENT_ALLOCATED, saved, made)
							.thenReturn(saved)));
			});
		return this.transaction.transactional(change)
			.onErrorMap(PaymentService::checkViolation,
					ex -> conflict("The payment no longer fits what is open.", "allocations"));
	}

	// ---- allocating

	/** One allocation asked for by hand, its ids parsed. */
	private record Wanted(int index, UUID plannedPaymentId, UUID invoiceId, BigDecimal amount) {

	}

	private static List<Wanted> wanted(List<AllocationInput> inputs, List<UserError> errors) {
		List<Wanted> wanted = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; inputs != null && i < inputs.size(); i++) {
			AllocationInput input = inputs.get(i);
			String index = String.valueOf(i);
			if ((input.invoiceId() == null) == (input.plannedPaymentId() == null)) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "Give an invoice or a planned payment (one of them).",
						"input", "allocations", index));
				continue;
			}
			UUID planned = input.plannedPaymentId() == null ? null : GlobalId.uuidOf("PlannedPayment",
					input.plannedPaymentId(), errors, "input", "allocations", index, "plannedPaymentId");
			UUID invoice = input.invoiceId() == null ? null
					: GlobalId.uuidOf("Invoice", input.invoiceId(), errors, "input", "allocations", index, "invoiceId");
			if (input.amount() != null && input.amount().signum() <= 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be greater than zero.", "input",
						"allocations", index, "amount"));
			}
			UUID target = planned != null ? planned : invoice;
			if (target != null && !seen.add(target)) {
				errors.add(UserError.of(UserErrorCode.CONFLICT, "Listed twice.", "input", "allocations", index));
			}
			wanted.add(new Wanted(i, planned, invoice, input.amount()));
		}
		return wanted;
	}

	/**
	 * Allocates up to {@code available} of the payment (in its currency), by hand or
	 * automatically, in the caller's transaction; returns the allocations made.
	 */
	private Mono<List<PaymentAllocation>> allocate(Actor actor, Payment payment, List<Wanted> wanted, BigDecimal rate,
			Money available) {
		UUID customerId = payment.customerId();
		Mono<Void> locked = this.allocations.lockCustomerMoney(customerId, payment.amount().currency());
		Mono<List<Allocation>> chosen;
		if (wanted.isEmpty()) {
			chosen = locked.then(this.allocations.openTargets(customerId, payment.amount().currency()))
				.flatMap(open -> this.allocations.openInvoiceAccounts(customerId, open[1])
					.then(this.allocations.lockTargets(actor, customerId, open[0], open[1])))
				.map(targets -> automatic(targets, available));
		}
		else {
			Set<UUID> invoiceIds = wanted.stream()
				.map(Wanted::invoiceId)
				.filter(Objects::nonNull)
				.collect(Collectors.toSet());
			chosen = locked.then(this.plans.plannedPaymentsOfInvoices(invoiceIds)).flatMap(covering -> {
				// an invoice issued for a planned payment is paid through it (both ids)
				Map<UUID, UUID> plannedOfInvoice = covering.entrySet()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get(0).id()));
				Set<UUID> plannedIds = new HashSet<>(plannedOfInvoice.values());
				wanted.stream().map(Wanted::plannedPaymentId).filter(Objects::nonNull).forEach(plannedIds::add);
				Set<UUID> plainInvoices = new HashSet<>(invoiceIds);
				plainInvoices.removeAll(plannedOfInvoice.keySet());
				return this.allocations.openInvoiceAccounts(customerId, plainInvoices)
					.then(this.allocations.lockTargets(actor, customerId, plannedIds, plainInvoices))
					.map(targets -> byHand(wanted, plannedOfInvoice, targets, payment, rate, available));
			});
		}
		return chosen.flatMap(made -> {
			List<PaymentAllocation> rows = made.stream()
				.map(each -> new PaymentAllocation(UUID.randomUUID(), payment.id(), each.target().invoiceId(),
						each.target().plannedPaymentId(), each.amount(), each.paymentAmount(), null))
				.toList();
			BigDecimal total = rows.stream()
				.map(row -> row.paymentAmount().amount())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			Set<UUID> paidPlanned = rows.stream()
				.map(PaymentAllocation::plannedPaymentId)
				.filter(Objects::nonNull)
				.collect(Collectors.toSet());
			return Flux.fromIterable(rows)
				.concatMap(row -> this.allocations.insert(row, actor.subject()))
				.then(total.signum() == 0 ? Mono.empty() : this.allocations.addAllocated(payment.id(), total))
				.then(this.licenses.extendAfterPayment(actor, paidPlanned))
				.thenReturn(rows);
		});
	}

	/** Oldest due first, in the payment's currency, as far as the payment reaches. */
	private static List<Allocation> automatic(List<Target> targets, Money available) {
		List<Target> sorted = new ArrayList<>(targets);
		sorted.sort(Comparator.comparing(Target::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(target -> target.plannedPaymentId() == null ? 1 : 0)
			.thenComparing(target -> String.valueOf(target.plannedPaymentId()) + target.invoiceId()));
		List<Allocation> made = new ArrayList<>();
		BigDecimal left = available.amount();
		for (Target target : sorted) {
			if (left.signum() == 0) {
				break;
			}
			BigDecimal take = left.min(target.open().amount());
			if (take.signum() > 0) {
				made.add(new Allocation(target, new Money(take, available.currency()),
						new Money(take, available.currency())));
				left = left.subtract(take);
			}
		}
		return made;
	}

	private static List<Allocation> byHand(List<Wanted> wanted, Map<UUID, UUID> plannedOfInvoice, List<Target> targets,
			Payment payment, BigDecimal rate, Money available) {
		Map<UUID, Target> planned = targets.stream()
			.filter(target -> target.plannedPaymentId() != null)
			.collect(Collectors.toMap(Target::plannedPaymentId, Function.identity()));
		Map<UUID, Target> invoices = targets.stream()
			.filter(target -> target.plannedPaymentId() == null)
			.collect(Collectors.toMap(Target::invoiceId, Function.identity()));
		List<UserError> errors = new ArrayList<>();
		List<Allocation> made = new ArrayList<>();
		String paymentCurrency = payment.amount().currency();
		int paymentDigits = Math.max(Currency.getInstance(paymentCurrency).getDefaultFractionDigits(), 0);
		BigDecimal left = available.amount();
		for (Wanted want : wanted) {
			String index = String.valueOf(want.index());
			Target target = want.plannedPaymentId() != null ? planned.get(want.plannedPaymentId())
					: plannedOfInvoice.containsKey(want.invoiceId())
							? planned.get(plannedOfInvoice.get(want.invoiceId())) : invoices.get(want.invoiceId());
			String idField = want.plannedPaymentId() != null ? "plannedPaymentId" : "invoiceId";
			if (target == null) {
				errors.add(UserError.of(UserErrorCode.NOT_FOUND, "No such open item of this customer.", "input",
						"allocations", index, idField));
				continue;
			}
			String currency = target.open().currency();
			boolean converted = !currency.equals(paymentCurrency);
			if (converted && rate == null) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"In " + currency + ", not in " + paymentCurrency + ": give the exchangeRate.", "input",
						"allocations", index));
				continue;
			}
			int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
			BigDecimal reach = converted ? left.multiply(rate).setScale(digits, RoundingMode.DOWN) : left;
			BigDecimal amount = want.amount() != null ? want.amount() : target.open().amount().min(reach);
			if (want.amount() != null && want.amount().stripTrailingZeros().scale() > digits) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, currency + " has " + digits + " decimal places.",
						"input", "allocations", index, "amount"));
				continue;
			}
			if (amount.compareTo(target.open().amount()) > 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"Only " + target.open().amount().toPlainString() + " is open of it.", "input", "allocations",
						index, "amount"));
				continue;
			}
			if (amount.signum() == 0) {
				errors.add(UserError.of(UserErrorCode.CONFLICT, target.open().amount().signum() == 0
						? "Nothing is open of it." : "Nothing is left of the payment.", "input", "allocations", index));
				continue;
			}
			BigDecimal paymentAmount = converted ? amount.divide(rate, paymentDigits, RoundingMode.UP)
				.min(left)
				.max(BigDecimal.ONE.movePointLeft(paymentDigits)) : amount;
			if (paymentAmount.compareTo(left) > 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"More than is left of the payment (" + left.toPlainString() + " " + paymentCurrency + ").",
						"input", "allocations", index, "amount"));
				continue;
			}
			made.add(new Allocation(target, Money.of(amount, currency), Money.of(paymentAmount, paymentCurrency)));
			left = left.subtract(paymentAmount);
		}
		Inputs.rejectIfAny(errors);
		return made;
	}

	/** An allocation decided: what of the target, and what of the payment. */
	private record Allocation(Target target, Money amount, Money paymentAmount) {

	}

	// ---- helpers

	private Mono<Payment> reload(Actor actor, UUID id) {
		return payments(actor, Set.of(id)).map(found -> found.get(id));
	}

	/**
	 * The payment recorded earlier with this key, or a CONFLICT if it was another one.
	 */
	private Mono<Recorded> replay(Actor actor, String key, String fingerprint) {
		return this.payments.byIdempotencyKey(actor.subject(), key).flatMap(earlier -> {
			if (!earlier.getValue().equals(fingerprint)) {
				return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
						"This key was used for another payment: use a new key for a new payment.", "input",
						"idempotencyKey")));
			}
			return reload(actor, earlier.getKey()).map(payment -> new Recorded(payment, true));
		});
	}

	private static Money positive(BigDecimal amount, String currency, List<UserError> errors) {
		if (amount != null && amount.signum() == 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be greater than zero.", "input", "amount"));
			return null;
		}
		Currency known = Money.currency(currency, errors, "input", "currency");
		return known == null ? null : Money.checkedAmount(amount, known, errors, "input", "amount");
	}

	/** SHA-256 of a canonical form of the input: what makes two requests the same. */
	static String fingerprint(Object... parts) {
		String canonical = java.util.Arrays.stream(parts)
			.map(part -> part instanceof Money money
					? money.amount().stripTrailingZeros().toPlainString() + " " + money.currency()
					: String.valueOf(part))
			.collect(Collectors.joining("|"));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean checkViolation(Throwable thrown) {
		for (Throwable cause = thrown; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof PostgresqlException postgres
					&& CHECK_VIOLATION.equals(postgres.getErrorDetails().getCode())) {
				return true;
			}
		}
		return false;
	}

	private static UserErrorsException conflict(String message, String field) {
		return new UserErrorsException(UserError.of(UserErrorCode.CONFLICT, message, "input", field));
	}

	private static UserErrorsException notFound(String field) {
		return new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", field));
	}

}
