package com.dealerdesk.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contract's plan: stages and works accepted in order, tasks with rolled-up summaries,
 * finish-to-start dependencies without cycles that push successors later.
 */
class ProjectPlanTest extends ContractTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void aStageIsAcceptedOnlyAfterEveryWorkAndAWorkReopensOnlyWhileItsStageIsOpen() {
		String contract = (String) draft(REP).get("id");
		String stage = stage(PM, contract, "Delivery");
		String first = work(PM, stage, "Install");
		String second = work(PM, stage, "Train");
		mutate(PM, "acceptContractWork", Map.of("id", first, "expectedVersion", 1, "note", "Installed"), "work");

		assertThat(errors(PM, "acceptContractStage", Map.of("id", stage, "expectedVersion", 1)))
			.containsExactly("input.id=CONFLICT");
		assertThat(count("select count(*) from contract_stage where id::text = $1 and accepted_at is not null",
				local(stage)))
			.isZero();
		mutate(PM, "acceptContractWork", Map.of("id", second, "expectedVersion", 1), "work");
		Map<String, Object> accepted = mutate(PM, "reopenContractWork", Map.of("id", second, "expectedVersion", 2),
				"work");
		assertThat(accepted.get("acceptance")).isNull();
		mutate(PM, "acceptContractWork", Map.of("id", second, "expectedVersion", 3, "note", "Trained"), "work");
		Map<String, Object> stageAccepted = mutate(PM, "acceptContractStage",
				Map.of("id", stage, "expectedVersion", 1, "note", "All good"), "stage");
		assertThat((Map<String, Object>) stageAccepted.get("acceptance")).containsEntry("note", "All good");
		assertThat(((Map<String, Object>) ((Map<String, Object>) stageAccepted.get("acceptance")).get("acceptedBy")))
			.containsEntry("id", com.dealerdesk.platform.graphql.GlobalId.of("User", PM.subject()));
		assertThat(errors(PM, "reopenContractWork", Map.of("id", first, "expectedVersion", 2)))
			.containsExactly("input.id=CONFLICT");
		assertThat(errors(PM, "createContractWork", Map.of("stageId", stage, "name", "Late work")))
			.containsExactly("input.stageId=CONFLICT");
		assertThat(count("select count(*) from outbox_event where aggregate_id::text = $1 and type = $2",
				local(contract), "contract.stage_accepted"))
			.isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aTaskWithSubtasksIsASummaryRolledUpFromThem() {
		String contract = (String) draft(REP).get("id");
		String work = work(REP, stage(REP, contract, "Build"), "Backend");
		Map<String, Object> parent = task(REP, work, null, "Build it", "2026-03-02", "2026-03-02", "1");
		String parentId = (String) parent.get("id");
		assertThat(parent).containsEntry("summary", false).containsEntry("durationDays", 1);

		task(REP, null, parentId, "Design", "2026-03-02", "2026-03-06", "10");
		Map<String, Object> code = task(REP, null, parentId, "Code", "2026-03-09", "2026-03-20", "30");
		mutate(REP, "updateTask", Map.of("id", code.get("id"), "expectedVersion", code.get("version"), "progress", 50),
				"task");

		Map<String, Object> read = contract(REP, contract);
		List<Map<String, Object>> tasks = (List<Map<String, Object>>) read.get("tasks");
		assertThat(tasks).extracting(task -> task.get("name"))
			.as("parents before their subtasks")
			.containsExactly("Build it", "Design", "Code");
		assertThat(tasks.get(0)).containsEntry("summary", true)
			.containsEntry("startOn", "2026-03-02")
			.containsEntry("endOn", "2026-03-20")
			.containsEntry("durationDays", 19)
			.containsEntry("plannedHours", "40.00")
			// (0 × 10 + 50 × 30) / 40 = 37.5
			.containsEntry("progress", 38);
		assertThat(read).containsEntry("startsOn", "2026-03-02")
			.containsEntry("endsOn", "2026-03-20")
			.containsEntry("plannedHours", "40.00")
			.containsEntry("progress", 38);

		assertThat(errors(REP, "updateTask", Map.of("id", parentId, "expectedVersion", 1, "startOn", "2026-04-01")))
			.containsExactly("input.startOn=INVALID_VALUE");
		assertThat(errors(REP, "updateTask", Map.of("id", parentId, "expectedVersion", 1, "name", "Build all")))
			.isEmpty();

		assertThat(errors(REP, "createTask",
				Map.of("workId", work, "name", "Backwards", "startOn", "2026-03-10", "endOn", "2026-03-09")))
			.containsExactly("input.endOn=INVALID_VALUE");
		assertThat(errors(REP, "createTask",
				Map.of("workId", work, "name", "Zero", "startOn", "2026-03-10", "durationDays", 0)))
			.containsExactly("input.durationDays=INVALID_VALUE");
		assertThat(errors(REP, "createTask", Map.of("workId", work, "name", "Over", "startOn", "2026-03-10", "endOn",
				"2026-03-10", "progress", 101)))
			.containsExactly("input.progress=INVALID_VALUE");
		assertThat(errors(REP, "createTask", Map.of("workId", work, "name", "Nobody", "startOn", "2026-03-10", "endOn",
				"2026-03-10", "assigneeId", "no-such-user")))
			.containsExactly("input.assigneeId=NOT_FOUND");
		assertThat(errors(REP, "createTask", Map.of("workId", work, "name", "Fine", "startOn", "2026-03-10", "endOn",
				"2026-03-10", "plannedHours", "1.005")))
			.containsExactly("input.plannedHours=INVALID_VALUE");
		assertThat(count("select count(*) from contract_task where contract_id::text = $1", local(contract)))
			.isEqualTo(3);
	}

