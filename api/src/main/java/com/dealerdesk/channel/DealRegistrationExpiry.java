package com.dealerdesk.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Every night, by the business date: registrations whose protection ended, and those left
 * undecided for longer than the protection period, become EXPIRED with an event each. A
 * batch is claimed with {@code for update skip locked}, so several instances share the
 * work.
 */
@Component
class DealRegistrationExpiry {

	private static final Logger log = LoggerFactory.getLogger(DealRegistrationExpiry.class);

	private static final int BATCH = 200;

	private final DealRegistrationService registrations;

	private final TransactionalOperator transaction;

	DealRegistrationExpiry(DealRegistrationService registrations, ReactiveTransactionManager transactions) {
		this.registrations = registrations;
		this.transaction = TransactionalOperator.create(transactions);
	}

	// on a scheduler thread, never the event loop: blocking here is fine
	@Scheduled(cron = "${dealerdesk.channel.registration-expiry-check:0 5 0 * * *}", zone = "UTC")
	void nightly() {
		log.info("Channel: {} deal registration(s) expired", expire().block());
	}

	/** Expires every registration whose claim ended; returns how many. */
	Mono<Integer> expire() {
		return this.transaction.transactional(this.registrations.expireBatch(BATCH).count())
			.flatMap(count -> count == BATCH ? expire().map(more -> BATCH + more) : Mono.just(count.intValue()));
	}

}
