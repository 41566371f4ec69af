package com.dealerdesk.activity;

import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/** A reminder is completed once, also when "done" is sent ten times at once. */
class ActivityConcurrencyTest extends ApiTest {

	@Test
	void tenCompletionsOfOneReminderAtOnceCompleteItOnce() {
		String customer = OrderFixtures.customer(as(REP), unique("Raced reminder"));
		String activity = as(REP).documentName("logActivity")
			.variable("input",
					Map.of("customerId", customer, "kind", "TASK", "subject", "Send the offer", "reminder",
							Map.of("dueAt", this.clock.instant().plusSeconds(3600).toString())))
			.execute()
			.path("logActivity.activity.id")
			.entity(String.class)
			.get();

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "reminderChange", "completeReminder",
				"complete", Map.of("activityId", activity, "expectedVersion", 1, "outcome", "Sent"));

		Concurrently.assertOneThroughAndTheOthers(answers, "input.activityId=CONFLICT");
		assertThat(
				count("select count(*) from outbox_event where aggregate_id::text = $1 and type = 'reminder.completed'",
						GlobalId.parse(activity).localId()))
			.isEqualTo(1);
	}

}
