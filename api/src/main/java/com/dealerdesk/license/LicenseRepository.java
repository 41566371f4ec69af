package com.dealerdesk.license;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.license.License.LicenseStatus;
import com.dealerdesk.platform.database.Sql;
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
 * Licenses, their items and history, and protection keys. A license or key is visible
 * when its customer is ({@link CustomerScope}).
 */
@Repository
class LicenseRepository {

	/** Sort orders, named in cursors. */
	static final String NEWEST = "ISSUED_DESC";

	static final String ENDING = "ENDS_ASC";

	static final String KEY_NUMBER = "KEY_NUMBER_ASC";

	private static final BiFunction<Row, RowMetadata, License> LICENSE = (row, meta) -> new License(
			row.get("id", UUID.class), row.get("serial", String.class), row.get("item_id", UUID.class),
			row.get("product_id", UUID.class), row.get("edition_code", String.class),
			row.get("customer_id", UUID.class), row.get("seats", Integer.class), row.get("starts_on", LocalDate.class),
			row.get("ends_on", LocalDate.class), LicenseStatus.valueOf(row.get("state", String.class)),
			row.get("key_id", UUID.class), row.get("shipment_id", UUID.class),
			row.get("issued_at", OffsetDateTime.class), row.get("version", Integer.class));

	private static final BiFunction<Row, RowMetadata, LicenseEvent> EVENT = (row, meta) -> new LicenseEvent(
			row.get("id", Long.class), row.get("license_id", UUID.class),
			LicenseEvent.Kind.valueOf(row.get("kind", String.class)), row.get("at", OffsetDateTime.class),
			row.get("by_user", String.class), row.get("reason", String.class), row.get("ends_before", LocalDate.class),
			row.get("ends_after", LocalDate.class), row.get("from_key_id", UUID.class),
			row.get("to_key_id", UUID.class), row.get("edition_before", String.class),
			row.get("edition_after", String.class), row.get("seats_before", Integer.class),
			row.get("seats_after", Integer.class));

	private static final BiFunction<Row, RowMetadata, ProtectionKey> KEY = (row, meta) -> new ProtectionKey(
			row.get("id", UUID.class), row.get("key_number", String.class), row.get("name", String.class),
			ProtectionKey.Kind.valueOf(row.get("kind", String.class)),
			ProtectionKey.Status.valueOf(row.get("status", String.class)), row.get("customer_id", UUID.class),
			row.get("replaced_by", UUID.class), row.get("version", Integer.class),
			row.get("created_at", OffsetDateTime.class));

	private final DatabaseClient database;

	LicenseRepository(DatabaseClient database) {
		this.database = database;
	}

	// ---- licenses

