package com.dealerdesk.sales;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.campaign.CampaignService;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.error.Changes;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.OrderDirection;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import com.dealerdesk.sales.SalesInputs.CreateOpportunityInput;
import com.dealerdesk.sales.SalesInputs.MarkOpportunityLostInput;
import com.dealerdesk.platform.money.MoneyInput;
import com.dealerdesk.sales.SalesInputs.MoveOpportunityInput;
import com.dealerdesk.sales.SalesInputs.OpportunityLineInput;
import com.dealerdesk.sales.SalesInputs.SetOpportunityLinesInput;
import com.dealerdesk.sales.SalesInputs.UpdateOpportunityInput;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opportunities through the funnel: every stage change is recorded with who and when, so
 * time in stage and conversion can be computed; every change writes an outbox event.
 */
@Service
public class OpportunityService implements NodeFetcher {

	private final OpportunityRepository opportunities;

	private final PipelineRepository pipelines;

	private final CustomerService customers;

	private final UserDirectory users;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final CampaignService campaigns;

	private final Clock clock;

	OpportunityService(OpportunityRepository opportunities, PipelineRepository pipelines, CustomerService customers,
			UserDirectory users, InputValidator validator, OutboxWriter outbox, CampaignService campaigns,
			Clock clock) {
		this.clock = clock;
		this.campaigns = campaigns;
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.customers = customers;
		this.users = users;
		this.validator = validator;
		this.outbox = outbox;
	}

	// ---- reading

	Mono<List<Pipeline>> pipelines() {
		return this.pipelines.pipelines();
	}

	Mono<List<LostReason>> lostReasons() {
		return this.pipelines.lostReasons();
	}

	public Mono<Opportunity> opportunity(Actor actor, UUID id) {
		return this.opportunities.findVisible(actor, id);
	}

	Mono<Connection<Opportunity>> page(Actor actor, Integer first, String after, OpportunityQuery query) {
		PageRequest page = PageRequest.of(first, after, query.orderKey());
		return this.opportunities.page(actor, query, page)
			.collectList()
			.map(rows -> page.page(rows, row -> OpportunityRepository.cursorOf(row, query)));
	}

	Flux<PipelineReportRow> pipelineReport(Actor actor, UUID pipelineId, boolean byOwner) {
		return this.opportunities.pipelineReport(actor, pipelineId, byOwner);
	}

	Mono<Map<UUID, List<StageChange>>> history(Collection<UUID> ids) {
		return this.opportunities.history(ids);
	}

	/** The first deals of each customer, as {@link #customerDeals}. */
	Mono<Map<UUID, List<Opportunity>>> pagesOfCustomers(Actor actor, Collection<UUID> customerIds, PageRequest page,
			OpportunityStatus status) {
		return this.opportunities.pagesOfCustomers(actor, customerIds, customerDeals(status), page);
	}

	/**
	 * A customer's deals in the deals list's default order (expected close date, soonest
	 * first), so that their cursors are the list's.
	 */
	static OpportunityQuery customerDeals(OpportunityStatus status) {
		return new OpportunityQuery(null, null, status == null ? null : List.of(status), null, null,
				OpportunityQuery.Field.EXPECTED_CLOSE_DATE, OrderDirection.ASC);
	}

	/** Builds the query from the GraphQL filter; malformed ids are bad requests. */
	static OpportunityQuery query(Map<String, Object> filter, Map<String, Object> orderBy) {
		Map<String, Object> f = filter == null ? Map.of() : filter;
		for (String list : List.of("stageIds", "status", "ownerIds")) {
			InvalidArgumentException.requireAtMost((List<?>) f.get(list), "filter." + list);
		}
		OpportunityQuery.Field field = orderBy == null ? OpportunityQuery.Field.EXPECTED_CLOSE_DATE
				: OpportunityQuery.Field.valueOf((String) orderBy.get("field"));
		OrderDirection direction = orderBy == null || orderBy.get("direction") == null ? OrderDirection.ASC
				: OrderDirection.valueOf((String) orderBy.get("direction"));
		return new OpportunityQuery(idOrNull("Pipeline", f.get("pipelineId")), ids("Stage", f.get("stageIds")),
				f.get("status") == null ? null
						: ((List<?>) f.get("status")).stream().map(s -> OpportunityStatus.valueOf((String) s)).toList(),
				f.get("ownerIds") == null ? null
						: ((List<?>) f.get("ownerIds")).stream().map(id -> localIdOf("User", (String) id)).toList(),
				idOrNull("Customer", f.get("customerId")), field, direction);
	}

