package com.dealerdesk.customer;

public enum CompanySize {

	MICRO, SMALL, MEDIUM, LARGE, ENTERPRISE

}
