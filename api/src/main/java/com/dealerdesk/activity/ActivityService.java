package com.dealerdesk.activity;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.activity.ActivityInputs.CompleteReminderInput;
import com.dealerdesk.activity.ActivityInputs.LogActivityInput;
import com.dealerdesk.activity.ActivityInputs.ReminderInput;
import com.dealerdesk.activity.ActivityInputs.SnoozeReminderInput;
import com.dealerdesk.activity.ActivityInputs.UpdateActivityInput;
import com.dealerdesk.customer.Contact;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.sales.OpportunityService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities and reminders: validated against the customer (visible, not archived) and
 * its contacts, with an outbox event for every change.
 */
@Service
public class ActivityService implements NodeFetcher {

	/** Activities further in the future than this are typing errors, not plans. */
	private static final int MAX_YEARS_AHEAD = 5;

	private final ActivityRepository activities;

	private final CustomerService customers;

	private final UserDirectory users;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final Clock clock;

	private final OpportunityService deals;

	ActivityService(ActivityRepository activities, CustomerService customers, UserDirectory users,
			InputValidator validator, OutboxWriter outbox, Clock clock, OpportunityService deals) {
		this.deals = deals;
		this.activities = activities;
		this.customers = customers;
		this.users = users;
		this.validator = validator;
		this.outbox = outbox;
		this.clock = clock;
	}

	// ---- reading

	Mono<Connection<Activity>> timeline(Actor actor, String customerId, String opportunityId, Integer first,
			String after) {
		PageRequest page = PageRequest.of(first, after, ActivityRepository.TIMELINE);
		UUID id = GlobalId.require(customerId).asUuid();
		UUID dealId = opportunityId == null ? null : GlobalId.require(opportunityId).asUuid();
		if (id == null || (opportunityId != null && dealId == null)) {
			return Mono.just(page.page(List.of(), ActivityRepository::timelineCursor));
		}
		return this.activities.timeline(actor, id, dealId, page)
			.collectList()
			.map(rows -> page.page(rows, ActivityRepository::timelineCursor));
	}

	/**
	 * A page of the customer's activities, newest first, for a timeline that merges them
	 * with other entries: the page's cursor holds an occurrence time and an id.
	 */
	public Flux<Activity> timelinePage(Actor actor, UUID customerId, PageRequest page) {
		return this.activities.timeline(actor, customerId, null, page);
	}

	Mono<Map<UUID, List<Activity>>> timelines(Actor actor, Collection<UUID> customerIds, PageRequest page) {
		return this.activities.timelines(actor, customerIds, page);
	}