	Mono<List<License>> byIds(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append("select l.* from license l where l.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "l.customer_id");
		return sql.on(this.database).map(LICENSE).all().collectList();
	}

	/** By canonical serial, in the actor's scope (or everyone's when actor is null). */
	Mono<License> bySerial(Actor actor, String serial) {
		Sql sql = new Sql();
		sql.append("select l.* from license l where l.serial = " + sql.param(serial));
		if (actor != null) {
			sql.append(" and ");
			CustomerScope.restrictToVisibleCustomer(sql, actor, "l.customer_id");
		}
		return sql.on(this.database).map(LICENSE).one();
	}

	/**
	 * Above this many customers matching a search's text, the registry finds their
	 * licenses by walking the newest-first index (a page is near: at least ~8,000 of the
	 * licenses match); up to it, by reading each matching customer's licenses. At 10M
	 * licenses both plans cost about the same here, 30 ms; either one alone takes seconds
	 * for the other kind of search (docs/performance.md, "Plans at size L").
	 */
	static final int FEW_MATCHING_CUSTOMERS = 800;

	/**
	 * The registry, newest first. {@code serialPrefix} and the beginning of a key number
	 * match licenses by serial and key, {@code search} also customers' names; a license
	 * matches any of them.
	 * <p>
	 * A search is a union of one branch per way to match, each read by its own index and
	 * cut to the page before the union, so the page is exact in keyset order: one
	 * {@code OR} over all of them made PostgreSQL walk the newest-first index and test
	 * every license (ADR 0043). The customers matching the text are counted first (up to
	 * {@link #FEW_MATCHING_CUSTOMERS}): of the two customer branches only the one that
	 * suits the count runs. PostgreSQL cannot tell a name that fits a thousand customers
	 * from a serial that fits none, so left to itself it walked all licenses for the
	 * latter.
	 */
	Mono<List<License>> page(Actor actor, LicenseFilter filter, LocalDate today, PageRequest page) {
		Sql sql = new Sql();
		String conditions = sql.fragment(part -> appendConditions(part, actor, filter, today, page));
		String pageOrder = " order by l.issued_at desc, l.id desc limit " + sql.param(page.fetchSize());
		if (filter.search() == null) {
			sql.append("select l.* from license l where " + conditions + pageOrder);
			return sql.on(this.database).map(LICENSE).all().collectList();
		}
		String matched = sql
			.fragment(part -> CustomerScope.idsOfCustomersMatching(part, filter.search(), FEW_MATCHING_CUSTOMERS + 1));
		String customerMatches = sql
			.fragment(part -> CustomerScope.customerMatchesPerRow(part, "l.customer_id", filter.search()));
		String few = "(select count(*) from matched) <= " + FEW_MATCHING_CUSTOMERS;
		List<String> matches = new ArrayList<>();
		if (filter.serialPrefix() != null) {
			matches.add("l.serial like " + sql.param(Sql.startingWith(filter.serialPrefix())));
		}
		matches.add("l.key_id in (select k.id from protection_key k where k.key_number like "
				+ sql.param(Sql.startingWith(filter.search())) + ")");
		matches.add(customerMatches + " and not " + few);
		List<String> branches = new ArrayList<>(matches.stream()
			.map(match -> "select l.* from license l where " + match + " and " + conditions + pageOrder)
			.toList());
		branches.add("select l.* from matched m cross join lateral (select l.* from license l "
				+ "where l.customer_id = m.id and " + conditions + pageOrder + ") l where " + few + pageOrder);
		sql.append("with matched as materialized (" + matched + ") ");
		// union, not union all: a license matched by two branches is listed once
		sql.append("select l.* from (");
		sql.append(branches.stream().map(branch -> "(" + branch + ")").collect(Collectors.joining(" union ")));
		sql.append(") l" + pageOrder);
		return sql.on(this.database).map(LICENSE).all().collectList();
	}

	/** The scope, the filters other than the search, and the keyset, on {@code l}. */
	private static void appendConditions(Sql sql, Actor actor, LicenseFilter filter, LocalDate today,
			PageRequest page) {
		CustomerScope.restrictToVisibleCustomer(sql, actor, "l.customer_id");
		if (filter.customerId() != null) {
			sql.append(" and l.customer_id = " + sql.param(filter.customerId()));
		}
		if (filter.keyId() != null) {
			sql.append(" and l.key_id = " + sql.param(filter.keyId()));
		}
		if (filter.status() != null) {
			String todayParam = sql.param(today);
			sql.append(switch (filter.status()) {
				case ACTIVE -> " and l.state = 'ACTIVE' and (l.ends_on is null or l.ends_on >= " + todayParam + ")";
				case EXPIRED -> " and l.state = 'ACTIVE' and l.ends_on < " + todayParam;
				case SUSPENDED -> " and l.state = 'SUSPENDED'";
				case REVOKED -> " and l.state = 'REVOKED'";
			});
		}
		newestAfter(sql, page);
	}

	/**
	 * The first licenses of each customer the actor sees, newest first, in one statement
	 * ({@link ChildPages#lateral}). The licenses' customer is the parent, so its scope is
	 * checked once per parent.
	 */
	Mono<Map<UUID, List<License>>> pagesOfCustomers(Actor actor, Collection<UUID> customerIds, PageRequest page) {
		Sql sql = ChildPages.lateral(customerIds, inner -> {
			inner.append("select l.* from license l where l.customer_id = p.id");
			newestPageAfter(inner, page);
		});
		sql.append(" where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.id");
		return ChildPages.byParent(sql, this.database, LICENSE);
	}

	/** The first licenses on each key, newest first, each license's customer in scope. */
	Mono<Map<UUID, List<License>>> pagesOfKeys(Actor actor, Collection<UUID> keyIds, PageRequest page) {
		return ChildPages.byParent(ChildPages.lateral(keyIds, inner -> {
			inner.append("select l.* from license l where l.key_id = p.id and ");
			CustomerScope.restrictToVisibleCustomer(inner, actor, "l.customer_id");
			newestPageAfter(inner, page);
		}), this.database, LICENSE);
	}

	private static void newestAfter(Sql sql, PageRequest page) {
		if (page.after() != null) {
			sql.append(" and (l.issued_at, l.id) < (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
	}

	/** The keyset condition, then the page in newest-first order. */
	private static void newestPageAfter(Sql sql, PageRequest page) {
		newestAfter(sql, page);
		sql.append(" order by l.issued_at desc, l.id desc limit " + sql.param(page.fetchSize()));
	}

	/** Licenses with an end in [from, to], not revoked, soonest first. */
	Mono<List<License>> ending(Actor actor, LocalDate from, LocalDate to, String ownerId, UUID partnerId,
			PageRequest page) {
		Sql sql = new Sql().append("select l.* from license l where l.ends_on between " + "");
		sql.append(sql.param(from) + " and " + sql.param(to) + " and l.state <> 'REVOKED' and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "l.customer_id");
		if (ownerId != null || partnerId != null) {
			sql.append(" and ");
			CustomerScope.restrictToCustomersOf(sql, "l.customer_id", ownerId, partnerId);
		}
		if (page.after() != null) {
			sql.append(" and (l.ends_on, l.id) > (" + sql.param(LocalDate.parse(page.after().value())) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by l.ends_on, l.id limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(LICENSE).all().collectList();
	}

	/**
	 * Licenses ending in [today, until] whose owner was not yet reminded of this end,
	 * soonest first, at most {@code limit}.
	 */
	Mono<List<License>> dueForRenewalReminder(LocalDate today, LocalDate until, int limit) {
		return this.database.sql("""
				select * from license
				where ends_on between $1 and $2 and state <> 'REVOKED'
				  and renewal_reminder_for is distinct from ends_on
				order by ends_on, id limit $3""")
			.bind(0, today)
			.bind(1, until)
			.bind(2, limit)
			.map(LICENSE)
			.all()
			.collectList();
	}

	/**
	 * Records that the owner was reminded of the license's current end; false if it
	 * moved.
	 */
	Mono<Boolean> markRenewalReminded(UUID licenseId, LocalDate endsOn) {
		return this.database
			.sql("update license set renewal_reminder_for = ends_on where id = $1 and ends_on = $2"
					+ " and renewal_reminder_for is distinct from ends_on")
			.bind(0, licenseId)
			.bind(1, endsOn)
			.fetch()
			.rowsUpdated()
			.map(updated -> updated == 1);
	}

	Mono<Map<UUID, List<License>>> ofShipments(Collection<UUID> shipmentIds) {
		return this.database.sql("select * from license where shipment_id = any($1) order by issued_at, serial")
			.bind(0, shipmentIds.toArray(UUID[]::new))
			.map(LICENSE)
			.all()
			.collect(Collectors.groupingBy(License::shipmentId));
	}

	Mono<Void> insertItem(UUID id, UUID customerId, UUID shipmentLineId) {
		return this.database.sql("insert into license_item (id, customer_id, shipment_line_id) values ($1, $2, $3)")
			.bind(0, id)
			.bind(1, customerId)
			.bind(2, shipmentLineId)
			.then();
	}

	Mono<License> insert(License license) {
		return this.database.sql("""
				insert into license (id, serial, item_id, product_id, edition_code, customer_id, seats, starts_on,
				                     ends_on, key_id, shipment_id)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *""")
			.bind(0, license.id())
			.bind(1, license.serial())
			.bind(2, license.itemId())
			.bind(3, license.productId())
			.bind(4, Parameter.fromOrEmpty(license.editionCode(), String.class))
			.bind(5, license.customerId())
			.bind(6, license.seats())
			.bind(7, license.startsOn())
			.bind(8, Parameter.fromOrEmpty(license.endsOn(), LocalDate.class))
			.bind(9, Parameter.fromOrEmpty(license.keyId(), UUID.class))
			.bind(10, Parameter.fromOrEmpty(license.shipmentId(), UUID.class))
			.map(LICENSE)
			.one();
	}

	/**
	 * Applies the changes at the expected version (any version when null); empty if
	 * stale.
	 */
	Mono<License> update(UUID id, Integer expectedVersion, Map<String, Object> changes) {
		Sql sql = new Sql().append("update license set version = version + 1, updated_at = now()");
		changes.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(" where id = " + sql.param(id));
		if (expectedVersion != null) {
			sql.append(" and version = " + sql.param(expectedVersion));
		}
		return sql.append(" returning *").on(this.database).map(LICENSE).one();
	}

	Mono<Void> record(LicenseEvent event) {
		return this.database.sql("""
				insert into license_event (license_id, kind, by_user, reason, ends_before, ends_after, from_key_id,
				                           to_key_id, edition_before, edition_after, seats_before, seats_after)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
			.bind(0, event.licenseId())
			.bind(1, event.kind().name())
			.bind(2, Parameter.fromOrEmpty(event.byUser(), String.class))
			.bind(3, Parameter.fromOrEmpty(event.reason(), String.class))
			.bind(4, Parameter.fromOrEmpty(event.endsOnBefore(), LocalDate.class))
			.bind(5, Parameter.fromOrEmpty(event.endsOnAfter(), LocalDate.class))
			.bind(6, Parameter.fromOrEmpty(event.fromKeyId(), UUID.class))
			.bind(7, Parameter.fromOrEmpty(event.toKeyId(), UUID.class))
			.bind(8, Parameter.fromOrEmpty(event.editionBefore(), String.class))
			.bind(9, Parameter.fromOrEmpty(event.editionAfter(), String.class))
			.bind(10, Parameter.fromOrEmpty(event.seatsBefore(), Integer.class))
			.bind(11, Parameter.fromOrEmpty(event.seatsAfter(), Integer.class))
			.then();
	}

	/** The history of licenses already read in scope, newest first. */
	Mono<Map<UUID, List<LicenseEvent>>> history(Collection<UUID> licenseIds) {
		return this.database.sql("select * from license_event where license_id = any($1) order by license_id, id desc")
			.bind(0, licenseIds.toArray(UUID[]::new))
			.map(EVENT)
			.all()
			.collect(Collectors.groupingBy(LicenseEvent::licenseId));
	}

	// ---- protection keys

	Mono<List<ProtectionKey>> keys(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append(
				"select k.* from protection_key k where k.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.on(this.database).map(KEY).all().collectList();
	}

	Mono<List<ProtectionKey>> keysOfCustomers(Actor actor, Collection<UUID> customerIds) {
		Sql sql = new Sql();
		sql.append("select k.* from protection_key k where k.customer_id = any("
				+ sql.param(customerIds.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.append(" order by k.key_number").on(this.database).map(KEY).all().collectList();
	}

	Mono<List<ProtectionKey>> keyPage(Actor actor, String search, UUID customerId, PageRequest page) {
		Sql sql = new Sql().append("select k.* from protection_key k where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		if (search != null) {
			sql.append(" and (k.key_number like " + sql.param(Sql.startingWith(search)) + " or lower(k.name) like "
					+ sql.param(Sql.containing(search.toLowerCase())) + ")");
		}
		if (customerId != null) {
			sql.append(" and k.customer_id = " + sql.param(customerId));
		}
		if (page.after() != null) {
			sql.append(" and k.key_number > " + sql.param(page.after().value()));
		}
		sql.append(" order by k.key_number limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(KEY).all().collectList();
	}

	Mono<Boolean> keyNumberTaken(String keyNumber) {
		return this.database.sql("select exists (select 1 from protection_key where key_number = $1)")
			.bind(0, keyNumber)
			.map(row -> row.get(0, Boolean.class))
			.one();
	}

	Mono<ProtectionKey> insertKey(ProtectionKey key) {
		return this.database.sql("""
				insert into protection_key (id, key_number, name, kind, customer_id)
				values ($1, $2, $3, $4, $5) returning *""")
			.bind(0, key.id())
			.bind(1, key.keyNumber())
			.bind(2, key.name())
			.bind(3, key.kind().name())
			.bind(4, key.customerId())
			.map(KEY)
			.one();
	}

	/** Marks a key replaced at the expected version; empty when stale. */
	Mono<ProtectionKey> markReplaced(UUID id, int expectedVersion, UUID replacement) {
		return this.database.sql("""
				update protection_key set status = 'REPLACED', replaced_by = $3, version = version + 1,
				       updated_at = now()
				where id = $1 and version = $2 and status = 'ACTIVE' returning *""")
			.bind(0, id)
			.bind(1, expectedVersion)
			.bind(2, replacement)
			.map(KEY)
			.one();
	}

	/** Licenses bound to a key that still count (not revoked). */
	Flux<License> boundTo(UUID keyId) {
		return this.database.sql("select * from license where key_id = $1 and state <> 'REVOKED' order by serial")
			.bind(0, keyId)
			.map(LICENSE)
			.all();
	}

	/** What the registry is searched and filtered by. */
	record LicenseFilter(String search, String serialPrefix, UUID customerId, LicenseStatus status, UUID keyId) {

	}

}
