package com.dealerdesk.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.billing.PaymentInputs.BindLicenseToPaymentPlanInput;
import com.dealerdesk.billing.PaymentInputs.UnbindLicenseInput;
import com.dealerdesk.license.License;
import com.dealerdesk.license.LicenseService;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.product.Product.LicenseModel;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time-limited licenses bound to payment plans (one plan per license: the primary key). A
 * bound license is paid until the plan's next open planned payment's due date plus the
 * grace period. Binding gives the license that end, shortening one issued for a longer
 * term; afterwards it is extended to that day through the license feature whenever it
 * moves later. When nothing dated is open (the plan is paid), the license keeps its end.
 */
@Component
public class LicensePaymentBindings {

	private final DatabaseClient database;

	private final LicenseService licenses;

	private final PaymentEvents events;

	private final InputValidator validator;

	private final int graceDays;

	LicensePaymentBindings(DatabaseClient database, LicenseService licenses, PaymentEvents events,
			InputValidator validator, @Value("${dealerdesk.billing.license-grace-days:14}") int graceDays) {
		this.database = database;
		this.licenses = licenses;
		this.events = events;
		this.validator = validator;
		this.graceDays = graceDays;
	}

	/**
	 * A license's binding: its plan and the day it is paid until (null: the plan is
	 * paid).
	 */
	public record Binding(UUID licenseId, UUID planId, LocalDate paidUntil) {

	}

	// ---- reading

	Mono<Map<UUID, Binding>> ofLicenses(Collection<UUID> licenseIds) {
		return licenseIds.isEmpty() ? Mono.just(Map.of())
				: this.database.sql("select * from payment_plan_license where license_id = any($1)")
					.bind(0, licenseIds.toArray(UUID[]::new))
					.map(row -> new Binding(row.get("license_id", UUID.class), row.get("plan_id", UUID.class),
							row.get("paid_until", LocalDate.class)))
					.all()
					.collectMap(Binding::licenseId);
	}

