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

import com.dealerdesk.channel.ConflictFacts.ConflictMatch;
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
 * Finds what a registration collides with when it is submitted, with its facts and a
 * sentence of evidence written from them for the channel manager (ADR 0027, 0032):
 * another partner's registration of the same customer that is submitted or protected, a
 * customer of the vendor's direct team, another partner's customer, or a region or
 * industry outside the partner's territories. The registering partner's group (its
 * parent, if any, and the parent's sub-dealers) is one side: its own registrations and
 * customers are no conflict.
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
					DealRegistration other = claim.registration();
					List<ConflictMatch> matched = matches(registration, claim.byTaxId(), claim.byName(),
							claim.byEmailDomain(), other.customerTaxId(), other.customerName(),
							other.customerEmailDomain());
					conflicts.add(conflict(registration, conflicts.size() + 1, Kind.SAME_CUSTOMER_REGISTERED,
							ConflictFacts.ofClaim(matched, other, nameOf(names, other.partnerId())), other.id(), null));
				}
				for (CustomerMatch customer : found.getT2()) {
					List<ConflictMatch> matched = matches(registration, customer.byTaxId(), customer.byName(),
							customer.byEmailDomain(), customer.taxId(), customer.name(),
							CustomerKeys.emailDomain(customer.email()));
					Kind kind = customer.partnerId() == null ? Kind.DIRECT_CUSTOMER : Kind.OTHER_PARTNER_CUSTOMER;
					conflicts.add(conflict(registration, conflicts.size() + 1, kind,
							ConflictFacts.ofCustomer(matched, customer.name(), nameOf(names, customer.partnerId())),
							null, customer.id()));
				}
				if (outsideTerritories(registration, partner)) {
					conflicts.add(conflict(registration, conflicts.size() + 1, Kind.OUTSIDE_TERRITORY,
							ConflictFacts.ofTerritory(registration, partner.name(), partner.territories()), null,
							null));
				}
				return conflicts;
			});
		});
	}

	/** The facts first, the English sentence from them. */
	private static Conflict conflict(DealRegistration registration, int position, Kind kind, ConflictFacts facts,
			UUID otherRegistrationId, UUID customerId) {
		return new Conflict(registration.id(), position, kind, facts.matchedBy(), facts.inEnglish(kind),
				otherRegistrationId, customerId, facts);
	}

	/**
	 * Whether the registration's region or industry falls outside every one of the
	 * partner's territories; never when the partner has none (it may sell anywhere). A
	 * territory's region and industry must both fit where it names them; a registration
	 * that does not say its region or industry does not fit a territory that names one.
	 */
	static boolean outsideTerritories(DealRegistration registration, PartnerStanding partner) {
		return !partner.territories().isEmpty()
				&& partner.territories().stream().noneMatch(territory -> fits(registration, territory));
	}

	private static boolean fits(DealRegistration registration, Territory territory) {
		return same(territory.region(), registration.customerRegion())
				&& same(territory.industry(), registration.customerIndustry());
	}

	private static boolean same(String territory, String given) {
		return territory == null || (given != null
				&& territory.strip().toLowerCase(Locale.ROOT).equals(given.strip().toLowerCase(Locale.ROOT)));
	}

	/**
	 * This registration's values against the other's, for the keys that matched, in the
	 * order tax id, name, e-mail domain.
	 */
	private static List<ConflictMatch> matches(DealRegistration registration, boolean taxId, boolean name,
			boolean emailDomain, String otherTaxId, String otherName, String otherEmailDomain) {
		List<ConflictMatch> matched = new ArrayList<>();
		if (taxId) {
			matched.add(new ConflictMatch(Match.TAX_ID, registration.customerTaxId(), otherTaxId));
		}
		if (name) {
			matched.add(new ConflictMatch(Match.NAME, registration.customerName(), otherName));
		}
		if (emailDomain) {
			matched.add(new ConflictMatch(Match.EMAIL_DOMAIN, registration.customerEmailDomain(), otherEmailDomain));
		}
		return matched;
	}

	/** The partner's name now (it is kept with the conflict); null for none. */
	private static String nameOf(Map<UUID, Partner> partners, UUID id) {
		Partner partner = id == null ? null : partners.get(id);
		return partner == null ? null : partner.name();
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
