package com.dealerdesk.bench.data;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.bench.data.Vocabulary.Language;
import com.dealerdesk.bench.data.Vocabulary.Word;

/**
 * The people and organisations: sales managers and reps, partners with their territories
 * and portal users, campaigns, customers with contacts, and their activities. Everything
 * about customer {@code i} is a function of {@code i}, so other tables (deals, licenses)
 * recompute what they need of their customer instead of reading it back.
 */
final class Customers {

	static final int T_CUSTOMER = 1;

	static final int T_CONTACT = 2;

	static final int T_ACTIVITY = 3;

	static final int T_PARTNER = 4;

	static final int T_CAMPAIGN = 5;

	private final Generation g;

	private final Rows rows;

	private final long n;

	/** Demo users who own a share of the customers, so that their logins see some. */
	private final List<String> demoReps;

	Customers(Generation generation) throws SQLException {
		this.g = generation;
		this.rows = generation.rows;
		this.n = generation.size.customers();
		this.demoReps = generation.strings("select id from app_user where id in ('rep', 'rep2') order by id");
	}

	// ---- what every table knows of customer i

	/**
	 * Licensed customers (CUSTOMER and LOST status) are 13 of every 20, in a fixed
	 * pattern.
	 */
	static boolean licensed(long i) {
		return (i - 1) % 20 < 13;
	}

	/** The 1-based place of a licensed customer among the licensed ones. */
	static long licensedRank(long i) {
		long z = i - 1;
		return (z / 20) * 13 + z % 20 + 1;
	}

	static long licensedCount(long customers) {
		return (customers / 20) * 13 + Math.min(customers % 20, 13);
	}

	/** The customer of a licensed rank. */
	static long licensedCustomer(long rank) {
		long r = rank - 1;
		return (r / 13) * 20 + r % 13 + 1;
	}

	String status(long i) {
		long z = (i - 1) % 20;
		if (z < 13) {
			return (z == 12) ? "LOST" : "CUSTOMER";
		}
		return this.rows.chance(T_CUSTOMER, i, 1, 55) ? "PROSPECT" : "CANDIDATE";
	}

	/**
	 * When the customer was created: over the six years before the anchor, in row order.
	 */
	long createdAt(long i) {
		return Generation.ANCHOR - Generation.HISTORY + (i - 1) * Generation.HISTORY / this.n;
	}

	/**
	 * A time {@code lag} seconds after the customer's creation, shrinking for the newest
	 * customers so that it never passes the anchor and still grows with the row number.
	 */
	long after(long i, long lag) {
		return createdAt(i) + lag * (this.n - i + 1) / this.n;
	}

	Language language(long i) {
		int p = this.rows.pick(T_CUSTOMER, i, 2, 100);
		return (p < 60) ? Language.EN : (p < 85) ? Language.RU : Language.ZH;
	}

	/** A partner's customer (15%): the partner's number, else 0. */
	int partner(long i) {
		if (!this.rows.chance(T_CUSTOMER, i, 3, 15)) {
			return 0;
		}
		return 1 + this.rows.pick(T_CUSTOMER, i, 4, this.g.size.partners());
	}

	String owner(long i) {
		int partner = partner(i);
		if (partner > 0) {
			return partnerUser(partner);
		}
		int p = this.rows.pick(T_CUSTOMER, i, 5, 100);
		if (p < 2 * this.demoReps.size()) {
			return this.demoReps.get(p / 2);
		}
		return rep(1 + this.rows.pick(T_CUSTOMER, i, 6, this.g.size.reps()));
	}

	static String rep(int k) {
		return "gen-rep-" + k;
	}

	static String manager(int k) {
		return "gen-manager-" + k;
	}

	static String partnerUser(int partner) {
		return "gen-partner-" + partner;
	}

	private <T> T of(T[] values, long i, int field) {
		return values[this.rows.pick(T_CUSTOMER, i, field, values.length)];
	}

	/** Name, legal name and the name key (the API's CustomerKeys.name). */
	record Name(String name, String legalName, String key, String domain) {
	}

	Name name(long i) {
		return switch (language(i)) {
			case EN -> {
				Word prefix = of(Vocabulary.LATIN_PREFIXES, i, 10);
				Word core = of(Vocabulary.LATIN_CORES, i, 11);
				String name = prefix.text() + " " + core.text();
				yield new Name(name, name + " " + of(Vocabulary.LATIN_FORMS, i, 12), prefix.key() + core.key(),
						prefix.key() + "-" + core.key());
			}
			case RU -> {
				Word prefix = of(Vocabulary.RU_PREFIXES, i, 10);
				Word core = of(Vocabulary.RU_CORES, i, 11);
				String name = prefix.text() + core.text().toLowerCase(java.util.Locale.ROOT);
				yield new Name(name, of(Vocabulary.RU_FORMS, i, 12) + " «" + name + "»", prefix.key() + core.key(),
						prefix.key() + core.key());
			}
			case ZH -> {
				Word city = of(Vocabulary.ZH_CITIES, i, 13);
				Word prefix = of(Vocabulary.ZH_PREFIXES, i, 10);
				Word core = of(Vocabulary.ZH_CORES, i, 11);
				String name = city.text() + prefix.text() + core.text();
				yield new Name(name, name + of(Vocabulary.ZH_FORMS, i, 12), city.key() + prefix.key() + core.key(),
						prefix.key() + core.key());
			}
		};
	}

