package com.dealerdesk.activity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.dealerdesk.activity.ActivityInputs.ActivityPayload;
import com.dealerdesk.activity.ActivityInputs.CompleteReminderInput;
import com.dealerdesk.activity.ActivityInputs.LogActivityInput;
import com.dealerdesk.activity.ActivityInputs.SnoozeReminderInput;
import com.dealerdesk.activity.ActivityInputs.UpdateActivityInput;
import com.dealerdesk.customer.Contact;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.sales.Opportunity;
import com.dealerdesk.sales.OpportunityService;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class ActivityController {

	private final ActivityService service;

	private final CustomerService customers;

	private final UserDirectory users;

	private final OpportunityService deals;

	private static final String CUSTOMER_TIMELINES = "activity.customerTimelines";

	ActivityController(ActivityService service, CustomerService customers, UserDirectory users,
			OpportunityService deals, BatchLoaderRegistry loaders) {
		this.deals = deals;
		this.service = service;
		this.customers = customers;
		this.users = users;
		ChildPages.<Void, Activity>register(loaders, CUSTOMER_TIMELINES,
				(actor, ids, page, none) -> service.timelines(actor, ids, page), ActivityRepository::timelineCursor);
	}

	/**
	 * The customer's latest activities, read with every other customer's of the response.
	 */
	@SchemaMapping(typeName = "Customer", field = "activities")
	CompletableFuture<Connection<Activity>> customerActivities(Customer customer, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		return ChildPages.load(environment, CUSTOMER_TIMELINES, customer.id(), first, after,
				ActivityRepository.TIMELINE, null);
	}

	// ---- queries

	@QueryMapping
	Mono<Connection<Activity>> activities(@Argument String customerId, @Argument String opportunityId,
			@Argument Integer first, @Argument String after, @ContextValue Actor actor) {
		return this.service.timeline(actor, customerId, opportunityId, first, after);
	}

	@QueryMapping
	Mono<Connection<Activity>> myReminders(@Argument ReminderDue due, @Argument String timeZone,
			@Argument Integer first, @Argument String after, @ContextValue Actor actor) {
		return this.service.myReminders(actor, due, timeZone, first, after);
	}

	@QueryMapping
	Mono<Connection<Activity>> teamOverdueReminders(@Argument Integer first, @Argument String after,
			@ContextValue Actor actor) {
		return this.service.teamOverdue(actor, first, after);
	}

	// ---- mutations

	@MutationMapping
	Mono<ActivityPayload> logActivity(@Argument LogActivityInput input, @ContextValue Actor actor) {
		return payload(this.service.log(actor, input));
	}

	@MutationMapping
	Mono<ActivityPayload> updateActivity(@Argument UpdateActivityInput input, @ContextValue Actor actor) {
		return payload(this.service.update(actor, input));
	}

	@MutationMapping
	Mono<ActivityPayload> completeReminder(@Argument CompleteReminderInput input, @ContextValue Actor actor) {
		return payload(this.service.complete(actor, input));
	}

	@MutationMapping
	Mono<ActivityPayload> snoozeReminder(@Argument SnoozeReminderInput input, @ContextValue Actor actor) {
		return payload(this.service.snooze(actor, input));
	}

	private static Mono<ActivityPayload> payload(Mono<Activity> change) {
		return Payloads.of(() -> change, ActivityPayload::new);
	}

	// ---- fields

	@SchemaMapping(typeName = "Activity")
	String id(Activity activity) {
		return GlobalId.of("Activity", activity.id());
	}

	@BatchMapping(typeName = "Activity")
	Mono<Map<Activity, Customer>> customer(List<Activity> activities, @ContextValue Actor actor) {
		return Batches.load(activities, Activity::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "Activity")
	Mono<Map<Activity, Contact>> contact(List<Activity> activities, @ContextValue Actor actor) {
		return Batches.load(activities, Activity::contactId, ids -> this.customers.contacts(actor, ids));
	}

	@BatchMapping(typeName = "Activity")
	Mono<Map<Activity, Opportunity>> opportunity(List<Activity> activities, @ContextValue Actor actor) {
		return Batches.load(activities, Activity::opportunityId, ids -> this.deals.opportunities(actor, ids));
	}

	@BatchMapping(typeName = "Activity")
	Mono<Map<Activity, User>> owner(List<Activity> activities, @ContextValue Actor actor) {
		return Batches.load(activities, Activity::ownerId, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "Reminder")
	Mono<Map<Activity.Reminder, User>> assignee(List<Activity.Reminder> reminders, @ContextValue Actor actor) {
		return Batches.load(reminders, Activity.Reminder::assigneeId, ids -> this.users.byIds(actor, ids));
	}

}
