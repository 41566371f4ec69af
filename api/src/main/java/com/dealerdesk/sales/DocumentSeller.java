package com.dealerdesk.sales;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who sells: the name, postal address and tax id printed at the top of every quote.
 * {@code dealerdesk.documents.seller.*}; the defaults are an obvious demo company, to be
 * replaced in production (docs/operations.md).
 *
 * @param address one line per address line; a written {@code \n} (as an environment
 * variable holds it) also breaks the line
 */
@ConfigurationProperties("dealerdesk.documents.seller")
public record DocumentSeller(String name, String address, String taxId) {

	public DocumentSeller {
		address = address == null ? null : address.replace("\\n", "\n");
		taxId = taxId == null || taxId.isBlank() ? null : taxId.strip();
	}

}