	String taxId(long i) {
		return switch (language(i)) {
			case EN -> "EU%09d".formatted(i);
			case RU -> "77%08d".formatted(i);
			case ZH -> "91110%013dX".formatted(i);
		};
	}

	String region(long i) {
		return switch (language(i)) {
			case EN -> of(Vocabulary.EN_REGIONS, i, 14);
			case RU -> of(Vocabulary.RU_REGIONS, i, 14);
			case ZH -> of(Vocabulary.ZH_REGIONS, i, 14);
		};
	}

	String currency(long i) {
		String region = region(i);
		return switch (region) {
			case "USA", "China" -> "USD";
			case "Switzerland" -> "CHF";
			default -> "EUR";
		};
	}

	static UUID id(long i) {
		return Rows.id("customer", i);
	}

	/** Contacts: one to three. */
	int contacts(long i) {
		return 1 + this.rows.pick(T_CUSTOMER, i, 20, Size.CONTACT_SLOTS);
	}

	static long contactRow(long i, int slot) {
		return (i - 1) * Size.CONTACT_SLOTS + slot + 1;
	}

	record Person(String first, String last, String email) {
	}

	Person contact(long i, int slot) {
		long c = contactRow(i, slot);
		Language language = this.rows.chance(T_CONTACT, c, 0, 90) ? language(i) : Language.EN;
		Word[] firsts = switch (language) {
			case EN -> Vocabulary.EN_FIRST;
			case RU -> Vocabulary.RU_FIRST;
			case ZH -> Vocabulary.ZH_FIRST;
		};
		Word[] lasts = switch (language) {
			case EN -> Vocabulary.EN_LAST;
			case RU -> Vocabulary.RU_LAST;
			case ZH -> Vocabulary.ZH_LAST;
		};
		int f = this.rows.pick(T_CONTACT, c, 1, firsts.length);
		// Russian surnames agree with the first name: same parity, same gender
		int l = (language == Language.RU) ? (this.rows.pick(T_CONTACT, c, 2, lasts.length / 2) * 2 + f % 2)
				: this.rows.pick(T_CONTACT, c, 2, lasts.length);
		Word first = firsts[f];
		Word last = lasts[l];
		return new Person(first.text(), last.text(),
				first.key() + "." + last.key() + "@" + name(i).domain() + ".example");
	}

	// ---- tables

	void load() throws SQLException {
		users();
		partners();
		campaigns();
		customers();
		contacts();
		activities();
	}

	private void users() throws SQLException {
		Size size = this.g.size;
		this.g.table("app_user", "id, name, email, manager_id, partner_id, created_at", size.managers() + size.reps(),
				(k, out) -> {
					if (k <= size.managers()) {
						out.row()
							.text(manager((int) k))
							.text("Manager " + k)
							.text("manager" + k + "@dealer.example")
							.nul()
							.nul()
							.instant(Generation.ANCHOR - Generation.HISTORY)
							.end();
					}
					else {
						int rep = (int) k - size.managers();
						out.row()
							.text(rep(rep))
							.text("Sales Rep " + rep)
							.text("rep" + rep + "@dealer.example")
							.text(manager((rep - 1) / 8 + 1))
							.nul()
							.instant(Generation.ANCHOR - Generation.HISTORY)
							.end();
					}
				});
	}

	static UUID partnerId(long k) {
		return Rows.id("partner", k);
	}

	/** Every fifth partner is a sub-dealer of the partner before it. */
	static boolean subDealer(long k) {
		return k % 5 == 0;
	}

