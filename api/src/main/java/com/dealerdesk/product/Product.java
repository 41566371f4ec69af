package com.dealerdesk.product;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/** Something the dealer sells, with its editions and prices. */
public record Product(UUID id, String code, String name, String description, ProductKind kind,
		LicenseModel licenseModel, Integer termMonths, SeatBasis seatBasis, boolean active, int version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, List<Edition> editions, List<Price> prices) {

	public enum ProductKind {

		PROGRAM, SERVICE, PROTECTION_KEY

	}

	public enum LicenseModel {

		PERPETUAL, SUBSCRIPTION, TIME_LIMITED, TRIAL, NONE

	}

	public enum SeatBasis {

		PER_SEAT, PER_MACHINE

	}

	public record Edition(String code, String name, boolean active) {

	}

	/**
	 * A unit price; a null edition is the product's own price, a null tier the list
	 * price.
	 */
	public record Price(String editionCode, String tier, Money unitPrice) {

	}

	/**
	 * The unit price an order uses: the edition's price if it has one, else the
	 * product's; the tier's price if there is one, else the list price.
	 */
	public Optional<Money> priceFor(String currency, String editionCode, String tier) {
		List<String> editions = editionCode == null ? java.util.Collections.singletonList(null)
				: java.util.Arrays.asList(editionCode, null);
		List<String> tiers = tier == null ? java.util.Collections.singletonList(null)
				: java.util.Arrays.asList(tier, null);
		for (String edition : editions) {
			for (String priceTier : tiers) {
				Optional<Money> found = this.prices.stream()
					.filter(price -> price.unitPrice().currency().equals(currency)
							&& Objects.equals(price.editionCode(), edition) && Objects.equals(price.tier(), priceTier))
					.map(Price::unitPrice)
					.findFirst();
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	public Optional<Edition> edition(String code) {
		return this.editions.stream().filter(edition -> edition.code().equals(code)).findFirst();
	}

	/** "DealerDesk CRM Professional": the product's name with the edition's. */
	public String displayName(String editionCode) {
		return edition(editionCode).map(edition -> this.name + " " + edition.name()).orElse(this.name);
	}

	/** Whether shipping it issues licenses. */
	public boolean isLicensed() {
		return this.kind == ProductKind.PROGRAM;
	}

}
