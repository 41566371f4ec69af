package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.channel.DealRegistration.Conflict;
import com.dealerdesk.channel.DealRegistration.Kind;
import com.dealerdesk.channel.DealRegistration.Match;
import com.dealerdesk.channel.DealRegistrationRepository.Claim;
import com.dealerdesk.customer.CustomerMatch;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.partner.PartnerStanding;
import com.dealerdesk.partner.PartnerStanding.Territory;
import com.dealerdesk.platform.text.CustomerKeys;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Finds what a registration collides with when it is submitted, with a sentence of
 * evidence for the channel manager (ADR 0027): another partner's registration of the same
 * customer that is submitted or protected, a customer of the vendor's direct team,
 * another partner's customer, or a region or industry outside the partner's territories.
 * The registering partner's group (its parent, if any, and the parent's sub-dealers) is
 * one side: its own registrations and customers are no conflict.
 */
@Component
class RegistrationConflicts {

	private static final int MAX_MATCHES = 20;

	private final DealRegistrationRepository registrations;

	private final CustomerService customers;

	private final PartnerDirectory partners;

	RegistrationConflicts(DealRegistrationRepository registrations, CustomerService customers,
			PartnerDirectory partners) {
		this.registrations = registrations;
		this.customers = customers;
		this.partners = partners;
	}

	/** The partners on the registering partner's side: its group. */
	Mono<Set<UUID>> sideOf(PartnerStanding partner) {
		return this.registrations.partnerFamily(partner.parentId() != null ? partner.parentId() : partner.id());
	}

	/** The match keys of a registration, with a public mail domain left out. */
	static Keys keysOf(DealRegistration registration) {
		String domain = registration.customerEmailDomain();
		return new Keys(registration.taxIdKey(), registration.nameKey(),
				CustomerKeys.isPublicMailDomain(domain) ? null : domain);
	}

	Mono<List<Conflict>> detect(DealRegistration registration, PartnerStanding partner, Set<UUID> side,
			LocalDate today) {
		Keys keys = keysOf(registration);
		Mono<List<Claim>> claims = this.registrations
			.claims(side, keys.taxId(), keys.name(), keys.emailDomain(), registration.customerId(), today, false)
			.filter(claim -> !claim.registration().id().equals(registration.id()))
			.collectList();
		Mono<List<CustomerMatch>> matches = this.customers
			.matching(keys.taxId(), keys.name(), keys.emailDomain(), MAX_MATCHES)
			.filter(customer -> customer.partnerId() == null || !side.contains(customer.partnerId()))
			.collectList();
		return Mono.zip(claims, matches).flatMap(found -> {
			Set<UUID> partnerIds = new HashSet<>();
			found.getT1().forEach(claim -> partnerIds.add(claim.registration().partnerId()));
			found.getT2().stream().map(CustomerMatch::partnerId).filter(Objects::nonNull).forEach(partnerIds::add);
			return this.partners.byIds(partnerIds).map(names -> {
				List<Conflict> conflicts = new ArrayList<>();
				for (Claim claim : found.getT1()) {
					conflicts.add(new Conflict(registration.id(), conflicts.size() + 1, Kind.SAME_CUSTOMER_REGISTERED,
							matchedBy(claim.byTaxId(), claim.byName(), claim.byEmailDomain()),
							claimEvidence(registration, claim, names), claim.registration().id(), null));
				}
				for (CustomerMatch customer : found.getT2()) {
					Kind kind = customer.partnerId() == null ? Kind.DIRECT_CUSTOMER : Kind.OTHER_PARTNER_CUSTOMER;
					conflicts.add(new Conflict(registration.id(), conflicts.size() + 1, kind,
							matchedBy(customer.byTaxId(), customer.byName(), customer.byEmailDomain()),
							customerEvidence(registration, customer, names), null, customer.id()));
				}
				String outside = outsideTerritories(registration, partner);
				if (outside != null) {
					conflicts.add(new Conflict(registration.id(), conflicts.size() + 1, Kind.OUTSIDE_TERRITORY,
							List.of(), outside, null, null));
				}
				return conflicts;
			});
		});
	}

