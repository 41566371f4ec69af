package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import com.dealerdesk.billing.PaymentSplit.Kind;
import com.dealerdesk.billing.PaymentSplit.Part;
import com.dealerdesk.billing.PaymentSplit.Term;
import com.dealerdesk.platform.error.UserError;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any total, currency and terms: the parts add up to the total exactly, none is zero
 * or negative, and each is within one minor unit of its exact share.
 */
class PaymentSplitPropertiesTest {

	private static final LocalDate START = LocalDate.of(2026, 1, 31);

	@Property(tries = 500)
	void partsAddUpExactlyAndStayWithinOneUnitOfTheirShare(@ForAll("currencies") String code,
			@ForAll("minorUnits") long totalUnits, @ForAll("percents") List<Integer> basisPoints,
			@ForAll("instalmentCounts") int instalments) {
		Currency currency = Currency.getInstance(code);
		int digits = currency.getDefaultFractionDigits();
		BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
		BigDecimal total = BigDecimal.valueOf(totalUnits).movePointLeft(digits);
		List<Term> terms = new ArrayList<>();
		for (int points : basisPoints) {
			terms.add(new Term(Kind.PART, null, BigDecimal.valueOf(points, 2), null, START, null, null, null));
		}
		terms.add(new Term(Kind.INSTALMENTS, null, null, null, START, null, instalments, 1));
		List<UserError> errors = new ArrayList<>();
		List<Part> parts = PaymentSplit.split(total, currency, terms, errors, "input");
		BigDecimal explicit = total.multiply(BigDecimal.valueOf(basisPoints.stream().mapToInt(i -> i).sum(), 4));
		BigDecimal restShare = total.subtract(explicit)
			.divide(BigDecimal.valueOf(instalments), 20, RoundingMode.HALF_UP);
		boolean someShareUnderAUnit = basisPoints.stream()
			.anyMatch(points -> total.multiply(BigDecimal.valueOf(points, 4)).compareTo(unit) < 0)
				|| restShare.compareTo(unit) < 0;
		if (!errors.isEmpty()) {
			// refused only because a part would round to nothing (or the percentages
			// leave
			// no rest)
			assertThat(someShareUnderAUnit || explicit.compareTo(total) >= 0).as(errors.toString()).isTrue();
			return;
		}
		assertThat(parts).hasSize(basisPoints.size() + instalments);
		assertThat(parts.stream().map(Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(total);
		assertThat(parts).allSatisfy(part -> {
			assertThat(part.amount().signum()).isPositive();
			assertThat(part.amount().scale()).isLessThanOrEqualTo(digits);
		});
		for (int i = 0; i < parts.size(); i++) {
			BigDecimal exact = i < basisPoints.size() ? total.multiply(BigDecimal.valueOf(basisPoints.get(i), 4))
					: restShare;
			assertThat(parts.get(i).amount().subtract(exact).abs()).isLessThanOrEqualTo(unit);
		}
	}

	@Provide
	Arbitrary<String> currencies() {
		return Arbitraries.of("EUR", "JPY", "KWD", "BHD", "USD");
	}

	@Provide
	Arbitrary<Long> minorUnits() {
		return Arbitraries.longs().between(1, 99_999_999_999L);
	}

	/** Up to 5 shares in hundredths of a percent, together below 100%. */
	@Provide
	Arbitrary<List<Integer>> percents() {
		return Arbitraries.integers().between(1, 1999).list().ofMaxSize(5);
	}

	@Provide
	Arbitrary<Integer> instalmentCounts() {
		return Arbitraries.integers().between(2, 120);
	}

}
