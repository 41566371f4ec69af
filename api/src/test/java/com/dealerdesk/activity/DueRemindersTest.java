package com.dealerdesk.activity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reminder.due}: once per due time, also when every API instance runs the job at
 * the same moment; again after a snooze moves the due time; never for a completed
 * reminder. The test clock moves time instead of waiting.
 */
class DueRemindersTest extends ApiTest {

	@Autowired
	private DueReminders dueReminders;

	@Test
	void eachDueTimeIsAnnouncedOnceAlsoByTenJobsAtOnce() {
		String customer = OrderFixtures.customer(as(REP), unique("Due reminders"));
		String snoozed = remind(customer, "Call back", Duration.ofHours(1));
		String completed = remind(customer, "Send the offer", Duration.ofHours(1));
		String later = remind(customer, "Visit", Duration.ofDays(2));
		reminderChange("completeReminder", "complete", Map.of("activityId", completed, "expectedVersion", 1));

		this.clock.travel(Duration.ofHours(2));
		runTenJobsAtOnce();
		assertThat(dueEvents(snoozed)).as("one event although ten jobs ran at once").hasSize(1);
		assertThat(dueEvents(completed)).as("a completed reminder").isEmpty();
		assertThat(dueEvents(later)).as("a reminder not due yet").isEmpty();

		runTenJobsAtOnce();
		assertThat(dueEvents(snoozed)).as("the same due time again").hasSize(1);

		OffsetDateTime until = OffsetDateTime.now(this.clock).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
		reminderChange("snoozeReminder", "snooze",
				Map.of("activityId", snoozed, "expectedVersion", 1, "until", until.toString()));
		runTenJobsAtOnce();
		assertThat(dueEvents(snoozed)).as("snoozed, not due yet").hasSize(1);

		this.clock.travel(Duration.ofHours(2));
		runTenJobsAtOnce();
		List<Map<String, Object>> events = dueEvents(snoozed);
		assertThat(events).as("the new due time is announced too").hasSize(2);
		assertThat(events.get(1)).containsEntry("actor", "dealerdesk")
			.containsEntry("aggregate_version", 2)
			.containsEntry("due_at", until.toInstant().toString())
			.as("owned by the customer, so that subscribers in its scope receive it")
			.containsEntry("customer_id", GlobalId.parse(customer).localId());
		assertThat(dueEvents(later)).isEmpty();
	}

	private void runTenJobsAtOnce() {
		StepVerifier.create(Flux.range(0, 10).flatMap(run -> this.dueReminders.announceDue(), 10).collectList())
			.assertNext(counts -> assertThat(counts).hasSize(10))
			.expectComplete()
			.verify(Duration.ofSeconds(60));
	}

	private String remind(String customer, String subject, Duration dueIn) {
		return as(REP).documentName("logActivity")
			.variable("input",
					Map.of("customerId", customer, "kind", "TASK", "subject", subject, "reminder",
							Map.of("dueAt", OffsetDateTime.now(this.clock).plus(dueIn).toString())))
			.execute()
			.path("logActivity.activity.id")
			.entity(String.class)
			.get();
	}

	private void reminderChange(String operation, String variable, Map<String, Object> input) {
		as(REP).documentName("reminderChange")
			.operationName(operation)
			.variable(variable, input)
			.execute()
			.path(operation + ".userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private List<Map<String, Object>> dueEvents(String activity) {
		return this.database
			.sql("""
					select actor, aggregate_version, payload->'reminder'->>'dueAt' as due_at, customer_id::text as customer_id
					from outbox_event
					where aggregate_id = $1::uuid and type = 'reminder.due' order by sequence""")
			.bind(0, GlobalId.parse(activity).localId())
			.fetch()
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

}
