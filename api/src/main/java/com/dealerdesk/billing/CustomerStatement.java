package com.dealerdesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/**
 * A customer's statement for a period in one currency. The balance is what was invoiced
 * and refunded less what was received; planned payments are shown, not counted.
 */
record CustomerStatement(UUID customerId, String customerName, String currency, LocalDate from, LocalDate to,
		Money openingBalance, List<Line> lines, Money invoiced, Money received, Money refunded, Money planned,
		Money closingBalance, Money credit) {

	enum Kind {

		INVOICE, PLANNED_PAYMENT, PAYMENT, REFUND

	}

	/** One line; {@code balance} is the running balance after it. */
	record Line(LocalDate date, Kind kind, String reference, Money debit, Money credit, Money planned, Money balance) {
	}

}