	/**
	 * A sentence when the registration's region or industry falls outside every one of
	 * the partner's territories; null inside one, or when the partner has none (it may
	 * sell anywhere). A territory's region and industry must both fit where it names
	 * them; a registration that does not say its region or industry does not fit a
	 * territory that names one.
	 */
	static String outsideTerritories(DealRegistration registration, PartnerStanding partner) {
		if (partner.territories().isEmpty()
				|| partner.territories().stream().anyMatch(territory -> fits(registration, territory))) {
			return null;
		}
		String where = "region " + quoted(registration.customerRegion()) + " and industry "
				+ quoted(registration.customerIndustry());
		return where + " are outside " + partner.name() + "'s territories: "
				+ partner.territories()
					.stream()
					.map(territory -> territory.region() == null ? "industry " + territory.industry()
							: territory.industry() == null ? "region " + territory.region()
									: "region " + territory.region() + " in industry " + territory.industry())
					.collect(Collectors.joining("; "))
				+ ".";
	}

	private static boolean fits(DealRegistration registration, Territory territory) {
		return same(territory.region(), registration.customerRegion())
				&& same(territory.industry(), registration.customerIndustry());
	}

	private static boolean same(String territory, String given) {
		return territory == null || (given != null
				&& territory.strip().toLowerCase(Locale.ROOT).equals(given.strip().toLowerCase(Locale.ROOT)));
	}

	private static String quoted(String value) {
		return value == null ? "(not given)" : "\"" + value + "\"";
	}

	private static List<Match> matchedBy(boolean taxId, boolean name, boolean emailDomain) {
		List<Match> matched = new ArrayList<>();
		if (taxId) {
			matched.add(Match.TAX_ID);
		}
		if (name) {
			matched.add(Match.NAME);
		}
		if (emailDomain) {
			matched.add(Match.EMAIL_DOMAIN);
		}
		return matched;
	}

	private static String claimEvidence(DealRegistration registration, Claim claim, Map<UUID, Partner> partners) {
		DealRegistration other = claim.registration();
		String how = how(registration, claim.byTaxId(), claim.byName(), claim.byEmailDomain(), other.customerName(),
				other.customerTaxId());
		String state = other.status() == DealRegistration.Status.APPROVED
				? "approved and protected until " + other.protectedUntil()
				: "submitted on " + other.submittedAt().toLocalDate() + " and waiting for a decision";
		return how + " registration " + other.number() + " of " + partnerName(partners, other.partnerId()) + " ("
				+ state + ").";
	}

	private static String customerEvidence(DealRegistration registration, CustomerMatch customer,
			Map<UUID, Partner> partners) {
		String how = how(registration, customer.byTaxId(), customer.byName(), customer.byEmailDomain(), customer.name(),
				customer.taxId());
		String whose = customer.partnerId() == null ? "served by the vendor's own sales team"
				: "a customer of " + partnerName(partners, customer.partnerId());
		return how + " customer \"" + customer.name() + "\", " + whose + ".";
	}

	/** E.g. {@code tax id 7701234567 and name "ООО Ромашка" match those of}. */
	private static String how(DealRegistration registration, boolean taxId, boolean name, boolean emailDomain,
			String otherName, String otherTaxId) {
		List<String> parts = new ArrayList<>();
		if (taxId) {
			parts.add("tax id " + registration.customerTaxId() + " equals "
					+ (otherTaxId == null ? "the tax id" : otherTaxId) + " of");
		}
		if (name) {
			parts.add("name \"" + registration.customerName() + "\" matches \"" + otherName + "\" of");
		}
		if (emailDomain) {
			parts.add("e-mail domain " + registration.customerEmailDomain() + " is that of");
		}
		if (parts.isEmpty()) {
			// matched by the customer it was registered for
			return "It is registered for the same customer as";
		}
		String joined = String.join("; ", parts);
		return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
	}

	private static String partnerName(Map<UUID, Partner> partners, UUID id) {
		Partner partner = partners.get(id);
		return partner == null ? "another partner" : partner.name();
	}

	record Keys(String taxId, String name, String emailDomain) {

		List<String> all() {
			return java.util.stream.Stream
				.of(taxId == null ? null : "tax:" + taxId, "name:" + name,
						emailDomain == null ? null : "domain:" + emailDomain)
				.filter(Objects::nonNull)
				.toList();
		}

	}

}
