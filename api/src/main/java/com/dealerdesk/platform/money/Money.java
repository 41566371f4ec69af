package com.dealerdesk.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;

/** An exact amount in an ISO 4217 currency. Never a floating-point number. */
public record Money(BigDecimal amount, String currency) {

	/** Up to a trillion minus a cent: far above any deal, far below numeric(19,4). */
	private static final BigDecimal MAX = new BigDecimal("999999999999.99");

	/**
	 * Codes of the currencies without two decimals (JPY, KWD, ...), by their decimals.
	 */
	private static final Map<Integer, List<String>> UNUSUAL_DECIMALS = Currency.getAvailableCurrencies()
		.stream()
		.filter(currency -> Math.max(currency.getDefaultFractionDigits(), 0) != 2)
		.collect(Collectors.groupingBy(currency -> Math.max(currency.getDefaultFractionDigits(), 0), TreeMap::new,
				Collectors.mapping(Currency::getCurrencyCode, Collectors.toList())));

	/**
	 * Checks an input amount: a known currency, not negative, not absurdly large, no more
	 * decimals than the currency has. Returns the normalised money, or null with errors
	 * added.
	 */
	public static Money checked(BigDecimal amount, String currencyCode, List<UserError> errors, String... field) {
		Currency currency = currency(currencyCode, errors, append(field, "currency"));
		return currency == null ? null : checkedAmount(amount, currency, errors, append(field, "amount"));
	}

	/** The currency of an ISO 4217 code, or null with an error at the field. */
	public static Currency currency(String code, List<UserError> errors, String... field) {
		try {
			return Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Not an ISO 4217 currency code, e.g. EUR.", field));
			return null;
		}
	}

	/** Checks an amount in a known currency, reporting at exactly the given field. */
	public static Money checkedAmount(BigDecimal amount, Currency currency, List<UserError> errors, String... field) {
		if (amount.signum() < 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must not be negative.", field));
			return null;
		}
		if (amount.compareTo(MAX) > 0) {
			errors.add(UserError.of(UserErrorCode.TOO_LONG, "Is too large.", field));
			return null;
		}
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		if (amount.stripTrailingZeros().scale() > digits) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					currency.getCurrencyCode() + " has " + digits + " decimal places.", field));
			return null;
		}
		return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency.getCurrencyCode());
	}

	/** Money read from the database, at the currency's number of decimals. */
	public static Money of(BigDecimal amount, String currency) {
		int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
		return new Money(amount.setScale(digits, RoundingMode.HALF_UP), currency);
	}

	/**
	 * This amount × percent / 100, rounded half-up (as PostgreSQL round() does) to the
	 * currency's decimals.
	 */
	public Money percent(int percent) {
		return percent(BigDecimal.valueOf(percent));
	}

	/** As {@link #percent(int)}, for a percent with decimals (2.5%). */
	public Money percent(BigDecimal percent) {
		int digits = Math.max(Currency.getInstance(this.currency).getDefaultFractionDigits(), 0);
		return new Money(this.amount.multiply(percent).divide(BigDecimal.valueOf(100), digits, RoundingMode.HALF_UP),
				this.currency);
	}

	/**
	 * An SQL expression for the decimals of the currency named in a column, as
	 * {@link Currency} knows them, so that SQL rounds to the same minor unit as this
	 * class: {@code round(x, <expression>)}.
	 */
	public static String decimalsIn(Sql sql, String currencyColumn) {
		StringBuilder expression = new StringBuilder("case");
		UNUSUAL_DECIMALS.forEach((digits, codes) -> expression.append(
				" when " + currencyColumn + " = any(" + sql.param(codes.toArray(String[]::new)) + ") then " + digits));
		return expression.append(" else 2 end").toString();
	}

	/** Nothing, in this currency, at its decimals. */
	public Money zero() {
		return new Money(BigDecimal.ZERO.setScale(this.amount.scale()), this.currency);
	}

	public Money times(int quantity) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(quantity)), this.currency);
	}

	public Money plus(Money other) {
		return new Money(this.amount.add(sameCurrency(other).amount), this.currency);
	}

	public Money minus(Money other) {
		return new Money(this.amount.subtract(sameCurrency(other).amount), this.currency);
	}

	private Money sameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return other;
	}

	private static String[] append(String[] path, String last) {
		String[] result = java.util.Arrays.copyOf(path, path.length + 1);
		result[path.length] = last;
		return result;
	}

}