	@Test
	@SuppressWarnings("unchecked")
	void movingATaskPushesItsSuccessorsTransitivelyKeepingTheirDurations() {
		String contract = (String) draft(REP).get("id");
		String work = work(REP, stage(REP, contract, "Plan"), "Work");
		Map<String, Object> a = task(REP, work, null, "A", "2026-03-02", "2026-03-04", null);
		Map<String, Object> b = task(REP, work, null, "B", "2026-03-03", "2026-03-04", null);
		Map<String, Object> c = task(REP, work, null, "C", "2026-03-10", "2026-03-12", null);

		Map<String, Object> added = payload(REP, "addTaskDependency",
				Map.of("predecessorId", a.get("id"), "successorId", b.get("id")));
		assertThat((List<Object>) added.get("userErrors")).isEmpty();
		assertThat((Map<String, Object>) added.get("task")).containsEntry("startOn", "2026-03-05")
			.containsEntry("endOn", "2026-03-06");
		mutate(REP, "addTaskDependency", Map.of("predecessorId", b.get("id"), "successorId", c.get("id")), "task");

		Map<String, Object> moved = payload(REP, "updateTask",
				Map.of("id", a.get("id"), "expectedVersion", a.get("version"), "endOn", "2026-03-12"));
		assertThat((List<Object>) moved.get("userErrors")).isEmpty();
		List<Map<String, Object>> movedTasks = (List<Map<String, Object>>) moved.get("movedTasks");
		assertThat(movedTasks)
			.extracting(task -> task.get("name") + " " + task.get("startOn") + "–" + task.get("endOn"))
			.containsExactly("A 2026-03-02–2026-03-12", "B 2026-03-13–2026-03-14", "C 2026-03-15–2026-03-17");

		// moving A later by its start keeps its duration and pushes again
		Map<String, Object> later = payload(REP, "updateTask", Map.of("id", a.get("id"), "expectedVersion",
				((Map<String, Object>) moved.get("task")).get("version"), "startOn", "2026-03-03"));
		assertThat((List<Map<String, Object>>) later.get("movedTasks")).hasSize(3);
		assertThat((Map<String, Object>) later.get("task")).containsEntry("endOn", "2026-03-13");
	}

