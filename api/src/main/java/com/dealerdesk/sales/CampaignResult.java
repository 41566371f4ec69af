package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.util.List;

import com.dealerdesk.campaign.Campaign;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.sales.OpportunityRepository.CampaignDeals;

/**
 * What a campaign brought: leads, deals, won deals and their amounts, and the money
 * received for it, against its cost.
 */
record CampaignResult(Campaign campaign, int leads, int opportunities, int won, List<Money> wonAmounts,
		List<Money> receivedAmounts, Double returnOnCost) {

	/**
	 * @param receivedAmounts money received for the campaign, one per currency
	 */
	static CampaignResult of(Campaign campaign, int leads, List<CampaignDeals> deals, List<Money> receivedAmounts) {
		int opportunities = deals.stream().mapToInt(CampaignDeals::count).sum();
		List<CampaignDeals> won = deals.stream().filter(d -> d.status() == OpportunityStatus.WON).toList();
		List<Money> wonAmounts = won.stream()
			.filter(d -> d.currency() != null)
			.map(d -> Money.of(d.amount(), d.currency()))
			.toList();
		Double returnOnCost = null;
		if (campaign.cost() != null && campaign.cost().amount().signum() > 0) {
			BigDecimal receivedInCostCurrency = receivedAmounts.stream()
				.filter(money -> money.currency().equals(campaign.cost().currency()))
				.map(Money::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			returnOnCost = receivedInCostCurrency.doubleValue() / campaign.cost().amount().doubleValue();
		}
		return new CampaignResult(campaign, leads, opportunities, won.stream().mapToInt(CampaignDeals::count).sum(),
				wonAmounts, receivedAmounts, returnOnCost);
	}

}
