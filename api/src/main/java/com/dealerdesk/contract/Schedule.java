package com.dealerdesk.contract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A contract's tasks and finish-to-start dependencies in memory, read under the
 * contract's lock: the cycle check and the pushing of successors (ADR 0023).
 *
 * <p>
 * A move spreads two ways: a task that is shifted shifts its subtasks with it and ends
 * later; a task that ends later makes its parent (a summary) end later and pushes its
 * successors. A dependency closes a cycle when pushing its successor would, along these
 * ways, make its predecessor end later again.
 */
final class Schedule {

	/** Stored dates; a summary's are not used. */
	private final Map<UUID, PlanTask> tasks;

	private final Map<UUID, List<UUID>> children = new HashMap<>();

	private final Map<UUID, List<UUID>> successors = new HashMap<>();

	private final List<TaskDependency> dependencies;

	Schedule(List<PlanTask> tasks, List<TaskDependency> dependencies) {
		this.tasks = new LinkedHashMap<>();
		tasks.forEach(task -> this.tasks.put(task.id(), task));
		tasks.stream()
			.filter(task -> task.parentId() != null)
			.forEach(task -> this.children.computeIfAbsent(task.parentId(), id -> new ArrayList<>()).add(task.id()));
		this.dependencies = dependencies;
		dependencies
			.forEach(dependency -> this.successors.computeIfAbsent(dependency.predecessorId(), id -> new ArrayList<>())
				.add(dependency.successorId()));
	}

	/** A task's stored row: id, parent, name and dates. */
	record PlanTask(UUID id, UUID parentId, String name, LocalDate startOn, LocalDate endOn) {

	}

	/**
	 * The names along the cycle that the dependency would close (its successor first and
	 * last), or an empty list when it closes none.
	 */
	List<String> cycleThrough(UUID predecessorId, UUID successorId) {
		// states: (task, true) = shifted, (task, false) = ends later
		Map<State, State> cameFrom = new HashMap<>();
		State start = new State(successorId, true);
		State goal = new State(predecessorId, false);
		Deque<State> queue = new ArrayDeque<>(List.of(start));
		cameFrom.put(start, start);
		while (!queue.isEmpty()) {
			State state = queue.removeFirst();
			if (state.equals(goal)) {
				return names(cameFrom, state, successorId);
			}
			for (State next : next(state)) {
				if (cameFrom.putIfAbsent(next, state) == null) {
					queue.addLast(next);
				}
			}
		}
		return List.of();
	}

	private List<State> next(State state) {
		List<State> next = new ArrayList<>();
		if (state.shifted()) {
			this.children.getOrDefault(state.taskId(), List.of()).forEach(child -> next.add(new State(child, true)));
			next.add(new State(state.taskId(), false));
		}
		else {
			UUID parent = this.tasks.get(state.taskId()).parentId();
			if (parent != null) {
				next.add(new State(parent, false));
			}
			this.successors.getOrDefault(state.taskId(), List.of())
				.forEach(successor -> next.add(new State(successor, true)));
		}
		return next;
	}

	private List<String> names(Map<State, State> cameFrom, State end, UUID successorId) {
		List<UUID> path = new ArrayList<>();
		for (State state = end; !state.equals(cameFrom.get(state)); state = cameFrom.get(state)) {
			path.add(state.taskId());
		}
		path.add(successorId);
		Collections.reverse(path);
		path.add(successorId);
		List<String> names = new ArrayList<>();
		UUID previous = null;
		for (UUID id : path) {
			if (!id.equals(previous)) {
				names.add(this.tasks.get(id).name());
			}
			previous = id;
		}
		return names;
	}

	/** Each task's effective dates: a summary spans its subtasks. */
	Map<UUID, LocalDate[]> effectiveDates() {
		Map<UUID, LocalDate[]> dates = new HashMap<>();
		this.tasks.keySet().forEach(id -> span(id, dates));
		return dates;
	}

	private LocalDate[] span(UUID id, Map<UUID, LocalDate[]> dates) {
		LocalDate[] known = dates.get(id);
		if (known != null) {
			return known;
		}
		List<UUID> below = this.children.getOrDefault(id, List.of());
		PlanTask task = this.tasks.get(id);
		LocalDate[] span = new LocalDate[] { task.startOn(), task.endOn() };
		if (!below.isEmpty()) {
			span = new LocalDate[] { LocalDate.MAX, LocalDate.MIN };
			for (UUID child : below) {
				LocalDate[] childSpan = span(child, dates);
				span[0] = childSpan[0].isBefore(span[0]) ? childSpan[0] : span[0];
				span[1] = childSpan[1].isAfter(span[1]) ? childSpan[1] : span[1];
			}
		}
		dates.put(id, span);
		return span;
	}

	/**
	 * Moves every successor that starts before its predecessor has ended later, with its
	 * subtasks, keeping durations, until every dependency holds. Dependencies never form
	 * a cycle, so this ends.
	 * @return the tasks whose stored dates changed, with their new dates
	 */
	Map<UUID, LocalDate[]> push() {
		Map<UUID, LocalDate[]> moved = new LinkedHashMap<>();
		boolean changed = true;
		while (changed) {
			changed = false;
			Map<UUID, LocalDate[]> dates = effectiveDates();
			for (TaskDependency dependency : this.dependencies) {
				LocalDate earliest = dates.get(dependency.predecessorId())[1].plusDays(1);
				LocalDate start = dates.get(dependency.successorId())[0];
				if (start.isBefore(earliest)) {
					shift(dependency.successorId(), ChronoUnit.DAYS.between(start, earliest), moved);
					changed = true;
					break;
				}
			}
		}
		return moved;
	}

	private void shift(UUID id, long days, Map<UUID, LocalDate[]> moved) {
		PlanTask task = this.tasks.get(id);
		PlanTask shifted = new PlanTask(id, task.parentId(), task.name(), task.startOn().plusDays(days),
				task.endOn().plusDays(days));
		this.tasks.put(id, shifted);
		moved.put(id, new LocalDate[] { shifted.startOn(), shifted.endOn() });
		this.children.getOrDefault(id, List.of()).forEach(child -> shift(child, days, moved));
	}

	/** The tasks whose effective dates differ between two readings, or that are new. */
	static Set<UUID> changedBetween(Map<UUID, LocalDate[]> before, Map<UUID, LocalDate[]> after) {
		Set<UUID> changed = new HashSet<>();
		after.forEach((id, dates) -> {
			LocalDate[] was = before.get(id);
			if (was == null || !Objects.equals(was[0], dates[0]) || !Objects.equals(was[1], dates[1])) {
				changed.add(id);
			}
		});
		return changed;
	}

	private record State(UUID taskId, boolean shifted) {

	}

}
