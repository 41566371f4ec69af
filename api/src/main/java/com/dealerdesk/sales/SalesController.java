package com.dealerdesk.sales;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.campaign.Campaign;
import com.dealerdesk.campaign.CampaignService;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.language.LocalizedName;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.sales.SalesInputs.CreateOpportunityInput;
import com.dealerdesk.sales.SalesInputs.MarkOpportunityLostInput;
import com.dealerdesk.sales.SalesInputs.MoveOpportunityInput;
import com.dealerdesk.sales.SalesInputs.OpportunityPayload;
import com.dealerdesk.sales.SalesInputs.SetOpportunityLinesInput;
import com.dealerdesk.sales.SalesInputs.UpdateOpportunityInput;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class SalesController {

	private final OpportunityService service;

	private final SalesReports reports;

	private final CustomerService customers;

	private final UserDirectory users;

	private final CampaignService campaigns;

	private final PipelineAdmin admin;

	private static final String CUSTOMER_DEALS = "sales.customerDeals";

	SalesController(OpportunityService service, SalesReports reports, CustomerService customers, UserDirectory users,
			CampaignService campaigns, PipelineAdmin admin, BatchLoaderRegistry loaders) {
		this.campaigns = campaigns;
		this.admin = admin;
		this.service = service;
		this.reports = reports;
		this.customers = customers;
		this.users = users;
		OpportunityQuery order = OpportunityService.customerDeals(null);
		ChildPages.<OpportunityStatus, Opportunity>register(loaders, CUSTOMER_DEALS,
				(actor, ids, page, status) -> service.pagesOfCustomers(actor, ids, page, status),
				deal -> OpportunityRepository.cursorOf(deal, order));
	}

	/**
	 * The customer's page of deals, read with every other customer's of the response (the
	 * status is part of the loader's key).
	 */
	@SchemaMapping(typeName = "Customer", field = "opportunities")
	CompletableFuture<Connection<Opportunity>> customerOpportunities(Customer customer,
			@Argument OpportunityStatus status, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment environment) {
		return ChildPages.load(environment, CUSTOMER_DEALS, customer.id(), first, after,
				OpportunityService.customerDeals(status).orderKey(), status);
	}

	// ---- queries

	@QueryMapping
	Mono<List<Pipeline>> pipelines() {
		return this.service.pipelines();
	}

	@QueryMapping
	Mono<List<LostReason>> lostReasons() {
		return this.service.lostReasons();
	}

	@QueryMapping
	Mono<Opportunity> opportunity(@Argument String id, @ContextValue Actor actor) {
		GlobalId globalId = GlobalId.require(id);
		UUID uuid = "Opportunity".equals(globalId.type()) ? globalId.asUuid() : null;
		return uuid == null ? Mono.empty() : this.service.opportunity(actor, uuid);
	}

	@QueryMapping
	Mono<Connection<Opportunity>> opportunities(@Argument Integer first, @Argument String after,
			@Argument Map<String, Object> filter, @Argument Map<String, Object> orderBy, @ContextValue Actor actor) {
		return this.service.page(actor, first, after, OpportunityService.query(filter, orderBy));
	}

	@QueryMapping
	Mono<List<PipelineReportRow>> pipelineReport(@Argument String pipelineId, DataFetchingFieldSelectionSet selection,
			@ContextValue Actor actor) {
		UUID id = pipelineId == null ? null : GlobalId.require(pipelineId).asUuid();
		// a row per owner only for those who show owners: at size L, 5 stages become
		// 24,000
		// rows (ADR 0046)
		return this.service.pipelineReport(actor, id, selection.contains("owner")).collectList();
	}

	@QueryMapping
	Mono<List<SalesReports.FunnelStep>> funnelReport(@Argument String pipelineId, @Argument LocalDate from,
			@Argument LocalDate to, @ContextValue Actor actor) {
		return pipeline(pipelineId).flatMap(pipeline -> this.reports.funnel(actor, pipeline, from, to));
	}

	@QueryMapping
	Mono<SalesReports.WinLoss> winLossReport(@Argument LocalDate from, @Argument LocalDate to,
			@ContextValue Actor actor) {
		return this.reports.winLoss(actor, from, to);
	}

	@QueryMapping
	Mono<List<SalesReports.StageDuration>> stageDurationReport(@Argument String pipelineId, @ContextValue Actor actor) {
		return pipeline(pipelineId).flatMap(pipeline -> this.reports.stageDurations(actor, pipeline));
	}

	@QueryMapping
	Mono<List<SalesReports.ForecastRow>> forecastReport(@Argument Integer months, @ContextValue Actor actor) {
		return this.reports.forecast(actor, months == null ? 6 : months);
	}

	/** The given pipeline, or the default one. */
	private Mono<Pipeline> pipeline(String pipelineId) {
		UUID id = pipelineId == null ? null : GlobalId.require(pipelineId).asUuid();
		return this.service.pipelines()
			.map(all -> all.stream()
				.filter(pipeline -> id == null ? pipeline.isDefault() : pipeline.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new InvalidArgumentException("INVALID_ID", "No such pipeline.")));
	}

	@BatchMapping(typeName = "FunnelStep", field = "stage")
	Mono<Map<SalesReports.FunnelStep, Stage>> funnelStage(List<SalesReports.FunnelStep> steps) {
		return stagesBy(steps, SalesReports.FunnelStep::stageId);
	}

	@BatchMapping(typeName = "StageDuration", field = "stage")
	Mono<Map<SalesReports.StageDuration, Stage>> durationStage(List<SalesReports.StageDuration> durations) {
		return stagesBy(durations, SalesReports.StageDuration::stageId);
	}

	@BatchMapping(typeName = "LostReasonCount")
	Mono<Map<SalesReports.LostReasonCount, LostReason>> reason(List<SalesReports.LostReasonCount> counts) {
		return this.service.lostReasons()
			.map(all -> index(counts,
					count -> all.stream()
						.filter(reason -> reason.id().equals(count.reasonId()))
						.findFirst()
						.orElse(null)));
	}

	@QueryMapping
	Mono<List<CampaignResult>> campaignReport(@ContextValue Actor actor) {
		return this.service.campaignResults(actor);
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, Campaign>> campaign(List<Opportunity> opportunities, @ContextValue Actor actor) {
		return Batches.load(opportunities, Opportunity::campaignId, ids -> this.campaigns.byIds(actor, ids));
	}

	// ---- mutations

	@MutationMapping
	Mono<OpportunityPayload> createOpportunity(@Argument CreateOpportunityInput input, @ContextValue Actor actor) {
		return payload(this.service.create(actor, input));
	}

	@MutationMapping
	Mono<OpportunityPayload> updateOpportunity(@Argument UpdateOpportunityInput input, @ContextValue Actor actor) {
		return payload(this.service.update(actor, input));
	}

	record PipelinePayload(Pipeline pipeline, List<com.dealerdesk.platform.error.UserError> userErrors) {
	}

	record LostReasonPayload(LostReason lostReason, List<com.dealerdesk.platform.error.UserError> userErrors) {
	}

	@MutationMapping
	Mono<PipelinePayload> savePipeline(@Argument PipelineAdmin.SavePipelineInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.admin.save(actor, input), PipelinePayload::new);
	}

	@MutationMapping
	Mono<LostReasonPayload> addLostReason(@Argument PipelineAdmin.AddLostReasonInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.admin.addLostReason(actor, input), LostReasonPayload::new);
	}

	@MutationMapping
	Mono<LostReasonPayload> updateLostReason(@Argument PipelineAdmin.UpdateLostReasonInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.admin.updateLostReason(actor, input), LostReasonPayload::new);
	}

	@MutationMapping
	Mono<OpportunityPayload> setOpportunityLines(@Argument SetOpportunityLinesInput input, @ContextValue Actor actor) {
		return payload(this.service.setLines(actor, input));
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, List<OpportunityLine>>> lines(List<Opportunity> opportunities) {
		return this.service.linesOf(opportunities.stream().map(Opportunity::id).toList())
			.map(found -> Batches.listsByKey(opportunities, item -> item.id(), found));
	}

	@MutationMapping
	Mono<OpportunityPayload> moveOpportunity(@Argument MoveOpportunityInput input, @ContextValue Actor actor) {
		return payload(this.service.move(actor, input));
	}

	@MutationMapping
	Mono<OpportunityPayload> markOpportunityLost(@Argument MarkOpportunityLostInput input, @ContextValue Actor actor) {
		return payload(this.service.markLost(actor, input));
	}

	private static Mono<OpportunityPayload> payload(Mono<Opportunity> change) {
		return Payloads.of(() -> change, OpportunityPayload::new);
	}

	// ---- ids

	@SchemaMapping(typeName = "Opportunity")
	String id(Opportunity opportunity) {
		return GlobalId.of("Opportunity", opportunity.id());
	}

	@SchemaMapping(typeName = "Pipeline", field = "id")
	String pipelineId(Pipeline pipeline) {
		return GlobalId.of("Pipeline", pipeline.id());
	}

	@SchemaMapping(typeName = "Stage", field = "id")
	String stageId(Stage stage) {
		return GlobalId.of("Stage", stage.id());
	}

	@SchemaMapping(typeName = "LostReason", field = "id")
	String lostReasonId(LostReason reason) {
		return GlobalId.of("LostReason", reason.id());
	}

	// ---- names in the request's language (Accept-Language), else the default name

	@SchemaMapping(typeName = "Pipeline", field = "name")
	String pipelineName(Pipeline pipeline, @ContextValue(required = false) String language) {
		return pipeline.names().in(language, pipeline.name());
	}

	@SchemaMapping(typeName = "Stage", field = "name")
	String stageName(Stage stage, @ContextValue(required = false) String language) {
		return stage.names().in(language, stage.name());
	}

	@SchemaMapping(typeName = "LostReason", field = "name")
	String lostReasonName(LostReason reason, @ContextValue(required = false) String language) {
		return reason.names().in(language, reason.name());
	}

	@SchemaMapping(typeName = "Pipeline", field = "defaultName")
	String pipelineDefaultName(Pipeline pipeline) {
		return pipeline.name();
	}

	@SchemaMapping(typeName = "Stage", field = "defaultName")
	String stageDefaultName(Stage stage) {
		return stage.name();
	}

	@SchemaMapping(typeName = "LostReason", field = "defaultName")
	String lostReasonDefaultName(LostReason reason) {
		return reason.name();
	}

	@SchemaMapping(typeName = "Pipeline", field = "names")
	List<LocalizedName> pipelineNames(Pipeline pipeline) {
		return pipeline.names().list();
	}

	@SchemaMapping(typeName = "Stage", field = "names")
	List<LocalizedName> stageNames(Stage stage) {
		return stage.names().list();
	}

	@SchemaMapping(typeName = "LostReason", field = "names")
	List<LocalizedName> lostReasonNames(LostReason reason) {
		return reason.names().list();
	}

	// ---- opportunity fields, batched

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, Customer>> customer(List<Opportunity> opportunities, @ContextValue Actor actor) {
		return Batches.load(opportunities, Opportunity::customerId, ids -> this.customers.customers(actor, ids));
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, User>> owner(List<Opportunity> opportunities, @ContextValue Actor actor) {
		return usersBy(opportunities, Opportunity::ownerId, actor);
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, Pipeline>> pipeline(List<Opportunity> opportunities) {
		return this.service.pipelines()
			.map(all -> index(opportunities,
					o -> all.stream().filter(p -> p.id().equals(o.pipelineId())).findFirst().orElse(null)));
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, Stage>> stage(List<Opportunity> opportunities) {
		return stagesBy(opportunities, Opportunity::stageId);
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, Money>> weightedAmount(List<Opportunity> opportunities) {
		return this.service.pipelines().map(all -> {
			Map<UUID, Stage> stages = stagesById(all);
			return index(opportunities,
					o -> o.amount() == null ? null : o.amount().percent(stages.get(o.stageId()).probability()));
		});
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, LostReason>> lostReason(List<Opportunity> opportunities) {
		return this.service.lostReasons()
			.map(all -> index(opportunities,
					o -> all.stream().filter(reason -> reason.id().equals(o.lostReasonId())).findFirst().orElse(null)));
	}

	@BatchMapping(typeName = "Opportunity")
	Mono<Map<Opportunity, List<StageChange>>> history(List<Opportunity> opportunities) {
		return this.service.history(opportunities.stream().map(Opportunity::id).toList())
			.map(found -> Batches.listsByKey(opportunities, item -> item.id(), found));
	}

	@BatchMapping(typeName = "StageChange", field = "from")
	Mono<Map<StageChange, Stage>> fromStage(List<StageChange> changes) {
		return stagesBy(changes, StageChange::fromStageId);
	}

	@BatchMapping(typeName = "StageChange", field = "to")
	Mono<Map<StageChange, Stage>> toStage(List<StageChange> changes) {
		return stagesBy(changes, StageChange::toStageId);
	}

	@BatchMapping(typeName = "StageChange")
	Mono<Map<StageChange, User>> changedBy(List<StageChange> changes, @ContextValue Actor actor) {
		return usersBy(changes, StageChange::changedBy, actor);
	}

	@BatchMapping(typeName = "PipelineReportRow")
	Mono<Map<PipelineReportRow, Stage>> stage(Collection<PipelineReportRow> rows) {
		return stagesBy(List.copyOf(rows), PipelineReportRow::stageId);
	}

	@BatchMapping(typeName = "PipelineReportRow")
	Mono<Map<PipelineReportRow, User>> owner(Collection<PipelineReportRow> rows, @ContextValue Actor actor) {
		return usersBy(List.copyOf(rows), PipelineReportRow::ownerId, actor);
	}

	// ---- helpers

	private <T> Mono<Map<T, Stage>> stagesBy(List<T> items, Function<T, UUID> stageId) {
		return this.service.pipelines().map(all -> {
			Map<UUID, Stage> stages = stagesById(all);
			return index(items, item -> stageId.apply(item) == null ? null : stages.get(stageId.apply(item)));
		});
	}

	private <T> Mono<Map<T, User>> usersBy(List<T> items, Function<T, String> userId, Actor actor) {
		return Batches.load(items, userId, ids -> this.users.byIds(actor, ids));
	}

	private static Map<UUID, Stage> stagesById(List<Pipeline> pipelines) {
		return pipelines.stream()
			.flatMap(pipeline -> pipeline.stages().stream())
			.collect(Collectors.toMap(Stage::id, Function.identity()));
	}

	/**
	 * Maps each item to its value, leaving out items without one (null in the response).
	 */
	private static <T, V> Map<T, V> index(List<T> items, Function<T, V> valueOf) {
		return items.stream()
			.filter(item -> valueOf.apply(item) != null)
			.collect(Collectors.toMap(Function.identity(), valueOf, (a, b) -> a));
	}

}
