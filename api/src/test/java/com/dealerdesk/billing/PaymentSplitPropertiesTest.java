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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * For any total, currency and terms: the parts add up to the total exactly, none is zero
 * or negative, and each is within one minor unit of its exact share. QuickTheories draws
 * the cases (and shrinks a failing one to the smallest it can find, printed with its
 * seed).
 */
class PaymentSplitPropertiesTest {

	private static final LocalDate START = LocalDate.of(2026, 1, 31);

	@Test
	void partsAddUpExactlyAndStayWithinOneUnitOfTheirShare() {
		qt().withExamples(500)
			.forAll(arbitrary().pick("EUR", "JPY", "KWD", "BHD", "USD"), longs().between(1, 99_999_999_999L),
					// up to 5 shares in hundredths of a percent, together below 100%
					lists().of(integers().between(1, 1999)).ofSizeBetween(0, 5), integers().between(2, 120))
			.checkAssert(PaymentSplitPropertiesTest::check);
	}

	private static void check(String code, long totalUnits, List<Integer> basisPoints, int instalments) {
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

}
