package com.dealerdesk.customer;

public enum CustomerStatus {

	PROSPECT, CANDIDATE, CUSTOMER, LOST

}
