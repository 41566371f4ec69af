package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;

/**
 * Splits a total into planned payments by payment terms, exactly to the currency's minor
 * unit: each part's exact share is rounded down, and the units left over go to the parts
 * with the largest remainders (ties to the earlier part), so the parts always add up to
 * the total and each is within one minor unit of its exact share (ADR 0024). Pure: no
 * database, no clock.
 */
public final class PaymentSplit {

	/** At most this many terms in one plan. */
	public static final int MAX_TERMS = 60;

	static final int MIN_INSTALMENTS = 2;

	static final int MAX_INSTALMENTS = 120;

	/** Exact shares are kept to this many decimals before rounding to the minor unit. */
	private static final int EXACT_SCALE = 20;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private PaymentSplit() {
	}

	public enum Kind {

		PART, REST, INSTALMENTS

	}

	public enum TriggerEvent {

		CONTRACT_SIGNED, STAGE_ACCEPTED, SHIPMENT_SENT, CONTRACT_COMPLETED

	}

	/** What makes a part due, and how many days after it. */
	public record Trigger(TriggerEvent event, UUID stageId, int offsetDays) {

	}

	/**
	 * One term as given. PART: a percent or an amount; REST and INSTALMENTS without
	 * either take what the other terms leave (INSTALMENTS may take a percent or amount
	 * too).
	 */
	public record Term(Kind kind, String label, BigDecimal percent, BigDecimal amount, LocalDate dueOn, Trigger trigger,
			Integer instalments, Integer intervalMonths) {

		boolean takesRest() {
			return this.kind == Kind.REST
					|| (this.kind == Kind.INSTALMENTS && this.percent == null && this.amount == null);
		}

	}

	/** One planned payment made from a term, numbered from 1. */
	public record Part(int position, String label, BigDecimal amount, LocalDate dueOn, Trigger trigger) {

	}

