package com.dealerdesk.event;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventAudience;
import com.dealerdesk.platform.outbox.EventFeed;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** The event feed over GraphQL subscriptions (docs/events.md). */
@Controller
class EventController {

	private final EventFeed feed;

	private final CustomerService customers;

	private final EventPeople people;

	EventController(EventFeed feed, CustomerService customers, EventPeople people) {
		this.feed = feed;
		this.customers = customers;
		this.people = people;
	}

	@SubscriptionMapping
	Flux<EventView> events(@Argument List<EventType> types, @Argument Long after, @ContextValue Actor actor) {
		Set<EventType> wanted = types == null || types.isEmpty() ? Set.of() : EnumSet.copyOf(types);
		return this.feed.subscription(EventAudience.of(actor), wanted, after,
				event -> this.people.view(event, actor.partnerId()), EventView::position);
	}

	@SubscriptionMapping
	Flux<EventView> customerEvents(@Argument String customerId, @ContextValue Actor actor) {
		UUID id = GlobalId.requireUuidOf("Customer", customerId);
		return Mono.justOrEmpty(id)
			.flatMap(known -> this.customers.customer(actor, known))
			.switchIfEmpty(
					Mono.error(() -> new InvalidArgumentException("NOT_FOUND", "No such customer in your scope.")))
			.thenMany(
					this.feed
						.subscription(EventAudience.of(actor), Set.of(), null,
								event -> id.equals(event.owner().customerId())
										? this.people.view(event, actor.partnerId()) : Mono.empty(),
								EventView::position));
	}

}