	private void partners() throws SQLException {
		long since = Generation.ANCHOR - Generation.HISTORY;
		this.g.table("partner",
				"id, name, legal_name, tax_id, country, address, status, parent_id, created_at, updated_at",
				this.g.size.partners(), (k, out) -> {
					Word prefix = Vocabulary.LATIN_PREFIXES[(int) (k % Vocabulary.LATIN_PREFIXES.length)];
					String name = prefix.text() + " Software Partner " + k;
					String country = new String[] { "DE", "AT", "CH", "PL", "LV", "FR", "US", "CN" }[(int) (k % 8)];
					out.row()
						.uuid(partnerId(k))
						.text(name)
						.text(name + " GmbH")
						.text("PT%07d".formatted(k))
						.text(country)
						.text(k + " Partner Street")
						.text(k % 13 == 0 ? "PROSPECTIVE" : "ACTIVE")
						.uuid(subDealer(k) ? partnerId(k - 1) : null)
						.instant(since + k * Generation.DAY)
						.instant(since + k * Generation.DAY)
						.end();
				});
		this.g.table("app_user (partner users)", "app_user", "id, name, email, partner_id, created_at",
				this.g.size.partners(),
				(k, out) -> out.row()
					.text(partnerUser((int) k))
					.text("Partner User " + k)
					.text("sales@partner" + k + ".example")
					.uuid(partnerId(k))
					.instant(since + k * Generation.DAY)
					.end());
		this.g.table("partner_territory", "partner_id, position, region, industry", this.g.size.partners(),
				(k, out) -> {
					out.row()
						.uuid(partnerId(k))
						.number(1)
						.text(Vocabulary.EN_REGIONS[(int) (k % Vocabulary.EN_REGIONS.length)])
						.nul()
						.end();
					if (k % 3 == 0) {
						out.row()
							.uuid(partnerId(k))
							.number(2)
							.nul()
							.text(Vocabulary.INDUSTRIES[(int) (k % Vocabulary.INDUSTRIES.length)])
							.end();
					}
				});
	}

	static UUID campaignId(long k) {
		return Rows.id("campaign", k);
	}

	private void campaigns() throws SQLException {
		String[] kinds = { "PRICE_PROMOTION", "EXHIBITION", "WEBINAR", "MAILING", "ADVERTISING", "OTHER" };
		this.g.table("campaign", "id, name, kind, starts_on, ends_on, cost, cost_currency, created_at, updated_at",
				Size.CAMPAIGNS, (k, out) -> {
					long start = Generation.ANCHOR - Generation.HISTORY + (k - 1) * Generation.HISTORY / Size.CAMPAIGNS;
					String kind = kinds[(int) (k % kinds.length)];
					out.row()
						.uuid(campaignId(k))
						.text(kind.charAt(0) + kind.substring(1).toLowerCase().replace('_', ' ') + " "
								+ Generation.year(start) + "/" + k)
						.text(kind)
						.date(start / Generation.DAY)
						.date(start / Generation.DAY + 30)
						.cents(100_000 + this.rows.pick(T_CAMPAIGN, k, 0, 5_000_000))
						.text("EUR")
						.instant(start - 30 * Generation.DAY)
						.instant(start - 30 * Generation.DAY)
						.end();
				});
	}

	/**
	 * The campaign a customer came from (a fifth of them): the one running when it was
	 * created.
	 */
	UUID campaign(long i) {
		if (!this.rows.chance(T_CUSTOMER, i, 7, 20)) {
			return null;
		}
		return campaignId(1 + (i - 1) * Size.CAMPAIGNS / this.n);
	}

	private void customers() throws SQLException {
		this.g.table("customer",
				"id, name, name_key, legal_name, tax_id, industry, region, size, status, owner_id,"
						+ " partner_id, tags, source_channel, website, email, phone, address, archived_at, version,"
						+ " created_at, updated_at, search_text, campaign_id",
				this.n, (i, out) -> {
					Name name = name(i);
					String taxId = taxId(i);
					int partner = partner(i);
					UUID campaign = campaign(i);
					long created = createdAt(i);
					StringBuilder search = new StringBuilder(name.name()).append(' ')
						.append(name.legalName())
						.append(' ')
						.append(taxId);
					for (int slot = 0; slot < contacts(i); slot++) {
						Person person = contact(i, slot);
						search.append(' ').append(person.first()).append(' ').append(person.last());
					}
					String[] tags = this.rows.chance(T_CUSTOMER, i, 21, 40)
							? new String[] { of(Vocabulary.TAGS, i, 22) } : new String[0];
					out.row()
						.uuid(id(i))
						.text(name.name())
						.text(name.key())
						.text(name.legalName())
						.text(taxId)
						.text(of(Vocabulary.INDUSTRIES, i, 23))
						.text(region(i))
						.text(of(Vocabulary.SIZES, i, 24))
						.text(status(i))
						.text(owner(i))
						.uuid(partner > 0 ? partnerId(partner) : null)
						.array(tags)
						.text(partner > 0 ? "PARTNER"
								: campaign != null ? "CAMPAIGN" : of(Vocabulary.SOURCE_CHANNELS, i, 25))
						.text("https://www." + name.domain() + ".example")
						.text("info@" + name.domain() + ".example")
						.text("+49 30 %07d".formatted(i % 10_000_000))
						.text(i + " Main Street")
						.raw(this.rows.chance(T_CUSTOMER, i, 26, 1) ? java.time.Instant
							.ofEpochSecond(
									Generation.ANCHOR - Generation.DAY * (1 + this.rows.pick(T_CUSTOMER, i, 27, 300)))
							.toString() : "\\N")
						.number(1)
						.instant(created)
						.instant(after(i, 60 * Generation.DAY))
						.text(this.g.lower(search.toString()))
						.uuid(campaign)
						.end();
				});
	}

