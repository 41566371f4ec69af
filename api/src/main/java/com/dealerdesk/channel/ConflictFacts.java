package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.dealerdesk.channel.DealRegistration.Kind;
import com.dealerdesk.channel.DealRegistration.Match;
import com.dealerdesk.channel.DealRegistration.Status;
import com.dealerdesk.partner.PartnerStanding.Territory;

/**
 * What a conflict is made of, as it was when the registration was submitted (ADR 0032):
 * which values matched, and what the other registration, customer or territories were
 * then. The English evidence is written from these facts ({@link #inEnglish}); readers in
 * other languages render their own sentence from the same facts, so the two never
 * disagree. Conflicts stored before V35 have {@link #NONE} and keep only their sentence.
 *
 * @param matches how the customer was recognised, this registration's value against the
 * other's (SAME_CUSTOMER_REGISTERED, DIRECT_CUSTOMER, OTHER_PARTNER_CUSTOMER)
 * @param partnerName the registering partner (OUTSIDE_TERRITORY: whose territories)
 * @param otherPartnerName the partner of the other registration or customer; null for the
 * vendor's direct team
 * @param territories the registering partner's territories (OUTSIDE_TERRITORY)
 */
record ConflictFacts(List<ConflictMatch> matches, String otherRegistrationNumber, Status otherRegistrationStatus,
		LocalDate otherProtectedUntil, LocalDate otherSubmittedOn, String existingCustomerName, String otherPartnerName,
		String partnerName, String givenRegion, String givenIndustry, List<Territory> territories) {

	/** The facts of a conflict stored before they were kept. */
	static final ConflictFacts NONE = new ConflictFacts(List.of(), null, null, null, null, null, null, null, null, null,
			List.of());

	ConflictFacts {
		matches = matches == null ? List.of() : List.copyOf(matches);
		territories = territories == null ? List.of() : List.copyOf(territories);
	}

	/**
	 * One value of this registration that equals the other registration's or customer's.
	 */
	record ConflictMatch(Match by, String given, String existing) {

	}

	/** Another partner's registration of the same customer, as it is now. */
	static ConflictFacts ofClaim(List<ConflictMatch> matches, DealRegistration other, String otherPartnerName) {
		return new ConflictFacts(matches, other.number(), other.status(), other.protectedUntil(),
				other.submittedAt().toLocalDate(), null, otherPartnerName, null, null, null, List.of());
	}

	/**
	 * A customer already in DealerDesk; {@code otherPartnerName} null for a direct one.
	 */
	static ConflictFacts ofCustomer(List<ConflictMatch> matches, String customerName, String otherPartnerName) {
		return new ConflictFacts(matches, null, null, null, null, customerName, otherPartnerName, null, null, null,
				List.of());
	}

	/** The registration's region and industry against the partner's territories. */
	static ConflictFacts ofTerritory(DealRegistration registration, String partnerName, List<Territory> territories) {
		return new ConflictFacts(List.of(), null, null, null, null, null, null, partnerName,
				registration.customerRegion(), registration.customerIndustry(), territories);
	}

	/** The values that matched, in the order tax id, name, e-mail domain. */
	List<Match> matchedBy() {
		return this.matches.stream().map(ConflictMatch::by).toList();
	}

	/**
	 * The evidence in English, for logs and integrations, e.g. {@code Tax id 7701234567
	 * equals 77-01234567 of registration REG-2026-00004 of Northwind (approved and
	 * protected until 2027-03-01).}
	 */
	String inEnglish(Kind kind) {
		return switch (kind) {
			case SAME_CUSTOMER_REGISTERED -> how() + " registration " + this.otherRegistrationNumber + " of "
					+ orAnotherPartner(this.otherPartnerName) + " ("
					+ (this.otherRegistrationStatus == Status.APPROVED
							? "approved and protected until " + this.otherProtectedUntil
							: "submitted on " + this.otherSubmittedOn + " and waiting for a decision")
					+ ").";
			case DIRECT_CUSTOMER ->
				how() + " customer \"" + this.existingCustomerName + "\", served by the vendor's own sales team.";
			case OTHER_PARTNER_CUSTOMER -> how() + " customer \"" + this.existingCustomerName + "\", a customer of "
					+ orAnotherPartner(this.otherPartnerName) + ".";
			case OUTSIDE_TERRITORY -> "Region " + quoted(this.givenRegion) + " and industry "
					+ quoted(this.givenIndustry) + " are outside " + this.partnerName + "'s territories: "
					+ this.territories.stream()
						.map(territory -> territory.region() == null ? "industry " + territory.industry()
								: territory.industry() == null ? "region " + territory.region()
										: "region " + territory.region() + " in industry " + territory.industry())
						.collect(Collectors.joining("; "))
					+ ".";
		};
	}

	/**
	 * E.g.
	 * {@code Tax id 7701234567 equals 7701234567 of; name "ООО Ромашка" matches "Romashka LLC" of}.
	 */
	private String how() {
		List<String> parts = new ArrayList<>();
		for (ConflictMatch match : this.matches) {
			parts.add(switch (match.by()) {
				case TAX_ID -> "tax id " + match.given() + " equals " + match.existing() + " of";
				case NAME -> "name \"" + match.given() + "\" matches \"" + match.existing() + "\" of";
				case EMAIL_DOMAIN -> "e-mail domain " + match.given() + " is that of";
			});
		}
		if (parts.isEmpty()) {
			// matched by the customer it was registered for
			return "It is registered for the same customer as";
		}
		String joined = String.join("; ", parts);
		return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
	}

	private static String orAnotherPartner(String name) {
		return name == null ? "another partner" : name;
	}

	private static String quoted(String value) {
		return value == null ? "(not given)" : "\"" + value + "\"";
	}

}
