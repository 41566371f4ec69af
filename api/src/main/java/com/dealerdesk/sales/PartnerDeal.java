package com.dealerdesk.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/**
 * A deal opened for a partner when the vendor approves its deal registration, in the
 * default pipeline's first stage, owned by the partner's user who registered it.
 * {@code products} name the registered products (code and edition) with their quantity.
 */
public record PartnerDeal(UUID customerId, String name, String ownerId, Money amount, LocalDate expectedCloseDate,
		List<Product> products) {

	public record Product(String name, int quantity) {

	}

}
