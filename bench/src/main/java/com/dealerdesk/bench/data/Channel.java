package com.dealerdesk.bench.data;

import java.sql.SQLException;

/**
 * The channel's paperwork: one agreement per partner for the anchor's year with two
 * rebate bands, and ten deal registrations per partner over the year before the anchor,
 * in every status.
 */
final class Channel {

	static final int T_REGISTRATION = 40;

	static final int REGISTRATIONS_PER_PARTNER = 10;

	private final Generation g;

	private final Rows rows;

	private final int partners;

	/** Who decides registrations: the demo channel manager, or a generated manager. */
	private final String decider;

	Channel(Generation generation) throws SQLException {
		this.g = generation;
		this.rows = generation.rows;
		this.partners = generation.size.partners();
		String channel = generation.string("select id from app_user where id = 'channel'");
		this.decider = (channel != null) ? channel : Customers.manager(1);
	}

	private long submittedAt(long r) {
		long total = (long) this.partners * REGISTRATIONS_PER_PARTNER;
		return Generation.ANCHOR - 365 * Generation.DAY + (r - 1) * (365 * Generation.DAY) / total;
	}

	void load() throws SQLException {
		int year = Generation.year(Generation.ANCHOR);
		long yearStart = Generation.startOfYear(year) / Generation.DAY;
		long yearEnd = Generation.startOfYear(year + 1) / Generation.DAY - 1;
		this.g.table("partner_agreement", "id, partner_id, starts_on, ends_on, currency, note, created_at, updated_at",
				this.partners,
				(k, out) -> out.row()
					.uuid(Rows.id("partner_agreement", k))
					.uuid(Customers.partnerId(k))
					.date(yearStart)
					.date(yearEnd)
					.text("EUR")
					.text("Standard reseller agreement")
					.instant(yearStart * Generation.DAY)
					.instant(yearStart * Generation.DAY)
					.end());
		this.g.table("rebate_band", "agreement_id, threshold, percent", this.partners, (k, out) -> {
			out.row().uuid(Rows.id("partner_agreement", k)).cents(5_000_000).raw("2.00").end();
			out.row().uuid(Rows.id("partner_agreement", k)).cents(20_000_000).raw("4.00").end();
		});
		long total = (long) this.partners * REGISTRATIONS_PER_PARTNER;
		Numbering numbers = new Numbering(this.g, "REG", total, this::submittedAt);
		String[] statuses = { "SUBMITTED", "SUBMITTED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED",
				"REJECTED", "WITHDRAWN", "EXPIRED" };
		this.g.table("deal_registration", "id, number, partner_id, registered_by, customer_name, customer_region,"
				+ " customer_industry, name_key, currency, expected_amount, expected_close_on, status, submitted_at,"
				+ " decided_at, decided_by, rejection_reason, protected_until, version, updated_at", total,
				(r, out) -> {
					long partner = (r - 1) / REGISTRATIONS_PER_PARTNER + 1;
					String status = statuses[this.rows.pick(T_REGISTRATION, r, 0, statuses.length)];
					long submitted = submittedAt(r);
					long decided = submitted + 3 * Generation.DAY;
					boolean isDecided = !status.equals("SUBMITTED") && !status.equals("WITHDRAWN");
					Vocabulary.Word prefix = Vocabulary.LATIN_PREFIXES[this.rows.pick(T_REGISTRATION, r, 1,
							Vocabulary.LATIN_PREFIXES.length)];
					String name = prefix.text() + " Prospect " + r;
					out.row()
						.uuid(Rows.id("deal_registration", r))
						.text(numbers.number(r))
						.uuid(Customers.partnerId(partner))
						.text(Customers.partnerUser((int) partner))
						.text(name + " GmbH")
						.text(Vocabulary.EN_REGIONS[(int) (partner % Vocabulary.EN_REGIONS.length)])
						.text(Vocabulary.INDUSTRIES[this.rows.pick(T_REGISTRATION, r, 2, Vocabulary.INDUSTRIES.length)])
						.text(prefix.key() + "prospect" + r)
						.text("EUR")
						.cents(100_000L * (50 + this.rows.pick(T_REGISTRATION, r, 3, 950)))
						.date(submitted / Generation.DAY + 90)
						.text(status)
						.instant(submitted);
					if (isDecided) {
						out.instant(decided).text(this.decider);
					}
					else {
						out.nul().nul();
					}
					out.text(status.equals("REJECTED") ? "Already in contact with our sales team" : null);
					if (status.equals("APPROVED") || status.equals("EXPIRED")) {
						out.date(decided / Generation.DAY + (status.equals("EXPIRED") ? 30 : 180));
					}
					else {
						out.nul();
					}
					out.number(1).instant(isDecided ? decided : submitted).end();
				});
		numbers.commit(this.g);
	}

}
