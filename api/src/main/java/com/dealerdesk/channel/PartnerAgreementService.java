package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.channel.PartnerAgreementInputs.CreatePartnerAgreementInput;
import com.dealerdesk.channel.PartnerAgreementInputs.RebateBandInput;
import com.dealerdesk.channel.PartnerAgreementInputs.UpdatePartnerAgreementInput;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.partner.PartnerStatus;
import com.dealerdesk.platform.database.ExclusionViolation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Agreements with partners and their rebate bands. Channel managers and admins of the
 * vendor write them; a partner's agreements never overlap in time, which the database's
 * exclusion constraint decides even for writers racing each other; the refused writer is
 * told which agreement is in the way.
 */
@Service
public class PartnerAgreementService implements NodeFetcher {

	static final String TYPE = "PartnerAgreement";

	private static final String NO_OVERLAP = "partner_agreement_no_overlap";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final PartnerAgreementRepository agreements;

	private final PartnerDirectory partners;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final TransactionalOperator transaction;

	PartnerAgreementService(PartnerAgreementRepository agreements, PartnerDirectory partners, InputValidator validator,
			OutboxWriter outbox, ReactiveTransactionManager transactions) {
		this.agreements = agreements;
		this.partners = partners;
		this.validator = validator;
		this.outbox = outbox;
		this.transaction = TransactionalOperator.create(transactions);
	}

	// ---- reading

	Mono<Map<UUID, List<PartnerAgreement>>> ofPartners(Actor actor, Collection<UUID> partnerIds) {
		return partnerIds.isEmpty() ? Mono.just(Map.of()) : this.agreements.ofPartners(actor, partnerIds);
	}

	@Override
	public Set<String> typeNames() {
		return Set.of(TYPE);
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty()
				: this.agreements.byIds(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, uuids -> this.agreements.byIds(actor, uuids));
	}

	// ---- changing

