package com.dealerdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The collections overview and the income budget at size: seeds customers, contracts with
 * one active payment plan each, their planned payments (some paid, some written off) and
 * open deals set-based in PostgreSQL, then reads {@code collections} and
 * {@code incomeBudget} through the API and the same statements straight from PostgreSQL,
 * with concurrent clients.
 */
final class CollectionsLoad {

	/** Planned payments per plan. */
	private static final int INSTALMENTS = 10;

	/**
	 * The statements of CollectionsRepository, IncomeBudget and WeightedPipeline as they
	 * reach PostgreSQL for an actor who sees every customer (admins, accountants,
	 * integrations: CustomerScope writes {@code (true)}), prepared under these names with
	 * the API's parameters.
	 */
	private static final String SEEN = "with seen as not materialized (select c.id, c.owner_id, c.partner_id from customer c where (true))";

	/** The open amount of rows {@code open} due on {@code dueOn} by age band. */
	private static final String BANDS = """
			sum(%1$s) filter (where %2$s >= $1) as not_due,
			sum(%1$s) filter (where %2$s < $1 and %2$s >= $2) as days1to30,
			sum(%1$s) filter (where %2$s < $2 and %2$s >= $3) as days31to60,
			sum(%1$s) filter (where %2$s < $3 and %2$s >= $4) as days61to90,
			sum(%1$s) filter (where %2$s < $4) as over90""";

	private static final String OF_ACTIVE_PLAN = "p.plan_id not in (select pp.id from payment_plan pp where pp.status = 'SUPERSEDED')";

	private static final String AGEING = SEEN + """
			, open_by_customer as materialized (
			    select c.id as customer_id, c.owner_id, c.partner_id, o.currency, o.not_due, o.days1to30,
			           o.days31to60, o.days61to90, o.over90,
			           o.days1to30 + o.days31to60 + o.days61to90 + o.over90 as overdue
			    from (
			        select coalesce(p.customer_id, i.customer_id) as customer_id,
			               coalesce(p.currency, i.currency) as currency,
			               coalesce(p.not_due, 0) + coalesce(i.not_due, 0) as not_due,
			               coalesce(p.days1to30, 0) + coalesce(i.days1to30, 0) as days1to30,
			               coalesce(p.days31to60, 0) + coalesce(i.days31to60, 0) as days31to60,
			               coalesce(p.days61to90, 0) + coalesce(i.days61to90, 0) as days61to90,
			               coalesce(p.over90, 0) + coalesce(i.over90, 0) as over90
			        from (
			            select p.customer_id, p.currency, %1$s
			            from planned_payment p
			            where p.paid < p.amount and p.written_off_at is null and p.due_on is not null and %3$s
			              and p.customer_id in (select s.id from seen s)
			            group by p.customer_id, p.currency
			        ) p
			        full join (
			            select i.customer_id, i.currency, %2$s
			            from invoice_receivable i
			            left join invoice_account a on a.invoice_id = i.invoice_id
			            where i.total > coalesce(a.paid, 0)
			              and not exists (select 1 from planned_payment p where p.invoice_id = i.invoice_id)
			            group by i.customer_id, i.currency
			        ) i on i.customer_id = p.customer_id and i.currency = p.currency
			    ) o
			    join seen c on c.id = o.customer_id
			)
			select * from (
			    select 'CUSTOMER' as grouped_by, o.customer_id, null as owner_id, null::uuid as partner_id, o.currency,
			           o.not_due, o.days1to30, o.days31to60, o.days61to90, o.over90, o.overdue,
			           o.not_due + o.overdue as total
			    from open_by_customer o
			    where o.overdue > 0
			    order by o.overdue desc, o.customer_id, o.currency
			    limit 500
			) most_overdue
			union all
			select case when grouping(o.owner_id) = 0 then 'OWNER'
			            when grouping(o.partner_id) = 0 then 'PARTNER' else 'TOTAL' end,
			       null, o.owner_id, o.partner_id, o.currency, sum(o.not_due), sum(o.days1to30), sum(o.days31to60),
			       sum(o.days61to90), sum(o.over90), sum(o.overdue), sum(o.not_due) + sum(o.overdue)
			from open_by_customer o
			group by grouping sets ((o.owner_id, o.currency), (o.partner_id, o.currency), (o.currency))
			order by grouped_by, overdue desc, total desc, currency""".formatted(
			BANDS.formatted("p.amount - p.paid", "p.due_on"),
			BANDS.formatted("i.total - coalesce(a.paid, 0)", "i.due_on"), OF_ACTIVE_PLAN);

