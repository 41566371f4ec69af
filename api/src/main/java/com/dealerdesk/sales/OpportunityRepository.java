package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.OrderDirection;
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
 * Opportunities. A deal is visible to whoever sees its customer ({@link CustomerScope}).
 */
@Repository
class OpportunityRepository {

	private static final BiFunction<Row, RowMetadata, Opportunity> OPPORTUNITY = (row, meta) -> {
		BigDecimal amount = row.get("amount", BigDecimal.class);
		String currency = row.get("currency", String.class);
		return new Opportunity(row.get("id", UUID.class), row.get("customer_id", UUID.class),
				row.get("name", String.class), row.get("owner_id", String.class), row.get("pipeline_id", UUID.class),
				row.get("stage_id", UUID.class), OpportunityStatus.valueOf(row.get("status", String.class)),
				amount == null ? null : Money.of(amount, currency), row.get("expected_close_date", LocalDate.class),
				List.of(row.get("competitors", String[].class)), row.get("lost_reason_id", UUID.class),
				row.get("lost_note", String.class), row.get("version", Integer.class),
				row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class),
				row.get("closed_at", OffsetDateTime.class), row.get("campaign_id", UUID.class));
	};

	private final DatabaseClient database;

	OpportunityRepository(DatabaseClient database) {
		this.database = database;
	}

	Flux<Opportunity> page(Actor actor, OpportunityQuery query, PageRequest page) {
		Sql sql = new Sql().append("select o.* from opportunity o where ");
		restrict(sql, actor);
		query.appendFilter(sql);
		String column = query.orderColumn();
		boolean descending = query.direction() == OrderDirection.DESC;
		if (page.after() != null) {
			sql.append(" and (" + column + ", o.id) " + (descending ? "<" : ">") + " ("
					+ sql.param(query.cursorValue(page.after())) + ", " + sql.param(page.after().id()) + ")");
		}
		String direction = descending ? " desc" : " asc";
		sql.append(" order by " + column + direction + ", o.id" + direction + " limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(OPPORTUNITY).all();
	}

	/**
	 * The first deals of each customer the actor sees, in the order of {@code query} (its
	 * close-date order; the status filter included), in one statement
	 * ({@link ChildPages#lateral}); the scope is the parent's, checked once per customer.
	 */
	Mono<Map<UUID, List<Opportunity>>> pagesOfCustomers(Actor actor, Collection<UUID> customerIds,
			OpportunityQuery query, PageRequest page) {
		Sql sql = ChildPages.lateral(customerIds, inner -> {
			inner.append("select o.* from opportunity o where o.customer_id = p.id");
			query.appendFilter(inner);
			String column = query.orderColumn();
			if (page.after() != null) {
				inner.append(" and (" + column + ", o.id) > (" + inner.param(query.cursorValue(page.after())) + ", "
						+ inner.param(page.after().id()) + ")");
			}
			inner.append(" order by " + column + ", o.id limit " + inner.param(page.fetchSize()));
		});
		sql.append(" where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.id");
		return ChildPages.byParent(sql, this.database, OPPORTUNITY);
	}

	Mono<Opportunity> findVisible(Actor actor, UUID id) {
		Sql sql = new Sql().append("select o.* from opportunity o where ");
		restrict(sql, actor);
		sql.append(" and o.id = " + sql.param(id));
		return sql.on(this.database).map(OPPORTUNITY).one();
	}

	Mono<Map<UUID, Opportunity>> findVisible(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		Sql sql = new Sql().append("select o.* from opportunity o where ");
		restrict(sql, actor);
		sql.append(" and o.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ")");
		return sql.on(this.database).map(OPPORTUNITY).all().collectMap(Opportunity::id);
	}

	Mono<Opportunity> insert(Opportunity o) {
		Sql sql = new Sql();
		sql.append("insert into opportunity (id, customer_id, name, owner_id, pipeline_id, stage_id, status, amount,"
				+ " currency, expected_close_date, competitors, closed_at, campaign_id) values ("
				+ String.join(", ", sql.param(o.id()), sql.param(o.customerId()), sql.param(o.name()),
						sql.param(o.ownerId()), sql.param(o.pipelineId()), sql.param(o.stageId()),
						sql.value(o.status()),
						sql.param(o.amount() == null ? null : o.amount().amount(), BigDecimal.class),
						sql.param(o.amount() == null ? null : o.amount().currency(), String.class),
						sql.param(o.expectedCloseDate(), LocalDate.class), sql.value(o.competitors()),
						sql.param(o.closedAt(), OffsetDateTime.class), sql.param(o.campaignId(), UUID.class))
				+ ") returning *");
		return sql.on(this.database).map(OPPORTUNITY).one();
	}

	/**
	 * Applies changes at the expected version; the caller has read the deal in scope.
	 * Empty when the version is stale. The stage the deal leaves comes from the row as
	 * this statement locked it, not from the caller's earlier read, which a move
	 * committed meanwhile may have overtaken.
	 */
	Mono<Changed> update(UUID id, int expectedVersion, Map<String, Object> changes) {
		Sql sql = new Sql();
		sql.append("with before as (select id, stage_id from opportunity where id = " + sql.param(id)
				+ " for update) update opportunity o set version = o.version + 1, updated_at = now()");
		changes.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(" from before where o.id = before.id and o.version = " + sql.param(expectedVersion)
				+ " returning o.*, before.stage_id as previous_stage_id");
		return sql.on(this.database)
			.map((row, meta) -> new Changed(OPPORTUNITY.apply(row, meta), row.get("previous_stage_id", UUID.class)))
			.one();
	}

	/** A deal as an update left it, and the stage it was in just before. */
	record Changed(Opportunity deal, UUID previousStageId) {

	}

	/** The version a deal is at now, to tell a caller whose version was stale. */
	Mono<Integer> version(UUID id) {
		return this.database.sql("select version from opportunity where id = $1")
			.bind(0, id)
			.map(row -> row.get("version", Integer.class))
			.one();
	}

	Mono<Map<UUID, List<OpportunityLine>>> linesOf(Collection<UUID> opportunityIds) {
		if (opportunityIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database
			.sql("select * from opportunity_line where opportunity_id = any($1) order by opportunity_id, position")
			.bind(0, opportunityIds.toArray(UUID[]::new))
			.map(row -> {
				BigDecimal price = row.get("unit_price", BigDecimal.class);
				return new OpportunityLine(row.get("opportunity_id", UUID.class), row.get("position", Integer.class),
						row.get("product", String.class), row.get("quantity", Integer.class),
						price == null ? null : Money.of(price, row.get("currency", String.class)),
						row.get("bought", Boolean.class));
			})
			.all()
			.collect(Collectors.groupingBy(OpportunityLine::opportunityId));
	}

	Mono<Void> replaceLines(UUID opportunityId, List<OpportunityLine> lines) {
		return this.database.sql("delete from opportunity_line where opportunity_id = $1")
			.bind(0, opportunityId)
			.then()
			.thenMany(Flux.fromIterable(lines)
				.concatMap(line -> this.database.sql("""
						insert into opportunity_line (opportunity_id, position, product, quantity, unit_price,
						                              currency, bought)
						values ($1, $2, $3, $4, $5, $6, $7)""")
					.bind(0, opportunityId)
					.bind(1, line.position())
					.bind(2, line.product())
					.bind(3, line.quantity())
					.bind(4, Parameter.fromOrEmpty(line.unitPrice() == null ? null : line.unitPrice().amount(),
							BigDecimal.class))
					.bind(5, Parameter.fromOrEmpty(line.unitPrice() == null ? null : line.unitPrice().currency(),
							String.class))
					.bind(6, line.bought())
					.then()))
			.then();
	}

	/**
	 * Records a move, closing the deal's previous stay at the same moment and moving the
	 * deal's furthest stage on when it went further.
	 */
	Mono<Void> recordStageChange(StageChange change) {
		Mono<Void> closePrevious = this.database
			.sql("update opportunity_stage_change set left_at = now() where opportunity_id = $1 and left_at is null")
			.bind(0, change.opportunityId())
			.then();
		return closePrevious.then(this.database.sql("""
				insert into opportunity_stage_change (opportunity_id, from_stage_id, to_stage_id, status, changed_by)
				values ($1, $2, $3, $4, $5)""")
			.bind(0, change.opportunityId())
			.bind(1, Parameter.fromOrEmpty(change.fromStageId(), UUID.class))
			.bind(2, change.toStageId())
			.bind(3, change.status().name())
			.bind(4, change.changedBy())
			.then())
			.then(this.database.sql("""
					update opportunity o set furthest_stage_id = $2
					where o.id = $1 and (o.furthest_stage_id is null
					      or (select position from stage where id = $2)
					         > (select position from stage where id = o.furthest_stage_id))""")
				.bind(0, change.opportunityId())
				.bind(1, change.toStageId())
				.then());
	}

	/**
	 * Sets every deal's furthest stage of the pipeline again from its history, after the
	 * stages were put in another order.
	 */
	Mono<Void> recomputeFurthestStages(UUID pipelineId) {
		return this.database.sql("""
				update opportunity o set furthest_stage_id = f.stage_id
				from (
				    select distinct on (h.opportunity_id) h.opportunity_id, h.to_stage_id as stage_id
				    from opportunity_stage_change h
				    join stage s on s.id = h.to_stage_id
				    where s.pipeline_id = $1
				    order by h.opportunity_id, s.position desc
				) f
				where f.opportunity_id = o.id and o.furthest_stage_id is distinct from f.stage_id""")
			.bind(0, pipelineId)
			.then();
	}

	Mono<Map<UUID, List<StageChange>>> history(Collection<UUID> opportunityIds) {
		if (opportunityIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				select * from opportunity_stage_change where opportunity_id = any($1)
				order by opportunity_id, changed_at, id""")
			.bind(0, opportunityIds.toArray(UUID[]::new))
			.map(row -> new StageChange(row.get("opportunity_id", UUID.class), row.get("from_stage_id", UUID.class),
					row.get("to_stage_id", UUID.class), OpportunityStatus.valueOf(row.get("status", String.class)),
					row.get("changed_by", String.class), row.get("changed_at", OffsetDateTime.class)))
			.all()
			.collect(Collectors.groupingBy(StageChange::opportunityId));
	}

	/** Deals per campaign and status, with amounts per currency, in the actor's scope. */
	Flux<CampaignDeals> dealsByCampaign(Actor actor) {
		Sql sql = new Sql()
			.append("select o.campaign_id, o.status, o.currency, count(*) as deals, sum(o.amount) as amount"
					+ " from opportunity o where o.campaign_id is not null and ");
		restrict(sql, actor);
		sql.append(" group by o.campaign_id, o.status, o.currency");
		return sql.on(this.database)
			.map(row -> new CampaignDeals(row.get("campaign_id", UUID.class),
					OpportunityStatus.valueOf(row.get("status", String.class)), row.get("currency", String.class),
					row.get("deals", Long.class).intValue(), row.get("amount", BigDecimal.class)))
			.all();
	}

	record CampaignDeals(UUID campaignId, OpportunityStatus status, String currency, int count, BigDecimal amount) {

	}

	/**
	 * Money received per campaign and currency from the customers the actor sees, read
	 * from billing's {@code campaign_receipt} view and rounded once per currency.
	 */
	Flux<CampaignMoney> receiptsByCampaign(Actor actor) {
		Sql sql = new Sql();
		sql.append("select r.campaign_id, r.currency, round(sum(r.amount), " + Money.decimalsIn(sql, "r.currency")
				+ ") as amount from campaign_receipt r where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "r.customer_id");
		sql.append(" group by r.campaign_id, r.currency order by r.currency");
		return sql.on(this.database)
			.map(row -> new CampaignMoney(row.get("campaign_id", UUID.class),
					Money.of(row.get("amount", BigDecimal.class), row.get("currency", String.class).strip())))
			.all();
	}

	record CampaignMoney(UUID campaignId, Money money) {

	}

	/**
	 * Open deals summed per stage and currency, and per owner too when {@code byOwner};
	 * the rows of a report without owners have none.
	 */
	Flux<PipelineReportRow> pipelineReport(Actor actor, UUID pipelineId, boolean byOwner) {
		Sql sql = new Sql();
		String owner = byOwner ? " o.owner_id," : "";
		// each deal's weighted amount rounded once, to its currency's minor unit, then
		// summed
		String weighted = "round(o.amount * st.probability / 100, " + Money.decimalsIn(sql, "o.currency") + ")";
		sql.append("""
				select o.stage_id,%s o.currency, count(*) as deals, sum(o.amount) as amount, sum(%s) as weighted
				from opportunity o join stage st on st.id = o.stage_id
				where o.status = 'OPEN' and o.amount is not null""".formatted(owner, weighted)).append(" and ");
		restrict(sql, actor);
		if (pipelineId != null) {
			sql.append(" and o.pipeline_id = " + sql.param(pipelineId));
		}
		sql.append(" group by o.stage_id, st.position,%s o.currency order by st.position,%s o.currency".formatted(owner,
				owner));
		return sql.on(this.database)
			.map(row -> new PipelineReportRow(row.get("stage_id", UUID.class),
					byOwner ? row.get("owner_id", String.class) : null, row.get("currency", String.class),
					row.get("deals", Long.class).intValue(),
					Money.of(row.get("amount", BigDecimal.class), row.get("currency", String.class)).amount(),
					Money.of(row.get("weighted", BigDecimal.class), row.get("currency", String.class)).amount()))
			.all();
	}

	private static void restrict(Sql sql, Actor actor) {
		CustomerScope.restrictToVisibleCustomer(sql, actor, "o.customer_id");
	}

	static InvalidArgumentException invalidCursor() {
		return new InvalidArgumentException("INVALID_CURSOR",
				"Not a valid cursor: pass a `cursor` or `endCursor` returned by this API.");
	}

	static KeysetCursor cursorOf(Opportunity o, OpportunityQuery query) {
		return new KeysetCursor(query.orderKey(), query.cursorValueOf(o), o.id());
	}

}