	Mono<PartnerAgreement> create(Actor actor, CreatePartnerAgreementInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CREATE, Subject.PARTNER_AGREEMENT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID partnerId = GlobalId.uuidOf("Partner", input.partnerId(), errors, "input", "partnerId");
			Currency currency = Money.currency(input.currency(), errors, "input", "currency");
			requirePeriod(input.startsOn(), input.endsOn(), errors);
			List<RebateBand> bands = (currency == null) ? List.of() : bands(input.rebateBands(), currency, errors);
			Inputs.rejectIfAny(errors);
			PartnerAgreement agreement = new PartnerAgreement(UUID.randomUUID(), partnerId, input.startsOn(),
					input.endsOn(), currency.getCurrencyCode(), bands, Inputs.clean(input.note()), 1);
			return requireInGoodStanding(actor, partnerId, "partnerId").then(this.agreements.insert(agreement))
				.then(event(actor, EventType.PARTNER_AGREEMENT_CREATED, agreement))
				.as(this.transaction::transactional)
				.onErrorResume(ExclusionViolation.of(NO_OVERLAP),
						ex -> overlapError(partnerId, agreement.startsOn(), agreement.endsOn(), null));
		});
	}

	Mono<PartnerAgreement> update(Actor actor, UpdatePartnerAgreementInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER_AGREEMENT);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID id = GlobalId.uuidOf(TYPE, input.id(), errors, "input", "id");
			Inputs.rejectIfAny(errors);
			return this.agreements.lockedById(id)
				.switchIfEmpty(Mono.error(PartnerAgreementService::notFound))
				.flatMap(current -> {
					if (current.version() != input.expectedVersion()) {
						return Mono.error(UserErrorsException.staleVersion("agreement", current.version()));
					}
					PartnerAgreement changed = changed(current, input);
					String lengthened = lengthened(current, changed);
					Mono<Void> standing = (lengthened == null) ? Mono.empty()
							: requireInGoodStanding(actor, current.partnerId(), lengthened);
					return standing.then(this.agreements.update(changed))
						.then(input.rebateBands().isOmitted() ? Mono.empty()
								: this.agreements.replaceBands(id, changed.rebateBands()))
						.then(event(actor, EventType.PARTNER_AGREEMENT_UPDATED, changed));
				})
				.as(this.transaction::transactional)
				.onErrorResume(ExclusionViolation.of(NO_OVERLAP),
						ex -> this.agreements.lockedById(id)
							.flatMap(current -> overlapError(current.partnerId(),
									Inputs.sentOr(input.startsOn(), current.startsOn()),
									Inputs.sentOr(input.endsOn(), current.endsOn()), id)));
		});
	}

	/** The agreement as the update leaves it, checked; the currency never changes. */
	private static PartnerAgreement changed(PartnerAgreement current, UpdatePartnerAgreementInput input) {
		List<UserError> errors = new ArrayList<>();
		LocalDate startsOn = Inputs.sentOr(input.startsOn(), current.startsOn());
		LocalDate endsOn = Inputs.sentOr(input.endsOn(), current.endsOn());
		requirePeriod(startsOn, endsOn, errors);
		List<RebateBand> bands = input.rebateBands().isOmitted() ? current.rebateBands()
				: bands(input.rebateBands().value(), Currency.getInstance(current.currency()), errors);
		Inputs.rejectIfAny(errors);
		String note = input.note().isOmitted() ? current.note() : Inputs.clean(input.note().value());
		return new PartnerAgreement(current.id(), current.partnerId(), startsOn, endsOn, current.currency(), bands,
				note, current.version() + 1);
	}

	/**
	 * The field that lets the agreement run on a day it did not cover before, or null
	 * when the change does not lengthen it.
	 */
	private static String lengthened(PartnerAgreement current, PartnerAgreement changed) {
		if (current.endsOn() != null && (changed.endsOn() == null || changed.endsOn().isAfter(current.endsOn()))) {
			return "endsOn";
		}
		return changed.startsOn().isBefore(current.startsOn()) ? "startsOn" : null;
	}

	/**
	 * The partner, locked against a change of status until the transaction ends, and
	 * prospective or active: a suspended or terminated partner gets no new agreement and
	 * no longer one (ending or shortening one stays possible).
	 */
	private Mono<Void> requireInGoodStanding(Actor actor, UUID partnerId, String field) {
		return this.partners.lockVisible(actor, partnerId)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such partner.", "input", "partnerId"))))
			.flatMap(partner -> {
				PartnerStatus status = partner.status();
				if (status == PartnerStatus.SUSPENDED || status == PartnerStatus.TERMINATED) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							partner.name() + " is " + status + ": a suspended or terminated partner gets no new"
									+ " or longer agreement. Make it active again first.",
							"input", field)));
				}
				return Mono.empty();
			});
	}

	private static void requirePeriod(LocalDate startsOn, LocalDate endsOn, List<UserError> errors) {
		if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					"Must not be before the start (" + startsOn + "); leave it out for an open-ended agreement.",
					"input", "endsOn"));
		}
	}

	/**
	 * The bands as given, checked: thresholds not negative, in the currency's minor unit
	 * and strictly increasing; percents above 0, at most 100, with at most two decimals
	 * and strictly increasing (a higher volume never earns less).
	 */
	static List<RebateBand> bands(List<RebateBandInput> inputs, Currency currency, List<UserError> errors) {
		if (inputs == null) {
			return List.of();
		}
		List<RebateBand> bands = new ArrayList<>();
		RebateBand before = null;
		for (int i = 0; i < inputs.size(); i++) {
			RebateBandInput input = inputs.get(i);
			String at = String.valueOf(i);
			Money threshold = Money.checkedAmount(input.threshold(), currency, errors, "input", "rebateBands", at,
					"threshold");
			BigDecimal percent = input.percent();
			boolean percentOk = true;
			if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be more than 0 and at most 100.", "input",
						"rebateBands", at, "percent"));
				percentOk = false;
			}
			else if (percent.stripTrailingZeros().scale() > 2) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Takes at most two decimal places.", "input",
						"rebateBands", at, "percent"));
				percentOk = false;
			}
			if (before != null && threshold != null && threshold.amount().compareTo(before.threshold().amount()) <= 0) {
				errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
						"Must be greater than the threshold of the band before (" + before.threshold().amount() + ").",
						"input", "rebateBands", at, "threshold"));
			}
			if (before != null && percentOk && percent.compareTo(before.percent()) <= 0) {
				errors.add(UserError.of(
						UserErrorCode.INVALID_VALUE, "Must be greater than the percent of the band before ("
								+ before.percent().toPlainString() + "): a higher volume never earns less.",
						"input", "rebateBands", at, "percent"));
			}
			if (threshold == null || !percentOk) {
				// compare the next band with the last one that made sense
				continue;
			}
			before = new RebateBand(threshold, percent.setScale(2));
			bands.add(before);
		}
		return bands;
	}

	private <T> Mono<T> overlapError(UUID partnerId, LocalDate startsOn, LocalDate endsOn, UUID excluded) {
		return this.agreements.overlapping(partnerId, startsOn, endsOn, excluded)
			.map(other -> "Overlaps the partner's agreement " + GlobalId.of(TYPE, other.id()) + " from "
					+ other.startsOn() + (other.endsOn() == null ? " (open-ended)" : " to " + other.endsOn())
					+ ": a partner's agreements may not overlap. End that one first or choose another period.")
			.defaultIfEmpty("Overlaps another of the partner's agreements: a partner's agreements may not overlap.")
			.flatMap(message -> Mono
				.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT, message, "input", "startsOn"))));
	}

	private Mono<PartnerAgreement> event(Actor actor, EventType type, PartnerAgreement agreement) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of(TYPE, agreement.id()));
		payload.put("partnerId", GlobalId.of("Partner", agreement.partnerId()));
		payload.put("startsOn", agreement.startsOn().toString());
		payload.put("endsOn", agreement.endsOn() == null ? null : agreement.endsOn().toString());
		payload.put("currency", agreement.currency());
		payload.put("rebateBands", agreement.rebateBands());
		payload.put("note", agreement.note());
		payload.put("version", agreement.version());
		// the partner's own business: its integrations receive it, no other partner's do
		return this.outbox
			.append(actor, type, TYPE, agreement.id(), agreement.version(), EventOwner.partner(agreement.partnerId()),
					payload)
			.thenReturn(agreement);
	}

	private static UserErrorsException notFound() {
		return new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "No such agreement.", "input", "id"));
	}

}
