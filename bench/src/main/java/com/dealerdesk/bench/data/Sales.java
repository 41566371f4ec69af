package com.dealerdesk.bench.data;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Deals across the default pipeline with their stage history (each stay's end and the
 * deal's furthest stage filled as the API keeps them), and quotes with lines for the
 * deals that got to a demo. A customer has none, one or two deals, created shortly after
 * it, so that deal times grow with the customer's row like every other document's.
 */
final class Sales {

	static final int T_DEAL = 20;

	static final int T_QUOTE = 21;

	private static final String[] DEAL_NAMES = { "CAD rollout", "Cloud subscription", "Upgrade to the next edition",
			"Additional seats", "Renewal", "Training package", "Migration project", "Site license" };

	private final Generation g;

	private final Rows rows;

	private final Customers customers;

	private final long n;

	/** The default pipeline's stages by position (1-based; index 0 unused). */
	private final UUID[] stages;

	private final UUID pipeline;

	private final List<String> lostReasons;

	/** The first stage that closes a deal as won. */
	private final int wonPosition;

	Sales(Generation generation, Customers customers) throws SQLException {
		this.g = generation;
		this.rows = generation.rows;
		this.customers = customers;
		this.n = generation.size.customers();
		this.pipeline = UUID.fromString(generation.string("select id from pipeline where is_default"));
		List<String> ids = generation
			.strings("select id from stage where pipeline_id = '" + this.pipeline + "' order by position");
		this.stages = new UUID[ids.size() + 1];
		for (int k = 0; k < ids.size(); k++) {
			this.stages[k + 1] = UUID.fromString(ids.get(k));
		}
		this.wonPosition = Integer.parseInt(generation
			.string("select min(position) from stage where pipeline_id = '" + this.pipeline + "' and closes_as_won"));
		this.lostReasons = generation.strings("select id from lost_reason order by position");
	}

	static UUID dealId(long i, int slot) {
		return Rows.id("opportunity", dealRow(i, slot));
	}

	static long dealRow(long i, int slot) {
		return (i - 1) * Size.DEAL_SLOTS + slot + 1;
	}

	/** A deal's path: the furthest stage it reached and how it ended. */
	record Deal(long row, long created, int furthest, String status, long step, boolean hasAmount) {

		/** When it entered the stage at {@code position}. */
		long entered(int position) {
			return this.created + (position - 1) * this.step;
		}

		/**
		 * When it was closed: won on entering the won stage, lost a step after its last
		 * stage.
		 */
		long closed(int wonPosition) {
			return "WON".equals(this.status) ? entered(wonPosition)
					: "LOST".equals(this.status) ? entered(this.furthest) + this.step : -1;
		}

	}

	Deal deal(long i, int slot) {
		long d = dealRow(i, slot);
		long created = this.customers.after(i, (5 + 120L * slot) * Generation.DAY);
		boolean old = created < Generation.ANCHOR - 365 * Generation.DAY;
		int p = this.rows.pick(T_DEAL, d, 0, 100);
		String status = old ? (p < 15 ? "OPEN" : p < 70 ? "WON" : "LOST") : (p < 60 ? "OPEN" : p < 85 ? "WON" : "LOST");
		int lastOpen = this.wonPosition - 1;
		int furthest = switch (status) {
			// open deals thin out along the pipeline
			case "OPEN" -> 1 + (int) Math.sqrt(this.rows.pick(T_DEAL, d, 1, lastOpen * lastOpen));
			case "WON" -> this.wonPosition + this.rows.pick(T_DEAL, d, 1, this.stages.length - this.wonPosition);
			default -> 1 + this.rows.pick(T_DEAL, d, 1, lastOpen);
		};
		int moves = furthest + ("LOST".equals(status) ? 1 : 0);
		long span = Math.min(Generation.ANCHOR - created, (20 + this.rows.pick(T_DEAL, d, 2, 160)) * Generation.DAY);
		return new Deal(d, created, furthest, status, Math.max(1, span / moves), this.rows.chance(T_DEAL, d, 3, 90));
	}

	long amountCents(Deal deal) {
		return 100_000L * (10 + this.rows.pick(T_DEAL, deal.row(), 4, 990));
	}

	/**
	 * Deals that got to a demo (position 5) with an amount have quotes: one or two
	 * versions.
	 */
	int quotes(Deal deal) {
		if (!deal.hasAmount() || deal.furthest() < 5) {
			return 0;
		}
		return 1 + this.rows.pick(T_QUOTE, deal.row(), 0, 2);
	}

	void load() throws SQLException {
		this.g.table("opportunity", "id, customer_id, name, owner_id, pipeline_id, stage_id, status, amount, currency,"
				+ " expected_close_date, competitors, lost_reason_id, lost_note, version, created_at, updated_at,"
				+ " closed_at, campaign_id, furthest_stage_id", this.n, (i, out) -> {
					for (int slot = 0; slot < this.customers.deals(i); slot++) {
						Deal deal = deal(i, slot);
						long closed = deal.closed(this.wonPosition);
						long updated = (closed >= 0) ? Math.max(closed, deal.entered(deal.furthest()))
								: deal.entered(deal.furthest());
						boolean lost = "LOST".equals(deal.status());
						out.row()
							.uuid(dealId(i, slot))
							.uuid(Customers.id(i))
							.text(DEAL_NAMES[this.rows.pick(T_DEAL, deal.row(), 5, DEAL_NAMES.length)])
							.text(this.customers.owner(i))
							.uuid(this.pipeline)
							.uuid(this.stages[deal.furthest()])
							.text(deal.status());
						if (deal.hasAmount()) {
							out.cents(amountCents(deal)).text(this.customers.currency(i));
						}
						else {
							out.nul().nul();
						}
						out.date((closed >= 0 ? closed
								: Generation.ANCHOR
										+ (10 + this.rows.pick(T_DEAL, deal.row(), 6, 170)) * Generation.DAY)
								/ Generation.DAY)
							.array(this.rows.chance(T_DEAL, deal.row(), 7, 20) ? new String[] { "Autodesk" }
									: new String[0])
							.uuid(lost ? UUID.fromString(this.lostReasons
								.get(this.rows.pick(T_DEAL, deal.row(), 8, this.lostReasons.size()))) : null)
							.text(lost && this.rows.chance(T_DEAL, deal.row(), 9, 30) ? "Chose another vendor" : null)
							.number(deal.furthest() + (lost ? 1 : 0))
							.instant(deal.created())
							.instant(updated);
						if (closed >= 0) {
							out.instant(closed);
						}
						else {
							out.nul();
						}
						out.uuid(this.rows.chance(T_DEAL, deal.row(), 10, 50) ? this.customers.campaign(i) : null)
							.uuid(this.stages[deal.furthest()])
							.end();
					}
				});
		this.g.table("opportunity_stage_change",
				"opportunity_id, from_stage_id, to_stage_id, status, changed_by, changed_at, left_at", this.n,
				(i, out) -> {
					String owner = this.customers.owner(i);
					for (int slot = 0; slot < this.customers.deals(i); slot++) {
						Deal deal = deal(i, slot);
						boolean lost = "LOST".equals(deal.status());
						for (int position = 1; position <= deal.furthest(); position++) {
							boolean last = position == deal.furthest() && !lost;
							out.row()
								.uuid(dealId(i, slot))
								.uuid(position == 1 ? null : this.stages[position - 1])
								.uuid(this.stages[position])
								.text(position >= this.wonPosition ? "WON" : "OPEN")
								.text(owner)
								.instant(deal.entered(position));
							if (last) {
								out.nul();
							}
							else {
								out.instant(deal.entered(position + 1));
							}
							out.end();
						}
						if (lost) {
							out.row()
								.uuid(dealId(i, slot))
								.uuid(this.stages[deal.furthest()])
								.uuid(this.stages[deal.furthest()])
								.text("LOST")
								.text(owner)
								.instant(deal.entered(deal.furthest() + 1))
								.nul()
								.end();
						}
					}
				});
		quotes();
	}

	/**
	 * Quotes carry their deal's series number (QUO-2026-00012), given per year in the
	 * order of the deals' first quotes as the API does: written with an empty number,
	 * then numbered in one statement after the numbers the database had used.
	 */
	private void quotes() throws SQLException {
		this.g.table("quote", "id, opportunity_id, number, status, currency, valid_until, total, version, created_by,"
				+ " created_at, updated_at, document_number", this.n, (i, out) -> {
					for (int slot = 0; slot < this.customers.deals(i); slot++) {
						Deal deal = deal(i, slot);
						int versions = quotes(deal);
						for (int v = 1; v <= versions; v++) {
							long created = Math.min(Generation.ANCHOR - 3600,
									deal.entered(5) + (v - 1) * 5 * Generation.DAY);
							String status = (v < versions) ? "SUPERSEDED" : switch (deal.status()) {
								case "WON" -> "ACCEPTED";
								case "LOST" -> "DECLINED";
								default -> "OPEN";
							};
							out.row()
								.uuid(quoteId(deal, v))
								.uuid(dealId(i, slot))
								.number(v)
								.text(status)
								.text(this.customers.currency(i))
								.date(created / Generation.DAY + 30)
								.cents(quoteLine(deal, v, 1) + quoteLine(deal, v, 2))
								.number(1)
								.text(this.customers.owner(i))
								.instant(created)
								.instant(created)
								.text("")
								.end();
						}
					}
				});
		this.g.table("quote_line", "quote_id, position, description, quantity, list_price, discount, price", this.n,
				(i, out) -> {
					for (int slot = 0; slot < this.customers.deals(i); slot++) {
						Deal deal = deal(i, slot);
						for (int v = 1; v <= quotes(deal); v++) {
							for (int line = 1; line <= 2; line++) {
								long price = quoteLine(deal, v, line);
								out.row()
									.uuid(quoteId(deal, v))
									.number(line)
									.text(line == 1 ? "Licenses" : "Installation and training")
									.number(1)
									.cents(price)
									.cents(0)
									.cents(price)
									.end();
							}
						}
					}
				});
		this.g.execute("""
				create temporary table generated_series as
				select opportunity_id, year,
				       coalesce((select last from document_counter c where c.kind = 'QUO' and c.year = f.year), 0)
				         + row_number() over (partition by year order by first_at, opportunity_id) as n
				from (select opportunity_id, min(created_at) as first_at,
				             extract(year from min(created_at) at time zone 'UTC')::int as year
				      from quote where document_number = '' group by opportunity_id) f""");
		this.g.execute("""
				insert into quote_series (opportunity_id, document_number)
				select opportunity_id, format('QUO-%s-%s', year, lpad(n::text, greatest(5, length(n::text)), '0'))
				from generated_series""");
		this.g.execute("""
				update quote q set document_number = s.document_number
				from quote_series s where s.opportunity_id = q.opportunity_id and q.document_number = ''""");
		this.g.execute("""
				insert into document_counter (kind, year, last)
				select 'QUO', year, max(n) from generated_series group by year
				on conflict (kind, year) do update set last = excluded.last""");
		this.g.execute("drop table generated_series");
	}

	/**
	 * The two lines split the deal's amount, a few percent lower in the second version.
	 */
	private long quoteLine(Deal deal, int version, int line) {
		long total = amountCents(deal) * (100 - 3 * (version - 1)) / 100;
		long first = total * 7 / 10;
		return (line == 1) ? first : total - first;
	}

	private static UUID quoteId(Deal deal, int version) {
		return Rows.id("quote", (deal.row() - 1) * 2 + version);
	}

}
