package com.dealerdesk.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.dealerdesk.partner.PartnerTier;
import com.dealerdesk.platform.money.Money;

/**
 * A line's unit price and where it came from (GraphQL {@code PriceBasis}); {@code tierId}
 * is the tier whose price or discount applied.
 */
public record CataloguePrice(Money unitPrice, PriceBasis basis, UUID tierId) {

	public enum PriceBasis {

		LIST, TIER_PRICE, TIER_DISCOUNT, ENTERED

	}

	/** A price given by hand, or the price of a line without a catalogue product. */
	public static CataloguePrice entered(Money unitPrice) {
		return new CataloguePrice(unitPrice, PriceBasis.ENTERED, null);
	}

	/**
	 * What a customer on the given tier (null: a direct customer, or a partner without a
	 * tier) pays for one unit in the currency. The edition's prices come before the
	 * product's own: at the first of the two with a price in the currency, the tier's
	 * price if there is one, else the list price less the tier's default discount
	 * (rounded half-up to the currency's minor unit), else the list price. Empty when
	 * neither has a price in the currency.
	 */
	public static Optional<CataloguePrice> of(Product product, String currency, String editionCode, PartnerTier tier) {
		List<String> levels = (editionCode == null) ? Collections.singletonList(null)
				: Arrays.asList(editionCode, null);
		for (String edition : levels) {
			Optional<Money> tierPrice = (tier == null) ? Optional.empty()
					: price(product, currency, edition, tier.code());
			if (tierPrice.isPresent()) {
				return Optional.of(new CataloguePrice(tierPrice.get(), PriceBasis.TIER_PRICE, tier.id()));
			}
			Optional<Money> list = price(product, currency, edition, null);
			if (list.isPresent()) {
				return Optional.of(discounted(list.get(), tier));
			}
		}
		return Optional.empty();
	}

	private static CataloguePrice discounted(Money list, PartnerTier tier) {
		if (tier == null || tier.defaultDiscountPercent() == null || tier.defaultDiscountPercent().signum() == 0) {
			return new CataloguePrice(list, PriceBasis.LIST, null);
		}
		int digits = Math.max(Currency.getInstance(list.currency()).getDefaultFractionDigits(), 0);
		BigDecimal share = BigDecimal.valueOf(100).subtract(tier.defaultDiscountPercent());
		Money price = new Money(
				list.amount().multiply(share).divide(BigDecimal.valueOf(100), digits, RoundingMode.HALF_UP),
				list.currency());
		return new CataloguePrice(price, PriceBasis.TIER_DISCOUNT, tier.id());
	}

	private static Optional<Money> price(Product product, String currency, String edition, String tier) {
		return product.prices()
			.stream()
			.filter(price -> price.unitPrice().currency().equals(currency)
					&& Objects.equals(price.editionCode(), edition) && Objects.equals(price.tier(), tier))
			.map(Product.Price::unitPrice)
			.findFirst();
	}

}
