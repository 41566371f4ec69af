package com.dealerdesk.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.dealerdesk.event.EventPeople;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventAudience;
import com.dealerdesk.platform.outbox.EventFeed;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.FeedEvent;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Delivers the event feed to every active endpoint, in order, one event at a time
 * (docs/webhooks.md). Woken by each new head of the feed and by a poll interval (for due
 * retries). Several instances share the work: each claims due endpoints with
 * {@code for update skip locked} and holds them under a lease it renews at each delivery,
 * so an endpoint is worked on by one instance at a time, and by another only after the
 * first stopped.
 *
 * <p>
 * An endpoint's position moves only past events delivered (or, after a pruned gap, given
 * up on and recorded). A failure stops the endpoint there until its next attempt is due;
 * failing for longer than the retry period, or too many times in a row, disables it and
 * tells its owner with a {@code webhook_endpoint.disabled} event.
 */
@Component
class WebhookWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	/** Who writes the disabled event: the system, not a person. */

	private final DatabaseClient database;

	private final EventFeed feed;

	private final WebhookSender sender;

	private final WebhookRepository repository;

	private final OutboxWriter outbox;

	private final WebhookProperties properties;

	private final TransactionalOperator transaction;

	private final JsonMapper json;

	/** This instance, as the holder of the leases it takes. */
	private final String instance = UUID.randomUUID().toString();

	private volatile Disposable running;

	/** Endpoints this instance holds now: at most the batch size. */
	private final AtomicInteger inFlight = new AtomicInteger();

	private final EventPeople people;

	WebhookWorker(DatabaseClient database, EventFeed feed, WebhookSender sender, WebhookRepository repository,
			OutboxWriter outbox, WebhookProperties properties, ReactiveTransactionManager transactions, JsonMapper json,
			EventPeople people) {
		this.database = database;
		this.feed = feed;
		this.sender = sender;
		this.repository = repository;
		this.outbox = outbox;
		this.properties = properties;
		this.transaction = TransactionalOperator.create(transactions);
		this.json = json;
		this.people = people;
	}

	@Override
	public void start() {
		this.running = Flux.merge(this.feed.heads(), Flux.interval(this.properties.pollInterval()))
			.onBackpressureLatest()
			.concatMap(wakeUp -> claim().onErrorResume(ex -> {
				log.warn("Could not claim webhook endpoints; trying again at the next wake-up: {}", ex.toString());
				return Flux.empty();
			}), 1)
			// each endpoint at its own pace: a slow receiver holds up only itself, and
			// the
			// next wake-up claims others meanwhile (claims are limited to free capacity)
			.flatMap(endpoint -> work(endpoint).onErrorResume(ex -> {
				log.warn("Webhook delivery to endpoint {} failed unexpectedly: {}", endpoint.id(), ex.toString());
				return Mono.empty();
			})
				// a release that fails (database gone) must not end the loop: the lease
				// runs out by itself
				.then(release(endpoint).onErrorResume(ex -> {
					log.warn("Could not release webhook endpoint {}; its lease runs out: {}", endpoint.id(),
							ex.toString());
					return Mono.empty();
				}))
				.doFinally(signal -> this.inFlight.decrementAndGet()), Integer.MAX_VALUE)
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable worker = this.running;
		if (worker != null) {
			worker.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running != null && !this.running.isDisposed();
	}

	private Mono<Void> release(Claimed endpoint) {
		return this.database
			.sql("update webhook_endpoint set lease_owner = null, lease_expires_at = null "
					+ "where id = $1 and lease_owner = $2")
			.bind(0, endpoint.id())
			.bind(1, this.instance)
			.then();
	}

	/**
	 * Active endpoints with no retry pending (or one due) that no live lease holds. Those
	 * without anything new cost one read each.
	 */
	private Flux<Claimed> claim() {
		int free = this.properties.batchSize() - this.inFlight.get();
		if (free <= 0) {
			return Flux.empty();
		}
		return this.database
			.sql("""
					update webhook_endpoint e
					set lease_owner = $1, lease_expires_at = clock_timestamp() + make_interval(secs => $2)
					where e.id in (select id from webhook_endpoint
					               where status = 'ACTIVE'
					                 and (next_attempt_at is null or next_attempt_at <= clock_timestamp())
					                 and (lease_expires_at is null or lease_expires_at < clock_timestamp())
					               order by next_attempt_at nulls first, id
					               limit $3
					               for update skip locked)
					returning e.id, e.url, e.event_types, e.partner_id, e.allow_private_network, e.position,
					          e.consecutive_failures, e.first_failure_at, e.version, e.secret,
					          case when e.previous_secret_expires_at > clock_timestamp() then e.previous_secret end as previous""")
			.bind(0, this.instance)
			.bind(1, (double) this.properties.lease().toSeconds())
			.bind(2, free)
			.map((row, meta) -> Claimed.of(row))
			.all()
			.doOnNext(endpoint -> this.inFlight.incrementAndGet());
	}

	/**
	 * Delivers the endpoint's next events, page after page, until it is caught up, a
	 * delivery fails, or someone changed the endpoint meanwhile.
	 */
	private Mono<Void> work(Claimed endpoint) {
		return this.feed.prunedThrough().flatMap(pruned -> {
			if (endpoint.position() < pruned) {
				return giveUpPruned(endpoint, pruned);
			}
			return this.feed
				.page(endpoint.audience(), endpoint.eventTypes(), endpoint.position(), this.properties.batchSize())
				.flatMap(page -> deliverInOrder(endpoint, page))
				.flatMap(next -> next.isPresent() ? work(next.get()) : Mono.empty());
		});
	}

	/**
	 * Sends the page's events in order; the endpoint as it is after the page when the
	 * page was full and all went well (there may be more), empty otherwise.
	 */
	private Mono<Optional<Claimed>> deliverInOrder(Claimed endpoint, EventFeed.Page page) {
		int[] delivered = { 0 };
		return Flux.fromIterable(page.events())
			.concatMap(event -> deliver(endpoint, event, delivered[0] == 0 ? endpoint.consecutiveFailures() + 1 : 1)
				.doOnNext(ok -> delivered[0]++))
			.takeWhile(ok -> ok)
			.count()
			.flatMap(count -> {
				if (count < page.events().size()) {
					return Mono.just(Optional.<Claimed>empty());
				}
				long last = page.events().isEmpty() ? endpoint.position()
						: page.events().get(page.events().size() - 1).position();
				// the events scanned past the last one delivered did not match: skip them
				Mono<Boolean> kept = page.scannedThrough() > last ? advance(endpoint, page.scannedThrough())
						: Mono.just(true);
				// the page reached further: there may be more after it, up to the head
				return kept.map(ok -> ok && page.scannedThrough() > endpoint.position()
						? Optional.of(endpoint.at(page.scannedThrough())) : Optional.<Claimed>empty());
			});
	}

	/** One event, one attempt; true when it was delivered and recorded. */
	private Mono<Boolean> deliver(Claimed endpoint, FeedEvent event, int attempt) {
		return this.people.view(event, endpoint.partnerId())
			.map(this.json::writeValueAsString)
			.flatMap(body -> this.sender.send(endpoint.url(), endpoint.allowPrivateNetwork(), event.id().toString(),
					event.type().name(), attempt, body, endpoint.secrets()))
			.flatMap(result -> result.succeeded() ? succeeded(endpoint, event, attempt, result)
					: failed(endpoint, event, attempt, result).thenReturn(false));
	}

	private Mono<Boolean> succeeded(Claimed endpoint, FeedEvent event, int attempt, WebhookSender.Result result) {
		return this.repository.logAttempt(endpoint.id(), event.position(), event.type(), attempt, result, null)
			.then(advance(endpoint, event.position()));
	}

	/**
	 * Moves the position, clears failures and renews the lease, unless the endpoint was
	 * changed meanwhile (a replay, an edit): then this instance stops and the next round
	 * starts from the new state.
	 */
	private Mono<Boolean> advance(Claimed endpoint, long position) {
		return this.database.sql("""
				update webhook_endpoint
				set position = $1, consecutive_failures = 0, first_failure_at = null, next_attempt_at = null,
				    lease_expires_at = clock_timestamp() + make_interval(secs => $2)
				where id = $3 and version = $4 and lease_owner = $5""")
			.bind(0, position)
			.bind(1, (double) this.properties.lease().toSeconds())
			.bind(2, endpoint.id())
			.bind(3, endpoint.version())
			.bind(4, this.instance)
			.fetch()
			.rowsUpdated()
			.map(updated -> updated == 1);
	}

	/**
	 * Counts the failure and schedules the next attempt, or disables the endpoint when it
	 * has failed for too long or too often; logs the attempt either way.
	 */
	private Mono<Void> failed(Claimed endpoint, FeedEvent event, int attempt, WebhookSender.Result result) {
		Duration backoff = backoff(attempt);
		return this.database.sql("""
				update webhook_endpoint
				set consecutive_failures = consecutive_failures + 1,
				    first_failure_at = coalesce(first_failure_at, clock_timestamp()),
				    next_attempt_at = clock_timestamp() + make_interval(secs => $1)
				where id = $2 and version = $3 and lease_owner = $4
				returning consecutive_failures, next_attempt_at,
				          first_failure_at <= clock_timestamp() - make_interval(secs => $5) as past_retry_period""")
			.bind(0, backoff.toMillis() / 1000.0)
			.bind(1, endpoint.id())
			.bind(2, endpoint.version())
			.bind(3, this.instance)
			.bind(4, (double) this.properties.retryPeriod().toSeconds())
			.map(row -> new Failure(row.get("consecutive_failures", Integer.class),
					row.get("next_attempt_at", OffsetDateTime.class), row.get("past_retry_period", Boolean.class)))
			.one()
			.flatMap(failure -> {
				String reason = failure.reason(this.properties);
				if (reason == null) {
					return this.repository.logAttempt(endpoint.id(), event.position(), event.type(), attempt, result,
							failure.nextAttemptAt());
				}
				return this.repository.logAttempt(endpoint.id(), event.position(), event.type(), attempt, result, null)
					.then(disable(endpoint, reason));
			})
			.as(this.transaction::transactional)
			.then();
	}

	/**
	 * The endpoint's position is older than the retained feed: the events in between are
	 * gone. Rather than skip them silently, the endpoint stops, with the gap in its log
	 * and its disabled reason; its owner replays from where the feed starts to go on.
	 */
	private Mono<Void> giveUpPruned(Claimed endpoint, long prunedThrough) {
		String reason = "Events after position " + endpoint.position() + " up to " + prunedThrough
				+ " were pruned before they could be delivered. Replay from " + prunedThrough
				+ " (or later) and enable the endpoint to go on.";
		WebhookSender.Result gap = new WebhookSender.Result(false, null, 0, reason);
		return this.repository.logAttempt(endpoint.id(), null, null, 1, gap, null)
			.then(disable(endpoint, reason))
			.as(this.transaction::transactional)
			.then();
	}

	/** Disables the endpoint and tells its owner, in the caller's transaction. */
	private Mono<Void> disable(Claimed endpoint, String reason) {
		return this.database.sql("""
				update webhook_endpoint
				set status = 'DISABLED', disabled_reason = $1, next_attempt_at = null, version = version + 1
				where id = $2 and version = $3
				returning version, url, position, consecutive_failures""")
			.bind(0, reason)
			.bind(1, endpoint.id())
			.bind(2, endpoint.version())
			.map(row -> {
				Map<String, Object> payload = new LinkedHashMap<>();
				payload.put("id", GlobalId.of(WebhookService.TYPE, endpoint.id()));
				payload.put("url", row.get("url", String.class));
				payload.put("disabledReason", reason);
				payload.put("position", row.get("position", Long.class));
				payload.put("consecutiveFailures", row.get("consecutive_failures", Integer.class));
				payload.put("version", row.get("version", Integer.class));
				return payload;
			})
			.one()
			.flatMap(payload -> {
				log.warn("Webhook endpoint {} disabled: {}", endpoint.id(), reason);
				EventOwner owner = endpoint.partnerId() == null ? EventOwner.VENDOR
						: EventOwner.partner(endpoint.partnerId());
				return this.outbox.append(Actor.SYSTEM, EventType.WEBHOOK_ENDPOINT_DISABLED, WebhookService.TYPE,
						endpoint.id(), (Integer) payload.get("version"), owner, payload);
			})
			.then();
	}

	/**
	 * The wait after the n-th failure in a row: the initial backoff doubled each time, at
	 * most the maximum, less up to a fifth at random so that endpoints that failed
	 * together do not all retry at the same moment.
	 */
	Duration backoff(int failures) {
		long initial = this.properties.initialBackoff().toMillis();
		long max = this.properties.maxBackoff().toMillis();
		long wait = initial << Math.min(failures - 1, 30);
		long capped = wait <= 0 || wait > max ? max : wait;
		return Duration.ofMillis(capped - ThreadLocalRandom.current().nextLong(capped / 5 + 1));
	}

	/** An endpoint this instance holds, with what delivering needs. */
	private record Claimed(UUID id, URI url, Set<EventType> eventTypes, UUID partnerId, boolean allowPrivateNetwork,
			long position, int consecutiveFailures, int version, List<String> secrets) {

		static Claimed of(Row row) {
			String[] types = row.get("event_types", String[].class);
			return new Claimed(row.get("id", UUID.class), URI.create(row.get("url", String.class)),
					types == null ? Set.of()
							: Arrays.stream(types).map(EventType::valueOf).collect(Collectors.toUnmodifiableSet()),
					row.get("partner_id", UUID.class), row.get("allow_private_network", Boolean.class),
					row.get("position", Long.class), row.get("consecutive_failures", Integer.class),
					row.get("version", Integer.class),
					WebhookSignature.secrets(row.get("secret", String.class), row.get("previous", String.class)));
		}

		/** The same endpoint after deliveries up to the position: no failures pending. */
		Claimed at(long newPosition) {
			return new Claimed(this.id, this.url, this.eventTypes, this.partnerId, this.allowPrivateNetwork,
					newPosition, 0, this.version, this.secrets);
		}

		EventAudience audience() {
			return this.partnerId == null ? EventAudience.everything() : EventAudience.partner(this.partnerId);
		}

	}

	private record Failure(int consecutiveFailures, OffsetDateTime nextAttemptAt, boolean pastRetryPeriod) {

		/** Why the endpoint is disabled now, or null to retry. */
		String reason(WebhookProperties properties) {
			if (this.consecutiveFailures >= properties.maxConsecutiveFailures()) {
				return "Failed " + this.consecutiveFailures + " times in a row.";
			}
			if (this.pastRetryPeriod) {
				return "Failed for longer than the retry period (" + properties.retryPeriod() + ").";
			}
			return null;
		}

	}

}