	private static final String DUE_THIS_WEEK = """
			with seen as (select c.id, c.owner_id, c.partner_id from customer c where (true))
			select p.customer_id, p.id as planned_payment_id, p.invoice_id, p.currency, p.due_on,
			       p.amount - p.paid as open,
			       case when planned_payment_status(p.amount, p.paid, p.due_on, p.written_off_at, $1::date) = 'OVERDUE'
			            then $1::date - p.due_on else 0 end as days_overdue
			from planned_payment p
			where p.paid < p.amount and p.written_off_at is null and p.due_on between $1::date and $2::date and %s
			  and p.customer_id in (select s.id from seen s)
			union all
			select i.customer_id, null, i.invoice_id, i.currency, i.due_on, i.total - coalesce(a.paid, 0),
			       greatest($1::date - i.due_on, 0)
			from invoice_receivable i
			left join invoice_account a on a.invoice_id = i.invoice_id
			where i.due_on between $1::date and $2::date and i.total > coalesce(a.paid, 0)
			  and i.customer_id in (select s.id from seen s)
			  and not exists (select 1 from planned_payment p where p.invoice_id = i.invoice_id)
			order by due_on, customer_id, planned_payment_id, invoice_id
			limit 200""".formatted(OF_ACTIVE_PLAN);

	private static final String RECEIVED_BY_MONTH = """
			select date_trunc('month', y.received_on)::date as month, y.currency, sum(y.amount) as amount
			from payment y
			where y.kind = 'RECEIPT' and y.received_on >= $1 and y.received_on <= $2 and \
			exists (select 1 from customer c where c.id = y.customer_id and (true)) group by 1, 2 order by 1, 2""";

	private static final String PLANNED_AND_RECEIVED = """
			select m.month, sum(m.planned) as planned, sum(m.received) as received from (
			    select date_trunc('month', p.due_on)::date as month, p.amount - p.paid as planned, 0 as received
			    from planned_payment p
			    where p.paid < p.amount and p.written_off_at is null and p.currency = $1::char(3) and p.due_on >= $2 \
			and p.due_on < $3 and %s and exists (select 1 from customer c where c.id = p.customer_id and (true))
			union all
			select date_trunc('month', y.received_on)::date, 0, y.amount
			from payment y
			where y.kind = 'RECEIPT' and y.currency = $1::char(3) and y.received_on >= $2 and y.received_on < $3 and \
			exists (select 1 from customer c where c.id = y.customer_id and (true))) m group by m.month"""
		.formatted(OF_ACTIVE_PLAN);

	/**
	 * Currencies by their decimals where those are not 2, as Money.decimalsIn binds them.
	 */
	private static final Map<Integer, List<String>> UNUSUAL_DECIMALS = Currency.getAvailableCurrencies()
		.stream()
		.filter(currency -> Math.max(currency.getDefaultFractionDigits(), 0) != 2)
		.collect(Collectors.groupingBy(currency -> Math.max(currency.getDefaultFractionDigits(), 0), TreeMap::new,
				Collectors.mapping(Currency::getCurrencyCode, Collectors.toList())));

	private static final String COLLECTIONS_QUERY = """
			{ collections { asOf
			    dueThisWeek { customer { id name } plannedPayment { id } invoice { id } dueOn open { ...M } daysOverdue }
			    totals { ...R } byCustomer { ...R } byOwner { ...R } byPartner { ...R }
			    receivedByMonth { month amount { ...M } } } }
			fragment M on Money { amount currency }
			fragment R on AgeingRow { customer { id name } owner { id name } partner { id name } currency
			  notDue { ...M } days1to30 { ...M } days31to60 { ...M } days61to90 { ...M } over90 { ...M }
			  overdue { ...M } total { ...M } }""";

