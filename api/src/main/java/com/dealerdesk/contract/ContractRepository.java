package com.dealerdesk.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.contract.Contract.ContractStatus;
import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Contracts and their project plans. A contract is visible when its customer is
 * ({@link CustomerScope}); its parts when the contract is. Parts of contracts already
 * read in scope are read without repeating the scope.
 */
@Repository
class ContractRepository {

	/** Sort order of contract lists: newest first. */
	static final String NEWEST = "CREATED_DESC";

	private static final BiFunction<Row, RowMetadata, Contract> CONTRACT = (row, meta) -> {
		String currency = row.get("currency", String.class);
		return new Contract(row.get("id", UUID.class), row.get("number", String.class), row.get("title", String.class),
				row.get("customer_id", UUID.class), row.get("opportunity_id", UUID.class),
				row.get("quote_id", UUID.class), row.get("order_id", UUID.class),
				ContractStatus.valueOf(row.get("status", String.class)), row.get("signed_on", LocalDate.class),
				currency, Money.of(row.get("total", BigDecimal.class), currency),
				row.get("termination_reason", String.class), row.get("created_by", String.class),
				row.get("created_at", OffsetDateTime.class), row.get("version", Integer.class));
	};

	private static final BiFunction<Row, RowMetadata, ContractStage> STAGE = (row, meta) -> new ContractStage(
			row.get("id", UUID.class), row.get("contract_id", UUID.class), row.get("position", Integer.class),
			row.get("name", String.class), row.get("deadline", LocalDate.class), acceptance(row),
			row.get("version", Integer.class));

	private static final BiFunction<Row, RowMetadata, ContractWork> WORK = (row, meta) -> new ContractWork(
			row.get("id", UUID.class), row.get("contract_id", UUID.class), row.get("stage_id", UUID.class),
			row.get("position", Integer.class), row.get("name", String.class), row.get("deadline", LocalDate.class),
			row.get("owner_id", String.class), acceptance(row), row.get("version", Integer.class));

	private static final BiFunction<Row, RowMetadata, Task> TASK = (row, meta) -> new Task(row.get("id", UUID.class),
			row.get("contract_id", UUID.class), row.get("work_id", UUID.class), row.get("parent_id", UUID.class),
			row.get("position", Integer.class), row.get("name", String.class), row.get("start_on", LocalDate.class),
			row.get("end_on", LocalDate.class), row.get("assignee_id", String.class),
			row.get("planned_hours", BigDecimal.class), row.get("spent_hours", BigDecimal.class),
			row.get("progress", Integer.class), Boolean.TRUE.equals(row.get("summary", Boolean.class)),
			row.get("version", Integer.class));

	private static final BiFunction<Row, RowMetadata, TaskDependency> DEPENDENCY = (row, meta) -> new TaskDependency(
			row.get("contract_id", UUID.class), row.get("predecessor_id", UUID.class),
			row.get("successor_id", UUID.class));

	/**
	 * Tasks as read: each selected task (filter on {@code t}) with its leaf subtasks
	 * (itself when it has none) rolled up: the earliest start, the latest end, the sums
	 * of effort and the effort-weighted progress (the plain average without effort).
	 * {@code sort} orders a contract's tasks parents first, by stage, work and position.
	 */
	private static final String TASKS = """
			with recursive tree(root_id, id) as (
			    select t.id, t.id from contract_task t where %s
			    union all
			    select tree.root_id, c.id from tree join contract_task c on c.parent_id = tree.id
			), rolled as (
			    select tree.root_id, min(l.start_on) as start_on, max(l.end_on) as end_on,
			           sum(l.planned_hours) as planned_hours, sum(l.spent_hours) as spent_hours,
			           coalesce(round(sum(l.progress * l.planned_hours) / nullif(sum(l.planned_hours), 0)),
			                    round(avg(l.progress)))::int as progress,
			           count(*) filter (where l.id <> tree.root_id) > 0 as summary
			    from tree join contract_task l on l.id = tree.id
			    where not exists (select 1 from contract_task c where c.parent_id = l.id)
			    group by tree.root_id
			), sorted(id, sort) as (
			    select t.id, array[s.position, w.position, t.position] from contract_task t
			      join contract_work w on w.id = t.work_id join contract_stage s on s.id = w.stage_id
			    where t.parent_id is null and t.id in (select root_id from rolled)
			    union all
			    select c.id, sorted.sort || c.position from sorted join contract_task c on c.parent_id = sorted.id
			)
			select t.id, t.contract_id, t.work_id, t.parent_id, t.position, t.name, t.assignee_id, t.version,
			       r.start_on, r.end_on, r.planned_hours, r.spent_hours, r.progress, r.summary
			from contract_task t join rolled r on r.root_id = t.id left join sorted on sorted.id = t.id
			order by t.contract_id, sorted.sort nulls last, t.id""";

