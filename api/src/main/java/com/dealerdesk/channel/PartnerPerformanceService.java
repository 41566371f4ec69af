package com.dealerdesk.channel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.dealerdesk.channel.PartnerPerformance.Row;
import com.dealerdesk.channel.PartnerPerformanceRepository.PartnerFigures;
import com.dealerdesk.channel.PartnerPerformanceRepository.Period;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Partner performance (docs/api.md, "Partner performance"): sales by partner, region and
 * product for a period of at most 24 months, registrations by outcome, and each partner's
 * rebate this calendar year against the bands of its agreement in the currency. Who sees
 * which partners is {@link PartnerPerformanceScope}'s rule.
 */
@Service
public class PartnerPerformanceService {

	/** The longest period asked for at once. */
	static final int MAX_MONTHS = 24;

	private final PartnerPerformanceRepository figures;

	private final PartnerAgreementRepository agreements;

	private final Clock clock;

	PartnerPerformanceService(PartnerPerformanceRepository figures, PartnerAgreementRepository agreements,
			Clock clock) {
		this.figures = figures;
		this.agreements = agreements;
		this.clock = clock;
	}

	Mono<PartnerPerformance> performance(Actor actor, LocalDate from, LocalDate to, String currencyCode,
			String partnerId) {
		return Mono.defer(() -> {
			Period period = period(from, to, currencyCode, partnerId);
			return Mono
				.zip(this.figures.byPartner(actor, period), this.figures.byRegion(actor, period),
						this.figures.byProduct(actor, period))
				.flatMap(found -> rows(actor, period, found.getT1()).map(rows -> new PartnerPerformance(from, to,
						period.currency(), rows, found.getT2(), found.getT3(), total(rows, period.currency()))));
		});
	}

	/**
	 * The rebate of a calendar year under the agreement, its volume counted as this
	 * year's is for {@link #performance}.
	 */
	Mono<RebateProgress> rebateOfYear(PartnerAgreement agreement, int year) {
		return this.figures.yearVolume(agreement, year).map(volume -> RebateProgress.of(agreement, volume));
	}

	/**
	 * A period of at most {@value #MAX_MONTHS} months, {@code to} not before
	 * {@code from}; INVALID_PERIOD otherwise (partner accounts' statements share the
	 * rule).
	 */
	static void requirePeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidArgumentException("INVALID_PERIOD", "`to` must not be before `from`.");
		}
		if (!to.isBefore(from.plusMonths(MAX_MONTHS))) {
			throw new InvalidArgumentException("INVALID_PERIOD", "A period covers at most " + MAX_MONTHS
					+ " months: `to` must be before " + from.plusMonths(MAX_MONTHS) + ".");
		}
	}

	private Period period(LocalDate from, LocalDate to, String currencyCode, String partnerId) {
		requirePeriod(from, to);
		List<UserError> errors = new ArrayList<>();
		Currency currency = Money.currency(currencyCode, errors);
		if (currency == null) {
			throw new InvalidArgumentException("INVALID_CURRENCY", "`currency` is not an ISO 4217 code, e.g. EUR.");
		}
		UUID partner = (partnerId == null) ? null : GlobalId.requireUuidOf("Partner", partnerId);
		return new Period(from, to, currency.getCurrencyCode(), partner, partnerId != null && partner == null,
				LocalDate.now(this.clock));
	}

	/** The rows with their rebates worked out against their agreements' bands. */
	private Mono<List<Row>> rows(Actor actor, Period period, List<PartnerFigures> found) {
		List<UUID> agreementIds = found.stream().map(PartnerFigures::agreementId).filter(Objects::nonNull).toList();
		Mono<Map<UUID, PartnerAgreement>> agreements = agreementIds.isEmpty() ? Mono.just(Map.of())
				: this.agreements.byIds(actor, agreementIds);
		return agreements.map(byId -> found.stream().map(figures -> {
			PartnerAgreement agreement = (figures.agreementId() == null) ? null : byId.get(figures.agreementId());
			RebateProgress rebate = (agreement == null) ? null : RebateProgress.of(agreement, figures.rebateVolume());
			return new Row(figures.partnerId(), Money.of(figures.sales(), period.currency()), figures.orders(),
					figures.submitted(), figures.approved(), figures.rejected(), figures.converted(), rebate);
		}).toList());
	}

	private static Row total(List<Row> rows, String currency) {
		Money nothing = Money.of(java.math.BigDecimal.ZERO, currency);
		return rows.stream().reduce(new Row(null, nothing, 0, 0, 0, 0, 0, null), Row::plus);
	}

}
