package com.dealerdesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;
import reactor.core.publisher.Mono;

/**
 * What is owed as of a date. The ageing rows come from one statement, run when the first
 * of its lists is asked for and shared by the others; the week's receivables and the
 * receipts are read only when asked for.
 */
record Collections(LocalDate asOf, Mono<Ageing> ageing) {

	/** The ageing statement's rows, by what they group. */
	record Ageing(List<AgeingRow> totals, List<AgeingRow> byCustomer, List<AgeingRow> byOwner,
			List<AgeingRow> byPartner) {
	}

	/**
	 * Open amounts in one currency by age band, for a customer, an owner, a partner (a
	 * row of direct customers has none) or in total (none of them).
	 */
	record AgeingRow(UUID customerId, String ownerId, UUID partnerId, String currency, Money notDue, Money days1to30,
			Money days31to60, Money days61to90, Money over90, Money overdue, Money total) {
	}

	/**
	 * A planned payment, or an invoice no planned payment covers, with what is open of
	 * it.
	 */
	record Receivable(UUID customerId, UUID plannedPaymentId, UUID invoiceId, LocalDate dueOn, Money open,
			int daysOverdue) {
	}

	/** Money received in a month (its first day). */
	record MonthAmount(LocalDate month, Money amount) {
	}

}
