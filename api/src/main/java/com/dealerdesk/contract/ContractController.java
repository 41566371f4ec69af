package com.dealerdesk.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.contract.Contract.ContractStatus;
import com.dealerdesk.contract.ContractInputs.AcceptInput;
import com.dealerdesk.contract.ContractInputs.ChangeContractStatusInput;
import com.dealerdesk.contract.ContractInputs.ContractPayload;
import com.dealerdesk.contract.ContractInputs.ContractStagePayload;
import com.dealerdesk.contract.ContractInputs.ContractWorkPayload;
import com.dealerdesk.contract.ContractInputs.CreateContractInput;
import com.dealerdesk.contract.ContractInputs.CreateContractStageInput;
import com.dealerdesk.contract.ContractInputs.CreateContractWorkInput;
import com.dealerdesk.contract.ContractInputs.CreateTaskInput;
import com.dealerdesk.contract.ContractInputs.DeleteContractDocumentInput;
import com.dealerdesk.contract.ContractInputs.DeleteContractInput;
import com.dealerdesk.contract.ContractInputs.DeleteContractPartPayload;
import com.dealerdesk.contract.ContractInputs.DeleteContractPayload;
import com.dealerdesk.contract.ContractInputs.DeleteInput;
import com.dealerdesk.contract.ContractInputs.ReopenInput;
import com.dealerdesk.contract.ContractInputs.TaskChange;
import com.dealerdesk.contract.ContractInputs.TaskDependencyInput;
import com.dealerdesk.contract.ContractInputs.TaskPayload;
import com.dealerdesk.contract.ContractInputs.UpdateContractInput;
import com.dealerdesk.contract.ContractInputs.UpdateContractStageInput;
import com.dealerdesk.contract.ContractInputs.UpdateContractWorkInput;
import com.dealerdesk.contract.ContractInputs.UpdateTaskInput;
import com.dealerdesk.contract.ContractRepository.ContractFigures;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.order.Order;
import com.dealerdesk.order.OrderService;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.sales.Opportunity;
import com.dealerdesk.sales.OpportunityService;
import com.dealerdesk.sales.Quote;
import com.dealerdesk.sales.QuoteService;
import reactor.core.publisher.Mono;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Contracts and their project plans in GraphQL. */
@Controller
class ContractController {

	private static final String CUSTOMER_PAGES = "contract.customerPages";

	private final ContractService contracts;

	private final ProjectPlanService plans;

	private final ContractRepository repository;

	private final CustomerService customers;

	private final OpportunityService deals;

	private final QuoteService quotes;

	private final OrderService orders;

	private final UserDirectory users;

	private final ContractDocumentService documents;

	ContractController(ContractService contracts, ProjectPlanService plans, ContractRepository repository,
			CustomerService customers, OpportunityService deals, QuoteService quotes, OrderService orders,
			UserDirectory users, ContractDocumentService documents, BatchLoaderRegistry loaders) {
		this.documents = documents;
		this.contracts = contracts;
		this.plans = plans;
		this.repository = repository;
		this.customers = customers;
		this.deals = deals;
		this.quotes = quotes;
		this.orders = orders;
		this.users = users;
		ChildPages.<Void, Contract>register(loaders, CUSTOMER_PAGES,
				(actor, ids, page, none) -> contracts.pagesOfCustomers(actor, ids, page), ContractService::cursor);
	}

	// ---- queries

	@QueryMapping
	Mono<Contract> contract(@Argument String id, @ContextValue Actor actor) {
		UUID uuid = GlobalId.requireUuidOf("Contract", id);
		return uuid == null ? Mono.empty()
				: this.contracts.contracts(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@QueryMapping
	Mono<Connection<Contract>> contracts(@Argument String customerId, @Argument List<ContractStatus> status,
			@Argument String search, @Argument Integer first, @Argument String after, @ContextValue Actor actor) {
		return this.contracts.page(actor, customerId, status, search, first, after);
	}

	@QueryMapping
	Mono<List<PlannedWorkMonth>> plannedWork(@Argument LocalDate from, @Argument LocalDate to,
			@Argument String assigneeId, @ContextValue Actor actor) {
		return this.plans.plannedWork(actor, from, to, assigneeId);
	}

	// ---- mutations: contracts

	@MutationMapping
	Mono<ContractPayload> createContract(@Argument CreateContractInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.contracts.create(actor, input), ContractPayload::new);
	}

	@MutationMapping
	Mono<ContractPayload> updateContract(@Argument UpdateContractInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.contracts.update(actor, input), ContractPayload::new);
	}