	private static List<UUID> ids(String type, Object ids) {
		return ids == null ? null : ((List<?>) ids).stream().map(id -> idOrNull(type, id)).toList();
	}

	private static UUID idOrNull(String type, Object id) {
		if (id == null) {
			return null;
		}
		UUID uuid = GlobalId.require((String) id).asUuid();
		if (uuid == null || !type.equals(GlobalId.require((String) id).type())) {
			throw new InvalidArgumentException("INVALID_ID", "Not a " + type + " id: " + id);
		}
		return uuid;
	}

	private static String localIdOf(String type, String id) {
		GlobalId globalId = GlobalId.require(id);
		if (!type.equals(globalId.type())) {
			throw new InvalidArgumentException("INVALID_ID", "Not a " + type + " id: " + id);
		}
		return globalId.localId();
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Opportunity", "Pipeline");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		if (uuid == null) {
			return Mono.empty();
		}
		if ("Pipeline".equals(id.type())) {
			return this.pipelines.pipelines()
				.flatMap(all -> Mono.justOrEmpty(all.stream().filter(p -> p.id().equals(uuid)).findFirst()));
		}
		return this.opportunities.findVisible(actor, uuid).cast(Object.class);
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return "Opportunity".equals(type) ? NodeFetcher.byUuid(ids, uuids -> opportunities(actor, uuids))
				: NodeFetcher.super.fetchAll(actor, type, ids);
	}

	// ---- changing

	@Transactional
	public Mono<Opportunity> create(Actor actor, CreateOpportunityInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.OPPORTUNITY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		UUID pipelineId = input.pipelineId() == null ? null
				: GlobalId.uuidOf("Pipeline", input.pipelineId(), errors, "input", "pipelineId");
		UUID stageId = input.stageId() == null ? null
				: GlobalId.uuidOf("Stage", input.stageId(), errors, "input", "stageId");
		Money amount = money(input.amount(), errors);
		String ownerId = ownerOf(actor, input.ownerId(), errors);
		Inputs.rejectIfAny(errors);
		return this.pipelines.pipelines().map(all -> pipelineFor(all, pipelineId)).flatMap(pipeline -> {
			Stage stage = stageId == null ? pipeline.stages().get(0) : stageIn(pipeline, stageId);
			OpportunityStatus status = stage.closesAsWon() ? OpportunityStatus.WON : OpportunityStatus.OPEN;
			return this.customers.requireOpen(actor, customerId, "customerId")
				.then(this.users.requireRegistered(actor))
				.then(this.users.requireAssignableOwner(actor, ownerId))
				.then(campaignOf(actor, input.campaignId()))
				.flatMap(campaignId -> this.opportunities.insert(new Opportunity(UUID.randomUUID(), customerId,
						input.name().strip(), ownerId, pipeline.id(), stage.id(), status, amount,
						input.expectedCloseDate(), competitors(input.competitors()), null, null, 1, null, null,
						status == OpportunityStatus.WON ? OffsetDateTime.now(this.clock) : null,
						campaignId.orElse(null))))
				.flatMap(created -> this.opportunities
					.recordStageChange(new StageChange(created.id(), null, stage.id(), status, actor.subject(), null))
					.then(event(actor, EventType.OPPORTUNITY_CREATED, created))
					.flatMap(deal -> wonIfNow(actor, null, deal)));
		});
	}

	/**
	 * Opens a partner's deal for an approved deal registration; the channel feature has
	 * checked that the actor may decide registrations and that the customer is the
	 * partner's.
	 */
	@Transactional
	public Mono<Opportunity> openForPartner(Actor actor, PartnerDeal deal) {
		return this.pipelines.pipelines().map(all -> pipelineFor(all, null)).flatMap(pipeline -> {
			Stage stage = pipeline.stages().get(0);
			OpportunityStatus status = stage.closesAsWon() ? OpportunityStatus.WON : OpportunityStatus.OPEN;
			UUID id = UUID.randomUUID();
			List<OpportunityLine> lines = new ArrayList<>();
			for (PartnerDeal.Product product : deal.products()) {
				lines.add(new OpportunityLine(id, lines.size() + 1, product.name(), product.quantity(), null, true));
			}
			return this.opportunities
				.insert(new Opportunity(id, deal.customerId(), deal.name(), deal.ownerId(), pipeline.id(), stage.id(),
						status, deal.amount(), deal.expectedCloseDate(), List.of(), null, null, 1, null, null,
						status == OpportunityStatus.WON ? OffsetDateTime.now(this.clock) : null, null))
				.flatMap(created -> this.opportunities.replaceLines(id, lines)
					.then(this.opportunities
						.recordStageChange(new StageChange(id, null, stage.id(), status, actor.subject(), null)))
					.then(event(actor, EventType.OPPORTUNITY_CREATED, created)));
		});
	}

	@Transactional
	public Mono<Opportunity> update(Actor actor, UpdateOpportunityInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.OPPORTUNITY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Opportunity", input.id(), errors, "input", "id");
		Changes changes = new Changes();
		changes.set("name", input.name(), Inputs::clean);
		String ownerId = changes.set("owner_id", input.ownerId(),
				owner -> owner == null ? null : ownerOf(actor, owner, errors));
		Money amount = money(input.amount().value(), errors);
		changes.set("amount", input.amount(), sent -> amount == null ? null : amount.amount());
		changes.set("currency", input.amount(), sent -> amount == null ? null : amount.currency());
		changes.set("expected_close_date", input.expectedCloseDate());
		changes.set("competitors", input.competitors(), OpportunityService::competitors);
		Inputs.rejectIfAny(errors);
		Mono<Void> campaignCheck = input.campaignId().isOmitted() ? Mono.empty()
				: campaignOf(actor, input.campaignId().value())
					.doOnNext(campaignId -> changes.columns().put("campaign_id", campaignId.orElse(null)))
					.then();
		return findChangeable(actor, id).flatMap(current -> requireMayHandOver(actor, current, ownerId))
			.flatMap(current -> (ownerId == null ? Mono.<Void>empty()
					: this.users.requireAssignableOwner(actor, ownerId))
				.then(campaignCheck)
				// deferred: the campaign check adds to the changes
				.then(Mono.defer(() -> change(actor, current, input.expectedVersion(), changes.columns(),
						EventType.OPPORTUNITY_UPDATED))));
	}

	@Transactional
	public Mono<Opportunity> setLines(Actor actor, SetOpportunityLinesInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.OPPORTUNITY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Opportunity", input.id(), errors, "input", "id");
		List<OpportunityLine> lines = new ArrayList<>();
		for (int i = 0; input.lines() != null && i < input.lines().size(); i++) {
			OpportunityLineInput line = input.lines().get(i);
			if (line == null || line.product() == null || line.quantity() == null) {
				continue; // reported by the input's constraints
			}
			Money price = line.unitPrice() == null || line.unitPrice().amount() == null ? null
					: Money.checked(line.unitPrice().amount(), line.unitPrice().currency(), errors, "input", "lines",
							String.valueOf(i), "unitPrice");
			lines.add(new OpportunityLine(id, i + 1, line.product().strip(), line.quantity(), price,
					!Boolean.FALSE.equals(line.bought())));
		}
		Inputs.rejectIfAny(errors);
		return findChangeable(actor, id)
			.flatMap(
					current -> change(actor, current, input.expectedVersion(), Map.of(), EventType.OPPORTUNITY_UPDATED))
			.flatMap(changed -> this.opportunities.replaceLines(changed.id(), lines).thenReturn(changed));
	}

	Mono<Map<UUID, List<OpportunityLine>>> linesOf(Collection<UUID> ids) {
		return this.opportunities.linesOf(ids);
	}

	/** Deals visible to the actor, by id; for features that refer to deals. */
	public Mono<Map<UUID, Opportunity>> opportunities(Actor actor, Collection<UUID> ids) {
		return this.opportunities.findVisible(actor, ids);
	}

	@Transactional
	public Mono<Opportunity> move(Actor actor, MoveOpportunityInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.OPPORTUNITY);
		List<UserError> errors = new ArrayList<>();
		UUID id = GlobalId.uuidOf("Opportunity", input.id(), errors, "input", "id");
		UUID stageId = GlobalId.uuidOf("Stage", input.stageId(), errors, "input", "stageId");
		Inputs.rejectIfAny(errors);
		return findChangeable(actor, id).zipWith(this.pipelines.pipelines()).flatMap(found -> {
			Opportunity current = found.getT1();
			Stage stage = stageIn(pipelineFor(found.getT2(), current.pipelineId()), stageId);
			OpportunityStatus status = stage.closesAsWon() ? OpportunityStatus.WON : OpportunityStatus.OPEN;
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("stage_id", stage.id());
			changes.put("status", status);
			if (status != current.status()) {
				changes.put("closed_at", status == OpportunityStatus.WON ? OffsetDateTime.now(this.clock) : null);
				changes.put("lost_reason_id", null);
				changes.put("lost_note", null);
			}
			return changeStage(actor, current, input.expectedVersion(), changes, EventType.OPPORTUNITY_STAGE_CHANGED);
		});
	}

	@Transactional
	public Mono<Opportunity> markLost(Actor actor, MarkOpportunityLostInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.OPPORTUNITY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("Opportunity", input.id(), errors, "input", "id");
		UUID reasonId = input.lostReasonId() == null ? null
				: GlobalId.uuidOf("LostReason", input.lostReasonId(), errors, "input", "lostReasonId");
		Inputs.rejectIfAny(errors);
		return findChangeable(actor, id).zipWith(this.pipelines.pipelines().zipWith(this.pipelines.lostReasons()))
			.flatMap(found -> {
				Opportunity current = found.getT1();
				Pipeline pipeline = pipelineFor(found.getT2().getT1(), current.pipelineId());
				if (current.status() == OpportunityStatus.LOST) {
					return Mono.error(new UserErrorsException(
							UserError.of(UserErrorCode.CONFLICT, "The deal is already lost.", "input", "id")));
				}
				if (reasonId == null && pipeline.requiresLostReason()) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.REQUIRED,
							"This pipeline needs a reason for lost deals.", "input", "lostReasonId")));
				}
				if (reasonId != null && found.getT2().getT2().stream().noneMatch(r -> r.id().equals(reasonId))) {
					return Mono.error(new UserErrorsException(
							UserError.of(UserErrorCode.NOT_FOUND, "No such lost reason.", "input", "lostReasonId")));
				}
				Map<String, Object> changes = new LinkedHashMap<>();
				changes.put("status", OpportunityStatus.LOST);
				changes.put("lost_reason_id", reasonId);
				changes.put("lost_note", Inputs.clean(input.note()));
				changes.put("closed_at", OffsetDateTime.now(this.clock));
				return changeStage(actor, current, input.expectedVersion(), changes, EventType.OPPORTUNITY_LOST);
			});
	}

	// ---- helpers

	Mono<Opportunity> findChangeable(Actor actor, UUID id) {
		return findChangeable(actor, id, "id");
	}

	/**
	 * A visible deal whose customer is not archived; otherwise a user error at the field.
	 */
	Mono<Opportunity> findChangeable(Actor actor, UUID id, String field) {
		return this.opportunities.findVisible(actor, id)
			.switchIfEmpty(Mono.error(
					() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "Not found.", "input", field))))
			.flatMap(found -> this.customers.requireOpen(actor, found.customerId(), field).thenReturn(found))
			// changes record who made them: make sure the caller is in the directory
			.flatMap(found -> this.users.requireRegistered(actor).thenReturn(found));
	}

	Mono<Opportunity> change(Actor actor, Opportunity current, int expectedVersion, Map<String, Object> changes,
			EventType eventType) {
		return guardedUpdate(current, expectedVersion, changes)
			.flatMap(changed -> event(actor, eventType, changed.deal()));
	}

	/**
	 * A change that moves or closes the deal, recorded in its history from the stage the
	 * update found the deal in to the one it left it in.
	 */
	private Mono<Opportunity> changeStage(Actor actor, Opportunity current, int expectedVersion,
			Map<String, Object> changes, EventType eventType) {
		return guardedUpdate(current, expectedVersion, changes).flatMap(changed -> this.opportunities
			.recordStageChange(new StageChange(current.id(), changed.previousStageId(), changed.deal().stageId(),
					changed.deal().status(), actor.subject(), null))
			.then(event(actor, eventType, changed.deal()))
			.flatMap(deal -> wonIfNow(actor, current.status(), deal)));
	}

	/**
	 * {@code opportunity.won} when the change made the deal won, whichever path it took,
	 * so that integrations need not compare states.
	 */
	private Mono<Opportunity> wonIfNow(Actor actor, OpportunityStatus before, Opportunity deal) {
		return deal.status() == OpportunityStatus.WON && before != OpportunityStatus.WON
				? event(actor, EventType.OPPORTUNITY_WON, deal) : Mono.just(deal);
	}

	/**
	 * The update at the expected version; STALE_VERSION names the version the deal is at
	 * now.
	 */
	private Mono<OpportunityRepository.Changed> guardedUpdate(Opportunity current, int expectedVersion,
			Map<String, Object> changes) {
		return this.opportunities.update(current.id(), expectedVersion, changes)
			.switchIfEmpty(Mono.defer(() -> this.opportunities.version(current.id())
				.defaultIfEmpty(current.version())
				.flatMap(now -> Mono.error(UserErrorsException.staleVersion("deal", now)))));
	}

	/**
	 * What an accepted quote does to its deal: the amount becomes the quote's total, and
	 * a deal still open before the first winning stage moves there, with the move in its
	 * history.
	 */
	Mono<Opportunity> applyAcceptedQuote(Actor actor, Opportunity deal, Money total) {
		return this.pipelines.pipelines().flatMap(all -> {
			Pipeline pipeline = pipelineFor(all, deal.pipelineId());
			Stage current = pipeline.stage(deal.stageId()).orElseThrow();
			Stage firstWon = pipeline.stages().stream().filter(Stage::closesAsWon).findFirst().orElse(current);
			boolean moves = deal.status() == OpportunityStatus.OPEN && current.position() < firstWon.position();
			Map<String, Object> changes = new LinkedHashMap<>();
			changes.put("amount", total.amount());
			changes.put("currency", total.currency());
			if (moves) {
				changes.put("stage_id", firstWon.id());
				changes.put("status", OpportunityStatus.WON);
				changes.put("closed_at", OffsetDateTime.now(this.clock));
			}
			return moves ? changeStage(actor, deal, deal.version(), changes, EventType.OPPORTUNITY_STAGE_CHANGED)
					: change(actor, deal, deal.version(), changes, EventType.OPPORTUNITY_UPDATED);
		});
	}

	/**
	 * A rep sees deals of customers shared with them, but only the deal's owner may hand
	 * it over (managers and admins may reassign within their reach).
	 */
	private static Mono<Opportunity> requireMayHandOver(Actor actor, Opportunity deal, String newOwnerId) {
		if (newOwnerId != null && actor.actsOnlyAsRep() && !deal.ownerId().equals(actor.subject())) {
			return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
					"Only the deal's owner or their manager may hand it over.", "input", "ownerId")));
		}
		return Mono.just(deal);
	}

	/** The customer (and its partner) the deal belongs to, for events. */
	Mono<EventOwner> ownerOf(Actor actor, UUID opportunityId) {
		return this.opportunities.findVisible(actor, opportunityId)
			.flatMap(deal -> this.customers.customer(actor, deal.customerId()))
			.map(customer -> EventOwner.customer(customer.id(), customer.partnerId()))
			.defaultIfEmpty(EventOwner.VENDOR);
	}

	private Mono<Optional<UUID>> campaignOf(Actor actor, String campaignId) {
		return campaignId == null ? Mono.just(Optional.empty())
				: this.campaigns.requireCampaign(actor, campaignId, "input", "campaignId").map(Optional::of);
	}

	/**
	 * What each campaign brought in the actor's scope: leads, deals, won deals and
	 * amounts, money received.
	 */
	Mono<List<CampaignResult>> campaignResults(Actor actor) {
		return Mono
			.zip(this.campaigns.campaigns(actor), this.customers.leadsByCampaign(actor),
					this.opportunities.dealsByCampaign(actor).collectList(),
					this.opportunities.receiptsByCampaign(actor).collectList())
			.map(found -> found.getT1()
				.stream()
				.map(campaign -> CampaignResult.of(campaign, found.getT2().getOrDefault(campaign.id(), 0),
						found.getT3().stream().filter(deals -> deals.campaignId().equals(campaign.id())).toList(),
						found.getT4()
							.stream()
							.filter(receipt -> receipt.campaignId().equals(campaign.id()))
							.map(OpportunityRepository.CampaignMoney::money)
							.toList()))
				.toList());
	}

	private Mono<Opportunity> event(Actor actor, EventType type, Opportunity opportunity) {
		return this.customers.customer(actor, opportunity.customerId())
			.flatMap(customer -> this.outbox.append(actor, type, "Opportunity", opportunity.id(), opportunity.version(),
					EventOwner.customer(customer.id(), customer.partnerId()), SalesEvents.payload(opportunity)))
			.thenReturn(opportunity);
	}

	private static Pipeline pipelineFor(List<Pipeline> all, UUID pipelineId) {
		return all.stream()
			.filter(pipeline -> pipelineId == null ? pipeline.isDefault() : pipeline.id().equals(pipelineId))
			.findFirst()
			.orElseThrow(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such pipeline.", "input", "pipelineId")));
	}

	private static Stage stageIn(Pipeline pipeline, UUID stageId) {
		return pipeline.stage(stageId)
			.orElseThrow(() -> new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
					"The stage is not part of the deal's pipeline \"" + pipeline.name() + "\".", "input", "stageId")));
	}

	private static Money money(MoneyInput input, List<UserError> errors) {
		return input == null || input.amount() == null ? null
				: Money.checked(input.amount(), input.currency(), errors, "input", "amount");
	}

	private static String ownerOf(Actor actor, String ownerId, List<UserError> errors) {
		if (ownerId == null) {
			if (!actor.isUser()) {
				errors.add(UserError.of(UserErrorCode.REQUIRED, "An integration must name the owner.", "input",
						"ownerId"));
			}
			return actor.subject();
		}
		GlobalId id = GlobalId.parse(ownerId);
		if (id == null || !"User".equals(id.type())) {
			errors.add(UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid user id.", "input", "ownerId"));
			return null;
		}
		return id.localId();
	}

	private static List<String> competitors(List<String> competitors) {
		return competitors == null ? List.of() : competitors.stream().map(String::strip).distinct().toList();
	}

}