	/**
	 * The parts of the total, or an empty list with errors added (at
	 * {@code field..."terms", i, ...}).
	 */
	public static List<Part> split(BigDecimal total, Currency currency, List<Term> terms, List<UserError> errors,
			String... field) {
		int before = errors.size();
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		if (total == null || total.signum() <= 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "The total must be greater than zero.",
					path(field, "total")));
		}
		else if (total.stripTrailingZeros().scale() > digits) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					currency.getCurrencyCode() + " has " + digits + " decimal places.", path(field, "total")));
		}
		if (terms == null || terms.isEmpty()) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Give at least one term.", path(field, "terms")));
			return List.of();
		}
		if (terms.size() > MAX_TERMS) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "At most " + MAX_TERMS + " terms.",
					path(field, "terms")));
			return List.of();
		}
		int restTerms = 0;
		BigDecimal explicit = BigDecimal.ZERO;
		LocalDate lastDate = null;
		for (int i = 0; i < terms.size(); i++) {
			Term term = terms.get(i);
			String[] at = path(field, "terms", String.valueOf(i));
			restTerms += term.takesRest() ? 1 : 0;
			checkShare(term, digits, currency, errors, at);
			BigDecimal share = exactShare(term, total);
			if (share != null) {
				explicit = explicit.add(share);
			}
			checkWhen(term, errors, at);
			if (term.dueOn() != null) {
				if (lastDate != null && term.dueOn().isBefore(lastDate)) {
					errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
							"Dates must not go backwards: this term falls before an earlier one.", path(at, "dueOn")));
				}
				lastDate = term.dueOn();
			}
		}
		if (restTerms > 1) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					"Only one term may take the rest (REST, or INSTALMENTS without a percent or amount).",
					path(field, "terms")));
		}
		if (errors.size() > before) {
			return List.of();
		}
		int comparison = explicit.compareTo(total);
		if (restTerms == 0 && comparison != 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					"The terms add up to " + explicit.stripTrailingZeros().toPlainString() + ", not to the total "
							+ total.stripTrailingZeros().toPlainString() + ": fix them or add a REST term.",
					path(field, "terms")));
			return List.of();
		}
		if (restTerms == 1 && comparison >= 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					"The other terms leave nothing for the rest: they add up to "
							+ explicit.stripTrailingZeros().toPlainString() + " of "
							+ total.stripTrailingZeros().toPlainString() + ".",
					path(field, "terms")));
			return List.of();
		}
		return parts(total, digits, terms, total.subtract(explicit), errors, field);
	}

	private static void checkShare(Term term, int digits, Currency currency, List<UserError> errors, String[] at) {
		if (term.kind() == Kind.REST && (term.percent() != null || term.amount() != null)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					"A REST term takes what is left: no percent or amount.", at));
		}
		if (term.kind() == Kind.PART && (term.percent() == null) == (term.amount() == null)) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Give a percent or an amount.", at));
		}
		if (term.percent() != null && term.amount() != null && term.kind() == Kind.INSTALMENTS) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Give a percent or an amount, not both.", at));
		}
		if (term.percent() != null) {
			if (term.percent().signum() <= 0 || term.percent().compareTo(HUNDRED) > 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be greater than 0 and at most 100.",
						path(at, "percent")));
			}
			else if (term.percent().stripTrailingZeros().scale() > 4) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "At most 4 decimals.", path(at, "percent")));
			}
		}
		if (term.amount() != null) {
			if (term.amount().signum() <= 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be greater than zero.", path(at, "amount")));
			}
			else if (term.amount().stripTrailingZeros().scale() > digits) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						currency.getCurrencyCode() + " has " + digits + " decimal places.", path(at, "amount")));
			}
		}
		if (term.kind() == Kind.INSTALMENTS) {
			if (term.instalments() == null || term.instalments() < MIN_INSTALMENTS
					|| term.instalments() > MAX_INSTALMENTS) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"Between " + MIN_INSTALMENTS + " and " + MAX_INSTALMENTS + " instalments.",
						path(at, "instalments")));
			}
			if (term.intervalMonths() != null && (term.intervalMonths() < 1 || term.intervalMonths() > 12)) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Between 1 and 12 months.",
						path(at, "intervalMonths")));
			}
		}
		else if (term.instalments() != null || term.intervalMonths() != null) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Only INSTALMENTS have instalments.",
					path(at, "instalments")));
		}
	}

	private static void checkWhen(Term term, List<UserError> errors, String[] at) {
		if (term.kind() == Kind.INSTALMENTS) {
			if (term.dueOn() == null || term.trigger() != null) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "Instalments run from a date: give dueOn, no trigger.",
						path(at, "dueOn")));
			}
			return;
		}
		if ((term.dueOn() == null) == (term.trigger() == null)) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Give a due date or a trigger (one of them).",
					path(at, "dueOn")));
		}
		if (term.trigger() != null) {
			Trigger trigger = term.trigger();
			if (trigger.offsetDays() < 0 || trigger.offsetDays() > 365) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Between 0 and 365 days.",
						path(at, "trigger", "offsetDays")));
			}
			if ((trigger.event() == TriggerEvent.STAGE_ACCEPTED) != (trigger.stageId() != null)) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"A stage is given with STAGE_ACCEPTED, and only with it.", path(at, "trigger", "stageId")));
			}
		}
	}

	/**
	 * The exact share of a term that names one (percent or amount); null for the rest.
	 */
	private static BigDecimal exactShare(Term term, BigDecimal total) {
		if (term.takesRest() || total == null) {
			return null;
		}
		return term.percent() != null ? total.multiply(term.percent()).divide(HUNDRED) : term.amount();
	}

	private static List<Part> parts(BigDecimal total, int digits, List<Term> terms, BigDecimal rest,
			List<UserError> errors, String[] field) {
		List<Exact> exact = new ArrayList<>();
		for (int i = 0; i < terms.size(); i++) {
			Term term = terms.get(i);
			BigDecimal share = term.takesRest() ? rest : exactShare(term, total);
			if (term.kind() != Kind.INSTALMENTS) {
				exact.add(new Exact(i, labelOf(term, i), share, term.dueOn(), term.trigger()));
				continue;
			}
			int count = term.instalments();
			int interval = term.intervalMonths() == null ? 1 : term.intervalMonths();
			BigDecimal each = share.divide(BigDecimal.valueOf(count), EXACT_SCALE, RoundingMode.DOWN);
			String label = term.label() == null ? "Instalment" : term.label();
			for (int k = 0; k < count; k++) {
				// from the first date each time, so Jan 31 gives Feb 28 and then Mar 31
				exact.add(new Exact(i, label + " " + (k + 1) + " of " + count, each,
						term.dueOn().plusMonths((long) k * interval), null));
			}
		}
		BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
		BigDecimal[] rounded = new BigDecimal[exact.size()];
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 0; i < exact.size(); i++) {
			rounded[i] = exact.get(i).share().setScale(digits, RoundingMode.DOWN);
			sum = sum.add(rounded[i]);
		}
		int leftover = total.subtract(sum).divide(unit).intValueExact();
		List<Integer> byRemainder = new ArrayList<>();
		for (int i = 0; i < exact.size(); i++) {
			byRemainder.add(i);
		}
		byRemainder.sort(Comparator
			.comparing((Integer i) -> exact.get(i).share().subtract(rounded[i]), Comparator.reverseOrder())
			.thenComparing(i -> i));
		for (int k = 0; k < leftover; k++) {
			int i = byRemainder.get(k % byRemainder.size());
			rounded[i] = rounded[i].add(unit);
		}
		List<Part> parts = new ArrayList<>();
		for (int i = 0; i < exact.size(); i++) {
			Exact part = exact.get(i);
			if (rounded[i].signum() <= 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"A part of this term comes to nothing in the currency's minor unit.",
						path(field, "terms", String.valueOf(part.term()))));
				return List.of();
			}
			parts.add(new Part(i + 1, part.label(), rounded[i], part.dueOn(), part.trigger()));
		}
		return parts;
	}

	private static String labelOf(Term term, int index) {
		if (term.label() != null) {
			return term.label();
		}
		String what = term.kind() == Kind.REST ? "Rest" : term.percent() != null
				? term.percent().stripTrailingZeros().toPlainString() + "%" : "Part " + (index + 1);
		if (term.trigger() == null) {
			return what;
		}
		String event = switch (term.trigger().event()) {
			case CONTRACT_SIGNED -> "on signing";
			case STAGE_ACCEPTED -> "on acceptance of a stage";
			case SHIPMENT_SENT -> "on shipment";
			case CONTRACT_COMPLETED -> "on completion";
		};
		return what + " " + event
				+ (term.trigger().offsetDays() == 0 ? "" : " + " + term.trigger().offsetDays() + " days");
	}

	private record Exact(int term, String label, BigDecimal share, LocalDate dueOn, Trigger trigger) {

	}

	static String[] path(String[] prefix, String... more) {
		String[] result = java.util.Arrays.copyOf(prefix, prefix.length + more.length);
		System.arraycopy(more, 0, result, prefix.length, more.length);
		return result;
	}

}
