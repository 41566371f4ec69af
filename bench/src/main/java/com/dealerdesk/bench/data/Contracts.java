package com.dealerdesk.bench.data;

import java.sql.SQLException;
import java.util.UUID;

/**
 * Contracts (one per five customers) with their stages, works and tasks, and for the
 * signed ones a payment plan of four quarterly planned payments, most of those due paid
 * on time, some late, some in part and some not at all (overdue), each payment allocated
 * to its planned payment. What was paid is kept on the rows as the billing feature keeps
 * it (planned_payment.paid, payment.allocated).
 */
final class Contracts {

	static final int T_CONTRACT = 30;

	static final int T_PAYMENT = 31;

	static final int STAGES = 3;

	static final int TASKS_PER_WORK = 2;

	static final int INSTALMENTS = 4;

	private static final String[] STAGE_NAMES = { "Analysis and specification", "Installation",
			"Training and handover" };

	private final Generation g;

	private final Rows rows;

	private final Customers customers;

	private final long n;

	Contracts(Generation generation, Customers customers) {
		this.g = generation;
		this.rows = generation.rows;
		this.customers = customers;
		this.n = generation.size.customers();
	}

	/** Every fifth customer has a contract; its rank is i / 5. */
	static boolean hasContract(long i) {
		return i % Size.CUSTOMERS_PER_CONTRACT == 0;
	}

	static UUID contractId(long i) {
		return Rows.id("contract", i / Size.CUSTOMERS_PER_CONTRACT);
	}

	long createdAt(long i) {
		return this.customers.after(i, 25 * Generation.DAY);
	}

	String status(long i) {
		long created = createdAt(i);
		int p = this.rows.pick(T_CONTRACT, i, 0, 100);
		if (created < Generation.ANCHOR - 540 * Generation.DAY) {
			return (p < 85) ? "COMPLETED" : (p < 92) ? "IN_PROGRESS" : "TERMINATED";
		}
		return (p < 15) ? "DRAFT" : (p < 35) ? "SIGNED" : (p < 97) ? "IN_PROGRESS" : "TERMINATED";
	}

	/**
	 * Signed a fortnight after it was drawn up (none for drafts and early terminations).
	 */
	long signedDay(long i) {
		return Math.min(Generation.ANCHOR_DAY - 1, createdAt(i) / Generation.DAY + 14);
	}

	boolean signed(long i) {
		String status = status(i);
		return !status.equals("DRAFT") && !status.equals("TERMINATED");
	}

	long totalCents(long i) {
		return 500_000L * (10 + this.rows.pick(T_CONTRACT, i, 1, 390));
	}

	/** Stages accepted: all of a completed contract's, some of one in progress. */
	int accepted(long i) {
		return switch (status(i)) {
			case "COMPLETED" -> STAGES;
			case "IN_PROGRESS" -> this.rows.pick(T_CONTRACT, i, 2, STAGES);
			default -> 0;
		};
	}

	long stageDeadline(long i, int stage) {
		return signedDay(i) + 45L * stage;
	}

