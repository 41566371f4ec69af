package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.channel.PartnerAgreementInputs.RebateBandInput;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The band a yearly volume reaches, the rebate accrued on it and what the next band still
 * needs, exactly at the edges of the bands "2% from 1,000,000, 4% from 3,000,000 EUR";
 * and, for any volume, that the rebate is the volume at the reached band's percent
 * rounded to the cent, and never falls as the volume grows.
 */
class RebateProgressTest {

	private static final PartnerAgreement EUR_AGREEMENT = agreement("EUR", band("1000000.00", "2"),
			band("3000000.00", "4"));

	@ParameterizedTest(name = "{0} EUR reaches {1}% and accrues {2}")
	@CsvSource(nullValues = "-",
			value = { "0.00, -, 0.00, 2, 1000000.00", "999999.99, -, 0.00, 2, 0.01",
					"1000000.00, 2.00, 20000.00, 4, 2000000.00", "1000000.01, 2.00, 20000.00, 4, 1999999.99",
					"1000000.25, 2.00, 20000.01, 4, 1999999.75", "2999999.99, 2.00, 60000.00, 4, 0.01",
					"3000000.00, 4.00, 120000.00, -, -", "3000000.01, 4.00, 120000.00, -, -" })
	void bandEdges(String volume, String percent, String accrued, String nextPercent, String needed) {
		RebateProgress progress = RebateProgress.of(EUR_AGREEMENT, new BigDecimal(volume));
		assertThat(progress.volume()).isEqualTo(new Money(new BigDecimal(volume), "EUR"));
		if (percent == null) {
			assertThat(progress.currentBand()).isNull();
		}
		else {
			assertThat(progress.currentBand().percent()).isEqualByComparingTo(percent);
		}
		assertThat(progress.accrued()).isEqualTo(new Money(new BigDecimal(accrued), "EUR"));
		if (nextPercent == null) {
			assertThat(progress.nextBand()).isNull();
			assertThat(progress.neededForNextBand()).isNull();
		}
		else {
			assertThat(progress.nextBand().percent()).isEqualByComparingTo(nextPercent);
			assertThat(progress.neededForNextBand()).isEqualTo(new Money(new BigDecimal(needed), "EUR"));
		}
	}

	@Test
	void roundsToTheCurrencysMinorUnit() {
		PartnerAgreement yen = agreement("JPY", band("100", "2.5"));
		assertThat(RebateProgress.of(yen, new BigDecimal("1001")).accrued())
			.isEqualTo(new Money(new BigDecimal("25"), "JPY"));
		PartnerAgreement dinar = agreement("KWD", band("0.000", "1.25"));
		assertThat(RebateProgress.of(dinar, new BigDecimal("10.004")).accrued())
			.isEqualTo(new Money(new BigDecimal("0.125"), "KWD"));
	}

	@Test
	void anAgreementWithoutBandsAccruesNothing() {
		RebateProgress progress = RebateProgress.of(agreement("EUR"), new BigDecimal("5000000"));
		assertThat(progress.currentBand()).isNull();
		assertThat(progress.nextBand()).isNull();
		assertThat(progress.accrued()).isEqualTo(new Money(new BigDecimal("0.00"), "EUR"));
	}

	@Test
	void theRebateIsTheVolumeAtTheReachedPercentAndNeverFallsAsTheVolumeGrows() {
		qt().withExamples(1000)
			.forAll(longs().between(0, 500_000_000L), longs().between(0, 100_000_000L))
			.checkAssert((cents, moreCents) -> {
				BigDecimal volume = BigDecimal.valueOf(cents, 2);
				BigDecimal larger = BigDecimal.valueOf(cents + moreCents, 2);
				RebateProgress progress = RebateProgress.of(EUR_AGREEMENT, volume);
				BigDecimal percent = volume.compareTo(new BigDecimal("3000000")) >= 0 ? BigDecimal.valueOf(4)
						: volume.compareTo(new BigDecimal("1000000")) >= 0 ? BigDecimal.valueOf(2) : BigDecimal.ZERO;
				BigDecimal exact = volume.multiply(percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
				assertThat(progress.accrued().amount()).isEqualByComparingTo(exact);
				assertThat(RebateProgress.of(EUR_AGREEMENT, larger).accrued().amount())
					.isGreaterThanOrEqualTo(progress.accrued().amount());
				if (progress.neededForNextBand() != null) {
					assertThat(progress.neededForNextBand().amount().signum()).isPositive();
					assertThat(progress.volume().plus(progress.neededForNextBand()))
						.isEqualTo(progress.nextBand().threshold());
				}
			});
	}

	@Test
	void bandsAreCheckedAtTheirFields() {
		List<UserError> errors = new ArrayList<>();
		PartnerAgreementService.bands(
				List.of(new RebateBandInput(bd("1000000"), bd("2")), new RebateBandInput(bd("1000000"), bd("3")),
						new RebateBandInput(bd("2000000"), bd("1.5")), new RebateBandInput(bd("-1"), bd("5")),
						new RebateBandInput(bd("4000000.001"), bd("6")), new RebateBandInput(bd("5000000"), bd("0")),
						new RebateBandInput(bd("6000000"), bd("100.01")),
						new RebateBandInput(bd("7000000"), bd("7.125")), new RebateBandInput(bd("8000000"), bd("100"))),
				Currency.getInstance("EUR"), errors);
		assertThat(errors).extracting(error -> String.join(".", error.field()) + "=" + error.code())
			.containsExactly("input.rebateBands.1.threshold=INVALID_VALUE", "input.rebateBands.2.percent=INVALID_VALUE",
					"input.rebateBands.3.threshold=INVALID_VALUE", "input.rebateBands.4.threshold=INVALID_VALUE",
					"input.rebateBands.5.percent=INVALID_VALUE", "input.rebateBands.6.percent=INVALID_VALUE",
					"input.rebateBands.7.percent=INVALID_VALUE");
	}

	private static PartnerAgreement agreement(String currency, RebateBandInput... bands) {
		List<UserError> errors = new ArrayList<>();
		List<RebateBand> checked = PartnerAgreementService.bands(List.of(bands), Currency.getInstance(currency),
				errors);
		assertThat(errors).isEmpty();
		return new PartnerAgreement(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 1, 1), null, currency,
				checked, null, 1);
	}

	private static RebateBandInput band(String threshold, String percent) {
		return new RebateBandInput(bd(threshold), bd(percent));
	}

	private static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}

}
