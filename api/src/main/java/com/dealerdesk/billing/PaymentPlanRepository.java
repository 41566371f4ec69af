package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.billing.PaymentPlan.PlannedPayment;
import com.dealerdesk.billing.PaymentPlan.Status;
import com.dealerdesk.billing.PaymentPlan.Term;
import com.dealerdesk.billing.PaymentPlan.Trigger;
import com.dealerdesk.billing.PaymentSplit.Kind;
import com.dealerdesk.billing.PaymentSplit.TriggerEvent;
import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Payment plans and their planned payments. A plan is visible when its customer is
 * ({@link CustomerScope}); planned payments are read for plans already read in scope.
 * Statuses come from the SQL function planned_payment_status, with the business date.
 */
@Repository
class PaymentPlanRepository {

	private static final TypeReference<List<Map<String, Object>>> TERMS = new TypeReference<>() {
	};

	private static final String PLAN_COLUMNS = """
			p.*, (select coalesce(sum(pp.paid), 0) from planned_payment pp where pp.plan_id = p.id) as paid,
			(select n.id from payment_plan n where n.previous_id = p.id) as next_id""";

	private final DatabaseClient database;

	private final JsonMapper json;

	PaymentPlanRepository(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	// ---- plans

	Mono<List<PaymentPlan>> plans(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append("select " + PLAN_COLUMNS + " from payment_plan p where p.id = any("
				+ sql.param(ids.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		return sql.on(this.database).map(this::plan).all().collectList();
	}

	/**
	 * The active plans of orders or contracts (by the column named), visible to the
	 * actor.
	 */
	Mono<Map<UUID, PaymentPlan>> activePlansOf(Actor actor, String column, Collection<UUID> documentIds) {
		Sql sql = new Sql();
		sql.append("select " + PLAN_COLUMNS + " from payment_plan p where p." + column + " = any("
				+ sql.param(documentIds.toArray(UUID[]::new)) + ") and p.status = 'ACTIVE' and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		return sql.on(this.database)
			.map(this::plan)
			.all()
			.collectMap(plan -> "order_id".equals(column) ? plan.orderId() : plan.contractId());
	}

	/** Locks a visible plan for a change. */
	Mono<PaymentPlan> lockPlan(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select " + PLAN_COLUMNS + " from payment_plan p where p.id = " + sql.param(id) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		sql.append(" for update of p");
		return sql.on(this.database).map(this::plan).one();
	}

	Mono<Void> insertPlan(UUID id, UUID customerId, UUID contractId, UUID orderId, int planVersion, UUID previousId,
			Money total, List<Term> terms, String reason, String createdBy) {
		Sql sql = new Sql();
		sql.append("insert into payment_plan (id, customer_id, contract_id, order_id, plan_version, status,"
				+ " previous_id, currency, total, terms, reason, created_by) values ("
				+ String.join(", ", sql.param(id), sql.param(customerId), sql.param(contractId, UUID.class),
						sql.param(orderId, UUID.class), sql.param(planVersion), "'ACTIVE'",
						sql.param(previousId, UUID.class), sql.param(total.currency()), sql.param(total.amount()),
						sql.param(Json.of(this.json.writeValueAsString(termsJson(terms)))),
						sql.param(reason, String.class), sql.param(createdBy))
				+ ")");
		return sql.on(this.database).then();
	}

	Mono<Void> supersede(UUID id) {
		return this.database.sql("update payment_plan set status = 'SUPERSEDED', version = version + 1 where id = $1")
			.bind(0, id)
			.then();
	}

	/** Counts a change of the plan; empty when the version is stale. */
	Mono<Integer> touch(UUID id, int expectedVersion) {
		return this.database
			.sql("update payment_plan set version = version + 1 where id = $1 and version = $2 returning version")
			.bind(0, id)
			.bind(1, expectedVersion)
			.map(row -> row.get(0, Integer.class))
			.one();
	}

	// ---- planned payments

	Mono<Map<UUID, List<PlannedPayment>>> plannedPaymentsOf(Collection<UUID> planIds, LocalDate today) {
		Sql sql = new Sql();
		sql.append("select " + plannedColumns(sql, today) + " from planned_payment p where p.plan_id = any("
				+ sql.param(planIds.toArray(UUID[]::new)) + ") order by p.plan_id, p.position");
		return sql.on(this.database)
			.map(this::planned)
			.all()
			.collect(Collectors.groupingBy(PlannedPayment::planId, LinkedHashMap::new, Collectors.toList()));
	}

	Mono<Map<UUID, PlannedPayment>> plannedPayments(Actor actor, Collection<UUID> ids, LocalDate today) {
		Sql sql = new Sql();
		sql.append("select " + plannedColumns(sql, today) + " from planned_payment p where p.id = any("
				+ sql.param(ids.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		return sql.on(this.database).map(this::planned).all().collectMap(PlannedPayment::id);
	}

	/** The planned payments that invoices were issued for, by invoice. */
	Mono<Map<UUID, List<PlannedPayment>>> plannedPaymentsOfInvoices(Collection<UUID> invoiceIds, LocalDate today) {
		Sql sql = new Sql();
		sql.append("select " + plannedColumns(sql, today) + " from planned_payment p where p.invoice_id = any("
				+ sql.param(invoiceIds.toArray(UUID[]::new)) + ") order by p.position");
		return sql.on(this.database).map(this::planned).all().collect(Collectors.groupingBy(PlannedPayment::invoiceId));
	}

	/** Locks a visible planned payment (and nothing else) for a change. */
	Mono<PlannedPayment> lockPlannedPayment(Actor actor, UUID id, LocalDate today) {
		Sql sql = new Sql();
		sql.append("select " + plannedColumns(sql, today) + " from planned_payment p where p.id = " + sql.param(id)
				+ " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		sql.append(" for update of p");
		return sql.on(this.database).map(this::planned).one();
	}

	Mono<Void> insertPlanned(UUID planId, UUID customerId, String currency, PaymentSplit.Part part,
			LocalDate occurredOn) {
		PaymentSplit.Trigger trigger = part.trigger();
		LocalDate dueOn = trigger == null ? part.dueOn()
				: occurredOn == null ? null : occurredOn.plusDays(trigger.offsetDays());
		Sql sql = new Sql();
		sql.append("insert into planned_payment (id, plan_id, customer_id, position, label, currency, amount, due_on,"
				+ " trigger_event, trigger_stage_id, trigger_offset_days, triggered_on) values ("
				+ String.join(", ", sql.param(UUID.randomUUID()), sql.param(planId), sql.param(customerId),
						sql.param(part.position()), sql.param(part.label()), sql.param(currency),
						sql.param(part.amount()), sql.param(dueOn, LocalDate.class),
						sql.param(trigger == null ? null : trigger.event().name(), String.class),
						sql.param(trigger == null ? null : trigger.stageId(), UUID.class),
						sql.param(trigger == null ? 0 : trigger.offsetDays()),
						sql.param(trigger == null ? null : occurredOn, LocalDate.class))
				+ ")");
		return sql.on(this.database).then();
	}

	Mono<Void> writeOff(UUID id, String reason) {
		return this.database
			.sql("update planned_payment set written_off_at = now(), write_off_reason = $2 where id = $1")
			.bind(0, id)
			.bind(1, reason)
			.then();
	}

	Mono<Void> setInvoice(UUID plannedPaymentId, UUID invoiceId) {
		return this.database.sql("update planned_payment set invoice_id = $2 where id = $1")
			.bind(0, plannedPaymentId)
			.bind(1, invoiceId)
			.then();
	}

	/**
	 * Sets the due date of the active plans' planned payments waiting for an event, once
	 * (those not triggered yet); returns them.
	 */
	Flux<UUID> trigger(TriggerEvent event, String planColumn, UUID documentId, UUID stageId, LocalDate occurredOn) {
		Sql sql = new Sql();
		sql.append("update planned_payment p set triggered_on = " + sql.param(occurredOn) + ", due_on = "
				+ sql.param(occurredOn) + " + p.trigger_offset_days from payment_plan pl where pl.id = p.plan_id"
				+ " and pl.status = 'ACTIVE' and pl." + planColumn + " = " + sql.param(documentId)
				+ " and p.trigger_event = " + sql.param(event.name()) + " and p.triggered_on is null");
		if (stageId != null) {
			sql.append(" and p.trigger_stage_id = " + sql.param(stageId));
		}
		return sql.append(" returning p.id").on(this.database).map(row -> row.get(0, UUID.class)).all();
	}

	// ---- rows

	private static String plannedColumns(Sql sql, LocalDate today) {
		String day = sql.param(today) + "::date";
		return "p.*, planned_payment_status(p.amount, p.paid, p.due_on, p.written_off_at, " + day + ") as status,"
				+ " case when p.written_off_at is null and p.paid < p.amount and p.due_on < " + day + " then " + day
				+ " - p.due_on else 0 end as days_overdue";
	}

	private PaymentPlan plan(Readable row) {
		String currency = row.get("currency", String.class).strip();
		return new PaymentPlan(row.get("id", UUID.class), row.get("customer_id", UUID.class),
				row.get("contract_id", UUID.class), row.get("order_id", UUID.class),
				row.get("plan_version", Integer.class), Status.valueOf(row.get("status", String.class)),
				row.get("previous_id", UUID.class), row.get("next_id", UUID.class), currency,
				Money.of(row.get("total", BigDecimal.class), currency),
				Money.of(row.get("paid", BigDecimal.class), currency),
				terms(row.get("terms", Json.class).asString(), currency), row.get("created_by", String.class),
				row.get("created_at", OffsetDateTime.class), row.get("version", Integer.class));
	}

	private PlannedPayment planned(Readable row) {
		String currency = row.get("currency", String.class).strip();
		String event = row.get("trigger_event", String.class);
		Trigger trigger = event == null ? null
				: new Trigger(TriggerEvent.valueOf(event), row.get("trigger_stage_id", UUID.class),
						row.get("trigger_offset_days", Integer.class), row.get("triggered_on", LocalDate.class));
		return new PlannedPayment(row.get("id", UUID.class), row.get("plan_id", UUID.class),
				row.get("customer_id", UUID.class), row.get("position", Integer.class), row.get("label", String.class),
				Money.of(row.get("amount", BigDecimal.class), currency),
				Money.of(row.get("paid", BigDecimal.class), currency), row.get("due_on", LocalDate.class), trigger,
				row.get("invoice_id", UUID.class), row.get("written_off_at", OffsetDateTime.class),
				row.get("write_off_reason", String.class), row.get("status", String.class),
				row.get("days_overdue", Integer.class));
	}

	private static List<Map<String, Object>> termsJson(List<Term> terms) {
		List<Map<String, Object>> result = new ArrayList<>();
		for (Term term : terms) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("kind", term.kind().name());
			map.put("label", term.label());
			map.put("percent", term.percent() == null ? null : term.percent().toPlainString());
			map.put("amount", term.amount() == null ? null : term.amount().amount().toPlainString());
			map.put("dueOn", term.dueOn() == null ? null : term.dueOn().toString());
			if (term.trigger() != null) {
				Map<String, Object> trigger = new LinkedHashMap<>();
				trigger.put("event", term.trigger().event().name());
				trigger.put("stageId", term.trigger().stageId() == null ? null : term.trigger().stageId().toString());
				trigger.put("offsetDays", term.trigger().offsetDays());
				map.put("trigger", trigger);
			}
			map.put("instalments", term.instalments());
			map.put("intervalMonths", term.intervalMonths());
			result.add(map);
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private List<Term> terms(String text, String currency) {
		List<Term> terms = new ArrayList<>();
		for (Map<String, Object> map : this.json.readValue(text, TERMS)) {
			Map<String, Object> trigger = (Map<String, Object>) map.get("trigger");
			terms.add(new Term(Kind.valueOf((String) map.get("kind")), (String) map.get("label"),
					map.get("percent") == null ? null : new BigDecimal((String) map.get("percent")),
					map.get("amount") == null ? null : Money.of(new BigDecimal((String) map.get("amount")), currency),
					map.get("dueOn") == null ? null : LocalDate.parse((String) map.get("dueOn")),
					trigger == null ? null
							: new Trigger(TriggerEvent.valueOf((String) trigger.get("event")),
									trigger.get("stageId") == null ? null
											: UUID.fromString((String) trigger.get("stageId")),
									((Number) trigger.get("offsetDays")).intValue(), null),
					(Integer) map.get("instalments"), (Integer) map.get("intervalMonths")));
		}
		return terms;
	}

}