	@MutationMapping
	Mono<ContractPayload> changeContractStatus(@Argument ChangeContractStatusInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.contracts.changeStatus(actor, input), ContractPayload::new);
	}

	@MutationMapping
	Mono<DeleteContractPayload> deleteContract(@Argument DeleteContractInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.contracts.delete(actor, input), DeleteContractPayload::new);
	}

	@MutationMapping
	Mono<ContractPayload> deleteContractDocument(@Argument DeleteContractDocumentInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.documents.delete(actor, input), ContractPayload::new);
	}

	// ---- mutations: the plan

	@MutationMapping
	Mono<ContractStagePayload> createContractStage(@Argument CreateContractStageInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.createStage(actor, input), ContractStagePayload::new);
	}

	@MutationMapping
	Mono<ContractStagePayload> updateContractStage(@Argument UpdateContractStageInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.updateStage(actor, input), ContractStagePayload::new);
	}

	@MutationMapping
	Mono<ContractStagePayload> acceptContractStage(@Argument AcceptInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.acceptStage(actor, input), ContractStagePayload::new);
	}

	@MutationMapping
	Mono<DeleteContractPartPayload> deleteContractStage(@Argument DeleteInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.deleteStage(actor, input), DeleteContractPartPayload::new);
	}

	@MutationMapping
	Mono<ContractWorkPayload> createContractWork(@Argument CreateContractWorkInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.createWork(actor, input), ContractWorkPayload::new);
	}

	@MutationMapping
	Mono<ContractWorkPayload> updateContractWork(@Argument UpdateContractWorkInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.updateWork(actor, input), ContractWorkPayload::new);
	}

	@MutationMapping
	Mono<ContractWorkPayload> acceptContractWork(@Argument AcceptInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.acceptWork(actor, input), ContractWorkPayload::new);
	}

	@MutationMapping
	Mono<ContractWorkPayload> reopenContractWork(@Argument ReopenInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.reopenWork(actor, input), ContractWorkPayload::new);
	}

	@MutationMapping
	Mono<DeleteContractPartPayload> deleteContractWork(@Argument DeleteInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.deleteWork(actor, input), DeleteContractPartPayload::new);
	}

	@MutationMapping
	Mono<TaskPayload> createTask(@Argument CreateTaskInput input, @ContextValue Actor actor) {
		return taskPayload(this.plans.createTask(actor, input));
	}

	@MutationMapping
	Mono<TaskPayload> updateTask(@Argument UpdateTaskInput input, @ContextValue Actor actor) {
		return taskPayload(this.plans.updateTask(actor, input));
	}

	@MutationMapping
	Mono<DeleteContractPartPayload> deleteTask(@Argument DeleteInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.plans.deleteTask(actor, input), DeleteContractPartPayload::new);
	}

	@MutationMapping
	Mono<TaskPayload> addTaskDependency(@Argument TaskDependencyInput input, @ContextValue Actor actor) {
		return taskPayload(this.plans.addDependency(actor, input));
	}

	@MutationMapping
	Mono<TaskPayload> removeTaskDependency(@Argument TaskDependencyInput input, @ContextValue Actor actor) {
		return taskPayload(this.plans.removeDependency(actor, input));
	}

	private static Mono<TaskPayload> taskPayload(Mono<TaskChange> change) {
		return Payloads.of(() -> change, (done, errors) -> done == null ? new TaskPayload(null, List.of(), errors)
				: new TaskPayload(done.task(), done.movedTasks(), errors));
	}

	// ---- Contract

	@SchemaMapping(typeName = "Contract")
	String id(Contract contract) {
		return GlobalId.of("Contract", contract.id());
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, Customer>> customer(List<Contract> list, @ContextValue Actor actor) {
		return Batches.load(list, Contract::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, Opportunity>> opportunity(List<Contract> list, @ContextValue Actor actor) {
		return Batches.load(list, Contract::opportunityId, ids -> this.deals.opportunities(actor, ids));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, Quote>> quote(List<Contract> list, @ContextValue Actor actor) {
		return Batches.load(list, Contract::quoteId, ids -> this.quotes.quotes(actor, ids));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, Order>> order(List<Contract> list, @ContextValue Actor actor) {
		return Batches.load(list, Contract::orderId, ids -> this.orders.orders(actor, ids));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, User>> createdBy(List<Contract> list, @ContextValue Actor actor) {
		return Batches.load(list, Contract::createdBy, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, List<ContractDocument>>> documents(List<Contract> list) {
		return this.documents.ofContracts(ids(list, Contract::id))
			.map(found -> Batches.listsByKey(list, Contract::id, found));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, List<ContractStage>>> stages(List<Contract> list) {
		return this.repository.stagesOfContracts(ids(list, Contract::id))
			.map(found -> Batches.listsByKey(list, Contract::id, found));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, List<Task>>> tasks(List<Contract> list) {
		return this.repository.tasksOfContracts(ids(list, Contract::id))
			.map(rows -> Batches.listsByKey(list, Contract::id,
					rows.stream().collect(Collectors.groupingBy(Task::contractId))));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, List<TaskDependency>>> dependencies(List<Contract> list) {
		return this.repository.dependenciesOfContracts(ids(list, Contract::id))
			.map(rows -> Batches.listsByKey(list, Contract::id,
					rows.stream().collect(Collectors.groupingBy(TaskDependency::contractId))));
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, LocalDate>> startsOn(List<Contract> list) {
		return figures(list, ContractFigures::startsOn);
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, LocalDate>> endsOn(List<Contract> list) {
		return figures(list, ContractFigures::endsOn);
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, BigDecimal>> plannedHours(List<Contract> list) {
		return figures(list, ContractFigures::plannedHours, BigDecimal.ZERO);
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, BigDecimal>> spentHours(List<Contract> list) {
		return figures(list, ContractFigures::spentHours, BigDecimal.ZERO);
	}

	@BatchMapping(typeName = "Contract")
	Mono<Map<Contract, Integer>> progress(List<Contract> list) {
		return figures(list, ContractFigures::progress, 0);
	}

	private <V> Mono<Map<Contract, V>> figures(List<Contract> list, Function<ContractFigures, V> value) {
		return figures(list, value, null);
	}

	/** One of the contracts' figures; {@code none} for contracts without tasks. */
	private <V> Mono<Map<Contract, V>> figures(List<Contract> list, Function<ContractFigures, V> value, V none) {
		return this.contracts.figures(ids(list, Contract::id)).map(found -> {
			Map<Contract, V> result = new java.util.HashMap<>();
			for (Contract contract : list) {
				ContractFigures figures = found.get(contract.id());
				V figure = figures == null ? none : value.apply(figures);
				if (figure != null) {
					result.put(contract, figure);
				}
			}
			return result;
		});
	}

	// ---- ContractDocument, PlannedWorkMonth

	@SchemaMapping(typeName = "ContractDocument")
	String id(ContractDocument document) {
		return GlobalId.of("ContractDocument", document.id());
	}

	@SchemaMapping(typeName = "ContractDocument")
	String url(ContractDocument document) {
		return ContractDocumentController.url(document);
	}

	@BatchMapping(typeName = "ContractDocument")
	Mono<Map<ContractDocument, User>> uploadedBy(List<ContractDocument> list, @ContextValue Actor actor) {
		return Batches.load(list, ContractDocument::uploadedBy, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "PlannedWorkMonth")
	Mono<Map<PlannedWorkMonth, User>> person(List<PlannedWorkMonth> list, @ContextValue Actor actor) {
		return Batches.load(list, PlannedWorkMonth::personId, ids -> this.users.byIds(actor, ids));
	}

	// ---- ContractStage, ContractWork, Acceptance

	@SchemaMapping(typeName = "ContractStage")
	String id(ContractStage stage) {
		return GlobalId.of("ContractStage", stage.id());
	}

	@BatchMapping(typeName = "ContractStage", field = "contract")
	Mono<Map<ContractStage, Contract>> stageContract(List<ContractStage> list, @ContextValue Actor actor) {
		return Batches.load(list, ContractStage::contractId, ids -> this.contracts.contracts(actor, ids));
	}

	@BatchMapping(typeName = "ContractStage")
	Mono<Map<ContractStage, List<ContractWork>>> works(List<ContractStage> list) {
		return this.repository.worksOfStages(ids(list, ContractStage::id))
			.map(found -> Batches.listsByKey(list, ContractStage::id, found));
	}

	@SchemaMapping(typeName = "ContractWork")
	String id(ContractWork work) {
		return GlobalId.of("ContractWork", work.id());
	}

	@BatchMapping(typeName = "ContractWork")
	Mono<Map<ContractWork, ContractStage>> stage(List<ContractWork> list, @ContextValue Actor actor) {
		return Batches.load(list, ContractWork::stageId, ids -> this.plans.stages(actor, ids));
	}

	@BatchMapping(typeName = "ContractWork")
	Mono<Map<ContractWork, User>> owner(List<ContractWork> list, @ContextValue Actor actor) {
		return Batches.load(list, ContractWork::ownerId, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "ContractWork", field = "tasks")
	Mono<Map<ContractWork, List<Task>>> workTasks(List<ContractWork> list) {
		return this.repository.topTasksOfWorks(ids(list, ContractWork::id))
			.map(found -> Batches.listsByKey(list, ContractWork::id, found));
	}

	@BatchMapping(typeName = "ContractWork")
	Mono<Map<ContractWork, Boolean>> late(List<ContractWork> list) {
		return this.repository.lateWorks(ids(list, ContractWork::id)).map(late -> {
			Set<UUID> lateIds = new HashSet<>(late);
			return list.stream()
				.collect(Collectors.toMap(Function.identity(), work -> lateIds.contains(work.id()), (a, b) -> a));
		});
	}

	@BatchMapping(typeName = "Acceptance")
	Mono<Map<Acceptance, User>> acceptedBy(List<Acceptance> list, @ContextValue Actor actor) {
		return Batches.load(list, Acceptance::acceptedBy, ids -> this.users.byIds(actor, ids));
	}

	// ---- Task, TaskDependency

	@SchemaMapping(typeName = "Task")
	String id(Task task) {
		return GlobalId.of("Task", task.id());
	}

	@SchemaMapping(typeName = "Task")
	int durationDays(Task task) {
		return task.durationDays();
	}

	@BatchMapping(typeName = "Task", field = "contract")
	Mono<Map<Task, Contract>> taskContract(List<Task> list, @ContextValue Actor actor) {
		return Batches.load(list, Task::contractId, ids -> this.contracts.contracts(actor, ids));
	}

	@BatchMapping(typeName = "Task")
	Mono<Map<Task, ContractWork>> work(List<Task> list, @ContextValue Actor actor) {
		return Batches.load(list, Task::workId, ids -> this.plans.works(actor, ids));
	}

	@BatchMapping(typeName = "Task")
	Mono<Map<Task, Task>> parent(List<Task> list) {
		return Batches.load(list, Task::parentId, this::tasksById);
	}

	@BatchMapping(typeName = "Task")
	Mono<Map<Task, User>> assignee(List<Task> list, @ContextValue Actor actor) {
		return Batches.load(list, Task::assigneeId, ids -> this.users.byIds(actor, ids));
	}

	@BatchMapping(typeName = "Task")
	Mono<Map<Task, List<Task>>> predecessors(List<Task> list) {
		return this.repository.dependenciesOfSuccessors(ids(list, Task::id))
			.flatMap(dependencies -> tasksById(
					dependencies.stream().map(TaskDependency::predecessorId).collect(Collectors.toSet()))
				.map(tasks -> Batches.listsByKey(list, Task::id,
						dependencies.stream()
							.collect(Collectors.groupingBy(TaskDependency::successorId, Collectors
								.mapping(dependency -> tasks.get(dependency.predecessorId()), Collectors.toList()))))));
	}

	@BatchMapping(typeName = "TaskDependency")
	Mono<Map<TaskDependency, Task>> predecessor(List<TaskDependency> list) {
		return Batches.load(list, TaskDependency::predecessorId, this::tasksById);
	}

	@BatchMapping(typeName = "TaskDependency")
	Mono<Map<TaskDependency, Task>> successor(List<TaskDependency> list) {
		return Batches.load(list, TaskDependency::successorId, this::tasksById);
	}

	// ---- Customer, Opportunity

	/**
	 * The customer's page of contracts, read with every other customer's of the response.
	 */
	@SchemaMapping(typeName = "Customer", field = "contracts")
	java.util.concurrent.CompletableFuture<Connection<Contract>> customerContracts(Customer customer,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment environment) {
		return ChildPages.load(environment, CUSTOMER_PAGES, customer.id(), first, after, ContractRepository.NEWEST,
				null);
	}

	@BatchMapping(typeName = "Opportunity", field = "contracts")
	Mono<Map<Opportunity, List<Contract>>> opportunityContracts(List<Opportunity> list, @ContextValue Actor actor) {
		return this.contracts.ofOpportunities(actor, ids(list, Opportunity::id))
			.map(found -> Batches.listsByKey(list, Opportunity::id, found));
	}

	/** Tasks of contracts already read in scope. */
	private Mono<Map<UUID, Task>> tasksById(Collection<UUID> ids) {
		return ids.isEmpty() ? Mono.just(Map.of()) : this.repository.tasksById(ids);
	}

	private static <T> Set<UUID> ids(List<T> list, Function<T, UUID> id) {
		return list.stream().map(id).collect(Collectors.toSet());
	}

}
