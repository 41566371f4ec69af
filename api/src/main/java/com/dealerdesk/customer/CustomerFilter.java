package com.dealerdesk.customer;

import java.util.List;

record CustomerFilter(List<CustomerStatus> status, List<String> ownerIds, String region, String industry, String tag,
		String search, Boolean includeArchived) {

	static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, false);

}
