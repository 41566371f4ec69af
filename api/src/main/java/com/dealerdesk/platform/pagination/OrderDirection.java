package com.dealerdesk.platform.pagination;

public enum OrderDirection {

	ASC, DESC

}
