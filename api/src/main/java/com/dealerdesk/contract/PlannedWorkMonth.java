package com.dealerdesk.contract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A person's planned hours in one month (the month's first day). */
record PlannedWorkMonth(LocalDate month, String personId, BigDecimal plannedHours, int tasks) {

}
