package com.dealerdesk.platform.outbox;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prunes events older than the retention period ({@code dealerdesk.events.retention}, 30
 * days by default). What goes is always a prefix of the feed, so "the feed starts after
 * N" stays true, and N is recorded for subscribers that try to resume from further back.
 */
@Component
public class EventRetention {

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

	/** Positions pruned per statement, to keep each transaction short. */
	static final long BATCH = 50_000;

	private final DatabaseClient database;

	private final EventProperties properties;

	private final Clock clock;

	EventRetention(DatabaseClient database, EventProperties properties, Clock clock) {
		this.database = database;
		this.properties = properties;
		this.clock = clock;
	}

	/** Prunes in batches until nothing is old enough. */
	@Scheduled(fixedDelayString = "${dealerdesk.events.prune-interval:10m}", initialDelayString = "1m")
	void pruneOnSchedule() {
		prune().expand(pruned -> pruned > 0 ? prune() : Mono.empty()).reduce(0L, Long::sum).subscribe(pruned -> {
			if (pruned > 0) {
				log.info("Pruned {} events older than {}", pruned, this.properties.retention());
			}
		}, ex -> log.warn("Pruning events failed; will try again: {}", ex.toString()));
	}

	/**
	 * Deletes up to {@value #BATCH} positions of the events before the first one younger
	 * than the retention period (all of them, when none is younger) and records where the
	 * feed now starts.
	 * @return how many were deleted
	 */
	@Transactional
	public Mono<Long> prune() {
		OffsetDateTime cutoff = OffsetDateTime.now(this.clock).minus(this.properties.retention());
		return this.database
			.sql("""
					with kept as (
					    select coalesce((select min(sequence) from outbox_event where occurred_at >= $1),
					                    (select max(sequence) + 1 from outbox_event), 0) as first
					), pruned as (
					    delete from outbox_event
					    where sequence < least((select first from kept), (select min(sequence) from outbox_event) + $2)
					    returning sequence
					), moved as (
					    update outbox_retention set pruned_through = greatest(pruned_through, (select max(sequence) from pruned))
					    where exists (select 1 from pruned)
					)
					select count(*) as pruned from pruned""")
			.bind(0, cutoff)
			.bind(1, BATCH)
			.map(row -> row.get("pruned", Long.class))
			.one();
	}

}
