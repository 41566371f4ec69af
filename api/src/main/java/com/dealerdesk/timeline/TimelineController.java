package com.dealerdesk.timeline;

import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.timeline.TimelineService.TimelineConnection;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class TimelineController {

	private final TimelineService service;

	TimelineController(TimelineService service) {
		this.service = service;
	}

	@QueryMapping
	Mono<TimelineConnection> customerTimeline(@Argument String customerId, @Argument Integer first,
			@Argument String after, @ContextValue Actor actor) {
		return this.service.customerTimeline(actor, customerId, first, after);
	}

}
