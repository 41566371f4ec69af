package com.dealerdesk.campaign;

public enum CampaignKind {

	PRICE_PROMOTION, EXHIBITION, WEBINAR, MAILING, ADVERTISING, OTHER

}
