package com.dealerdesk.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.activity.ActivityService;
import com.dealerdesk.billing.PaymentPlan.PlannedPayment;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.license.License;
import com.dealerdesk.license.LicenseService;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.security.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Every morning, as the system and by the business date: (a) each planned payment that
 * became overdue gets a PLANNED_PAYMENT_OVERDUE event and a reminder for its customer's
 * owner, once per due date; (b) each bound license whose paid-until day passed while a
 * payment is overdue is left as it is (not extended) and its owner reminded, once per
 * overdue planned payment. Each is claimed with a conditional UPDATE that skips rows
 * another instance holds, in the transaction that writes the reminder.
 */
@Component
class BillingJobs {

	private static final Logger log = LoggerFactory.getLogger(BillingJobs.class);

	private static final int BATCH = 200;

	private final DatabaseClient database;

	private final PaymentPlanRepository plans;

	private final PaymentEvents events;

	private final CustomerService customers;

	private final LicenseService licenses;

	private final ActivityService activities;

	private final TransactionalOperator transaction;

	private final Clock clock;

	BillingJobs(DatabaseClient database, PaymentPlanRepository plans, PaymentEvents events, CustomerService customers,
			LicenseService licenses, ActivityService activities, ReactiveTransactionManager transactions, Clock clock) {
		this.database = database;
		this.plans = plans;
		this.events = events;
		this.customers = customers;
		this.licenses = licenses;
		this.activities = activities;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
	}

	// on a scheduler thread, never the event loop: blocking here is fine.
	// "-" turns it off: the API tests do, and call the two steps themselves.
	@Scheduled(cron = "${dealerdesk.billing.overdue-check-cron:0 20 6 * * *}", zone = "UTC")
	void daily() {
		Integer overdue = announceOverdue().block();
		Integer lapsed = announceLapses().block();
		log.info("Billing: {} planned payment(s) overdue, {} license(s) not extended", overdue, lapsed);
	}

	/** Announces the planned payments that became overdue; returns how many. */
	Mono<Integer> announceOverdue() {
		LocalDate today = LocalDate.now(this.clock);
		Mono<Integer> batch = this.database.sql("""
				update planned_payment p set overdue_announced_for = p.due_on
				where p.id in (
				    select o.id from planned_payment o join payment_plan pl on pl.id = o.plan_id
				    where o.due_on < $1 and o.paid < o.amount and o.written_off_at is null and pl.status = 'ACTIVE'
				      and o.overdue_announced_for is distinct from o.due_on
				    order by o.due_on limit $2 for update of o skip locked)
				returning p.id""")
			.bind(0, today)
			.bind(1, BATCH)
			.map(row -> row.get(0, UUID.class))
			.all()
			.collectList()
			.flatMap(ids -> ids.isEmpty() ? Mono.just(0)
					: this.plans.plannedPayments(Actor.SYSTEM, ids, today)
						.flatMap(found -> owners(found.values().stream().map(PlannedPayment::customerId).toList())
							.flatMap(owners -> Flux.fromIterable(found.values())
								.concatMap(planned -> overdue(planned, owners.get(planned.customerId())))
								.then()))
						.thenReturn(ids.size()));
		return this.transaction.transactional(batch)
			.flatMap(count -> count == BATCH ? announceOverdue().map(more -> count + more) : Mono.just(count));
	}

	private Mono<Void> overdue(PlannedPayment planned, Customer customer) {
		return this.plans.plans(Actor.SYSTEM, Set.of(planned.planId()))
			.flatMap(found -> this.events.plannedPayment(Actor.SYSTEM, EventType.PLANNED_PAYMENT_OVERDUE, planned,
					found.get(0).version()))
			.then(this.activities.remind(Actor.SYSTEM, customer.id(), customer.ownerId(),
					"Payment overdue: " + planned.label() + " (" + planned.open().amount().toPlainString() + " "
							+ planned.open().currency() + ")",
					"Due on " + planned.dueOn() + ". Record the payment when it arrives, or renegotiate the plan.",
					morning()))
			.then();
	}

	/**
	 * Reminds owners of licenses that ran out while their payment is overdue; returns how
	 * many.
	 */
	Mono<Integer> announceLapses() {
		LocalDate today = LocalDate.now(this.clock);
		Mono<Integer> batch = this.database.sql("""
				update payment_plan_license l set lapse_announced_for = x.overdue_id
				from (
				    select b.license_id, (
				        select p.id from planned_payment p
				        where p.plan_id = b.plan_id and p.due_on < $1 and p.paid < p.amount and p.written_off_at is null
				        order by p.due_on, p.position limit 1) as overdue_id
				    from payment_plan_license b where b.paid_until < $1
				    order by b.paid_until limit $2 for update of b skip locked) x
				where x.license_id = l.license_id and x.overdue_id is not null
				  and l.lapse_announced_for is distinct from x.overdue_id
				returning l.license_id, x.overdue_id""")
			.bind(0, today)
			.bind(1, BATCH)
			.map(row -> Map.entry(row.get("license_id", UUID.class), row.get("overdue_id", UUID.class)))
			.all()
			.collectList()
			.flatMap(lapsed -> lapsed.isEmpty() ? Mono.just(0)
					: Mono
						.zip(this.licenses.licenses(Actor.SYSTEM, lapsed.stream().map(Map.Entry::getKey).toList()),
								this.plans.plannedPayments(Actor.SYSTEM,
										lapsed.stream().map(Map.Entry::getValue).toList(), today))
						.flatMap(both -> owners(both.getT1().values().stream().map(License::customerId).toList())
							.flatMap(owners -> Flux.fromIterable(lapsed).concatMap(entry -> {
								License license = both.getT1().get(entry.getKey());
								PlannedPayment planned = both.getT2().get(entry.getValue());
								Customer customer = owners.get(license.customerId());
								return this.activities.remind(Actor.SYSTEM, customer.id(), customer.ownerId(),
										"License " + license.serial() + " lapsed: payment " + planned.label()
												+ " overdue",
										"Due on " + planned.dueOn() + "; the license was not extended past "
												+ license.endsOn() + ".",
										morning());
							}).then()))
						.thenReturn(lapsed.size()));
		return this.transaction.transactional(batch)
			.flatMap(count -> count == BATCH ? announceLapses().map(more -> count + more) : Mono.just(count));
	}

	private Mono<Map<UUID, Customer>> owners(List<UUID> customerIds) {
		return this.customers.customers(Actor.SYSTEM, Set.copyOf(customerIds));
	}

	private OffsetDateTime morning() {
		return OffsetDateTime.of(LocalDate.now(this.clock), LocalTime.of(9, 0), ZoneOffset.UTC);
	}

}
