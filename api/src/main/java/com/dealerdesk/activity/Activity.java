package com.dealerdesk.activity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An activity row; the reminder columns are null when it has no follow-up. */
public record Activity(UUID id, UUID customerId, UUID contactId, ActivityKind kind, String subject, String notes,
		String outcome, OffsetDateTime occurredAt, String ownerId, OffsetDateTime reminderDueAt,
		String reminderAssigneeId, OffsetDateTime reminderDoneAt, int reminderSnoozes, int version,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, UUID opportunityId) {

	public Reminder reminder() {
		return this.reminderDueAt == null ? null : new Reminder(this.id, this.reminderDueAt, this.reminderAssigneeId,
				this.reminderDoneAt, this.reminderSnoozes);
	}

	/** The follow-up of an activity. */
	public record Reminder(UUID activityId, OffsetDateTime dueAt, String assigneeId, OffsetDateTime doneAt,
			int snoozeCount) {

		public boolean done() {
			return this.doneAt != null;
		}

	}

}
