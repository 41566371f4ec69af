package com.dealerdesk.activity;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.OTHER_MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_SAME_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

class ActivityApiTest extends ApiTest {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@Test
	@SuppressWarnings("unchecked")
	void logsACallWithAFollowUpThatShowsUpInTheRepsReminders() {
		Map<String, Object> customer = customerWithContact(REP);
		String contactId = firstContactId(customer);
		String due = OffsetDateTime.now(this.clock).plusDays(3).truncatedTo(ChronoUnit.SECONDS).toString();

		Map<String, Object> activity = log(REP, Map.of("customerId", customer.get("id"), "contactId", contactId, "kind",
				"CALL", "subject", "  Intro call  ", "notes", "Wants a demo", "reminder", Map.of("dueAt", due)));

		assertThat(activity).containsEntry("subject", "Intro call").containsEntry("kind", "CALL");
		assertThat((Map<String, Object>) activity.get("contact")).containsEntry("fullName", "Olga Smirnova");
		assertThat((Map<String, Object>) activity.get("reminder")).containsEntry("done", false)
			.containsEntry("snoozeCount", 0)
			.containsEntry("dueAt", OffsetDateTime.parse(due).toInstant().toString());
		assertThat(reminderSubjects(REP, "UPCOMING", "UTC")).contains("Intro call");
		assertThat(reminderSubjects(REP, "OVERDUE", "UTC")).doesNotContain("Intro call");
		assertThat(reminderSubjects(REP_SAME_TEAM, "UPCOMING", "UTC")).doesNotContain("Intro call");
		assertThat(count("select count(*) from outbox_event where type = 'activity.logged' and payload->>'id' = $1",
				activity.get("id")))
			.isEqualTo(1);
	}