	@Test
	void aDependencyClosingACycleIsRefusedNamingItsTasks() {
		String contract = (String) draft(REP).get("id");
		String work = work(REP, stage(REP, contract, "Plan"), "Work");
		List<String> tasks = new ArrayList<>();
		for (String name : List.of("Alpha", "Beta", "Gamma", "Delta")) {
			tasks.add((String) task(REP, work, null, name, "2026-03-02", "2026-03-02", null).get("id"));
		}
		for (int i = 0; i < 3; i++) {
			mutate(REP, "addTaskDependency", Map.of("predecessorId", tasks.get(i), "successorId", tasks.get(i + 1)),
					"task");
		}
		assertThat(errors(REP, "addTaskDependency", Map.of("predecessorId", tasks.get(1), "successorId", tasks.get(0))))
			.containsExactly("input.predecessorId=INVALID_VALUE");
		assertThat(
				messages(REP, "addTaskDependency", Map.of("predecessorId", tasks.get(3), "successorId", tasks.get(0))))
			.containsExactly("This dependency would close a cycle: Alpha → Beta → Gamma → Delta → Alpha.");
		assertThat(errors(REP, "addTaskDependency", Map.of("predecessorId", tasks.get(0), "successorId", tasks.get(0))))
			.containsExactly("input.successorId=INVALID_VALUE");

		// a summary and its own subtask would push each other for ever
		String sub = (String) task(REP, null, tasks.get(0), "Alpha part", "2026-03-02", "2026-03-02", null).get("id");
		assertThat(errors(REP, "addTaskDependency", Map.of("predecessorId", tasks.get(0), "successorId", sub)))
			.containsExactly("input.predecessorId=INVALID_VALUE");
		assertThat(errors(REP, "addTaskDependency", Map.of("predecessorId", sub, "successorId", tasks.get(0))))
			.containsExactly("input.predecessorId=INVALID_VALUE");
		assertThat(count("select count(*) from contract_task_dependency where contract_id::text = $1", local(contract)))
			.isEqualTo(3);
	}

	@Test
	@SuppressWarnings("unchecked")
	void tenDependenciesAddedAtOnceNeverTogetherCloseACycle() {
		String contract = (String) draft(REP).get("id");
		String work = work(REP, stage(REP, contract, "Plan"), "Work");
		List<String> tasks = new ArrayList<>();
		for (int i = 0; i < Concurrently.TIMES; i++) {
			tasks.add((String) task(REP, work, null, "Ring " + i, "2026-03-02", "2026-03-02", null).get("id"));
		}
		List<Map<String, Object>> inputs = new ArrayList<>();
		for (int i = 0; i < tasks.size(); i++) {
			inputs.add(new LinkedHashMap<>(
					Map.of("predecessorId", tasks.get(i), "successorId", tasks.get((i + 1) % tasks.size()))));
		}
		List<Map<String, Object>> answers = Concurrently.mutateEach(this.port, REP, "contract", "addTaskDependency",
				inputs);
		long refused = answers.stream().filter(answer -> !((List<Object>) answer.get("userErrors")).isEmpty()).count();
		assertThat(refused).as("the ring closes with whichever comes last").isEqualTo(1);
		assertThat(count("select count(*) from contract_task_dependency where contract_id::text = $1", local(contract)))
			.isEqualTo(Concurrently.TIMES - 1);
		assertThat(count("""
				with recursive walk(start_id, id, steps) as (
				    select predecessor_id, successor_id, 1 from contract_task_dependency where contract_id::text = $1
				    union all
				    select w.start_id, d.successor_id, w.steps + 1 from walk w
				      join contract_task_dependency d on d.predecessor_id = w.id
				    where w.steps < 20 and w.id <> w.start_id
				)
				select count(*) from walk where id = start_id""", local(contract))).as("no task reaches itself")
			.isZero();
	}

}
