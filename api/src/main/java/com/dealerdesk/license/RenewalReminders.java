package com.dealerdesk.license;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.activity.ActivityService;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product;
import com.dealerdesk.product.ProductService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Renewals as reminders: every morning, each license ending within the next days gets a
 * task with a reminder for its customer's owner and a {@code license.expiring} event for
 * integrations, once per end date (an extension or a renewal moves the end, and the next
 * term is reminded again).
 */
@Component
class RenewalReminders {

	private static final Logger log = LoggerFactory.getLogger(RenewalReminders.class);

	private static final int BATCH = 500;

	private final LicenseRepository licenses;

	private final CustomerService customers;

	private final ProductService products;

	private final ActivityService activities;

	private final LicenseService licenseEvents;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final int daysAhead;

	RenewalReminders(LicenseRepository licenses, CustomerService customers, ProductService products,
			ActivityService activities, LicenseService licenseEvents, ReactiveTransactionManager transactions,
			Clock clock, @Value("${dealerdesk.licensing.renewal-reminder-days:30}") int daysAhead) {
		this.licenses = licenses;
		this.customers = customers;
		this.products = products;
		this.activities = activities;
		this.licenseEvents = licenseEvents;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
		this.daysAhead = daysAhead;
	}

	// on a scheduler thread, never the event loop: blocking here is fine
	@Scheduled(cron = "${dealerdesk.licensing.renewal-reminder-cron:0 15 6 * * *}", zone = "UTC")
	void daily() {
		Integer count = remindDue().block();
		log.info("Renewal reminders: {} set up", count);
	}

	/** Sets up the reminders due today; returns how many. */
	Mono<Integer> remindDue() {
		LocalDate today = LocalDate.now(this.clock);
		return this.licenses.dueForRenewalReminder(today, today.plusDays(this.daysAhead), BATCH).flatMap(due -> {
			if (due.isEmpty()) {
				return Mono.just(0);
			}
			Mono<Map<UUID, Customer>> owners = this.customers.customers(Actor.SYSTEM,
					due.stream().map(License::customerId).collect(Collectors.toSet()));
			Mono<Map<UUID, Product>> products = this.products
				.byIds(due.stream().map(License::productId).collect(Collectors.toSet()));
			Mono<Integer> done = Mono.zip(owners, products).flatMap(both -> {
				Flux<Integer> reminded = Flux.fromIterable(due)
					.concatMap(license -> remind(license, both.getT1().get(license.customerId()),
							both.getT2().get(license.productId())));
				return reminded.reduce(0, Integer::sum);
			});
			// a full batch: go on while reminders are being set up
			return done.flatMap(count -> due.size() == BATCH && count > 0 ? remindDue().map(more -> count + more)
					: Mono.just(count));
		});
	}

	private Mono<Integer> remind(License license, Customer customer, Product product) {
		String name = product.displayName(license.editionCode());
		OffsetDateTime dueAt = OffsetDateTime.of(license.endsOn().minusDays(14), LocalTime.of(9, 0), ZoneOffset.UTC);
		Mono<Integer> reminded = this.licenses.markRenewalReminded(license.id(), license.endsOn())
			.flatMap(first -> !first ? Mono.just(0)
					: this.activities
						.remind(Actor.SYSTEM, customer.id(), customer.ownerId(),
								"Renewal due: " + name + " ends on " + license.endsOn(),
								"License " + license.serial() + ", " + license.seats()
										+ " seat(s). Offer the renewal (createRenewalOrder) before it expires.",
								dueAt)
						.then(this.licenseEvents.expiring(license, customer.partnerId()))
						.thenReturn(1));
		return this.transaction.transactional(reminded);
	}

}
