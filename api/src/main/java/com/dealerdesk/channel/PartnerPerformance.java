package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

/**
 * Sales, registrations and rebates by partner for a period, in one currency, with sales
 * by customer region and by product.
 */
public record PartnerPerformance(LocalDate from, LocalDate to, String currency, List<Row> byPartner,
		List<RegionSales> byRegion, List<ProductSales> byProduct, Row total) {

	/**
	 * One partner's figures (the partner's own customers; its sub-dealers have rows of
	 * their own), or the total over every row (no partner, no rebate).
	 *
	 * @param rebate this calendar year under the partner's agreement in the currency;
	 * null without one
	 */
	public record Row(UUID partnerId, Money sales, int orders, int registrationsSubmitted, int registrationsApproved,
			int registrationsRejected, int registrationsConverted, RebateProgress rebate) {

		Row plus(Row other) {
			return new Row(null, this.sales.plus(other.sales), this.orders + other.orders,
					this.registrationsSubmitted + other.registrationsSubmitted,
					this.registrationsApproved + other.registrationsApproved,
					this.registrationsRejected + other.registrationsRejected,
					this.registrationsConverted + other.registrationsConverted, null);
		}

	}

	/**
	 * Sales to the customers of one region.
	 *
	 * @param region as most of its orders' customers spell it; null where not recorded
	 */
	public record RegionSales(String region, Money sales, int orders) {

	}

	public record ProductSales(UUID productId, Money sales, int quantity) {

	}

}
