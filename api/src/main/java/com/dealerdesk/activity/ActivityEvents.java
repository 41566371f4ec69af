package com.dealerdesk.activity;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;

/** Event payloads of activities, in the API's vocabulary (global ids, field names). */
final class ActivityEvents {

	private ActivityEvents() {
	}

	static Map<String, Object> payload(Activity activity) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("Activity", activity.id()));
		payload.put("customerId", GlobalId.of("Customer", activity.customerId()));
		payload.put("contactId", activity.contactId() == null ? null : GlobalId.of("Contact", activity.contactId()));
		payload.put("opportunityId",
				activity.opportunityId() == null ? null : GlobalId.of("Opportunity", activity.opportunityId()));
		payload.put("kind", activity.kind());
		payload.put("subject", activity.subject());
		payload.put("notes", activity.notes());
		payload.put("outcome", activity.outcome());
		payload.put("occurredAt", activity.occurredAt().toInstant().toString());
		payload.put("ownerId", GlobalId.of("User", activity.ownerId()));
		Activity.Reminder reminder = activity.reminder();
		if (reminder != null) {
			Map<String, Object> reminderPayload = new LinkedHashMap<>();
			reminderPayload.put("dueAt", reminder.dueAt().toInstant().toString());
			reminderPayload.put("assigneeId", GlobalId.of("User", reminder.assigneeId()));
			reminderPayload.put("done", reminder.done());
			reminderPayload.put("snoozeCount", reminder.snoozeCount());
			payload.put("reminder", reminderPayload);
		}
		else {
			payload.put("reminder", null);
		}
		payload.put("version", activity.version());
		return payload;
	}

}