	void load() throws SQLException {
		long ranks = this.n / Size.CUSTOMERS_PER_CONTRACT;
		Numbering numbers = new Numbering(this.g, "CTR", ranks, r -> createdAt(r * Size.CUSTOMERS_PER_CONTRACT));
		this.g.table("contract",
				"id, number, title, customer_id, opportunity_id, order_id, status, signed_on,"
						+ " currency, total, termination_reason, created_by, created_at, updated_at",
				this.n, (i, out) -> {
					if (!hasContract(i)) {
						return;
					}
					String status = status(i);
					out.row()
						.uuid(contractId(i))
						.text(numbers.number(i / Size.CUSTOMERS_PER_CONTRACT))
						.text("Implementation for " + this.customers.name(i).name())
						.uuid(Customers.id(i))
						.uuid(this.customers.deals(i) > 0 ? Sales.dealId(i, 0) : null)
						.uuid(Customers.licensed(i) ? Licensing.orderId(i) : null)
						.text(status);
					if (signed(i) || status.equals("TERMINATED") && this.rows.chance(T_CONTRACT, i, 3, 50)) {
						out.date(signedDay(i));
					}
					else {
						out.nul();
					}
					out.text(this.customers.currency(i))
						.cents(totalCents(i))
						.text(status.equals("TERMINATED") ? "The customer cancelled the project" : null)
						.text(this.customers.owner(i))
						.instant(createdAt(i))
						.instant(Math.min(Generation.ANCHOR, createdAt(i) + 30 * Generation.DAY))
						.end();
				});
		this.g.table("contract_stage",
				"id, contract_id, position, name, deadline, accepted_at, accepted_by, acceptance_note", this.n,
				(i, out) -> {
					if (!hasContract(i)) {
						return;
					}
					for (int stage = 1; stage <= STAGES; stage++) {
						out.row()
							.uuid(stageId(i, stage))
							.uuid(contractId(i))
							.number(stage)
							.text(STAGE_NAMES[stage - 1])
							.date(stageDeadline(i, stage));
						if (stage <= accepted(i)) {
							out.instant(Math.min(Generation.ANCHOR - Generation.DAY,
									(stageDeadline(i, stage) - 3) * Generation.DAY))
								.text(this.customers.owner(i))
								.text("Accepted");
						}
						else {
							out.nul().nul().nul();
						}
						out.end();
					}
				});
		this.g.table("contract_work",
				"id, contract_id, stage_id, position, name, deadline, owner_id, accepted_at, accepted_by", this.n,
				(i, out) -> {
					if (!hasContract(i)) {
						return;
					}
					for (int stage = 1; stage <= STAGES; stage++) {
						out.row()
							.uuid(workId(i, stage))
							.uuid(contractId(i))
							.uuid(stageId(i, stage))
							.number(1)
							.text(STAGE_NAMES[stage - 1] + ": work")
							.date(stageDeadline(i, stage))
							.text(this.customers.owner(i));
						if (stage <= accepted(i)) {
							out.instant(Math.min(Generation.ANCHOR - Generation.DAY,
									(stageDeadline(i, stage) - 3) * Generation.DAY))
								.text(this.customers.owner(i));
						}
						else {
							out.nul().nul();
						}
						out.end();
					}
				});
		this.g.table("contract_task", "id, contract_id, work_id, position, name, start_on, end_on, assignee_id,"
				+ " planned_hours, spent_hours, progress", this.n, (i, out) -> {
					if (!hasContract(i)) {
						return;
					}
					for (int stage = 1; stage <= STAGES; stage++) {
						long start = stageDeadline(i, stage) - 45;
						for (int task = 1; task <= TASKS_PER_WORK; task++) {
							long row = ((i / Size.CUSTOMERS_PER_CONTRACT) - 1) * STAGES * TASKS_PER_WORK
									+ (stage - 1) * TASKS_PER_WORK + task;
							boolean done = stage <= accepted(i);
							int planned = 8 * (1 + this.rows.pick(T_CONTRACT, row, 4, 10));
							out.row()
								.uuid(Rows.id("contract_task", row))
								.uuid(contractId(i))
								.uuid(workId(i, stage))
								.number(task)
								.text(task == 1 ? "Prepare" : "Carry out")
								.date(start + (task - 1) * 20)
								.date(start + (task - 1) * 20 + 19)
								.text(this.customers.owner(i))
								.number(planned)
								.number(done ? planned : planned / 3)
								.number(done ? 100 : (stage == accepted(i) + 1 && signed(i)) ? 30 : 0)
								.end();
						}
					}
				});
		billing();
		numbers.commit(this.g);
	}

	private static UUID stageId(long i, int stage) {
		return Rows.id("contract_stage", (i / Size.CUSTOMERS_PER_CONTRACT - 1) * STAGES + stage);
	}

	private static UUID workId(long i, int stage) {
		return Rows.id("contract_work", (i / Size.CUSTOMERS_PER_CONTRACT - 1) * STAGES + stage);
	}

	// ---- billing

	private static UUID planId(long i) {
		return Rows.id("payment_plan", i / Size.CUSTOMERS_PER_CONTRACT);
	}

	private static long plannedRow(long i, int position) {
		return (i / Size.CUSTOMERS_PER_CONTRACT - 1) * INSTALMENTS + position;
	}

	long dueDay(long i, int position) {
		return signedDay(i) + 30 + 91L * (position - 1);
	}

	long instalmentCents(long i, int position) {
		long part = totalCents(i) / INSTALMENTS;
		return (position < INSTALMENTS) ? part : totalCents(i) - part * (INSTALMENTS - 1);
	}

	/** What was paid of a planned payment, and when (epoch day; -1 when nothing). */
	record Paid(long cents, long day) {
	}

	Paid paid(long i, int position) {
		long row = plannedRow(i, position);
		long due = dueDay(i, position);
		long amount = instalmentCents(i, position);
		int p = this.rows.pick(T_PAYMENT, row, 0, 100);
		if (due >= Generation.ANCHOR_DAY) {
			// not due yet: a few paid early
			return (p < 5) ? new Paid(amount, Generation.ANCHOR_DAY - 1 - this.rows.pick(T_PAYMENT, row, 1, 10))
					: new Paid(0, -1);
		}
		if (p < 65) {
			return new Paid(amount, due - this.rows.pick(T_PAYMENT, row, 1, 10));
		}
		if (p < 80) {
			// late
			return new Paid(amount,
					Math.min(Generation.ANCHOR_DAY - 1, due + 5 + this.rows.pick(T_PAYMENT, row, 1, 60)));
		}
		if (p < 88) {
			// in part, so far
			return new Paid(amount * 2 / 5,
					Math.min(Generation.ANCHOR_DAY - 1, due + this.rows.pick(T_PAYMENT, row, 1, 30)));
		}
		return new Paid(0, -1);
	}

