package com.dealerdesk.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A person at a customer. E-mail addresses are stored lower-cased, for matching. */
public record Contact(UUID id, UUID customerId, String firstName, String lastName, String jobTitle,
		List<ContactRole> roles, List<String> emails, List<String> phones, String notes, int version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public String fullName() {
		return this.firstName == null ? this.lastName : this.firstName + " " + this.lastName;
	}

}
