package com.dealerdesk.customer;

public enum SourceChannel {

	PHONE, EXHIBITION, WEB, REFERRAL, CAMPAIGN, PARTNER, OTHER

}