	@Test
	void overdueFollowUpsAppearForTheRepAndTheirManagerUntilDone() {
		Map<String, Object> customer = customerWithContact(REP);
		String subject = unique("Send the offer");
		Map<String, Object> activity = log(REP, Map.of("customerId", customer.get("id"), "kind", "EMAIL", "subject",
				subject, "reminder", Map.of("dueAt", OffsetDateTime.now(this.clock).minusDays(2).toString())));

		assertThat(reminderSubjects(REP, "OVERDUE", "Europe/Berlin")).contains(subject);
		assertThat(teamOverdue(MANAGER)).contains(subject);
		assertThat(teamOverdue(OTHER_MANAGER)).doesNotContain(subject);

		GraphQlTester.Response done = as(REP).documentName("reminderChange")
			.operationName("completeReminder")
			.variable("complete", Map.of("activityId", activity.get("id"), "expectedVersion", 1, "outcome", "Sent"))
			.execute();
		done.path("completeReminder.activity.reminder.done").entity(Boolean.class).isEqualTo(true);
		done.path("completeReminder.activity.outcome").entity(String.class).isEqualTo("Sent");
		assertThat(reminderSubjects(REP, "OVERDUE", "UTC")).doesNotContain(subject);
		assertThat(teamOverdue(MANAGER)).doesNotContain(subject);

		as(REP).documentName("reminderChange")
			.operationName("completeReminder")
			.variable("complete", Map.of("activityId", activity.get("id"), "expectedVersion", 2))
			.execute()
			.path("completeReminder.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
	}

	@Test
	void snoozingMovesTheReminderAndCountsIt() {
		Map<String, Object> customer = customerWithContact(REP);
		String subject = unique("Call back");
		Map<String, Object> activity = log(REP, Map.of("customerId", customer.get("id"), "kind", "CALL", "subject",
				subject, "reminder", Map.of("dueAt", OffsetDateTime.now(this.clock).minusHours(1).toString())));
		ZoneId zone = zoneWithHoursLeftToday();

		as(REP).documentName("reminderChange")
			.operationName("snoozeReminder")
			.variable("snooze",
					Map.of("activityId", activity.get("id"), "expectedVersion", 1, "until",
							OffsetDateTime.now(this.clock).minusMinutes(1).toString()))
			.execute()
			.path("snoozeReminder.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "until");

		GraphQlTester.Response snoozed = as(REP).documentName("reminderChange")
			.operationName("snoozeReminder")
			.variable("snooze",
					Map.of("activityId", activity.get("id"), "expectedVersion", 1, "until",
							OffsetDateTime.now(this.clock).plusMinutes(30).toString()))
			.execute();
		snoozed.path("snoozeReminder.activity.reminder.snoozeCount").entity(Integer.class).isEqualTo(1);
		assertThat(reminderSubjects(REP, "OVERDUE", zone.getId())).doesNotContain(subject);
		assertThat(reminderSubjects(REP, "TODAY", zone.getId())).contains(subject);

		as(REP).documentName("reminderChange")
			.operationName("snoozeReminder")
			.variable("snooze",
					Map.of("activityId", activity.get("id"), "expectedVersion", 1, "until",
							OffsetDateTime.now(this.clock).plusDays(1).toString()))
			.execute()
			.path("snoozeReminder.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("STALE_VERSION");
	}

	@Test
	void managersRemindTheirTeamRepsOnlyThemselves() {
		Map<String, Object> customer = customerWithContact(REP);
		Map<String, Object> reminder = Map.of("dueAt", OffsetDateTime.now(this.clock).plusDays(1).toString(),
				"assigneeId", GlobalId.of("User", "t-rep"));
		Map<String, Object> byManager = log(MANAGER, Map.of("customerId", customer.get("id"), "kind", "TASK", "subject",
				"Prepare demo", "reminder", reminder));
		assertThat(((Map<?, ?>) ((Map<?, ?>) byManager.get("reminder")).get("assignee")).get("name")).isEqualTo("Rep");

		Map<String, Object> repCustomer = customerWithContact(REP_SAME_TEAM);
		assertThat(logErrors(REP_SAME_TEAM, Map.of("customerId", repCustomer.get("id"), "kind", "TASK", "subject",
				"Not yours", "reminder", reminder)))
			.extracting(error -> error.get("code"))
			.containsExactly("NOT_ALLOWED");
	}

	@Test
	void refusesBadReferencesAndInputWithoutWriting() {
		Map<String, Object> customer = customerWithContact(REP);
		Map<String, Object> otherCustomer = customerWithContact(REP);
		Map<String, Object> partnerBCustomer = customerWithContact(PARTNER_B_USER);
		String subject = unique("Must not exist");

		assertThat(codes(logErrors(REP, Map.of("customerId", customer.get("id"), "contactId",
				firstContactId(otherCustomer), "kind", "CALL", "subject", subject))))
			.containsExactly("input.contactId=NOT_FOUND");
		assertThat(codes(logErrors(PARTNER_A_USER,
				Map.of("customerId", partnerBCustomer.get("id"), "kind", "CALL", "subject", subject))))
			.containsExactly("input.customerId=NOT_FOUND");
		assertThat(codes(logErrors(REP, Map.of("customerId", "nonsense", "kind", "CALL", "subject", " "))))
			.containsExactlyInAnyOrder("input.customerId=INVALID_FORMAT", "input.subject=REQUIRED");
		assertThat(codes(logErrors(REP, Map.of("customerId", customer.get("id"), "kind", "CALL", "subject", subject,
				"occurredAt", "2199-01-01T00:00:00Z"))))
			.containsExactly("input.occurredAt=INVALID_VALUE");
		assertThat(codes(
				logErrors(ACCOUNTANT, Map.of("customerId", customer.get("id"), "kind", "CALL", "subject", subject))))
			.containsExactly("=NOT_ALLOWED");
		assertThat(count("select count(*) from activity where subject = $1", subject)).isZero();

		as(REP).documentName("reminders")
			.operationName("myReminders")
			.variable("due", "TODAY")
			.variable("timeZone", "Mars/Olympus_Mons")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_TIME_ZONE")));
	}

	@Test
	void activitiesCanBelongToADealOfTheSameCustomer() {
		Map<String, Object> customer = customerWithContact(REP);
		Map<String, Object> other = customerWithContact(REP);
		String deal = as(REP).document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }")
			.variable("input", Map.of("customerId", customer.get("id"), "name", "Deal with calls"))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
		log(REP, Map.of("customerId", customer.get("id"), "opportunityId", deal, "kind", "DEMO", "subject", "Demo"));
		log(REP, Map.of("customerId", customer.get("id"), "kind", "CALL", "subject", "General call"));
		assertThat(codes(logErrors(REP, Map.of("customerId", other.get("id"), "opportunityId", deal, "kind", "CALL",
				"subject", "Wrong customer"))))
			.containsExactly("input.opportunityId=NOT_FOUND");

		as(REP)
			.document("query($c: ID!, $o: ID) { activities(customerId: $c, opportunityId: $o) {"
					+ " edges { node { subject opportunity { name } } } } }")
			.variable("c", customer.get("id"))
			.variable("o", deal)
			.execute()
			.path("activities.edges[*].node.subject")
			.entityList(String.class)
			.containsExactly("Demo")
			.path("activities.edges[0].node.opportunity.name")
			.entity(String.class)
			.isEqualTo("Deal with calls");
	}

	@Test
	void timelineIsNewestFirstPagedAndScoped() {
		Map<String, Object> customer = customerWithContact(REP);
		OffsetDateTime start = OffsetDateTime.now(this.clock).minusDays(10);
		for (int day = 0; day < 5; day++) {
			log(REP, Map.of("customerId", customer.get("id"), "kind", "VISIT", "subject", "Visit " + day, "occurredAt",
					start.plusDays(day).toString()));
		}
		List<String> subjects = new ArrayList<>();
		String after = null;
		do {
			GraphQlTester.Response page = as(REP).documentName("reminders")
				.operationName("activities")
				.variable("customerId", customer.get("id"))
				.variable("first", 2)
				.variable("after", after)
				.execute();
			subjects.addAll(page.path("activities.edges[*].node.subject").entityList(String.class).get());
			after = page.path("activities.pageInfo.hasNextPage").entity(Boolean.class).get()
					? page.path("activities.pageInfo.endCursor").entity(String.class).get() : null;
		}
		while (after != null);
		assertThat(subjects).containsExactly("Visit 4", "Visit 3", "Visit 2", "Visit 1", "Visit 0");

		as(REP_SAME_TEAM).documentName("reminders")
			.operationName("activities")
			.variable("customerId", customer.get("id"))
			.execute()
			.path("activities.edges")
			.entityList(Object.class)
			.hasSize(0);
	}

	// ---- helpers

	private Map<String, Object> customerWithContact(TestUser owner) {
		return as(owner).document("""
				mutation($input: CreateCustomerInput!) {
				  createCustomer(input: $input) { customer { id contacts { id } } userErrors { message } }
				}""")
			.variable("input",
					Map.of("name", unique("Activity customer"), "contacts",
							List.of(Map.of("firstName", "Olga", "lastName", "Smirnova"))))
			.execute()
			.path("createCustomer.customer")
			.entity(MAP)
			.get();
	}

	private static String firstContactId(Map<String, Object> customer) {
		return (String) ((Map<?, ?>) ((List<?>) customer.get("contacts")).get(0)).get("id");
	}

	private Map<String, Object> log(TestUser user, Map<String, Object> input) {
		GraphQlTester.Response response = as(user).documentName("logActivity").variable("input", input).execute();
		response.path("logActivity.userErrors").entityList(Object.class).hasSize(0);
		return response.path("logActivity.activity").entity(MAP).get();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> logErrors(TestUser user, Map<String, Object> input) {
		GraphQlTester.Response response = as(user).documentName("logActivity").variable("input", input).execute();
		response.path("logActivity.activity").valueIsNull();
		return (List<Map<String, Object>>) (List<?>) response.path("logActivity.userErrors")
			.entityList(Map.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static List<String> codes(List<Map<String, Object>> errors) {
		return errors.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

	private List<String> reminderSubjects(TestUser user, String due, String timeZone) {
		return as(user).documentName("reminders")
			.operationName("myReminders")
			.variable("due", due)
			.variable("timeZone", timeZone)
			.execute()
			.path("myReminders.edges[*].node.subject")
			.entityList(String.class)
			.get();
	}

	private List<String> teamOverdue(TestUser user) {
		return as(user).documentName("reminders")
			.operationName("teamOverdueReminders")
			.execute()
			.path("teamOverdueReminders.edges[*].node.subject")
			.entityList(String.class)
			.get();
	}

	/**
	 * A zone where today still has more than an hour left, so "in 30 minutes" is today
	 * there.
	 */
	private ZoneId zoneWithHoursLeftToday() {
		for (String id : List.of("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Tokyo", "America/New_York")) {
			ZoneId zone = ZoneId.of(id);
			if (OffsetDateTime.now(this.clock.withZone(zone)).getHour() < 22) {
				return zone;
			}
		}
		throw new IllegalStateException("no zone found");
	}

}
