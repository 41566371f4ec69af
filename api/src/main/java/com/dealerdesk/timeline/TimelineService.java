package com.dealerdesk.timeline;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.dealerdesk.activity.ActivityService;
import com.dealerdesk.mail.MailService;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageInfo;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A customer's timeline: activities and mail merged, newest first. Both sources are read
 * with the same keyset position (time, id) and each returns at most one page; merging the
 * two sorted pages and keeping the first rows is exactly the merged order's page, so no
 * source is ever read past what the page needs.
 */
@Service
class TimelineService {

	/** The merged order, named in cursors so that no single-source cursor is taken. */
	static final String ORDER = "CUSTOMER_TIMELINE_DESC";

	/**
	 * Newest first, ties broken by id descending in PostgreSQL's uuid order (unsigned,
	 * byte by byte), which the sources' SQL uses too.
	 */
	private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::at)
		.thenComparing(TimelineEntry::id, TimelineService::compareAsPostgres)
		.reversed();

	private final ActivityService activities;

	private final MailService mail;

	TimelineService(ActivityService activities, MailService mail) {
		this.activities = activities;
		this.mail = mail;
	}

	Mono<TimelineConnection> customerTimeline(Actor actor, String customerId, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, ORDER);
		GlobalId.require(customerId);
		UUID customer = GlobalId.uuidOf("Customer", customerId);
		if (customer == null || page.first() == 0) {
			return Mono.just(page(page, List.of()));
		}
		Mono<List<TimelineEntry>> activityEntries = this.activities.timelinePage(actor, customer, page)
			.map(activity -> new TimelineEntry(activity, activity.occurredAt(), activity.id()))
			.collectList();
		Mono<List<TimelineEntry>> mailEntries = this.mail.timelinePage(actor, customer, page)
			.map(messages -> messages.stream()
				.map(message -> new TimelineEntry(message, message.timelineAt(), message.id()))
				.toList());
		return Mono.zip(activityEntries, mailEntries)
			.map(both -> Stream.concat(both.getT1().stream(), both.getT2().stream())
				.sorted(NEWEST_FIRST)
				.limit(page.fetchSize())
				.toList())
			.map(entries -> page(page, entries));
	}

	private static TimelineConnection page(PageRequest page, List<TimelineEntry> entries) {
		boolean hasNext = entries.size() > page.first();
		List<TimelineEdge> edges = entries.stream()
			.limit(page.first())
			.map(entry -> new TimelineEdge(entry.node(), entry.at(),
					new KeysetCursor(ORDER, entry.at().toString(), entry.id()).encode()))
			.toList();
		PageInfo info = new PageInfo(hasNext, page.after() != null, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new TimelineConnection(edges, info);
	}

	private static int compareAsPostgres(UUID a, UUID b) {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return (high != 0) ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	}

	/** An activity or a mail message, at its place in the timeline. */
	record TimelineEntry(Object node, OffsetDateTime at, UUID id) {

	}

	record TimelineEdge(Object node, OffsetDateTime at, String cursor) {

	}

	/**
	 * The connection; Spring for GraphQL passes through classes named "...Connection".
	 */
	record TimelineConnection(List<TimelineEdge> edges, PageInfo pageInfo) {

	}

}
