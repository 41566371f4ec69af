package com.dealerdesk.order;

import java.util.List;

/**
 * A document chain: its documents (quotes, orders, shipments, invoices), oldest kind
 * first, and which was made from which.
 */
public record DocumentFlow(List<Object> documents, List<Link> links) {

	/** {@code to} was made from {@code from}; both are global ids. */
	public record Link(String from, String to) {

	}

}
