package com.dealerdesk.sales;

public enum OpportunityStatus {

	OPEN, WON, LOST

}
