package com.dealerdesk.partner;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.pagination.Edge;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Looks partners up. The vendor's staff see every partner; a partner's users and
 * integrations see their own partner and its sub-dealers (SQL function
 * {@code partner_scope}), never a sibling or their parent.
 */
@Service
public class PartnerDirectory implements NodeFetcher {

	static final String TYPE = "Partner";

	static final String NAME_ORDER = "NAME_ASC";

	static final BiFunction<Row, RowMetadata, Partner> PARTNER = (row, meta) -> new Partner(row.get("id", UUID.class),
			row.get("name", String.class), row.get("legal_name", String.class), row.get("tax_id", String.class),
			row.get("country", String.class), row.get("address", String.class),
			PartnerStatus.valueOf(row.get("status", String.class)), row.get("status_reason", String.class),
			row.get("tier_id", UUID.class), row.get("parent_id", UUID.class), row.get("former_customer_id", UUID.class),
			row.get("version", Integer.class), row.get("created_at", OffsetDateTime.class),
			row.get("updated_at", OffsetDateTime.class));

	private final DatabaseClient database;

	PartnerDirectory(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The partners whose rows the actor sees, as a predicate on a column holding a
	 * partner id.
	 */
	static String scope(Actor actor, Sql sql, String idColumn) {
		if (actor.partnerId() != null) {
			return "(" + idColumn + " in (select partner_scope(" + sql.param(actor.partnerId()) + ")))";
		}
		return actor.isPartner() || actor.roles().isEmpty() ? "(false)" : "(true)";
	}

	/**
	 * Partners by id, whoever asks: for fields of objects the caller already reached in
	 * scope (a customer's partner, a webhook endpoint's owner).
	 */
	public Mono<Map<UUID, Partner>> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select * from partner where id = any($1)")
			.bind(0, ids.toArray(UUID[]::new))
			.map(PARTNER)
			.all()
			.collectMap(Partner::id);
	}

	public Mono<Partner> byId(UUID id) {
		return byIds(Set.of(id)).mapNotNull(found -> found.get(id));
	}

	/** Of the given partners, those in the actor's scope. */
	public Mono<Map<UUID, Partner>> visibleByIds(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		Sql sql = new Sql();
		sql.append("select * from partner p where p.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and "
				+ scope(actor, sql, "p.id"));
		return sql.on(this.database).map(PARTNER).all().collectMap(Partner::id);
	}

	/** A partner in the actor's scope. */
	public Mono<Partner> visible(Actor actor, UUID id) {
		return visibleByIds(actor, Set.of(id)).mapNotNull(found -> found.get(id));
	}

	/**
	 * A partner in the actor's scope, its row locked against a change of status until the
	 * caller's transaction ends: for what may be done only while it is ACTIVE.
	 */
	public Mono<Partner> lockVisible(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select * from partner p where p.id = " + sql.param(id) + " and " + scope(actor, sql, "p.id")
				+ " for share");
		return sql.on(this.database).map(PARTNER).one();
	}

	/**
	 * The partners whose business the actor's partner sees: its own and its sub-dealers';
	 * empty for the vendor's staff.
	 */
	public Mono<Set<UUID>> scopeOf(Actor actor) {
		if (actor.partnerId() == null) {
			return Mono.just(Set.of());
		}
		return this.database.sql("select partner_scope($1) as id")
			.bind(0, actor.partnerId())
			.map(row -> row.get("id", UUID.class))
			.all()
			.collect(Collectors.toSet());
	}

	Mono<PageRequest.Connection<Partner>> page(Actor actor, PartnerFilter filter, PageRequest page) {
		Sql sql = new Sql();
		sql.append("select p.*, lower(p.name) as sort_key from partner p where " + scope(actor, sql, "p.id"));
		if (filter.search() != null) {
			// each word somewhere in the name, legal name or tax id (trigram index)
			Arrays.stream(filter.search().strip().split("\\s+"))
				.filter(word -> !word.isEmpty())
				.forEach(word -> sql.append(
						" and lower(p.name || ' ' || coalesce(p.legal_name, '') || ' ' || coalesce(p.tax_id, '')) like lower("
								+ sql.param(Sql.containing(word)) + ")"));
		}
		if (!filter.statuses().isEmpty()) {
			sql.append(" and p.status = any(" + sql.value(filter.statuses()) + ")");
		}
		if (filter.tierId() != null) {
			sql.append(" and p.tier_id = " + sql.param(filter.tierId()));
		}
		if (filter.parentId() != null) {
			sql.append(" and p.parent_id = " + sql.param(filter.parentId()));
		}
		if (page.after() != null) {
			sql.append(" and (lower(p.name), p.id) > (" + sql.param(page.after().value()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by lower(p.name), p.id limit " + sql.param(page.fetchSize()));
		// the cursor keeps the database's lower case, which the index and the comparison
		// use
		return sql.on(this.database)
			.map((row, meta) -> Map.entry(PARTNER.apply(row, meta), row.get("sort_key", String.class)))
			.all()
			.collectList()
			.map(rows -> page.page(rows, row -> new KeysetCursor(NAME_ORDER, row.getValue(), row.getKey().id())))
			.map(connection -> new PageRequest.Connection<>(
					connection.edges().stream().map(edge -> new Edge<>(edge.node().getKey(), edge.cursor())).toList(),
					connection.pageInfo()));
	}

	/** Each partner's sub-dealers in the actor's scope, by name. */
	Mono<Map<UUID, List<Partner>>> subDealersOf(Actor actor, Collection<UUID> parentIds) {
		Sql sql = new Sql();
		sql.append("select * from partner p where p.parent_id = any(" + sql.param(parentIds.toArray(UUID[]::new))
				+ ") and " + scope(actor, sql, "p.id") + " order by lower(p.name), p.id");
		return sql.on(this.database).map(PARTNER).all().collectMultimap(Partner::parentId).map(PartnerDirectory::lists);
	}

	Mono<Map<UUID, List<Territory>>> territoriesOf(Collection<UUID> partnerIds) {
		return this.database
			.sql("select partner_id, region, industry from partner_territory where partner_id = any($1)"
					+ " order by partner_id, position")
			.bind(0, partnerIds.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("partner_id", UUID.class),
					new Territory(row.get("region", String.class), row.get("industry", String.class))))
			.all()
			.collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
			.map(PartnerDirectory::lists);
	}

	Mono<Map<UUID, List<PartnerContact>>> contactsOf(Collection<UUID> partnerIds) {
		return this.database
			.sql("select * from partner_contact where partner_id = any($1) order by partner_id, created_at, id")
			.bind(0, partnerIds.toArray(UUID[]::new))
			.map(row -> new PartnerContact(row.get("id", UUID.class), row.get("partner_id", UUID.class),
					row.get("name", String.class), row.get("role", String.class), row.get("email", String.class),
					row.get("phone", String.class)))
			.all()
			.collectMultimap(PartnerContact::partnerId)
			.map(PartnerDirectory::lists);
	}

	@Override
	public Set<String> typeNames() {
		return Set.of(TYPE);
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : visible(actor, uuid).cast(Object.class);
	}

	private static <K, V> Map<K, List<V>> lists(Map<K, Collection<V>> grouped) {
		return grouped.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, entry -> new ArrayList<>(entry.getValue())));
	}

	/** What {@code partners} filters by; ids already resolved. */
	record PartnerFilter(String search, List<PartnerStatus> statuses, UUID tierId, UUID parentId) {

	}

}
