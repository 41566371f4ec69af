package com.dealerdesk.demo;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dealerdesk.contract.ContractDocumentService;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A signed implementation contract for a demo customer, resting on an accepted quote: its
 * technical specification, three stages with works and owners, tasks with subtasks and
 * dependencies over the coming months, one work accepted. Made through the API like the
 * rest of the demo.
 */
final class DemoContracts {

	/** Runs a GraphQL document as an actor: the payload, or empty when refused. */
	interface Api {

		Mono<Map<?, ?>> execute(Actor actor, String document, Map<String, Object> input, String payload);

	}

	private static final Actor PM = new Actor("pm", "Priya Projects", Set.of(Role.PROJECT_MANAGER), null,
			DemoData.SCOPES);

	private static final String CREATE_DEAL = """
			mutation($input: CreateOpportunityInput!) {
			  createOpportunity(input: $input) { opportunity { id } userErrors { field message } }
			}""";

	private static final String CREATE_QUOTE = """
			mutation($input: CreateQuoteInput!) {
			  createQuote(input: $input) { quote { id } userErrors { field message } }
			}""";

	private static final String ACCEPT_QUOTE = """
			mutation($input: QuoteDecisionInput!) {
			  acceptQuote(input: $input) { quote { id } userErrors { field message } }
			}""";

	private static final String CREATE_CONTRACT = """
			mutation($input: CreateContractInput!) {
			  createContract(input: $input) { contract { id version } userErrors { field message } }
			}""";

	private static final String SIGN = """
			mutation($input: ChangeContractStatusInput!) {
			  changeContractStatus(input: $input) { contract { id } userErrors { field message } }
			}""";

	private static final String CREATE_STAGE = """
			mutation($input: CreateContractStageInput!) {
			  createContractStage(input: $input) { stage { id } userErrors { field message } }
			}""";

	private static final String CREATE_WORK = """
			mutation($input: CreateContractWorkInput!) {
			  createContractWork(input: $input) { work { id version } userErrors { field message } }
			}""";

	private static final String ACCEPT_WORK = """
			mutation($input: AcceptInput!) {
			  acceptContractWork(input: $input) { work { id } userErrors { field message } }
			}""";

	private static final String CREATE_TASK = """
			mutation($input: CreateTaskInput!) {
			  createTask(input: $input) { task { id } userErrors { field message } }
			}""";

	private static final String DEPEND = """
			mutation($input: TaskDependencyInput!) {
			  addTaskDependency(input: $input) { task { id } userErrors { field message } }
			}""";

	private static final String SPECIFICATION = """
			Technical specification: ERP roll-out (demo data)

			1. Installation: servers, database, licences for 25 seats.
			2. Migration: customers, products and open orders from the old system.
			3. Training and go-live: two sessions for the sales team, one for accounts.
			Acceptance: each stage is accepted in writing by the customer's project lead.
			""";

	/**
	 * The stages: name, then works (name, owner, tasks: name, start week, weeks, hours).
	 */
	private static final List<Map<String, Object>> PLAN = List.of(
			Map.of("name", "Installation", "works", List.of(
					Map.of("name", "Servers and database", "owner", "pm", "tasks",
							List.of(List.of("Order hardware", 0, 1, 4), List.of("Install servers", 1, 1, 16))),
					Map.of("name", "Licences", "owner", "rep", "tasks", List.of(List.of("Issue licences", 2, 1, 2))))),
			Map.of("name", "Migration", "works",
					List.of(Map.of("name", "Data migration", "owner", "pm", "tasks",
							List.of(List.of("Map the old data", 3, 2, 24), List.of("Import and check", 5, 2, 40))))),
			Map.of("name", "Training and go-live", "works", List.of(Map.of("name", "Training", "owner", "pm", "tasks",
					List.of(List.of("Sales team training", 7, 1, 12), List.of("Go-live", 9, 1, 8))))));

	private DemoContracts() {
	}