	private void billing() throws SQLException {
		this.g.table("payment_plan", "id, customer_id, contract_id, plan_version, status, currency, total, terms,"
				+ " created_by, created_at", this.n, (i, out) -> {
					if (!hasContract(i) || !signed(i)) {
						return;
					}
					out.row()
						.uuid(planId(i))
						.uuid(Customers.id(i))
						.uuid(contractId(i))
						.number(1)
						.text("ACTIVE")
						.text(this.customers.currency(i))
						.cents(totalCents(i))
						.raw("[{\"kind\": \"INSTALMENTS\", \"label\": \"Quarterly instalments\", \"percent\": null,"
								+ " \"amount\": null, \"dueOn\": \"" + java.time.LocalDate.ofEpochDay(dueDay(i, 1))
								+ "\", \"instalments\": " + INSTALMENTS + ", \"intervalMonths\": 3}]")
						.text(this.customers.owner(i))
						.instant(signedDay(i) * Generation.DAY)
						.end();
				});
		this.g.table("planned_payment",
				"id, plan_id, customer_id, position, label, currency, amount, paid, due_on," + " overdue_announced_for",
				this.n, (i, out) -> {
					if (!hasContract(i) || !signed(i)) {
						return;
					}
					for (int position = 1; position <= INSTALMENTS; position++) {
						long due = dueDay(i, position);
						Paid paid = paid(i, position);
						long amount = instalmentCents(i, position);
						out.row()
							.uuid(Rows.id("planned_payment", plannedRow(i, position)))
							.uuid(planId(i))
							.uuid(Customers.id(i))
							.number(position)
							.text("Instalment " + position + " of " + INSTALMENTS)
							.text(this.customers.currency(i))
							.cents(amount)
							.cents(paid.cents())
							.date(due);
						// overdue before the data set was made: announced already
						if (paid.cents() < amount && due < Generation.ANCHOR_DAY) {
							out.date(due);
						}
						else {
							out.nul();
						}
						out.end();
					}
				});
		// numbered PAY-year-n after the load, in the order received
		this.g.table("payment", "id, number, kind, customer_id, currency, amount, allocated, received_on, method,"
				+ " idempotency_key, request_fingerprint, created_by, created_at", this.n, (i, out) -> {
					if (!hasContract(i) || !signed(i)) {
						return;
					}
					for (int position = 1; position <= INSTALMENTS; position++) {
						Paid paid = paid(i, position);
						if (paid.cents() > 0) {
							long row = plannedRow(i, position);
							out.row()
								.uuid(Rows.id("payment", row))
								.text("GEN-" + row)
								.text("RECEIPT")
								.uuid(Customers.id(i))
								.text(this.customers.currency(i))
								.cents(paid.cents())
								.cents(paid.cents())
								.date(paid.day())
								.text("BANK_TRANSFER")
								.text("generated-" + row)
								.text("generated")
								.text(this.customers.owner(i))
								.instant(paid.day() * Generation.DAY + 10 * 3600)
								.end();
						}
					}
				});
		this.g.table("payment_allocation",
				"id, payment_id, planned_payment_id, currency, amount, payment_amount," + " created_by, created_at",
				this.n, (i, out) -> {
					if (!hasContract(i) || !signed(i)) {
						return;
					}
					for (int position = 1; position <= INSTALMENTS; position++) {
						Paid paid = paid(i, position);
						if (paid.cents() > 0) {
							long row = plannedRow(i, position);
							out.row()
								.uuid(Rows.id("payment_allocation", row))
								.uuid(Rows.id("payment", row))
								.uuid(Rows.id("planned_payment", row))
								.text(this.customers.currency(i))
								.cents(paid.cents())
								.cents(paid.cents())
								.text(this.customers.owner(i))
								.instant(paid.day() * Generation.DAY + 10 * 3600)
								.end();
						}
					}
				});
		this.g.execute("""
				create temporary table generated_payment as
				select id, extract(year from received_on)::int as year,
				       coalesce((select last from document_counter c where c.kind = 'PAY'
				                 and c.year = extract(year from p.received_on)::int), 0)
				         + row_number() over (partition by extract(year from received_on) order by received_on, id) as n
				from payment p where number like 'GEN-%'""");
		this.g.execute(
				"""
						-- lpad cuts longer strings: more than 99,999 payments a year keep every digit
						update payment p set number = format('PAY-%s-%s', g.year, lpad(g.n::text, greatest(5, length(g.n::text)), '0'))
						from generated_payment g where g.id = p.id""");
		this.g.execute("""
				insert into document_counter (kind, year, last)
				select 'PAY', year, max(n) from generated_payment group by year
				on conflict (kind, year) do update set last = excluded.last""");
		this.g.execute("drop table generated_payment");
	}

}
