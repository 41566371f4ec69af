package com.dealerdesk.customer;

public enum ContactRole {

	DECISION_MAKER, INFLUENCER, TECHNICAL, PURCHASING, BILLING, END_USER, OTHER

}
