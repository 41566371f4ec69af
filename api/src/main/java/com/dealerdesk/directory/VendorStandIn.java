package com.dealerdesk.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How partner callers see the vendor's staff: one user that stands for the vendor, with
 * the configured name, no e-mail and no manager. {@code dealerdesk.vendor.display-name}.
 * Its id is fixed and names no one, so a partner can tell "the vendor" apart from its own
 * people without learning who at the vendor did what.
 */
@ConfigurationProperties("dealerdesk.vendor")
public record VendorStandIn(String displayName) {

	/**
	 * The stand-in's local id (its global id is {@code User:} this): not a token subject
	 * an identity provider would issue to a person.
	 */
	public static final String ID = "dealerdesk:vendor";

	public VendorStandIn {
		displayName = displayName == null || displayName.isBlank() ? "DealerDesk sales" : displayName.strip();
	}

	/** The stand-in as a user. */
	public User user() {
		return new User(ID, this.displayName, null, null, null, true);
	}

}