	private static final String BUDGET_QUERY = """
			query($from: Date!, $to: Date!) { incomeBudget(from: $from, to: $to, currency: "EUR") {
			  month planned { amount currency } weightedPipeline { amount currency } expected { amount currency }
			  received { amount currency } } }""";

	private final DealerDeskProcess api;

	private final Database database;

	private final LocalDate today = LocalDate.now();

	CollectionsLoad(DealerDeskProcess api, Database database) {
		this.api = api;
		this.database = database;
	}

	/**
	 * A uuid made of a prefix naming the table and a number, so that rows can be joined
	 * by number.
	 */
	private static String id(String prefix, String number) {
		return "('" + prefix + "-0000-4000-8000-' || lpad(to_hex(" + number + "), 12, '0'))::uuid";
	}

	/**
	 * Seeds set-based, one statement per table, then vacuums and analyses; returns the
	 * seconds taken.
	 */
	double seed(int customers, int contracts, int opportunities) throws SQLException {
		long start = System.nanoTime();
		String creator = "(select id from app_user where partner_id is null order by id limit 1)";
		// contract i: its customer, currency and instalment amount (JPY has no decimals)
		String contract = """
				select i, %s as customer_id, cur,
				       case cur when 'JPY' then 100000 + (i %% 90) * 1000 else 1000 + (i %% 90) * 10 end as amt
				from generate_series(1, %d) i,
				     lateral (select (array['EUR', 'USD', 'JPY'])[1 + i %% 3] as cur) c"""
			.formatted(id("bc000000", "1 + i % " + customers), contracts);
		// planned payment n = (i - 1) * 10 + k of contract i: due within ±18 months of
		// today; a third paid (a quarter of those in part); of those overdue by more
		// than 90 days, one in twelve written off
		String planned = """
				with s as (
				    select x.*, k, (x.i - 1) * %1$d + k as n,
				           current_date - 548 + (x.i * 7 + k * 113) %% 1097 as due_on, (x.i * 13 + k * 7) %% 12 as h
				    from (%2$s) x, generate_series(1, %1$d) k)
				select s.*, case when h < 3 then amt when h = 3 then round(amt * 0.4) else 0 end as paid,
				       (h = 11 and due_on < current_date - 90) as written_off
				from s""".formatted(INSTALMENTS, contract);
		try (Connection connection = this.database.connect("seed"); Statement sql = connection.createStatement()) {
			step(sql, "customers", """
					insert into customer (id, name, status, owner_id, partner_id)
					select %s, 'Bench customer ' || i, 'CUSTOMER', u.id, u.partner_id
					from generate_series(1, %d) i
					join (select id, partner_id, row_number() over (order by id) - 1 as k, count(*) over () as n
					      from app_user) u on u.k = i %% u.n""".formatted(id("bc000000", "i"), customers));
			step(sql, "contracts",
					"""
							insert into contract (id, number, title, customer_id, status, signed_on, currency, total, created_by)
							select %s, 'CTR-BENCH-' || i, 'Bench contract ' || i, customer_id, 'SIGNED',
							       current_date - 600 + i %% 30, cur, %d * amt, %s
							from (%s) x"""
						.formatted(id("bd000000", "i"), INSTALMENTS, creator, contract));
			step(sql, "payment plans", """
					insert into payment_plan (id, customer_id, contract_id, plan_version, status, currency, total,
					                          terms, created_by)
					select %s, customer_id, %s, 1, 'ACTIVE', cur, %d * amt, '[]'::jsonb, %s
					from (%s) x""".formatted(id("be000000", "i"), id("bd000000", "i"), INSTALMENTS, creator, contract));
			step(sql, "planned payments", """
					insert into planned_payment (id, plan_id, customer_id, position, label, currency, amount, paid,
					                             due_on, written_off_at, write_off_reason)
					select %s, %s, customer_id, k, 'Instalment ' || k, cur, amt, paid, due_on,
					       case when written_off then now() end, case when written_off then 'bench' end
					from (%s) p""".formatted(id("bf000000", "n"), id("be000000", "i"), planned));
			step(sql, "payments",
					"""
							insert into payment (id, number, kind, customer_id, currency, amount, allocated, received_on, method,
							                     idempotency_key, request_fingerprint, created_by)
							select %s, 'PAY-BENCH-' || n, 'RECEIPT', customer_id, cur, paid, paid,
							       least(due_on, current_date) - n %% 20, 'BANK_TRANSFER', 'bench-' || n, 'bench', %s
							from (%s) p where paid > 0"""
						.formatted(id("b0000000", "n"), creator, planned));
			step(sql, "payment allocations", """
					insert into payment_allocation (id, payment_id, planned_payment_id, currency, amount,
					                                payment_amount, created_by)
					select %s, %s, %s, cur, paid, paid, %s
					from (%s) p where paid > 0""".formatted(id("b1000000", "n"), id("b0000000", "n"),
					id("bf000000", "n"), creator, planned));
			step(sql, "open opportunities", """
					insert into opportunity (id, customer_id, name, owner_id, pipeline_id, stage_id, status, amount,
					                         currency, expected_close_date)
					select %s, c.id, 'Bench deal ' || i, c.owner_id, st.pipeline_id, st.id, 'OPEN',
					       1000 + (i %% 50) * 100, (array['EUR', 'USD', 'EUR'])[1 + i %% 3], current_date + i %% 365
					from generate_series(1, %d) i
					join customer c on c.id = %s
					join (select id, pipeline_id, row_number() over (order by position) - 1 as k, count(*) over () as n
					      from stage where probability between 1 and 99
					        and pipeline_id = (select id from pipeline where is_default)) st on st.k = i %% st.n"""
				.formatted(id("b2000000", "i"), opportunities, id("bc000000", "1 + i % " + customers)));
			// as autovacuum leaves tables after a bulk load: statistics and the
			// visibility map
			// (index-only scans read the table only for pages changed since)
			step(sql, "vacuum analyze", "vacuum analyze");
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static void step(Statement sql, String what, String statement) throws SQLException {
		long start = System.nanoTime();
		int rows = sql.executeUpdate(statement);
		System.out.printf("  %-20s %,10d rows %7.1f s%n", what, rows, (System.nanoTime() - start) / 1e9);
	}

	/** {@code collections} with every field, through the API. */
	WriteThroughput.Result apiCollections(String token, int clients, Duration warmUp, Duration measure)
			throws SQLException, InterruptedException {
		return graphql("API: collections (all fields)", token, clients, COLLECTIONS_QUERY, "{}", warmUp, measure);
	}

	/** {@code incomeBudget} over the 12 months from this one, in EUR, through the API. */
	WriteThroughput.Result apiBudget(String token, int clients, Duration warmUp, Duration measure)
			throws SQLException, InterruptedException {
		LocalDate from = this.today.withDayOfMonth(1);
		String variables = "{\"from\":\"" + from + "\",\"to\":\"" + from.plusMonths(12).minusDays(1) + "\"}";
		return graphql("API: incomeBudget, 12 months, EUR", token, clients, BUDGET_QUERY, variables, warmUp, measure);
	}

	private WriteThroughput.Result graphql(String label, String token, int clients, String query, String variables,
			Duration warmUp, Duration measure) throws SQLException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().build();
		URI graphql = this.api.apiUri("/graphql");
		JsonNode first = WriteThroughput.post(http, graphql, token, query, variables);
		if (first.has("errors")) {
			throw new IllegalStateException(label + ": " + first.path("errors"));
		}
		List<WriteThroughput.Step> steps = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			steps.add(() -> {
				JsonNode answer = WriteThroughput.post(http, graphql, token, query, variables);
				if (answer.has("errors") || answer.path("data").isNull()) {
					throw new IllegalStateException(answer.path("errors").toString());
				}
			});
		}
		return WriteThroughput.measure(this.api, this.database, label, steps, warmUp, measure);
	}