	private final DatabaseClient database;

	ContractRepository(DatabaseClient database) {
		this.database = database;
	}

	// ---- contracts

	Mono<Map<UUID, Contract>> contracts(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append("select k.* from contract k where k.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.on(this.database).map(CONTRACT).all().collectMap(Contract::id);
	}

	Mono<List<Contract>> page(Actor actor, UUID customerId, List<ContractStatus> statuses, String search,
			PageRequest page) {
		Sql sql = new Sql().append("select k.* from contract k where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		if (customerId != null) {
			sql.append(" and k.customer_id = " + sql.param(customerId));
		}
		if (statuses != null && !statuses.isEmpty()) {
			sql.append(" and k.status = any(" + sql.value(statuses) + ")");
		}
		if (search != null) {
			String pattern = sql.param(Sql.containing(search.toLowerCase()));
			sql.append(" and (lower(k.number) like " + pattern + " or lower(k.title) like " + pattern + ")");
		}
		if (page.after() != null) {
			sql.append(" and (k.created_at, k.id) < (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by k.created_at desc, k.id desc limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(CONTRACT).all().collectList();
	}

	/**
	 * A page of contracts of each customer, newest first, in one statement: the first
	 * {@code fetchSize} rows of each customer after the cursor.
	 */
	/**
	 * The first contracts of each customer the actor sees, newest first, in one statement
	 * ({@link ChildPages#lateral}); the scope is the parent's, checked once per customer.
	 */
	Mono<Map<UUID, List<Contract>>> pagesOfCustomers(Actor actor, Collection<UUID> customerIds, PageRequest page) {
		Sql sql = ChildPages.lateral(customerIds, inner -> {
			inner.append("select k.* from contract k where k.customer_id = p.id");
			if (page.after() != null) {
				inner.append(" and (k.created_at, k.id) < (" + inner.param(page.after().time()) + ", "
						+ inner.param(page.after().id()) + ")");
			}
			inner.append(" order by k.created_at desc, k.id desc limit " + inner.param(page.fetchSize()));
		});
		sql.append(" where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.id");
		return ChildPages.byParent(sql, this.database, CONTRACT);
	}

	/**
	 * The contracts resting on an order, unscoped: asked inside that order's shipping.
	 */
	Mono<List<UUID>> idsOfOrder(UUID orderId) {
		return this.database.sql("select id from contract where order_id = $1")
			.bind(0, orderId)
			.map(row -> row.get("id", UUID.class))
			.all()
			.collectList();
	}

	Mono<Map<UUID, List<Contract>>> ofOpportunities(Actor actor, Collection<UUID> opportunityIds) {
		Sql sql = new Sql();
		sql.append("select k.* from contract k where k.opportunity_id = any("
				+ sql.param(opportunityIds.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		sql.append(" order by k.created_at desc, k.id desc");
		return sql.on(this.database)
			.map(CONTRACT)
			.all()
			.collect(Collectors.groupingBy(Contract::opportunityId, Collectors.toList()));
	}

	/**
	 * Locks a visible contract: every change of it or of its plan goes through this lock,
	 * so checks across its rows (cycles, acceptance) see no concurrent change.
	 */
	Mono<Contract> lock(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select k.* from contract k where k.id = " + sql.param(id) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.append(" for update of k").on(this.database).map(CONTRACT).one();
	}

	Mono<Void> insert(Contract contract) {
		Sql sql = new Sql();
		sql.append("insert into contract (id, number, title, customer_id, opportunity_id, quote_id, order_id,"
				+ " currency, total, created_by) values ("
				+ String.join(", ", sql.param(contract.id()), sql.param(contract.number()), sql.param(contract.title()),
						sql.param(contract.customerId()), sql.param(contract.opportunityId(), UUID.class),
						sql.param(contract.quoteId(), UUID.class), sql.param(contract.orderId(), UUID.class),
						sql.param(contract.currency()), sql.param(contract.total().amount()),
						sql.param(contract.createdBy()))
				+ ")");
		return sql.on(this.database).then();
	}

	/**
	 * Writes the columns at the expected version, raising it; empty when the version is
	 * stale.
	 */
	Mono<Integer> update(UUID id, int expectedVersion, Map<String, Object> columns) {
		Sql sql = new Sql().append("update contract set version = version + 1, updated_at = now()");
		columns.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(
				" where id = " + sql.param(id) + " and version = " + sql.param(expectedVersion) + " returning version");
		return sql.on(this.database).map(row -> row.get(0, Integer.class)).one();
	}

	/** Deletes a draft contract with its plan and documents. */
	Mono<Void> delete(UUID id) {
		return Flux.fromIterable(List.of("delete from contract_task_dependency where contract_id = $1",
				"update contract_task set parent_id = null where contract_id = $1",
				"delete from contract_task where contract_id = $1", "delete from contract_work where contract_id = $1",
				"delete from contract_stage where contract_id = $1",
				"delete from contract_document where contract_id = $1", "delete from contract where id = $1"))
			.concatMap(statement -> this.database.sql(statement).bind(0, id).then())
			.then();
	}

	/** The contracts' figures over their leaf tasks, for those that have tasks. */
	Mono<Map<UUID, ContractFigures>> figures(Collection<UUID> contractIds) {
		return this.database.sql("""
				select t.contract_id, min(t.start_on) as starts_on, max(t.end_on) as ends_on,
				       coalesce(sum(t.planned_hours), 0) as planned_hours,
				       coalesce(sum(t.spent_hours), 0) as spent_hours,
				       coalesce(round(sum(t.progress * t.planned_hours) / nullif(sum(t.planned_hours), 0)),
				                round(avg(t.progress)))::int as progress
				from contract_task t
				where t.contract_id = any($1)
				  and not exists (select 1 from contract_task c where c.parent_id = t.id)
				group by t.contract_id""")
			.bind(0, contractIds.toArray(UUID[]::new))
			.map(row -> new ContractFigures(row.get("contract_id", UUID.class), row.get("starts_on", LocalDate.class),
					row.get("ends_on", LocalDate.class), row.get("planned_hours", BigDecimal.class),
					row.get("spent_hours", BigDecimal.class), row.get("progress", Integer.class)))
			.all()
			.collectMap(ContractFigures::contractId);
	}

	// ---- stages and works

	Mono<Map<UUID, List<ContractStage>>> stagesOfContracts(Collection<UUID> contractIds) {
		return this.database.sql("select * from contract_stage where contract_id = any($1) order by position")
			.bind(0, contractIds.toArray(UUID[]::new))
			.map(STAGE)
			.all()
			.collect(Collectors.groupingBy(ContractStage::contractId, Collectors.toList()));
	}

	Mono<Map<UUID, ContractStage>> stages(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append(
				"select x.* from contract_stage x where x.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		return inScope(sql, actor).on(this.database).map(STAGE).all().collectMap(ContractStage::id);
	}

	Mono<Map<UUID, List<ContractWork>>> worksOfStages(Collection<UUID> stageIds) {
		return this.database.sql("select * from contract_work where stage_id = any($1) order by position")
			.bind(0, stageIds.toArray(UUID[]::new))
			.map(WORK)
			.all()
			.collect(Collectors.groupingBy(ContractWork::stageId, Collectors.toList()));
	}

	Mono<Map<UUID, ContractWork>> works(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append(
				"select x.* from contract_work x where x.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		return inScope(sql, actor).on(this.database).map(WORK).all().collectMap(ContractWork::id);
	}

	/** The works, of those given, with a task ending after the work's deadline. */
	Mono<List<UUID>> lateWorks(Collection<UUID> workIds) {
		return this.database.sql("""
				select w.id from contract_work w
				where w.id = any($1) and w.deadline is not null
				  and exists (select 1 from contract_task t where t.work_id = w.id and t.end_on > w.deadline
				                and not exists (select 1 from contract_task c where c.parent_id = t.id))""")
			.bind(0, workIds.toArray(UUID[]::new))
			.map(row -> row.get("id", UUID.class))
			.all()
			.collectList();
	}

	Mono<ContractStage> insertStage(ContractStage stage) {
		return shiftPositions("contract_stage", "contract_id", stage.contractId(), stage.position(), Integer.MAX_VALUE,
				1)
			.then(this.database.sql("""
					insert into contract_stage (id, contract_id, position, name, deadline) values ($1, $2, $3, $4, $5)
					returning *""")
				.bind(0, stage.id())
				.bind(1, stage.contractId())
				.bind(2, stage.position())
				.bind(3, stage.name())
				.bind(4, Parameter.fromOrEmpty(stage.deadline(), LocalDate.class))
				.map(STAGE)
				.one());
	}

	Mono<ContractWork> insertWork(ContractWork work) {
		return shiftPositions("contract_work", "stage_id", work.stageId(), work.position(), Integer.MAX_VALUE, 1)
			.then(this.database.sql("""
					insert into contract_work (id, contract_id, stage_id, position, name, deadline, owner_id)
					values ($1, $2, $3, $4, $5, $6, $7) returning *""")
				.bind(0, work.id())
				.bind(1, work.contractId())
				.bind(2, work.stageId())
				.bind(3, work.position())
				.bind(4, work.name())
				.bind(5, Parameter.fromOrEmpty(work.deadline(), LocalDate.class))
				.bind(6, Parameter.fromOrEmpty(work.ownerId(), String.class))
				.map(WORK)
				.one());
	}

	/** How many rows share the group (stages of a contract, works of a stage). */
	Mono<Integer> countIn(String table, String groupColumn, UUID groupId) {
		return this.database.sql("select count(*)::int from " + table + " where " + groupColumn + " = $1")
			.bind(0, groupId)
			.map(row -> row.get(0, Integer.class))
			.one();
	}

	/**
	 * Moves the positions in [from, to] of a group by {@code delta}; the unique positions
	 * are checked at commit, so the moves may overlap meanwhile.
	 */
	Mono<Void> shiftPositions(String table, String groupColumn, UUID groupId, int from, int to, int delta) {
		return this.database
			.sql("update " + table + " set position = position + $1 where " + groupColumn
					+ " = $2 and position between $3 and $4")
			.bind(0, delta)
			.bind(1, groupId)
			.bind(2, from)
			.bind(3, to)
			.then();
	}

	/** Writes a part's columns at the expected version; empty when stale. */
	Mono<Integer> updatePart(String table, UUID id, int expectedVersion, Map<String, Object> columns) {
		Sql sql = new Sql().append("update " + table + " set version = version + 1");
		columns.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(
				" where id = " + sql.param(id) + " and version = " + sql.param(expectedVersion) + " returning version");
		return sql.on(this.database).map(row -> row.get(0, Integer.class)).one();
	}

	Mono<Long> deletePart(String table, UUID id, int expectedVersion) {
		return this.database.sql("delete from " + table + " where id = $1 and version = $2")
			.bind(0, id)
			.bind(1, expectedVersion)
			.fetch()
			.rowsUpdated();
	}

	Mono<Boolean> exists(String query, UUID id) {
		return this.database.sql("select exists (" + query + ")")
			.bind(0, id)
			.map(row -> row.get(0, Boolean.class))
			.one();
	}

	// ---- tasks

	Mono<List<Task>> tasksOfContracts(Collection<UUID> contractIds) {
		return this.database.sql(TASKS.formatted("t.contract_id = any($1)"))
			.bind(0, contractIds.toArray(UUID[]::new))
			.map(TASK)
			.all()
			.collectList();
	}

	Mono<Map<UUID, Task>> tasks(Actor actor, Collection<UUID> ids) {
		String[] around = TASKS.split("%s");
		Sql sql = new Sql().append(around[0]);
		sql.append("t.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and exists (select 1 from contract k"
				+ " where k.id = t.contract_id and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.append(")").append(around[1]).on(this.database).map(TASK).all().collectMap(Task::id);
	}

	/** Tasks by id, for tasks of contracts already read in scope. */
	Mono<Map<UUID, Task>> tasksById(Collection<UUID> ids) {
		return this.database.sql(TASKS.formatted("t.id = any($1)"))
			.bind(0, ids.toArray(UUID[]::new))
			.map(TASK)
			.all()
			.collectMap(Task::id);
	}

	Mono<Map<UUID, List<Task>>> topTasksOfWorks(Collection<UUID> workIds) {
		return this.database.sql(TASKS.formatted("t.work_id = any($1) and t.parent_id is null"))
			.bind(0, workIds.toArray(UUID[]::new))
			.map(TASK)
			.all()
			.collect(Collectors.groupingBy(Task::workId, Collectors.toList()));
	}

	Mono<Void> insertTask(Task task) {
		String siblings = task.parentId() == null ? "work_id = $2 and parent_id is null" : "parent_id = $2";
		return this.database.sql("""
				insert into contract_task (id, contract_id, work_id, parent_id, position, name, start_on, end_on,
				                           assignee_id, planned_hours, spent_hours, progress)
				values ($1, $3, $4, $5, (select coalesce(max(position), 0) + 1 from contract_task where %s),
				        $6, $7, $8, $9, $10, $11, $12)""".formatted(siblings))
			.bind(0, task.id())
			.bind(1, task.parentId() == null ? task.workId() : task.parentId())
			.bind(2, task.contractId())
			.bind(3, task.workId())
			.bind(4, Parameter.fromOrEmpty(task.parentId(), UUID.class))
			.bind(5, task.name())
			.bind(6, task.startOn())
			.bind(7, task.endOn())
			.bind(8, Parameter.fromOrEmpty(task.assigneeId(), String.class))
			.bind(9, Parameter.fromOrEmpty(task.plannedHours(), BigDecimal.class))
			.bind(10, Parameter.fromOrEmpty(task.spentHours(), BigDecimal.class))
			.bind(11, task.progress())
			.then();
	}

	/** Moves tasks (stored dates), raising their versions. */
	Mono<Void> moveTasks(Map<UUID, LocalDate[]> dates) {
		return Flux.fromIterable(dates.entrySet())
			.concatMap(entry -> this.database
				.sql("update contract_task set start_on = $1, end_on = $2, version = version + 1 where id = $3")
				.bind(0, entry.getValue()[0])
				.bind(1, entry.getValue()[1])
				.bind(2, entry.getKey())
				.then())
			.then();
	}

	/** Every task of the contract as stored, for the schedule. */
	Mono<List<Schedule.PlanTask>> planTasks(UUID contractId) {
		return this.database
			.sql("select id, parent_id, name, start_on, end_on from contract_task where contract_id = $1 order by id")
			.bind(0, contractId)
			.map(row -> new Schedule.PlanTask(row.get("id", UUID.class), row.get("parent_id", UUID.class),
					row.get("name", String.class), row.get("start_on", LocalDate.class),
					row.get("end_on", LocalDate.class)))
			.all()
			.collectList();
	}

	/** A task and its subtasks at any depth, ids only. */
	Mono<List<UUID>> subtree(UUID taskId) {
		return this.database.sql("""
				with recursive tree(id) as (
				    select $1::uuid union all select c.id from tree join contract_task c on c.parent_id = tree.id
				)
				select id from tree""").bind(0, taskId).map(row -> row.get("id", UUID.class)).all().collectList();
	}

	Mono<Void> deleteTasks(List<UUID> ids) {
		UUID[] array = ids.toArray(UUID[]::new);
		return this.database
			.sql("delete from contract_task_dependency where predecessor_id = any($1) or successor_id = any($1)")
			.bind(0, array)
			.then()
			.then(this.database.sql("update contract_task set parent_id = null where id = any($1)")
				.bind(0, array)
				.then())
			.then(this.database.sql("delete from contract_task where id = any($1)").bind(0, array).then());
	}

	// ---- dependencies

	Mono<List<TaskDependency>> dependenciesOfContracts(Collection<UUID> contractIds) {
		return this.database
			.sql("select * from contract_task_dependency where contract_id = any($1)"
					+ " order by contract_id, predecessor_id, successor_id")
			.bind(0, contractIds.toArray(UUID[]::new))
			.map(DEPENDENCY)
			.all()
			.collectList();
	}

	Mono<List<TaskDependency>> dependenciesOfSuccessors(Collection<UUID> successorIds) {
		return this.database.sql("select * from contract_task_dependency where successor_id = any($1)")
			.bind(0, successorIds.toArray(UUID[]::new))
			.map(DEPENDENCY)
			.all()
			.collectList();
	}

	Mono<Boolean> insertDependency(TaskDependency dependency) {
		return this.database.sql("""
				insert into contract_task_dependency (contract_id, predecessor_id, successor_id) values ($1, $2, $3)
				on conflict do nothing""")
			.bind(0, dependency.contractId())
			.bind(1, dependency.predecessorId())
			.bind(2, dependency.successorId())
			.fetch()
			.rowsUpdated()
			.map(inserted -> inserted == 1);
	}

	Mono<Boolean> deleteDependency(UUID predecessorId, UUID successorId) {
		return this.database.sql("delete from contract_task_dependency where predecessor_id = $1 and successor_id = $2")
			.bind(0, predecessorId)
			.bind(1, successorId)
			.fetch()
			.rowsUpdated()
			.map(deleted -> deleted == 1);
	}

	// ---- planned work

	/**
	 * Each leaf task's planned hours spread evenly over its working days (Monday to
	 * Friday), summed by month and assignee over the days from {@code from} to
	 * {@code to}.
	 */
	Mono<List<PlannedWorkMonth>> plannedWork(Actor actor, LocalDate from, LocalDate to, String assigneeId) {
		Sql sql = new Sql();
		String start = sql.param(from);
		String end = sql.param(to);
		sql.append("""
				with days as (
				    select t.id as task_id, t.assignee_id, t.planned_hours, d::date as day,
				           count(*) over (partition by t.id) as working_days
				    from contract_task t
				      join contract k on k.id = t.contract_id
				      cross join lateral generate_series(t.start_on, t.end_on, interval '1 day') d
				    where t.assignee_id is not null and t.planned_hours is not null
				      and not exists (select 1 from contract_task c where c.parent_id = t.id)
				      and extract(isodow from d) < 6
				""" + "      and t.start_on <= " + end + " and t.end_on >= " + start + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		if (assigneeId != null) {
			sql.append(" and t.assignee_id = " + sql.param(assigneeId));
		}
		sql.append("""
				)
				select date_trunc('month', day)::date as month, assignee_id,
				       round(sum(planned_hours / working_days), 2) as planned_hours,
				       count(distinct task_id)::int as tasks
				from days
				""" + "where day between " + start + " and " + end + " group by 1, 2 order by 1, 2");
		return sql.on(this.database)
			.map(row -> new PlannedWorkMonth(row.get("month", LocalDate.class), row.get("assignee_id", String.class),
					row.get("planned_hours", BigDecimal.class), row.get("tasks", Integer.class)))
			.all()
			.collectList();
	}

	// ---- helpers

	private static Acceptance acceptance(Row row) {
		return Acceptance.of(row.get("accepted_by", String.class), row.get("accepted_at", OffsetDateTime.class),
				row.get("acceptance_note", String.class));
	}

	/** Restricts rows {@code x} of a contract's part to visible contracts. */
	private static Sql inScope(Sql sql, Actor actor) {
		sql.append("exists (select 1 from contract k where k.id = x.contract_id and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.append(")");
	}

	/** A contract's figures over its leaf tasks. */
	record ContractFigures(UUID contractId, LocalDate startsOn, LocalDate endsOn, BigDecimal plannedHours,
			BigDecimal spentHours, int progress) {

	}

}
