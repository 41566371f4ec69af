package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.billing.PaymentSplit.Kind;
import com.dealerdesk.billing.PaymentSplit.Part;
import com.dealerdesk.billing.PaymentSplit.Term;
import com.dealerdesk.billing.PaymentSplit.Trigger;
import com.dealerdesk.billing.PaymentSplit.TriggerEvent;
import com.dealerdesk.platform.error.UserError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentSplitTest {

	private static final Currency EUR = Currency.getInstance("EUR");

	@Test
	void threeFourThreeOnSigningStageTwoAndThirtyDaysAfterCompletion() {
		UUID stage2 = UUID.randomUUID();
		List<Part> parts = split("1000.01", EUR, part("30", null, new Trigger(TriggerEvent.CONTRACT_SIGNED, null, 0)),
				part("40", null, new Trigger(TriggerEvent.STAGE_ACCEPTED, stage2, 0)),
				part("30", null, new Trigger(TriggerEvent.CONTRACT_COMPLETED, null, 30)));
		assertThat(parts).extracting(part -> part.amount().toPlainString())
			.containsExactly("300.00", "400.01", "300.00");
		assertThat(parts).extracting(Part::label)
			.containsExactly("30% on signing", "40% on acceptance of a stage", "30% on completion + 30 days");
		assertThat(parts.get(1).trigger().stageId()).isEqualTo(stage2);
	}

	@Test
	void twelveMonthlyInstalmentsClampMonthEnds() {
		List<Part> parts = split("1000", EUR,
				new Term(Kind.INSTALMENTS, null, null, null, LocalDate.of(2026, 1, 31), null, 12, 1));
		assertThat(parts).hasSize(12);
		assertThat(parts.get(0).dueOn()).isEqualTo("2026-01-31");
		assertThat(parts.get(1).dueOn()).isEqualTo("2026-02-28");
		assertThat(parts.get(2).dueOn()).isEqualTo("2026-03-31");
		assertThat(parts.get(11).dueOn()).isEqualTo("2026-12-31");
		// 1000 / 12 = 83.333…: four parts get the cent left over, the first ones
		assertThat(parts).extracting(part -> part.amount().toPlainString())
			.containsExactly("83.34", "83.34", "83.34", "83.34", "83.33", "83.33", "83.33", "83.33", "83.33", "83.33",
					"83.33", "83.33");
		assertThat(parts.get(4).label()).isEqualTo("Instalment 5 of 12");
	}

	@Test
	void aDepositPlusMilestonesInYen() {
		List<Part> parts = split("100000", Currency.getInstance("JPY"),
				new Term(Kind.PART, "Deposit", null, new BigDecimal("10000"), LocalDate.of(2026, 3, 1), null, null,
						null),
				part("33.3333", null, new Trigger(TriggerEvent.SHIPMENT_SENT, null, 14)), new Term(Kind.REST, null,
						null, null, null, new Trigger(TriggerEvent.CONTRACT_COMPLETED, null, 0), null, null));
		assertThat(parts).extracting(part -> part.amount().toPlainString()).containsExactly("10000", "33333", "56667");
	}

	@Test
	void threeDecimalCurrencies() {
		List<Part> parts = split("10", Currency.getInstance("KWD"), part("33.3333", LocalDate.of(2026, 1, 1), null),
				new Term(Kind.REST, null, null, null, LocalDate.of(2026, 2, 1), null, null, null));
		assertThat(parts).extracting(part -> part.amount().toPlainString()).containsExactly("3.333", "6.667");
	}

	@Test
	void refusals() {
		LocalDate day = LocalDate.of(2026, 1, 1);
		assertThat(errors("100", part("30", day, null), part("60", day, null))).containsExactly("input.terms");
		assertThat(errors("100", part("0", day, null), new Term(Kind.REST, null, null, null, day, null, null, null)))
			.containsExactly("input.terms.0.percent");
		assertThat(errors("100", part("100.5", day, null))).containsExactly("input.terms.0.percent");
		assertThat(errors("100", new Term(Kind.PART, null, null, new BigDecimal("-1"), day, null, null, null),
				new Term(Kind.REST, null, null, null, day, null, null, null)))
			.containsExactly("input.terms.0.amount");
		assertThat(errors("100", new Term(Kind.INSTALMENTS, null, null, null, day, null, 121, null)))
			.containsExactly("input.terms.0.instalments");
		assertThat(errors("100", new Term(Kind.INSTALMENTS, null, null, null, day, null, 1, null)))
			.containsExactly("input.terms.0.instalments");
		List<Term> many = new ArrayList<>();
		for (int i = 0; i < 61; i++) {
			many.add(new Term(Kind.PART, null, null, BigDecimal.ONE, day, null, null, null));
		}
		assertThat(errors("61", many.toArray(Term[]::new))).containsExactly("input.terms");
		// 0.01 in 3 instalments: one would be nothing
		assertThat(errors("0.02", new Term(Kind.INSTALMENTS, null, null, null, day, null, 3, null)))
			.containsExactly("input.terms.0");
		assertThat(errors("100", part("50", day, null), part("50", day.minusDays(1), null)))
			.containsExactly("input.terms.1.dueOn");
		assertThat(errors("0", part("100", day, null))).containsExactly("input.total");
	}

	private static Term part(String percent, LocalDate dueOn, Trigger trigger) {
		return new Term(Kind.PART, null, new BigDecimal(percent), null, dueOn, trigger, null, null);
	}

	private static List<Part> split(String total, Currency currency, Term... terms) {
		List<UserError> errors = new ArrayList<>();
		List<Part> parts = PaymentSplit.split(new BigDecimal(total), currency, List.of(terms), errors, "input");
		assertThat(errors).isEmpty();
		return parts;
	}

	private static List<String> errors(String total, Term... terms) {
		List<UserError> errors = new ArrayList<>();
		assertThat(PaymentSplit.split(new BigDecimal(total), EUR, List.of(terms), errors, "input")).isEmpty();
		return errors.stream().map(error -> String.join(".", error.field())).toList();
	}

}
