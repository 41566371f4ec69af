package com.dealerdesk.bench.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What licensed customers bought and hold: one shipped and invoiced order each, with two
 * lines of catalogue programs, one item instance and one license per unit shipped (15 or
 * 16, about 10 per customer overall), and a protection key most licenses are bound to.
 */
final class Licensing {

	static final int T_ORDER = 10;

	static final int T_LICENSE = 11;

	/** License slots per licensed customer; 15 or 16 are used. */
	static final int SLOTS = 16;

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final String CHECK_ALPHABET = ALPHABET + "*~$=U";

	private final Generation g;

	private final Rows rows;

	private final Customers customers;

	private final long n;

	private final List<Program> programs = new ArrayList<>();

	private final Map<String, Long> prices = new HashMap<>();

	record Program(UUID id, String name, String model, int termMonths, String[] editions) {
	}

	Licensing(Generation generation, Customers customers) throws SQLException {
		this.g = generation;
		this.rows = generation.rows;
		this.customers = customers;
		this.n = generation.size.customers();
		if (programs().isEmpty()) {
			// a database without the demo catalogue: two programs of our own
			generation.execute(
					"""
							insert into product (id, code, name, kind, license_model, term_months, seat_basis) values
							  (md5('dd:product:1')::uuid, 'GEN-CAD', 'Generated CAD', 'PROGRAM', 'PERPETUAL', null, 'PER_SEAT'),
							  (md5('dd:product:2')::uuid, 'GEN-CLOUD', 'Generated Cloud', 'PROGRAM', 'SUBSCRIPTION', 12, 'PER_SEAT')
							on conflict do nothing""");
			programs();
		}
		try (Statement statement = generation.connection.createStatement();
				ResultSet row = statement.executeQuery(
						"select product_id, edition_code, currency, (unit_price * 100)::bigint from product_price where tier = ''")) {
			while (row.next()) {
				this.prices.put(row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3), row.getLong(4));
			}
		}
	}

	private List<Program> programs() throws SQLException {
		this.programs.clear();
		try (Statement statement = this.g.connection.createStatement(); ResultSet row = statement.executeQuery("""
				select p.id, p.name, p.license_model, coalesce(p.term_months, 0),
				       (select string_agg(e.code, ',' order by e.position) from product_edition e
				        where e.product_id = p.id and e.active)
				from product p where p.kind = 'PROGRAM' and p.active order by p.code""")) {
			while (row.next()) {
				String editions = row.getString(5);
				this.programs.add(new Program(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
						row.getInt(4), editions == null ? new String[0] : editions.split(",")));
			}
		}
		return this.programs;
	}

	// ---- what every table knows of licensed customer i

	/** Licenses of the customer: 15 or 16. */
	int licenses(long i) {
		return 15 + this.rows.pick(T_ORDER, i, 0, 2);
	}

	/** Units on the first line; the rest are on the second. */
	int firstLine(long i) {
		return 1 + this.rows.pick(T_ORDER, i, 1, licenses(i) - 1);
	}

	int quantity(long i, int line) {
		return (line == 1) ? firstLine(i) : licenses(i) - firstLine(i);
	}

	Program program(long i, int line) {
		int first = this.rows.pick(T_ORDER, i, 2, this.programs.size());
		if (line == 1 || this.programs.size() == 1) {
			return this.programs.get(first);
		}
		return this.programs
			.get((first + 1 + this.rows.pick(T_ORDER, i, 3, this.programs.size() - 1)) % this.programs.size());
	}

	String edition(long i, int line) {
		String[] editions = program(i, line).editions();
		return (editions.length == 0) ? null : editions[this.rows.pick(T_ORDER, i, 4 + line, editions.length)];
	}

	long unitCents(long i, int line) {
		Program program = program(i, line);
		String currency = this.customers.currency(i);
		String edition = edition(i, line);
		Long price = (edition == null) ? null : this.prices.get(program.id() + "|" + edition + "|" + currency);
		if (price == null) {
			price = this.prices.get(program.id() + "||" + currency);
		}
		return (price != null) ? price : 20_000 + 1_000 * this.rows.pick(T_ORDER, i, 6 + line, 200);
	}

	/** A tenth off for a third of the lines. */
	long discountCents(long i, int line) {
		return this.rows.chance(T_ORDER, i, 8 + line, 33) ? quantity(i, line) * unitCents(i, line) / 10 : 0;
	}

	long lineCents(long i, int line) {
		return quantity(i, line) * unitCents(i, line) - discountCents(i, line);
	}

	long totalCents(long i) {
		return lineCents(i, 1) + lineCents(i, 2);
	}

	long orderedAt(long i) {
		return this.customers.after(i, 20 * Generation.DAY);
	}

	long shippedAt(long i) {
		return this.customers.after(i, 27 * Generation.DAY);
	}

	static UUID orderId(long i) {
		return Rows.id("sales_order", i);
	}

	static UUID orderLineId(long i, int line) {
		return Rows.id("order_line", (i - 1) * 2 + line);
	}

	static UUID shipmentId(long i) {
		return Rows.id("shipment", i);
	}

	static UUID shipmentLineId(long i, int line) {
		return Rows.id("shipment_line", (i - 1) * 2 + line);
	}

	static UUID invoiceId(long i) {
		return Rows.id("invoice", i);
	}

	static UUID keyId(long i) {
		return Rows.id("protection_key", i);
	}

	static long licenseRow(long i, int slot) {
		return (i - 1) * SLOTS + slot + 1;
	}

	/** The serial of license row {@code l}: 20 Crockford symbols and the mod-37 check. */
	String serial(long l) {
		long high = this.rows.bits(T_LICENSE, l, 0);
		long low = this.rows.bits(T_LICENSE, l, 1);
		StringBuilder serial = new StringBuilder(25);
		int remainder = 0;
		for (int k = 0; k < 20; k++) {
			int symbol = (int) (((k < 12) ? (high >>> (k * 5)) : (low >>> ((k - 12) * 5))) & 31);
			remainder = (remainder * 32 + symbol) % 37;
			if (k > 0 && k % 5 == 0) {
				serial.append('-');
			}
			serial.append(ALPHABET.charAt(symbol));
		}
		return serial.append('-').append(CHECK_ALPHABET.charAt(remainder)).toString();
	}

	// ---- tables

	void load() throws SQLException {
		long ranks = Customers.licensedCount(this.n);
		Numbering orders = new Numbering(this.g, "ORD", ranks, r -> orderedAt(Customers.licensedCustomer(r)));
		Numbering shipments = new Numbering(this.g, "SHP", ranks, r -> shippedAt(Customers.licensedCustomer(r)));
		Numbering invoices = new Numbering(this.g, "INV", ranks, r -> shippedAt(Customers.licensedCustomer(r)));
		String[] keyNames = { "Main office", "Engineering", "Design office", "Laptop", "Server room", "Workshop" };
		this.g.table("protection_key", "id, key_number, name, kind, status, customer_id, created_at, updated_at",
				this.n, (i, out) -> {
					if (!Customers.licensed(i)) {
						return;
					}
					boolean hardware = this.rows.chance(T_ORDER, i, 20, 70);
					long at = shippedAt(i);
					out.row()
						.uuid(keyId(i))
						.text((hardware ? "HK-" : "SK-") + "%08d".formatted(i))
						.text(keyNames[this.rows.pick(T_ORDER, i, 21, keyNames.length)])
						.text(hardware ? "HARDWARE" : "SOFTWARE")
						.text("ACTIVE")
						.uuid(Customers.id(i))
						.instant(at)
						.instant(at)
						.end();
				});
		this.g.table("sales_order",
				"id, number, customer_id, status, currency, total, created_by, created_at," + " updated_at", this.n,
				(i, out) -> {
					if (Customers.licensed(i)) {
						out.row()
							.uuid(orderId(i))
							.text(orders.number(Customers.licensedRank(i)))
							.uuid(Customers.id(i))
							.text("SHIPPED")
							.text(this.customers.currency(i))
							.cents(totalCents(i))
							.text(this.customers.owner(i))
							.instant(orderedAt(i))
							.instant(shippedAt(i))
							.end();
					}
				});
		this.g.table("order_line", "id, order_id, position, product_id, edition_code, description, quantity,"
				+ " unit_price, discount, price, shipped_quantity, price_basis", this.n, (i, out) -> {
					if (Customers.licensed(i)) {
						for (int line = 1; line <= 2; line++) {
							Program program = program(i, line);
							out.row()
								.uuid(orderLineId(i, line))
								.uuid(orderId(i))
								.number(line)
								.uuid(program.id())
								.text(edition(i, line))
								.text(program.name())
								.number(quantity(i, line))
								.cents(unitCents(i, line))
								.cents(discountCents(i, line))
								.cents(lineCents(i, line))
								.number(quantity(i, line))
								.text("LIST")
								.end();
						}
					}
				});
		this.g.table("invoice", "id, number, customer_id, currency, issued_on, due_on, total, created_by, created_at",
				this.n, (i, out) -> {
					if (Customers.licensed(i)) {
						long day = shippedAt(i) / Generation.DAY;
						out.row()
							.uuid(invoiceId(i))
							.text(invoices.number(Customers.licensedRank(i)))
							.uuid(Customers.id(i))
							.text(this.customers.currency(i))
							.date(day)
							.date(day + 30)
							.cents(totalCents(i))
							.text(this.customers.owner(i))
							.instant(shippedAt(i))
							.end();
					}
				});
		this.g.table("shipment", "id, number, order_id, customer_id, shipped_on, amount, currency, invoice_id,"
				+ " licenses_issued_at, created_by, created_at", this.n, (i, out) -> {
					if (Customers.licensed(i)) {
						out.row()
							.uuid(shipmentId(i))
							.text(shipments.number(Customers.licensedRank(i)))
							.uuid(orderId(i))
							.uuid(Customers.id(i))
							.date(shippedAt(i) / Generation.DAY)
							.cents(totalCents(i))
							.text(this.customers.currency(i))
							.uuid(invoiceId(i))
							.instant(shippedAt(i))
							.text(this.customers.owner(i))
							.instant(shippedAt(i))
							.end();
					}
				});
		this.g.table("shipment_line", "id, shipment_id, order_line_id, quantity, amount", this.n, (i, out) -> {
			if (Customers.licensed(i)) {
				for (int line = 1; line <= 2; line++) {
					out.row()
						.uuid(shipmentLineId(i, line))
						.uuid(shipmentId(i))
						.uuid(orderLineId(i, line))
						.number(quantity(i, line))
						.cents(lineCents(i, line))
						.end();
				}
			}
		});
		this.g.table("license_item", "id, customer_id, shipment_line_id, created_at", this.n, (i, out) -> {
			if (Customers.licensed(i)) {
				int first = firstLine(i);
				for (int slot = 0; slot < licenses(i); slot++) {
					out.row()
						.uuid(Rows.id("license_item", licenseRow(i, slot)))
						.uuid(Customers.id(i))
						.uuid(shipmentLineId(i, slot < first ? 1 : 2))
						.instant(shippedAt(i))
						.end();
				}
			}
		});
		this.g.table("license",
				"id, serial, item_id, product_id, edition_code, customer_id, seats, starts_on,"
						+ " ends_on, state, key_id, shipment_id, issued_at, version, updated_at, renewal_reminder_for",
				this.n, (i, out) -> {
					if (!Customers.licensed(i)) {
						return;
					}
					int first = firstLine(i);
					long shipped = shippedAt(i);
					long startDay = shipped / Generation.DAY;
					for (int slot = 0; slot < licenses(i); slot++) {
						long l = licenseRow(i, slot);
						int line = (slot < first) ? 1 : 2;
						Program program = program(i, line);
						long endDay = switch (program.model()) {
							case "PERPETUAL" -> -1;
							default -> startDay + Math.max(1, program.termMonths()) * 365L / 12;
						};
						int state = this.rows.pick(T_LICENSE, l, 2, 100);
						out.row()
							.uuid(Rows.id("license", l))
							.text(serial(l))
							.uuid(Rows.id("license_item", l))
							.uuid(program.id())
							.text(edition(i, line))
							.uuid(Customers.id(i))
							.number(1 + this.rows.pick(T_LICENSE, l, 3, 5))
							.date(startDay);
						if (endDay < 0) {
							out.nul();
						}
						else {
							out.date(endDay);
						}
						out.text(state < 97 ? "ACTIVE" : state < 99 ? "SUSPENDED" : "REVOKED")
							.uuid(this.rows.chance(T_LICENSE, l, 4, 85) ? keyId(i) : null)
							.uuid(shipmentId(i))
							.instant(shipped)
							.number(1)
							.instant(shipped);
						// licenses ending before the anchor and soon after it were
						// reminded of already
						if (endDay >= 0 && endDay <= Generation.ANCHOR_DAY + 60) {
							out.date(endDay);
						}
						else {
							out.nul();
						}
						out.end();
					}
				});
		orders.commit(this.g);
		shipments.commit(this.g);
		invoices.commit(this.g);
	}

}
