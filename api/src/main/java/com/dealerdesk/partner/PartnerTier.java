package com.dealerdesk.partner;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A level of the channel: the catalogue's prices naming its code, and a discount off the
 * list price for products without one.
 */
public record PartnerTier(UUID id, String code, String name, int position, BigDecimal defaultDiscountPercent,
		int version) {

}
