package com.dealerdesk.contract;

import java.util.List;
import java.util.Map;

import com.dealerdesk.order.OrderFixtures;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_SAME_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/** People's planned hours by month: each task's effort spread over its working days. */
class PlannedWorkTest extends ContractTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void spreadsEachTasksEffortOverItsWorkingDaysByMonthInScope() {
		// the assignee must be known to the directory: their first change registers them
		OrderFixtures.customer(as(REP_SAME_TEAM), unique("Registering"));
		String contract = (String) draft(REP).get("id");
		String work = work(REP, stage(REP, contract, "Plan"), "Work");
		String person = REP_SAME_TEAM.subject();
		// Monday 3 to Friday 14 March 2031: 10 working days, 4 hours each
		mutate(REP, "createTask", Map.of("workId", work, "name", "Two weeks", "startOn", "2031-03-03", "endOn",
				"2031-03-14", "assigneeId", person, "plannedHours", "40"), "task");
		// Monday 31 March to Sunday 6 April: 5 working days, 2 hours each, 1 in March
		mutate(REP, "createTask", Map.of("workId", work, "name", "Across months", "startOn", "2031-03-31", "endOn",
				"2031-04-06", "assigneeId", person, "plannedHours", "10"), "task");

		List<Map<String, Object>> months = (List<Map<String, Object>>) (List<?>) as(REP).documentName("contract")
			.operationName("plannedWork")
			.variable("from", "2031-03-01")
			.variable("to", "2031-04-30")
			.variable("assigneeId", person)
			.execute()
			.path("plannedWork")
			.entityList(Map.class)
			.get();
		assertThat(months)
			.extracting(month -> month.get("month") + " " + month.get("plannedHours") + " " + month.get("tasks"))
			.containsExactly("2031-03-01 42.00 2", "2031-04-01 8.00 1");

		as(PARTNER_B_USER).documentName("contract")
			.operationName("plannedWork")
			.variable("from", "2031-03-01")
			.variable("to", "2031-04-30")
			.variable("assigneeId", person)
			.execute()
			.path("plannedWork")
			.entityList(Object.class)
			.hasSize(0);
		as(REP).documentName("contract")
			.operationName("plannedWork")
			.variable("from", "2031-01-01")
			.variable("to", "2033-01-31")
			.execute()
			.errors()
			.expect(error -> "INVALID_RANGE".equals(error.getExtensions().get("code")))
			.verify();
	}

}
