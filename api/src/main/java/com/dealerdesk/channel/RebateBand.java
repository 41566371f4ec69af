package com.dealerdesk.channel;

import java.math.BigDecimal;

import com.dealerdesk.platform.money.Money;

/**
 * From a yearly volume of {@code threshold} (inclusive), the partner earns
 * {@code percent} of its whole volume.
 */
public record RebateBand(Money threshold, BigDecimal percent) {

}
