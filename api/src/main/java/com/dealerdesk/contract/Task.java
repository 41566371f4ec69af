package com.dealerdesk.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A task as read: a summary's dates, effort and progress are rolled up from its subtasks
 * (the stored ones of a summary are not used).
 */
record Task(UUID id, UUID contractId, UUID workId, UUID parentId, int position, String name, LocalDate startOn,
		LocalDate endOn, String assigneeId, BigDecimal plannedHours, BigDecimal spentHours, int progress,
		boolean summary, int version) {

	int durationDays() {
		return (int) ChronoUnit.DAYS.between(this.startOn, this.endOn) + 1;
	}

}
