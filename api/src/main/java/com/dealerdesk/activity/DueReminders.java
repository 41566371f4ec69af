package com.dealerdesk.activity;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Tells integrations when a reminder comes due: every minute, a {@code reminder.due}
 * event for each open reminder whose due time has passed, once per due time (a snoozed
 * reminder is announced again at its new time). Every API instance runs the job; the
 * database decides which one announces a reminder ({@code ActivityRepository
 * .claimDueReminders}).
 */
@Component
class DueReminders {

	private static final Logger log = LoggerFactory.getLogger(DueReminders.class);

	private static final int BATCH = 500;

	private final ActivityService activities;

	private final TransactionalOperator transaction;

	private final Clock clock;

	DueReminders(ActivityService activities, ReactiveTransactionManager transactions, Clock clock) {
		this.activities = activities;
		this.transaction = TransactionalOperator.create(transactions);
		this.clock = clock;
	}

	// on a scheduler thread, never the event loop: blocking here is fine
	@Scheduled(cron = "${dealerdesk.activity.reminder-due-check:0 * * * * *}", zone = "UTC")
	void everyMinute() {
		Integer count = announceDue().block();
		if (count != null && count > 0) {
			log.info("Reminders due: {} announced", count);
		}
	}

	/** Announces the reminders that came due; returns how many this call announced. */
	Mono<Integer> announceDue() {
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		Mono<Integer> batch = this.transaction
			.transactional(this.activities.announceDue(now, BATCH).count().map(Long::intValue));
		// a full batch: more may be waiting
		return batch.flatMap(count -> count == BATCH ? announceDue().map(more -> count + more) : Mono.just(count));
	}

}
