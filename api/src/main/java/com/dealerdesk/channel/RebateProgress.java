package com.dealerdesk.channel;

import java.math.BigDecimal;

import com.dealerdesk.platform.money.Money;

/**
 * How far a partner has come this year against its agreement's rebate bands: the band its
 * volume reached (inclusive thresholds), the rebate accrued on the whole volume at that
 * band's percent, rounded half-up to the currency's minor unit, and what is still needed
 * for the next band.
 *
 * @param currentBand null below the first threshold
 * @param nextBand null at the top
 * @param neededForNextBand null at the top
 */
public record RebateProgress(PartnerAgreement agreement, Money volume, RebateBand currentBand, Money accrued,
		RebateBand nextBand, Money neededForNextBand) {

	static RebateProgress of(PartnerAgreement agreement, BigDecimal volume) {
		Money reached = Money.of(volume, agreement.currency());
		RebateBand current = null;
		RebateBand next = null;
		for (RebateBand band : agreement.rebateBands()) {
			if (reached.amount().compareTo(band.threshold().amount()) >= 0) {
				current = band;
			}
			else {
				next = band;
				break;
			}
		}
		Money accrued = (current == null) ? reached.zero() : reached.percent(current.percent());
		Money needed = (next == null) ? null : next.threshold().minus(reached);
		return new RebateProgress(agreement, reached, current, accrued, next, needed);
	}

}
