package com.dealerdesk.contract;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.dealerdesk.contract.Contract.ContractStatus;
import com.dealerdesk.contract.ContractInputs.AcceptInput;
import com.dealerdesk.contract.ContractInputs.CreateContractStageInput;
import com.dealerdesk.contract.ContractInputs.CreateContractWorkInput;
import com.dealerdesk.contract.ContractInputs.CreateTaskInput;
import com.dealerdesk.contract.ContractInputs.DeleteInput;
import com.dealerdesk.contract.ContractInputs.ReopenInput;
import com.dealerdesk.contract.ContractInputs.TaskChange;
import com.dealerdesk.contract.ContractInputs.TaskDependencyInput;
import com.dealerdesk.contract.ContractInputs.UpdateContractStageInput;
import com.dealerdesk.contract.ContractInputs.UpdateContractWorkInput;
import com.dealerdesk.contract.ContractInputs.UpdateTaskInput;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.milestone.Milestone;
import com.dealerdesk.platform.milestone.Milestones;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contract's project plan: stages, works, tasks at any depth and finish-to-start
 * dependencies, and the acceptance of works and stages. Every change locks the contract
 * row first, so checks across the plan (cycles, acceptance) see no concurrent change.
 */
@Service
public class ProjectPlanService implements NodeFetcher {

	private static final int MAX_PLANNED_MONTHS = 24;

	private static final BigDecimal MAX_HOURS = new BigDecimal("9999999.99");

	private final ContractRepository plan;

	private final ContractService contracts;

	private final UserDirectory users;

	private final InputValidator validator;

	private final ContractEvents events;

	private final Milestones milestones;

	private final Clock clock;

	ProjectPlanService(ContractRepository plan, ContractService contracts, UserDirectory users,
			InputValidator validator, ContractEvents events, Milestones milestones, Clock clock) {
		this.plan = plan;
		this.contracts = contracts;
		this.users = users;
		this.validator = validator;
		this.events = events;
		this.milestones = milestones;
		this.clock = clock;
	}

	// ---- reading

	Mono<Map<UUID, ContractStage>> stages(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.plan.stages(actor, ids);
	}

	Mono<Map<UUID, ContractWork>> works(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.plan.works(actor, ids);
	}

	Mono<Map<UUID, Task>> tasks(Actor actor, Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.plan.tasks(actor, ids);
	}

	/**
	 * Planned hours by month and person between two dates, in the actor's scope; at most
	 * 24 months.
	 */
	Mono<List<PlannedWorkMonth>> plannedWork(Actor actor, LocalDate from, LocalDate to, String assigneeId) {
		if (to.isBefore(from)) {
			throw new InvalidArgumentException("INVALID_RANGE", "`to` must not be before `from`.");
		}
		long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
		if (months > MAX_PLANNED_MONTHS) {
			throw new InvalidArgumentException("INVALID_RANGE",
					"At most " + MAX_PLANNED_MONTHS + " months at once; this asks for " + months + ".");
		}
		return this.plan.plannedWork(actor, from, to, Inputs.clean(assigneeId));
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("ContractStage", "ContractWork", "Task");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		if (uuid == null) {
			return Mono.empty();
		}
		Mono<? extends Map<UUID, ?>> found = switch (id.type()) {
			case "ContractStage" -> stages(actor, Set.of(uuid));
			case "ContractWork" -> works(actor, Set.of(uuid));
			default -> tasks(actor, Set.of(uuid));
		};
		return found.<Object>mapNotNull(map -> map.get(uuid));
	}

	// ---- stages

	@Transactional
	public Mono<ContractStage> createStage(Actor actor, CreateContractStageInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID contractId = GlobalId.uuidOf("Contract", input.contractId(), errors, "input", "contractId");
		Inputs.rejectIfAny(errors);
		return this.contracts.lockVisible(actor, contractId, "contractId")
			.doOnNext(contract -> requireOpenPlan(contract, "contractId"))
			.flatMap(contract -> this.plan.countIn("contract_stage", "contract_id", contractId)
				.flatMap(count -> this.plan.insertStage(new ContractStage(UUID.randomUUID(), contractId,
						position(input.position(), count + 1), input.name().strip(), input.deadline(), null, 1)))
				.flatMap(stage -> planChanged(actor, contract, "STAGE", "CREATED", stageId(stage), stage)));
	}

