package com.dealerdesk.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.directory.VendorStandIn;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.FeedEvent;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The people an event names, as its receiver may see them: a partner's subscribers and
 * webhook endpoints get the vendor's staff as the vendor stand-in ({@link VendorStandIn})
 * in {@code actor} and in the user fields of {@code data}, as queries show them; the
 * people of the partner and its sub-dealers stay as they are, and a sub-dealer's
 * receivers get its parent's people as the parent organisation.
 */
@Component
public class EventPeople {

	/** Fields of event data that hold a user's global id (docs/events.md). */
	private static final Set<String> USER_ID_FIELDS = Set.of("ownerId", "assigneeId");

	/** Fields of event data that hold a user's token subject (docs/events.md). */
	private static final Set<String> SUBJECT_FIELDS = Set.of("acceptedBy");

	private static final String STAND_IN_GLOBAL_ID = GlobalId.of("User", VendorStandIn.ID);

	private final UserDirectory users;

	EventPeople(UserDirectory users) {
		this.users = users;
	}

	/**
	 * The event as the receiver sees it: unchanged for the vendor's (no partner); for a
	 * partner's, with everyone outside the partner and its parent shown as the vendor.
	 */
	public Mono<EventView> view(FeedEvent event, UUID partnerId) {
		EventView view = EventView.of(event);
		if (partnerId == null) {
			return Mono.just(view);
		}
		Set<String> named = new HashSet<>();
		named.add(event.actor());
		rewrite(event.data(), subject -> {
			named.add(subject);
			return subject;
		});
		return this.users.shownToPartner(partnerId, named)
			.map(shown -> new EventView(view.position(), view.id(), view.type(), view.aggregateType(),
					view.aggregateId(), view.aggregateVersion(), shown.getOrDefault(event.actor(), VendorStandIn.ID),
					view.occurredAt(), view.transactionId(), rewrite(event.data(), shown::get)));
	}

	/**
	 * A copy of the data with each user field passed through {@code people} (a subject
	 * in, the subject to show out, null for the vendor), at any depth.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> rewrite(Map<String, Object> data, UnaryOperator<String> people) {
		Map<String, Object> copy = new LinkedHashMap<>();
		data.forEach((key, value) -> {
			if (value instanceof String text && USER_ID_FIELDS.contains(key)) {
				GlobalId id = GlobalId.parse(text);
				String shown = (id == null) ? null : people.apply(id.localId());
				copy.put(key, (shown == null) ? STAND_IN_GLOBAL_ID : GlobalId.of("User", shown));
			}
			else if (value instanceof String text && SUBJECT_FIELDS.contains(key)) {
				String shown = people.apply(text);
				copy.put(key, (shown == null) ? VendorStandIn.ID : shown);
			}
			else if (value instanceof Map<?, ?> nested) {
				copy.put(key, rewrite((Map<String, Object>) nested, people));
			}
			else if (value instanceof Collection<?> items) {
				List<Object> list = new ArrayList<>();
				for (Object item : items) {
					list.add((item instanceof Map<?, ?> nested) ? rewrite((Map<String, Object>) nested, people) : item);
				}
				copy.put(key, list);
			}
			else {
				copy.put(key, value);
			}
		});
		return copy;
	}

}
