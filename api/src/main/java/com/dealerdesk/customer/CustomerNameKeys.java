package com.dealerdesk.customer;

import com.dealerdesk.platform.text.CustomerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the customers written before migration V31 their name key, once, at startup and
 * in the background: the key is computed in Java (ICU transliteration), which a SQL
 * migration cannot call, and a rerun finds nothing left to do (ADR 0027).
 */
@Component
class CustomerNameKeys {

	private static final Logger log = LoggerFactory.getLogger(CustomerNameKeys.class);

	private static final int BATCH = 500;

	private final CustomerRepository customers;

	CustomerNameKeys(CustomerRepository customers) {
		this.customers = customers;
	}

	@EventListener(ApplicationReadyEvent.class)
	void backfill() {
		fillAll().subscribe(count -> {
			if (count > 0) {
				log.info("Customers: name keys computed for {} customer(s)", count);
			}
		}, error -> log.warn("Customers: name keys not computed", error));
	}

	/** Fills every missing name key, a batch at a time; returns how many. */
	Mono<Integer> fillAll() {
		return this.customers.withoutNameKey(BATCH)
			.concatMap(customer -> this.customers.setNameKey(customer.id(), CustomerKeys.name(customer.name()))
				.thenReturn(1))
			.count()
			.flatMap(done -> done == BATCH ? fillAll().map(more -> BATCH + more) : Mono.just(done.intValue()));
	}

}