	/** The licenses bound to each plan, visible to the actor. */
	Mono<Map<UUID, List<License>>> licensesOfPlans(Actor actor, Collection<UUID> planIds) {
		if (planIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select license_id, plan_id from payment_plan_license where plan_id = any($1)")
			.bind(0, planIds.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("license_id", UUID.class), row.get("plan_id", UUID.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue)
			.flatMap(planOf -> this.licenses.licenses(actor, planOf.keySet())
				.map(found -> found.values()
					.stream()
					.collect(Collectors.groupingBy(license -> planOf.get(license.id()), LinkedHashMap::new,
							Collectors.toList()))));
	}

	// ---- binding

	@Transactional
	public Mono<License> bind(Actor actor, BindLicenseToPaymentPlanInput input, PaymentPlanService plans) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PAYMENT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID licenseId = GlobalId.uuidOf("License", input.licenseId(), errors, "input", "licenseId");
		UUID planId = GlobalId.uuidOf("PaymentPlan", input.paymentPlanId(), errors, "input", "paymentPlanId");
		Inputs.rejectIfAny(errors);
		return plans.plans(actor, Set.of(planId))
			.mapNotNull(found -> found.get(planId))
			.switchIfEmpty(Mono.error(() -> PaymentPlanService.notFound("paymentPlanId")))
			.zipWith(this.licenses.licenses(actor, Set.of(licenseId))
				.mapNotNull(found -> found.get(licenseId))
				// another customer's license is not one to bind: not found
				.switchIfEmpty(Mono.error(() -> PaymentPlanService.notFound("licenseId"))))
			.flatMap(both -> {
				PaymentPlan plan = both.getT1();
				License license = both.getT2();
				if (!license.customerId().equals(plan.customerId())) {
					return Mono.error(PaymentPlanService.notFound("licenseId"));
				}
				if (plan.status() != PaymentPlan.Status.ACTIVE) {
					return Mono.error(
							PaymentPlanService.conflict("This plan was replaced by a newer version.", "paymentPlanId"));
				}
				return this.licenses.models(List.of(license)).flatMap(models -> {
					if (models.get(license.id()) != LicenseModel.TIME_LIMITED || license.endsOn() == null) {
						return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
								"Only a time-limited license runs as its plan is paid.", "input", "licenseId")));
					}
					return this.database
						.sql("insert into payment_plan_license (license_id, plan_id, bound_by) values ($1, $2, $3)")
						.bind(0, licenseId)
						.bind(1, planId)
						.bind(2, actor.subject())
						.then()
						// the binding first, then the new end at the next version
						.then(this.events.customerEvent(actor, EventType.LICENSE_PAYMENT_PLAN_BOUND, "License",
								licenseId, license.version(), license.customerId(), payload(licenseId, planId)))
						.then(refresh(actor, licenseId, true))
						.then(this.licenses.licenses(actor, Set.of(licenseId)))
						.map(found -> found.get(licenseId));
				});
			})
			.onErrorMap(UniqueViolation.of("payment_plan_license_pkey"),
					ex -> PaymentPlanService.conflict("The license is bound to a payment plan already.", "licenseId"));
	}

	@Transactional
	public Mono<License> unbind(Actor actor, UnbindLicenseInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PAYMENT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID licenseId = GlobalId.uuidOf("License", input.licenseId(), errors, "input", "licenseId");
		Inputs.rejectIfAny(errors);
		return this.licenses.licenses(actor, Set.of(licenseId))
			.mapNotNull(found -> found.get(licenseId))
			.switchIfEmpty(Mono.error(() -> PaymentPlanService.notFound("licenseId")))
			.flatMap(license -> this.database.sql("delete from payment_plan_license where license_id = $1")
				.bind(0, licenseId)
				.fetch()
				.rowsUpdated()
				.flatMap(deleted -> deleted == 0
						? Mono.error(PaymentPlanService.conflict("The license is not bound to a plan.", "licenseId"))
						: Mono.just(license)));
	}

	// ---- following payments

	/** After payments to planned payments: extends the licenses their plans pay for. */
	Mono<Void> extendAfterPayment(Actor actor, Collection<UUID> plannedPaymentIds) {
		if (plannedPaymentIds.isEmpty()) {
			return Mono.empty();
		}
		return this.database.sql("""
				select distinct l.license_id from payment_plan_license l
				join planned_payment p on p.plan_id = l.plan_id where p.id = any($1)""")
			.bind(0, plannedPaymentIds.toArray(UUID[]::new))
			.map(row -> row.get(0, UUID.class))
			.all()
			.concatMap(licenseId -> refresh(actor, licenseId, false))
			.then();
	}

	/** After a renegotiation: the licenses follow the plan's new version. */
	Mono<Void> moveBindings(Actor actor, UUID oldPlanId, UUID newPlanId) {
		return this.database.sql("update payment_plan_license set plan_id = $2 where plan_id = $1 returning license_id")
			.bind(0, oldPlanId)
			.bind(1, newPlanId)
			.map(row -> row.get(0, UUID.class))
			.all()
			.concatMap(licenseId -> refresh(actor, licenseId, false))
			.then();
	}

	/**
	 * Sets a bound license's paid-until day from its plan. On binding, the license then
	 * ends on that day, earlier or later; afterwards (payments, milestones,
	 * renegotiations) it is only extended, when that day is later than its end.
	 */
	private Mono<Void> refresh(Actor actor, UUID licenseId, boolean binding) {
		return this.database.sql("""
				update payment_plan_license l set paid_until = (
				    select min(p.due_on) + $2::int from planned_payment p
				    where p.plan_id = l.plan_id and p.paid < p.amount and p.written_off_at is null
				      and p.due_on is not null)
				where l.license_id = $1 returning paid_until""")
			.bind(0, licenseId)
			.bind(1, this.graceDays)
			.map(row -> java.util.Optional.ofNullable(row.get(0, LocalDate.class)))
			.one()
			.flatMap(paidUntil -> paidUntil.isEmpty() ? Mono.empty()
					: (binding
							? this.licenses.endAsBound(actor, licenseId, paidUntil.get(),
									"Bound to a payment plan: paid until the next planned payment")
							: this.licenses.extendPaid(actor, licenseId, paidUntil.get(),
									"Paid until the next planned payment"))
						.then());
	}

	private static Map<String, Object> payload(UUID licenseId, UUID planId) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("licenseId", GlobalId.of("License", licenseId));
		payload.put("paymentPlanId", GlobalId.of("PaymentPlan", planId));
		return payload;
	}

}