	@Transactional
	public Mono<ContractStage> updateStage(Actor actor, UpdateContractStageInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("ContractStage", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::stages, ContractStage::contractId).flatMap(locked -> {
			ContractStage stage = locked.part();
			Changes changes = new Changes();
			changes.set("name", input.name(), String::strip);
			changes.set("deadline", input.deadline());
			Mono<Void> moved = input.position().isOmitted() ? Mono.empty()
					: this.plan.countIn("contract_stage", "contract_id", stage.contractId())
						.flatMap(count -> move("contract_stage", "contract_id", stage.contractId(), stage.position(),
								position(input.position().value(), count), changes));
			return moved
				.then(Mono.defer(
						() -> this.plan.updatePart("contract_stage", id, input.expectedVersion(), changes.columns())))
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("stage", stage.version())))
				.then(Mono.defer(() -> reloaded(actor, id, this::stages)))
				.flatMap(fresh -> planChanged(actor, locked.contract(), "STAGE", "CHANGED", stageId(fresh), fresh));
		});
	}

	@Transactional
	public Mono<ContractStage> acceptStage(Actor actor, AcceptInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("ContractStage", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::stages, ContractStage::contractId).flatMap(locked -> {
			ContractStage stage = locked.part();
			if (stage.acceptance() != null) {
				return Mono.error(ContractService.conflict("id", "The stage is already accepted."));
			}
			return this.plan
				.exists("select 1 from contract_work where stage_id = $1 and accepted_at is null", stage.id())
				.flatMap(
						open -> open
								? Mono.error(ContractService.conflict("id",
										"Every work of the stage must be accepted before the stage is."))
								: Mono.empty())
				.then(this.users.requireRegistered(actor))
				.then(Mono.defer(() -> this.plan.updatePart("contract_stage", id, input.expectedVersion(),
						acceptance(actor, input.note()))))
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("stage", stage.version())))
				.then(Mono.defer(() -> this.milestones.reached(actor,
						new Milestone(Milestone.Kind.STAGE_ACCEPTED, stage.contractId(), stage.id(),
								LocalDate.now(this.clock)))))
				.then(Mono.defer(() -> reloaded(actor, id, this::stages)))
				.flatMap(fresh -> this.events
					.accepted(actor, EventType.CONTRACT_STAGE_ACCEPTED, locked.contract(), "stageId",
							GlobalId.of("ContractStage", id), fresh.acceptance())
					.thenReturn(fresh));
		});
	}

	@Transactional
	public Mono<String> deleteStage(Actor actor, DeleteInput input) {
		AccessPolicy.require(actor, Action.DELETE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("ContractStage", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::stages, ContractStage::contractId).flatMap(locked -> {
			ContractStage stage = locked.part();
			return this.plan.exists("select 1 from contract_work where stage_id = $1", id)
				.flatMap(used -> used
						? Mono.error(ContractService.conflict("id", "The stage has works: delete or move them first."))
						: Mono.empty())
				.then(deleted("contract_stage", id, input.expectedVersion(), "stage", stage.version()))
				.then(this.plan.shiftPositions("contract_stage", "contract_id", stage.contractId(),
						stage.position() + 1, Integer.MAX_VALUE, -1))
				.then(planChanged(actor, locked.contract(), "STAGE", "DELETED", stageId(stage), stage))
				.thenReturn(GlobalId.of("ContractStage", id));
		});
	}

	// ---- works

	@Transactional
	public Mono<ContractWork> createWork(Actor actor, CreateContractWorkInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID stageId = GlobalId.uuidOf("ContractStage", input.stageId(), errors, "input", "stageId");
		Inputs.rejectIfAny(errors);
		return locked(actor, stageId, this::stages, ContractStage::contractId, "stageId").flatMap(locked -> {
			ContractStage stage = locked.part();
			if (stage.acceptance() != null) {
				return Mono
					.error(ContractService.conflict("stageId", "The stage is accepted: it takes no more works."));
			}
			return requireUser(input.ownerId(), "ownerId").then(this.plan.countIn("contract_work", "stage_id", stageId))
				.flatMap(count -> this.plan.insertWork(new ContractWork(UUID.randomUUID(), stage.contractId(), stageId,
						position(input.position(), count + 1), input.name().strip(), input.deadline(), input.ownerId(),
						null, 1)))
				.flatMap(work -> planChanged(actor, locked.contract(), "WORK", "CREATED", workId(work), work));
		});
	}

	@Transactional
	public Mono<ContractWork> updateWork(Actor actor, UpdateContractWorkInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("ContractWork", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::works, ContractWork::contractId).flatMap(locked -> {
			ContractWork work = locked.part();
			Changes changes = new Changes();
			changes.set("name", input.name(), String::strip);
			changes.set("deadline", input.deadline());
			String owner = changes.set("owner_id", input.ownerId());
			Mono<Void> moved = input.position().isOmitted() ? Mono.empty()
					: this.plan.countIn("contract_work", "stage_id", work.stageId())
						.flatMap(count -> move("contract_work", "stage_id", work.stageId(), work.position(),
								position(input.position().value(), count), changes));
			return requireUser(owner, "ownerId").then(moved)
				.then(Mono
					.defer(() -> this.plan.updatePart("contract_work", id, input.expectedVersion(), changes.columns())))
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("work", work.version())))
				.then(Mono.defer(() -> reloaded(actor, id, this::works)))
				.flatMap(fresh -> planChanged(actor, locked.contract(), "WORK", "CHANGED", workId(fresh), fresh));
		});
	}

	@Transactional
	public Mono<ContractWork> acceptWork(Actor actor, AcceptInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("ContractWork", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::works, ContractWork::contractId).flatMap(locked -> {
			ContractWork work = locked.part();
			if (work.acceptance() != null) {
				return Mono.error(ContractService.conflict("id", "The work is already accepted."));
			}
			return this.users.requireRegistered(actor)
				.then(Mono.defer(() -> this.plan.updatePart("contract_work", id, input.expectedVersion(),
						acceptance(actor, input.note()))))
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("work", work.version())))
				.then(Mono.defer(() -> reloaded(actor, id, this::works)))
				.flatMap(fresh -> this.events
					.accepted(actor, EventType.CONTRACT_WORK_ACCEPTED, locked.contract(), "workId",
							GlobalId.of("ContractWork", id), fresh.acceptance())
					.thenReturn(fresh));
		});
	}

	@Transactional
	public Mono<ContractWork> reopenWork(Actor actor, ReopenInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("ContractWork", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::works, ContractWork::contractId).flatMap(locked -> {
			ContractWork work = locked.part();
			if (work.acceptance() == null) {
				return Mono.error(ContractService.conflict("id", "The work is not accepted."));
			}
			Map<String, Object> reopened = new LinkedHashMap<>();
			reopened.put("accepted_at", null);
			reopened.put("accepted_by", null);
			reopened.put("acceptance_note", null);
			return this.plan
				.exists("select 1 from contract_stage where id = $1 and accepted_at is not null", work.stageId())
				.flatMap(
						closed -> closed
								? Mono.error(ContractService.conflict("id",
										"The work's stage is accepted: its works can no longer be reopened."))
								: Mono.empty())
				.then(Mono.defer(() -> this.plan.updatePart("contract_work", id, input.expectedVersion(), reopened)))
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("work", work.version())))
				.then(Mono.defer(() -> reloaded(actor, id, this::works)))
				.flatMap(fresh -> planChanged(actor, locked.contract(), "WORK", "REOPENED", workId(fresh), fresh));
		});
	}

	@Transactional
	public Mono<String> deleteWork(Actor actor, DeleteInput input) {
		AccessPolicy.require(actor, Action.DELETE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("ContractWork", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::works, ContractWork::contractId).flatMap(locked -> {
			ContractWork work = locked.part();
			return this.plan.exists("select 1 from contract_task where work_id = $1", id)
				.flatMap(used -> used
						? Mono.error(ContractService.conflict("id", "The work has tasks: delete them first."))
						: Mono.empty())
				.then(deleted("contract_work", id, input.expectedVersion(), "work", work.version()))
				.then(this.plan.shiftPositions("contract_work", "stage_id", work.stageId(), work.position() + 1,
						Integer.MAX_VALUE, -1))
				.then(planChanged(actor, locked.contract(), "WORK", "DELETED", workId(work), work))
				.thenReturn(GlobalId.of("ContractWork", id));
		});
	}

	// ---- tasks

	@Transactional
	public Mono<TaskChange> createTask(Actor actor, CreateTaskInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID workId = input.workId() == null ? null
				: GlobalId.uuidOf("ContractWork", input.workId(), errors, "input", "workId");
		UUID parentId = input.parentId() == null ? null
				: GlobalId.uuidOf("Task", input.parentId(), errors, "input", "parentId");
		if (input.workId() == null && input.parentId() == null) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Give the work, or the task it is a subtask of.", "input",
					"workId"));
		}
		LocalDate endOn = endOn(input.startOn(), input.endOn(), input.durationDays(), errors);
		checkHours(input.plannedHours(), errors, "plannedHours");
		checkHours(input.spentHours(), errors, "spentHours");
		checkProgress(input.progress(), errors);
		Inputs.rejectIfAny(errors);
		Mono<Locked<UUID[]>> owner = parentId != null
				? locked(actor, parentId, this::tasks, Task::contractId, "parentId").map(locked -> {
					if (workId != null && !workId.equals(locked.part().workId())) {
						throw new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
								"A subtask belongs to its parent's work.", "input", "workId"));
					}
					return new Locked<>(locked.contract(), new UUID[] { locked.part().workId(), parentId });
				}) : locked(actor, workId, this::works, ContractWork::contractId, "workId")
					.map(locked -> new Locked<>(locked.contract(), new UUID[] { workId, null }));
		return owner.flatMap(locked -> requireUser(input.assigneeId(), "assigneeId")
			.then(this.plan.planTasks(locked.contract().id()))
			.flatMap(before -> {
				UUID id = UUID.randomUUID();
				Task task = new Task(id, locked.contract().id(), locked.part()[0], locked.part()[1], 1,
						input.name().strip(), input.startOn(), endOn, input.assigneeId(), input.plannedHours(),
						input.spentHours(), input.progress() == null ? 0 : input.progress(), false, 1);
				return this.plan.insertTask(task)
					.then(reschedule(locked.contract(), before))
					.flatMap(moved -> changed(actor, locked.contract(), id, "CREATED", moved));
			}));
	}

	@Transactional
	public Mono<TaskChange> updateTask(Actor actor, UpdateTaskInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Task", input.id(), errors, "input", "id");
		checkHours(input.plannedHours().value(), errors, "plannedHours");
		checkHours(input.spentHours().value(), errors, "spentHours");
		checkProgress(input.progress().value(), errors);
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::tasks, Task::contractId).flatMap(locked -> {
			Task task = locked.part();
			if (task.summary()) {
				List<UserError> rolledUp = new ArrayList<>();
				Map.of("startOn", input.startOn(), "endOn", input.endOn(), "durationDays", input.durationDays(),
						"plannedHours", input.plannedHours(), "spentHours", input.spentHours(), "progress",
						input.progress())
					.forEach((field, value) -> {
						if (!value.isOmitted()) {
							rolledUp.add(UserError.of(UserErrorCode.INVALID_VALUE,
									"A task with subtasks takes its dates, effort and progress from them.", "input",
									field));
						}
					});
				Inputs.rejectIfAny(rolledUp);
			}
			List<UserError> problems = new ArrayList<>();
			LocalDate start = Inputs.sentOr(input.startOn(), task.startOn());
			LocalDate end = input.endOn().isOmitted() && input.durationDays().isOmitted()
					? start.plusDays(task.durationDays() - 1L)
					: endOn(start, input.endOn().value(), input.durationDays().value(), problems);
			Inputs.rejectIfAny(problems);
			Changes changes = new Changes();
			changes.set("name", input.name(), String::strip);
			String assignee = changes.set("assignee_id", input.assigneeId());
			changes.set("planned_hours", input.plannedHours());
			changes.set("spent_hours", input.spentHours());
			changes.set("progress", input.progress());
			if (!task.summary()) {
				changes.columns().put("start_on", start);
				changes.columns().put("end_on", end);
			}
			return requireUser(assignee, "assigneeId").then(this.plan.planTasks(task.contractId()))
				.flatMap(before -> this.plan.updatePart("contract_task", id, input.expectedVersion(), changes.columns())
					.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("task", task.version())))
					.then(Mono.defer(() -> reschedule(locked.contract(), before))))
				.flatMap(moved -> changed(actor, locked.contract(), id, "CHANGED", moved));
		});
	}

	@Transactional
	public Mono<String> deleteTask(Actor actor, DeleteInput input) {
		AccessPolicy.require(actor, Action.DELETE, Subject.PROJECT_PLAN);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Task", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		return locked(actor, id, this::tasks, Task::contractId).flatMap(locked -> {
			if (locked.part().version() != input.expectedVersion()) {
				return Mono.error(UserErrorsException.staleVersion("task", locked.part().version()));
			}
			return this.plan.subtree(id)
				.flatMap(this.plan::deleteTasks)
				.then(this.events.planChanged(actor, locked.contract(), "TASK", "DELETED", GlobalId.of("Task", id),
						null, List.of()))
				.thenReturn(GlobalId.of("Task", id));
		});
	}

	// ---- dependencies

	@Transactional
	public Mono<TaskChange> addDependency(Actor actor, TaskDependencyInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROJECT_PLAN);
		return dependencyChange(actor, input, (locked, tasks) -> {
			UUID predecessor = tasks[0].id();
			UUID successor = tasks[1].id();
			return this.plan.planTasks(locked.id())
				.zipWith(this.plan.dependenciesOfContracts(Set.of(locked.id())))
				.flatMap(current -> {
					List<String> cycle = new Schedule(current.getT1(), current.getT2()).cycleThrough(predecessor,
							successor);
					if (!cycle.isEmpty()) {
						return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
								"This dependency would close a cycle: " + String.join(" → ", cycle) + ".", "input",
								"predecessorId")));
					}
					return this.plan.insertDependency(new TaskDependency(locked.id(), predecessor, successor))
						.then(reschedule(locked, current.getT1()));
				})
				.flatMap(moved -> this.events
					.planChanged(actor, locked, "DEPENDENCY", "CREATED", GlobalId.of("Task", successor),
							GlobalId.of("Task", predecessor), moved)
					.thenReturn(new TaskChange(
							moved.stream().filter(task -> task.id().equals(successor)).findFirst().orElse(tasks[1]),
							moved)));
		});
	}

	@Transactional
	public Mono<TaskChange> removeDependency(Actor actor, TaskDependencyInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROJECT_PLAN);
		return dependencyChange(actor, input,
				(locked, tasks) -> this.plan.deleteDependency(tasks[0].id(), tasks[1].id())
					.flatMap(deleted -> deleted
							? this.events.planChanged(actor, locked, "DEPENDENCY", "DELETED",
									GlobalId.of("Task", tasks[1].id()), GlobalId.of("Task", tasks[0].id()), List.of())
							: Mono.empty())
					.thenReturn(new TaskChange(tasks[1], List.of())));
	}

	/** Reads both tasks in scope, checks they are of one contract, and locks it. */
	private Mono<TaskChange> dependencyChange(Actor actor, TaskDependencyInput input,
			BiFunction<Contract, Task[], Mono<TaskChange>> change) {
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID predecessorId = GlobalId.uuidOf("Task", input.predecessorId(), errors, "input", "predecessorId");
		UUID successorId = GlobalId.uuidOf("Task", input.successorId(), errors, "input", "successorId");
		if (predecessorId != null && predecessorId.equals(successorId)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "A task cannot depend on itself.", "input",
					"successorId"));
		}
		Inputs.rejectIfAny(errors);
		return tasks(actor, Set.of(predecessorId, successorId)).flatMap(found -> {
			List<UserError> missing = new ArrayList<>();
			Task predecessor = found.get(predecessorId);
			Task successor = found.get(successorId);
			if (predecessor == null) {
				missing.add(UserError.of(UserErrorCode.NOT_FOUND, "No such task.", "input", "predecessorId"));
			}
			if (successor == null) {
				missing.add(UserError.of(UserErrorCode.NOT_FOUND, "No such task.", "input", "successorId"));
			}
			Inputs.rejectIfAny(missing);
			if (!predecessor.contractId().equals(successor.contractId())) {
				throw new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
						"Both tasks must be of the same contract.", "input", "successorId"));
			}
			return this.contracts.lockVisible(actor, predecessor.contractId(), "predecessorId")
				.doOnNext(contract -> requireOpenPlan(contract, "predecessorId"))
				.flatMap(contract -> change.apply(contract, new Task[] { predecessor, successor }));
		});
	}

	// ---- helpers

	/**
	 * Pushes successors after a change, writes the tasks that moved, and reads every task
	 * whose dates changed since {@code before} (new ones included), as rolled up.
	 */
	private Mono<List<Task>> reschedule(Contract contract, List<Schedule.PlanTask> before) {
		Map<UUID, LocalDate[]> was = new Schedule(before, List.of()).effectiveDates();
		return this.plan.planTasks(contract.id())
			.zipWith(this.plan.dependenciesOfContracts(Set.of(contract.id())))
			.flatMap(current -> {
				Schedule schedule = new Schedule(current.getT1(), current.getT2());
				Map<UUID, LocalDate[]> pushed = schedule.push();
				Set<UUID> changed = Schedule.changedBetween(was, schedule.effectiveDates());
				return this.plan.moveTasks(pushed)
					.then(Mono.defer(
							() -> changed.isEmpty() ? Mono.just(Map.<UUID, Task>of()) : this.plan.tasksById(changed)))
					.map(tasks -> tasks.values()
						.stream()
						.sorted(java.util.Comparator.comparing(Task::startOn).thenComparing(Task::id))
						.toList());
			});
	}

	private Mono<TaskChange> changed(Actor actor, Contract contract, UUID id, String change, List<Task> moved) {
		return this.plan.tasksById(Set.of(id))
			.map(found -> found.get(id))
			.flatMap(task -> this.events
				.planChanged(actor, contract, "TASK", change, GlobalId.of("Task", id), null, moved)
				.thenReturn(new TaskChange(task, moved)));
	}

	/** A contract's part with the contract locked, the part read again under the lock. */
	private record Locked<T>(Contract contract, T part) {

	}

	private <T> Mono<Locked<T>> locked(Actor actor, UUID id, BiFunction<Actor, Set<UUID>, Mono<Map<UUID, T>>> read,
			Function<T, UUID> contractOf) {
		return locked(actor, id, read, contractOf, "id");
	}

	private <T> Mono<Locked<T>> locked(Actor actor, UUID id, BiFunction<Actor, Set<UUID>, Mono<Map<UUID, T>>> read,
			Function<T, UUID> contractOf, String field) {
		return read.apply(actor, Set.of(id))
			.mapNotNull(found -> found.get(id))
			.switchIfEmpty(Mono.error(
					() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", field))))
			.flatMap(part -> this.contracts.lockVisible(actor, contractOf.apply(part), field))
			.doOnNext(contract -> requireOpenPlan(contract, field))
			.flatMap(contract -> reloaded(actor, id, read).map(part -> new Locked<>(contract, part)));
	}

	private <T> Mono<T> reloaded(Actor actor, UUID id, BiFunction<Actor, Set<UUID>, Mono<Map<UUID, T>>> read) {
		return read.apply(actor, Set.of(id)).mapNotNull(found -> found.get(id));
	}

	private static void requireOpenPlan(Contract contract, String field) {
		if (contract.status() == ContractStatus.COMPLETED || contract.status() == ContractStatus.TERMINATED) {
			throw ContractService.conflict(field,
					"The contract is " + contract.status() + ": its plan can no longer change.");
		}
	}

	private <T> Mono<T> planChanged(Actor actor, Contract contract, String part, String change, String id, T value) {
		return this.events.planChanged(actor, contract, part, change, id, null, List.of()).thenReturn(value);
	}

	private Mono<Void> deleted(String table, UUID id, int expectedVersion, String what, int version) {
		return this.plan.deletePart(table, id, expectedVersion)
			.flatMap(count -> count == 1 ? Mono.<Void>empty()
					: Mono.error(UserErrorsException.staleVersion(what, version)));
	}

	/** Moves a row within its group to the new position, shifting the rows between. */
	private Mono<Void> move(String table, String groupColumn, UUID groupId, int from, int to, Changes changes) {
		changes.columns().put("position", to);
		if (to == from) {
			return Mono.empty();
		}
		return to < from ? this.plan.shiftPositions(table, groupColumn, groupId, to, from - 1, 1)
				: this.plan.shiftPositions(table, groupColumn, groupId, from + 1, to, -1);
	}

	/** The asked position, at most {@code last}; {@code last} when not asked. */
	private static int position(Integer asked, int last) {
		return asked == null ? last : Math.min(asked, last);
	}

	private Map<String, Object> acceptance(Actor actor, String note) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("accepted_at", OffsetDateTime.now(this.clock));
		columns.put("accepted_by", actor.subject());
		columns.put("acceptance_note", Inputs.clean(note));
		return columns;
	}

	/** Fails with NOT_FOUND at the field unless the user is known to the directory. */
	private Mono<Void> requireUser(String userId, String field) {
		if (userId == null) {
			return Mono.empty();
		}
		return this.users.byIds(Set.of(userId))
			.filter(found -> found.containsKey(userId))
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such user.", "input", field))))
			.then();
	}

	/** The end of a task from its end date or its duration, checked against its start. */
	private static LocalDate endOn(LocalDate start, LocalDate end, Integer durationDays, List<UserError> errors) {
		if (start == null) {
			return null;
		}
		if (end == null && durationDays == null) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Give the end date or the duration.", "input", "endOn"));
			return null;
		}
		LocalDate byDuration = durationDays == null || durationDays < 1 ? null : start.plusDays(durationDays - 1L);
		if (end != null && byDuration != null && !end.equals(byDuration)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE,
					"The end date and the duration disagree: give one of them.", "input", "durationDays"));
			return null;
		}
		LocalDate chosen = end != null ? end : byDuration;
		if (chosen != null && chosen.isBefore(start)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must not be before the start.", "input", "endOn"));
			return null;
		}
		return chosen;
	}

	private static void checkHours(BigDecimal hours, List<UserError> errors, String field) {
		if (hours == null) {
			return;
		}
		if (hours.signum() < 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must not be negative.", "input", field));
		}
		else if (hours.stripTrailingZeros().scale() > 2) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "At most 2 decimal places.", "input", field));
		}
		else if (hours.compareTo(MAX_HOURS) > 0) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Is too large.", "input", field));
		}
	}

	private static void checkProgress(Integer progress, List<UserError> errors) {
		if (progress != null && (progress < 0 || progress > 100)) {
			errors.add(UserError.of(UserErrorCode.INVALID_VALUE, "Must be 0–100.", "input", "progress"));
		}
	}

	private static String stageId(ContractStage stage) {
		return GlobalId.of("ContractStage", stage.id());
	}

	private static String workId(ContractWork work) {
		return GlobalId.of("ContractWork", work.id());
	}

}