	private void contacts() throws SQLException {
		this.g.table("contact", "id, customer_id, first_name, last_name, job_title, roles, emails, phones, version,"
				+ " created_at, updated_at", this.n, (i, out) -> {
					for (int slot = 0; slot < contacts(i); slot++) {
						long c = contactRow(i, slot);
						Person person = contact(i, slot);
						long created = after(i, (slot + 1) * Generation.DAY);
						out.row()
							.uuid(Rows.id("contact", c))
							.uuid(id(i))
							.text(person.first())
							.text(person.last())
							.text(Vocabulary.JOB_TITLES[this.rows.pick(T_CONTACT, c, 3, Vocabulary.JOB_TITLES.length)])
							.array(Vocabulary.CONTACT_ROLES[this.rows.pick(T_CONTACT, c, 4,
									Vocabulary.CONTACT_ROLES.length)])
							.array(person.email())
							.array("+49 170 " + (1_000_000 + c % 9_000_000))
							.number(1)
							.instant(created)
							.instant(created)
							.end();
					}
				});
	}

	/** The deals of a customer: none, one or two. */
	int deals(long i) {
		int p = this.rows.pick(T_CUSTOMER, i, 30, 100);
		return (p < 20) ? 0 : (p < 80) ? 1 : 2;
	}

	private void activities() throws SQLException {
		this.g.table("activity",
				"id, customer_id, contact_id, opportunity_id, kind, subject, notes, outcome,"
						+ " occurred_at, owner_id, reminder_due_at, reminder_assignee, reminder_done_at,"
						+ " reminder_announced_for, version, created_at, updated_at",
				this.n, (i, out) -> {
					long created = createdAt(i);
					String owner = owner(i);
					int contacts = contacts(i);
					int deals = deals(i);
					for (int j = 0; j < Size.ACTIVITIES_PER_CUSTOMER; j++) {
						long a = (i - 1) * Size.ACTIVITIES_PER_CUSTOMER + j + 1;
						long occurred = created + (Generation.ANCHOR - created) * j / Size.ACTIVITIES_PER_CUSTOMER
								+ this.rows.pick(T_ACTIVITY, a, 0, 8 * 3600);
						int kind = this.rows.pick(T_ACTIVITY, a, 1, Vocabulary.ACTIVITY_KINDS.length);
						int slot = this.rows.pick(T_ACTIVITY, a, 2, contacts + 1);
						// the latest activity often carries an open reminder, a quarter
						// of them overdue;
						// older ones sometimes a done one
						long due = -1;
						boolean done = false;
						if (j == Size.ACTIVITIES_PER_CUSTOMER - 1 && this.rows.chance(T_ACTIVITY, a, 3, 30)) {
							due = Generation.ANCHOR + Generation.DAY * (this.rows.pick(T_ACTIVITY, a, 4, 40) - 10);
						}
						else if (this.rows.chance(T_ACTIVITY, a, 3, 10)) {
							due = occurred + Generation.DAY * (1 + this.rows.pick(T_ACTIVITY, a, 4, 14));
							done = true;
						}
						out.row()
							.uuid(Rows.id("activity", a))
							.uuid(id(i))
							.uuid(slot < contacts ? Rows.id("contact", contactRow(i, slot)) : null)
							.uuid(deals > 0 && this.rows.chance(T_ACTIVITY, a, 5, 30) ? Sales.dealId(i, 0) : null)
							.text(Vocabulary.ACTIVITY_KINDS[kind])
							.text(Vocabulary.ACTIVITY_SUBJECTS[this.rows.pick(T_ACTIVITY, a, 6,
									Vocabulary.ACTIVITY_SUBJECTS.length)])
							.nul()
							.text(Vocabulary.OUTCOMES[this.rows.pick(T_ACTIVITY, a, 7, Vocabulary.OUTCOMES.length)])
							.instant(occurred)
							.text(owner);
						if (due < 0) {
							out.nul().nul().nul().nul();
						}
						else {
							out.instant(due).text(owner);
							if (done) {
								out.instant(Math.min(due, Generation.ANCHOR)).nul();
							}
							else {
								// reminders overdue before the data set was made are not
								// announced again
								out.nul()
									.raw(due < Generation.ANCHOR ? java.time.Instant.ofEpochSecond(due).toString()
											: "\\N");
							}
						}
						out.number(1).instant(occurred).instant(occurred).end();
					}
				});
	}

}