	static Mono<Void> seed(Api api, ContractDocumentService documents, Actor rep, String customerId) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		return api
			.execute(rep, CREATE_DEAL, Map.of("customerId", customerId, "name", "ERP roll-out"), "createOpportunity")
			.flatMap(deal -> api.execute(rep, CREATE_QUOTE, Map.of("opportunityId", id(deal, "opportunity"), "currency",
					"EUR", "validUntil", today.plusDays(30).toString(), "lines",
					List.of(Map.of("description", "Implementation services", "quantity", 1, "listPrice", "48000"))),
					"createQuote"))
			.flatMap(quote -> api
				.execute(rep, ACCEPT_QUOTE, Map.of("id", id(quote, "quote"), "expectedVersion", 1), "acceptQuote")
				.then(api.execute(rep, CREATE_CONTRACT,
						Map.of("customerId", customerId, "title", "ERP roll-out", "quoteId", id(quote, "quote")),
						"createContract")))
			.flatMap(created -> {
				String contractId = id(created, "contract");
				return documents
					.attach(rep, contractId, "TECHNICAL_SPECIFICATION", "Technical specification.txt",
							SPECIFICATION.getBytes(StandardCharsets.UTF_8))
					.then(api.execute(rep, SIGN,
							Map.of("id", contractId, "expectedVersion", 1, "status", "SIGNED", "signedOn",
									today.toString()),
							"changeContractStatus"))
					.then(plan(api, contractId, monday));
			})
			.then();
	}

	@SuppressWarnings("unchecked")
	private static Mono<Void> plan(Api api, String contractId, LocalDate monday) {
		return Flux.fromIterable(PLAN)
			.concatMap(stage -> api
				.execute(PM, CREATE_STAGE, Map.of("contractId", contractId, "name", stage.get("name")),
						"createContractStage")
				.flatMapMany(created -> Flux.fromIterable((List<Map<String, Object>>) stage.get("works"))
					.concatMap(work -> work(api, id(created, "stage"), work, monday))))
			.collectList()
			.flatMap(works -> {
				// the first work is done and accepted; each work's first task waits for
				// the
				// previous work's last one
				Mono<Void> accept = api
					.execute(PM, ACCEPT_WORK,
							Map.of("id", works.get(0).workId(), "expectedVersion", 1, "note", "Servers handed over."),
							"acceptContractWork")
					.then();
				return accept.then(Flux.range(1, works.size() - 1)
					.concatMap(i -> api.execute(PM, DEPEND,
							Map.of("predecessorId", works.get(i - 1).lastTaskId(), "successorId",
									works.get(i).firstTaskId()),
							"addTaskDependency"))
					.then());
			});
	}

	/** A work with a summary task whose subtasks are the planned tasks. */
	@SuppressWarnings("unchecked")
	private static Mono<PlannedWork> work(Api api, String stageId, Map<String, Object> work, LocalDate monday) {
		List<List<Object>> tasks = (List<List<Object>>) work.get("tasks");
		int firstWeek = (int) tasks.get(0).get(1);
		List<Object> last = tasks.get(tasks.size() - 1);
		return api
			.execute(PM, CREATE_WORK,
					Map.of("stageId", stageId, "name", work.get("name"), "ownerId", work.get("owner"), "deadline",
							monday.plusWeeks((int) last.get(1) + (int) last.get(2)).toString()),
					"createContractWork")
			.flatMap(created -> {
				String workId = id(created, "work");
				return api
					.execute(PM, CREATE_TASK,
							Map.of("workId", workId, "name", work.get("name"), "startOn",
									monday.plusWeeks(firstWeek).toString(), "durationDays", 1),
							"createTask")
					.flatMap(summary -> Flux.fromIterable(tasks)
						.concatMap(task -> api.execute(PM, CREATE_TASK,
								subtask(id(summary, "task"), task, monday, (String) work.get("owner")), "createTask"))
						.map(subtask -> id(subtask, "task"))
						.collectList()
						.map(ids -> new PlannedWork(workId, ids.get(0), ids.get(ids.size() - 1))));
			});
	}

	private static Map<String, Object> subtask(String parentId, List<Object> task, LocalDate monday, String owner) {
		LocalDate start = monday.plusWeeks((int) task.get(1));
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("parentId", parentId);
		input.put("name", task.get(0));
		input.put("startOn", start.toString());
		// Monday to Friday of each week
		input.put("endOn", start.plusWeeks((int) task.get(2)).minusDays(3).toString());
		input.put("assigneeId", owner);
		input.put("plannedHours", String.valueOf(task.get(3)));
		return input;
	}

	private static String id(Map<?, ?> payload, String field) {
		return (String) ((Map<?, ?>) payload.get(field)).get("id");
	}

	private record PlannedWork(String workId, String firstTaskId, String lastTaskId) {

	}

}