	/**
	 * The collections statements (ageing, due this week, received by month), one after
	 * the other.
	 */
	WriteThroughput.Result sqlCollections(int clients, Duration warmUp, Duration measure)
			throws SQLException, InterruptedException {
		return sql("SQL: ageing + due this week + received", clients, collectionsStatements(), warmUp, measure);
	}

	/**
	 * The budget's statements (planned and received, weighted pipeline), one after the
	 * other.
	 */
	WriteThroughput.Result sqlBudget(int clients, Duration warmUp, Duration measure)
			throws SQLException, InterruptedException {
		return sql("SQL: planned and received + pipeline", clients, budgetStatements(), warmUp, measure);
	}

	private List<String> collectionsStatements() {
		return List.of(
				"execute bench_ageing('" + this.today + "', '" + this.today.minusDays(30) + "', '"
						+ this.today.minusDays(60) + "', '" + this.today.minusDays(90) + "')",
				"execute bench_due_this_week('" + this.today + "', '" + this.today.plusDays(6) + "')",
				"execute bench_received_by_month('" + this.today.withDayOfMonth(1).minusMonths(11) + "', '" + this.today
						+ "')");
	}

	private List<String> budgetStatements() {
		LocalDate first = this.today.withDayOfMonth(1);
		LocalDate until = first.plusMonths(12);
		StringBuilder arrays = new StringBuilder();
		UNUSUAL_DECIMALS.values().forEach(codes -> arrays.append("'{").append(String.join(",", codes)).append("}', "));
		return List.of("execute bench_planned_and_received('EUR', '" + first + "', '" + until + "')",
				"execute bench_pipeline('EUR', " + arrays + "'" + first + "', '" + until + "')");
	}