	Mono<Connection<Activity>> myReminders(Actor actor, ReminderDue due, String timeZone, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, ActivityRepository.BY_DUE);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		OffsetDateTime endOfToday = LocalDate.now(this.clock.withZone(zone(timeZone)))
			.plusDays(1)
			.atStartOfDay(zone(timeZone))
			.toOffsetDateTime();
		OffsetDateTime from = switch (due) {
			case OVERDUE -> null;
			case TODAY -> now;
			case UPCOMING -> endOfToday;
		};
		OffsetDateTime to = switch (due) {
			case OVERDUE -> now;
			case TODAY -> endOfToday;
			case UPCOMING -> null;
		};
		return this.activities.openReminders(actor, "%s", from, to, page)
			.collectList()
			.map(rows -> page.page(rows, ActivityRepository::dueCursor));
	}

	Mono<Connection<Activity>> teamOverdue(Actor actor, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, ActivityRepository.BY_DUE);
		// Admins see every overdue follow-up in their scope; others their team's (a rep:
		// their own).
		String assignees = actor.has(Role.ADMIN) ? null : "select team_of(%s)";
		return this.activities.openReminders(actor, assignees, null, OffsetDateTime.now(this.clock), page)
			.collectList()
			.map(rows -> page.page(rows, ActivityRepository::dueCursor));
	}

	private static ZoneId zone(String timeZone) {
		try {
			return ZoneId.of(timeZone == null ? "UTC" : timeZone);
		}
		catch (DateTimeException ex) {
			throw new InvalidArgumentException("INVALID_TIME_ZONE",
					"Not a time zone: use an IANA name such as Europe/Berlin.");
		}
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Activity");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : this.activities.findVisible(actor, uuid).cast(Object.class);
	}

	// ---- changing

	@Transactional
	public Mono<Activity> log(Actor actor, LogActivityInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.ACTIVITY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		UUID contactId = input.contactId() == null ? null
				: GlobalId.uuidOf("Contact", input.contactId(), errors, "input", "contactId");
		UUID dealId = input.opportunityId() == null ? null
				: GlobalId.uuidOf("Opportunity", input.opportunityId(), errors, "input", "opportunityId");
		OffsetDateTime occurredAt = input.occurredAt() != null ? input.occurredAt() : OffsetDateTime.now(this.clock);
		checkNotFarAhead(occurredAt, errors, "input", "occurredAt");
		String assignee = input.reminder() == null ? null : assigneeOf(actor, input.reminder(), errors);
		Inputs.rejectIfAny(errors);
		return this.customers.requireOpen(actor, customerId, "customerId")
			.then(this.users.requireRegistered(actor))
			.then(requireContactOf(actor, contactId, customerId))
			.then(requireDealOf(actor, dealId, customerId))
			.then(assignee == null ? Mono.empty()
					: this.users.requireAssignable(actor, assignee,
							"You may remind yourself or, as a manager, someone in your team.", "input", "reminder",
							"assigneeId"))
			.then(Mono.defer(() -> this.activities.insert(new Activity(UUID.randomUUID(), customerId, contactId,
					input.kind(), input.subject().strip(), Inputs.clean(input.notes()), Inputs.clean(input.outcome()),
					occurredAt.withOffsetSameInstant(ZoneOffset.UTC), actor.subject(),
					input.reminder() == null ? null : input.reminder().dueAt(), assignee, null, 0, 1, null, null,
					dealId))))
			.flatMap(activity -> event(actor, EventType.ACTIVITY_LOGGED, activity));
	}

	/**
	 * A task with a reminder that DealerDesk itself sets up for a customer's owner, such
	 * as a renewal coming due. Owned by the assignee, logged by {@code system} in the
	 * outbox.
	 */
	@Transactional
	public Mono<Activity> remind(Actor system, UUID customerId, String assigneeId, String subject, String notes,
			OffsetDateTime dueAt) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
		return this.activities
			.insert(new Activity(UUID.randomUUID(), customerId, null, ActivityKind.TASK, subject, notes, null, now,
					assigneeId, dueAt.isBefore(now) ? now : dueAt, assigneeId, null, 0, 1, null, null, null))
			.flatMap(activity -> event(system, EventType.ACTIVITY_LOGGED, activity));
	}

	/**
	 * Writes {@code reminder.due} for up to {@code limit} reminders that came due by
	 * {@code now} and were not announced at this due time yet; call it in a transaction,
	 * which the claim and the events share.
	 */
	Flux<Activity> announceDue(OffsetDateTime now, int limit) {
		return this.activities.claimDueReminders(now, limit)
			.concatMap(activity -> event(Actor.SYSTEM, EventType.REMINDER_DUE, activity));
	}

	@Transactional
	public Mono<Activity> update(Actor actor, UpdateActivityInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.ACTIVITY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Activity", input.id(), errors, "input", "id");
		Changes changes = new Changes();
		changes.set("kind", input.kind());
		changes.set("subject", input.subject(), Inputs::clean);
		changes.set("notes", input.notes(), Inputs::clean);
		changes.set("outcome", input.outcome(), Inputs::clean);
		OffsetDateTime occurredAt = changes.set("occurred_at", input.occurredAt());
		if (occurredAt != null) {
			checkNotFarAhead(occurredAt, errors, "input", "occurredAt");
		}
		UUID contactId = changes.set("contact_id", input.contactId(),
				contact -> contact == null ? null : GlobalId.uuidOf("Contact", contact, errors, "input", "contactId"));
		UUID dealId = changes.set("opportunity_id", input.opportunityId(),
				deal -> deal == null ? null : GlobalId.uuidOf("Opportunity", deal, errors, "input", "opportunityId"));
		ReminderInput reminder = input.reminder().value();
		String assignee = reminder == null ? null : assigneeOf(actor, reminder, errors);
		if (!input.reminder().isOmitted()) {
			changes.columns().put("reminder_due_at", reminder == null ? null : reminder.dueAt());
			changes.columns().put("reminder_assignee", assignee);
			changes.columns().put("reminder_done_at", null);
			changes.columns().put("reminder_snoozes", 0);
		}
		Inputs.rejectIfAny(errors);
		return findChangeable(actor, id, "id")
			.flatMap(current -> requireContactOf(actor, contactId, current.customerId())
				.then(requireDealOf(actor, dealId, current.customerId()))
				.then(assignee == null ? Mono.empty()
						: this.users.requireAssignable(actor, assignee,
								"You may remind yourself or, as a manager, someone in your team.", "input", "reminder",
								"assigneeId"))
				.then(change(actor, current, input.expectedVersion(), changes.columns(), EventType.ACTIVITY_UPDATED)));
	}

	@Transactional
	public Mono<Activity> complete(Actor actor, CompleteReminderInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.ACTIVITY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Activity", input.activityId(), errors, "input", "activityId");
		Inputs.rejectIfAny(errors);
		return findChangeable(actor, id, "activityId").flatMap(current -> {
			requireOpenReminder(current);
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("reminder_done_at", OffsetDateTime.now(this.clock));
			if (input.outcome() != null && !input.outcome().isBlank()) {
				changes.put("outcome", input.outcome().strip());
			}
			return change(actor, current, input.expectedVersion(), changes, EventType.REMINDER_COMPLETED);
		});
	}

	@Transactional
	public Mono<Activity> snooze(Actor actor, SnoozeReminderInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.ACTIVITY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Activity", input.activityId(), errors, "input", "activityId");
		if (input.until() != null && !input.until().isAfter(OffsetDateTime.now(this.clock))) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be in the future.", "input", "until"));
		}
		if (input.until() != null) {
			checkNotFarAhead(input.until(), errors, "input", "until");
		}
		Inputs.rejectIfAny(errors);
		return findChangeable(actor, id, "activityId").flatMap(current -> {
			requireOpenReminder(current);
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("reminder_due_at", input.until());
			changes.put("reminder_snoozes", current.reminderSnoozes() + 1);
			return change(actor, current, input.expectedVersion(), changes, EventType.REMINDER_SNOOZED);
		});
	}

	// ---- helpers

	private Mono<Activity> findChangeable(Actor actor, UUID id, String field) {
		return this.activities.findVisible(actor, id)
			.switchIfEmpty(Mono.error(
					() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", field))))
			.flatMap(activity -> this.customers.requireOpen(actor, activity.customerId(), field).thenReturn(activity));
	}

	private Mono<Activity> change(Actor actor, Activity current, int expectedVersion, Map<String, Object> changes,
			EventType eventType) {
		return this.activities.update(current.id(), expectedVersion, changes)
			.switchIfEmpty(Mono.defer(() -> whyUnchanged(actor, current, eventType)))
			.flatMap(activity -> event(actor, eventType, activity));
	}

	/**
	 * Why the guarded update changed nothing, from the activity as it is now (the first
	 * read may predate the change that won): a reminder completed meanwhile, also by a
	 * request sent at the same time, gets the CONFLICT a later duplicate gets; otherwise
	 * STALE_VERSION names the version now.
	 */
	private Mono<Activity> whyUnchanged(Actor actor, Activity current, EventType eventType) {
		return this.activities.findVisible(actor, current.id()).defaultIfEmpty(current).flatMap(now -> {
			if (eventType == EventType.REMINDER_COMPLETED || eventType == EventType.REMINDER_SNOOZED) {
				requireOpenReminder(now);
			}
			return Mono.error(UserErrorsException.staleVersion("activity", now.version()));
		});
	}

	private Mono<Contact> requireContactOf(Actor actor, UUID contactId, UUID customerId) {
		if (contactId == null) {
			return Mono.empty();
		}
		return this.customers.contact(actor, contactId)
			.filter(contact -> contact.customerId().equals(customerId))
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such contact at this customer.", "input", "contactId"))));
	}

	private Mono<Void> requireDealOf(Actor actor, UUID dealId, UUID customerId) {
		if (dealId == null) {
			return Mono.empty();
		}
		return this.deals.opportunity(actor, dealId)
			.filter(deal -> deal.customerId().equals(customerId))
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such deal at this customer.", "input", "opportunityId"))))
			.then();
	}

	private Mono<Activity> event(Actor actor, EventType type, Activity activity) {
		return this.customers.customer(actor, activity.customerId())
			.flatMap(customer -> this.outbox.append(actor, type, "Activity", activity.id(), activity.version(),
					EventOwner.customer(customer.id(), customer.partnerId()), ActivityEvents.payload(activity)))
			.thenReturn(activity);
	}

	private static String assigneeOf(Actor actor, ReminderInput reminder, List<UserError> errors) {
		if (reminder.assigneeId() == null) {
			if (!actor.isUser()) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "An integration must name whom to remind.", "input",
						"reminder", "assigneeId"));
			}
			return actor.subject();
		}
		GlobalId id = GlobalId.parse(reminder.assigneeId());
		if (id == null || !"User".equals(id.type())) {
			errors.add(UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid user id.", "input", "reminder",
					"assigneeId"));
			return null;
		}
		return id.localId();
	}

	private void checkNotFarAhead(OffsetDateTime time, List<UserError> errors, String... field) {
		if (time.isAfter(OffsetDateTime.now(this.clock).plusYears(MAX_YEARS_AHEAD))) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					"Is more than " + MAX_YEARS_AHEAD + " years ahead: check the date.", field));
		}
	}

	private static void requireOpenReminder(Activity activity) {
		if (activity.reminder() == null || activity.reminder().done()) {
			throw new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
					activity.reminder() == null ? "The activity has no reminder." : "The reminder is already done.",
					"input", "activityId"));
		}
	}

}
