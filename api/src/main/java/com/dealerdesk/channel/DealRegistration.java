package com.dealerdesk.channel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.partner.PartnerStanding.Territory;
import com.dealerdesk.platform.money.Money;

/**
 * A partner's claim to a deal, decided by the vendor. {@code taxIdKey} and
 * {@code nameKey} are the match keys of
 * {@link com.dealerdesk.platform.text.CustomerKeys}.
 */
record DealRegistration(UUID id, String number, UUID partnerId, String registeredBy, UUID customerId,
		String customerName, String customerTaxId, String customerEmailDomain, String customerRegion,
		String customerIndustry, String taxIdKey, String nameKey, Money expectedAmount, LocalDate expectedCloseOn,
		String note, Status status, OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decidedBy,
		String rejectionReason, LocalDate protectedUntil, UUID opportunityId, int version) {

	enum Status {

		SUBMITTED, APPROVED, REJECTED, WITHDRAWN, EXPIRED

	}

	record Line(UUID registrationId, int position, UUID productId, String editionCode, int quantity) {

	}

	/**
	 * What the registration collided with when it was submitted: its facts, and the
	 * English evidence written from them. The accessors below expose the facts as the
	 * GraphQL {@code RegistrationConflict}'s own fields.
	 */
	record Conflict(UUID registrationId, int position, Kind kind, List<Match> matchedBy, String evidence,
			UUID otherRegistrationId, UUID customerId, ConflictFacts facts) {

		public List<ConflictFacts.ConflictMatch> matches() {
			return this.facts.matches();
		}

		public String otherRegistrationNumber() {
			return this.facts.otherRegistrationNumber();
		}

		public Status otherRegistrationStatus() {
			return this.facts.otherRegistrationStatus();
		}

		public LocalDate otherProtectedUntil() {
			return this.facts.otherProtectedUntil();
		}

		public LocalDate otherSubmittedOn() {
			return this.facts.otherSubmittedOn();
		}

		public String existingCustomerName() {
			return this.facts.existingCustomerName();
		}

		public String otherPartnerName() {
			return this.facts.otherPartnerName();
		}

		public String partnerName() {
			return this.facts.partnerName();
		}

		public String givenRegion() {
			return this.facts.givenRegion();
		}

		public String givenIndustry() {
			return this.facts.givenIndustry();
		}

		public List<Territory> territories() {
			return this.facts.territories();
		}

	}

	enum Kind {

		SAME_CUSTOMER_REGISTERED, DIRECT_CUSTOMER, OTHER_PARTNER_CUSTOMER, OUTSIDE_TERRITORY

	}

	/** How a customer was recognised (GraphQL {@code CustomerMatch}). */
	enum Match {

		TAX_ID, NAME, EMAIL_DOMAIN

	}

}