	private WriteThroughput.Result sql(String label, int clients, List<String> executes, Duration warmUp,
			Duration measure) throws SQLException, InterruptedException {
		List<Connection> connections = new ArrayList<>();
		List<WriteThroughput.Step> steps = new ArrayList<>();
		try {
			for (int i = 0; i < clients; i++) {
				Connection connection = prepared();
				connections.add(connection);
				Statement statement = connection.createStatement();
				steps.add(() -> {
					for (String execute : executes) {
						try (ResultSet rows = statement.executeQuery(execute)) {
							while (rows.next()) {
								// read every row, as the API does
							}
						}
					}
				});
			}
			return WriteThroughput.measure(this.api, this.database, label, steps, warmUp, measure);
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}

	/** A connection with the API's statements prepared under bench_… names. */
	private Connection prepared() throws SQLException {
		Connection connection = this.database.connect("sql-reader");
		StringBuilder pipelineTypes = new StringBuilder("text");
		StringBuilder decimals = new StringBuilder("case");
		int parameter = 2;
		for (Integer digits : UNUSUAL_DECIMALS.keySet()) {
			pipelineTypes.append(", text[]");
			decimals.append(" when o.currency = any($" + parameter++ + ") then " + digits);
		}
		decimals.append(" else 2 end");
		String pipeline = """
				select date_trunc('month', o.expected_close_date)::date as month,
				       sum(round(o.amount * st.probability / 100, %s)) as weighted
				from opportunity o join stage st on st.id = o.stage_id
				where o.status = 'OPEN' and o.amount is not null and o.currency = $1 \
				and o.expected_close_date >= $%d and o.expected_close_date < $%d and \
				exists (select 1 from customer c where c.id = o.customer_id and (true)) group by 1"""
			.formatted(decimals, parameter, parameter + 1);
		try (Statement prepare = connection.createStatement()) {
			prepare.execute("prepare bench_ageing(date, date, date, date) as " + AGEING);
			prepare.execute("prepare bench_due_this_week(date, date) as " + DUE_THIS_WEEK);
			prepare.execute("prepare bench_received_by_month(date, date) as " + RECEIVED_BY_MONTH);
			prepare.execute("prepare bench_planned_and_received(text, date, date) as " + PLANNED_AND_RECEIVED);
			prepare.execute("prepare bench_pipeline(" + pipelineTypes + ", date, date) as " + pipeline);
		}
		return connection;
	}

	/** EXPLAIN (ANALYZE, BUFFERS) of each statement, once. */
	void explain() throws SQLException {
		try (Connection connection = prepared(); Statement statement = connection.createStatement()) {
			List<String> executes = new ArrayList<>(collectionsStatements());
			executes.addAll(budgetStatements());
			for (String execute : executes) {
				System.out.printf("%n%s%n", execute);
				try (ResultSet plan = statement.executeQuery("explain (analyze, buffers) " + execute)) {
					while (plan.next()) {
						System.out.println("  " + plan.getString(1));
					}
				}
			}
		}
	}

}
