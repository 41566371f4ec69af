package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.List;

import com.dealerdesk.platform.money.Money;

/**
 * An account's period, both days inclusive: the balance before it, its entries in the
 * order they were booked, the balance after it and the sums of its credits and debits.
 */
public record PartnerAccountStatement(LocalDate from, LocalDate to, Money openingBalance,
		List<PartnerAccountEntry> entries, Money closingBalance, Money credits, Money debits) {

}
