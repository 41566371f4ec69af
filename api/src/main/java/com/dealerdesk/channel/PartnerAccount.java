package com.dealerdesk.channel;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/**
 * What a partner has with the vendor in one currency (ADR 0030). The balance is the sum
 * of the account's entries, kept on the row and changed only under its lock.
 *
 * @param prepaid whether orders for the partner's customers in the currency are charged
 * to it when placed
 * @param creditLimit how far a prepaid account may go below zero for orders
 * @param balance positive: the vendor owes the partner; negative: the partner owes
 * @param openedAt null until stored
 */
public record PartnerAccount(UUID id, UUID partnerId, String currency, boolean prepaid, Money creditLimit,
		Money balance, int version, OffsetDateTime openedAt) {

}
