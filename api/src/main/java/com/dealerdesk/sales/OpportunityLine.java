package com.dealerdesk.sales;

import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/**
 * A product of interest on a deal; {@code bought} is false for what the customer did not
 * buy.
 */
record OpportunityLine(UUID opportunityId, int position, String product, int quantity, Money unitPrice,
		boolean bought) {

}
