package com.dealerdesk.customer;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.OrderDirection;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.text.CustomerKeys;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Customers and their shares. Every read and write is limited to the actor's
 * {@link CustomerScope}.
 */
@Repository
class CustomerRepository {

	private static final int MAX_SEARCH_WORDS = 8;

	static final BiFunction<Row, RowMetadata, Customer> CUSTOMER = (row, meta) -> new Customer(
			row.get("id", UUID.class), row.get("name", String.class), row.get("sort_name", String.class),
			row.get("legal_name", String.class), row.get("tax_id", String.class), row.get("industry", String.class),
			row.get("region", String.class), enumOf(CompanySize.class, row.get("size", String.class)),
			enumOf(CustomerStatus.class, row.get("status", String.class)), row.get("owner_id", String.class),
			row.get("partner_id", UUID.class), List.of(row.get("tags", String[].class)),
			enumOf(SourceChannel.class, row.get("source_channel", String.class)), row.get("website", String.class),
			row.get("email", String.class), row.get("phone", String.class), row.get("address", String.class),
			row.get("notes", String.class), row.get("archived_at", OffsetDateTime.class),
			row.get("version", Integer.class), row.get("created_at", OffsetDateTime.class),
			row.get("updated_at", OffsetDateTime.class), row.get("campaign_id", UUID.class));

	private final DatabaseClient database;

	CustomerRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * How far a search first walks the page's order: where its words are common (a legal
	 * form, a frequent name part) a page of matches lies within these rows.
	 */
	private static final int SEARCH_WALK = 1000;

	/**
	 * A page in the requested order. A search by words of three or more characters is
	 * answered by one of two plans, chosen inside the statement: the first
	 * {@link #SEARCH_WALK} rows of the order, filtered, when they hold a page of matches;
	 * else every match, from the trigram index, sorted. PostgreSQL alone picks one by its
	 * estimate and at size L walked a million names to reach a word that starts a few
	 * thousand of them (docs/performance.md, "Plans at size L").
	 */
	Flux<Customer> page(Actor actor, CustomerFilter filter, CustomerOrder order, PageRequest page) {
		Sql sql = new Sql();
		String conditions = sql.fragment(part -> {
			appendFilter(part, filter);
			appendKeyset(part, order, page);
		});
		String search = sql.fragment(part -> appendSearch(part, filter));
		String direction = order.direction() == OrderDirection.DESC ? " desc" : " asc";
		String inOrder = " order by c." + order.field().column + direction + ", c.id" + direction;
		String fetchSize = sql.param(page.fetchSize());
		String pageOrder = inOrder + " limit " + fetchSize;
		if (search.isEmpty() || !CustomerScope.matchesByTrigram(searchWords(filter))) {
			CustomerScope.appendVisibleInOrder(sql, actor, conditions + search, pageOrder);
			return sql.on(this.database).map(CUSTOMER).all();
		}
		// CTEs are read only when needed: the matches only when the walk was not enough
		sql.append("with walked as materialized (");
		CustomerScope.appendVisibleInOrder(sql, actor, conditions, inOrder + " limit " + SEARCH_WALK);
		sql.append("), ");
		sql.append("hits as materialized (select c.* from walked c where true" + search + pageOrder + "), ");
		sql.append("walk_enough as materialized (select (select count(*) from hits) >= " + fetchSize
				+ " or (select count(*) from walked) < " + SEARCH_WALK + " as yes), ");
		String scope = sql.fragment(part -> CustomerScope.restrict(part, actor));
		sql.append("matches as materialized (select c.* from customer c where " + scope + conditions + search + ") ");
		sql.append("select c.* from ((select c.* from hits c where (select yes from walk_enough)) union all ");
		sql.append("(select c.* from matches c where not (select yes from walk_enough)" + pageOrder + ")) c");
		sql.append(pageOrder);
		return sql.on(this.database).map(CUSTOMER).all();
	}

	private static void appendKeyset(Sql sql, CustomerOrder order, PageRequest page) {
		if (page.after() != null) {
			boolean descending = order.direction() == OrderDirection.DESC;
			sql.append(" and (c." + order.field().column + ", c.id) " + (descending ? "<" : ">") + " ("
					+ sql.param(cursorValue(order, page.after())) + ", " + sql.param(page.after().id()) + ")");
		}
	}

	Mono<Integer> count(Actor actor, CustomerFilter filter) {
		Sql sql = new Sql().append("select count(*) as total from customer c where ");
		CustomerScope.restrict(sql, actor);
		appendFilter(sql, filter);
		appendSearch(sql, filter);
		return sql.on(this.database).map(row -> row.get("total", Long.class).intValue()).one();
	}

	static KeysetCursor cursorOf(Customer customer, CustomerOrder order) {
		String value = switch (order.field()) {
			case NAME -> customer.sortName();
			case CREATED_AT -> customer.createdAt().toString();
			case UPDATED_AT -> customer.updatedAt().toString();
		};
		return new KeysetCursor(order.key(), value, customer.id());
	}

	private static Object cursorValue(CustomerOrder order, KeysetCursor cursor) {
		return (order.field() == CustomerOrder.Field.NAME) ? cursor.value() : cursor.time();
	}

	private static void appendFilter(Sql sql, CustomerFilter filter) {
		if (!Boolean.TRUE.equals(filter.includeArchived())) {
			sql.append(" and c.archived_at is null");
		}
		if (filter.status() != null && !filter.status().isEmpty()) {
			String[] statuses = filter.status().stream().map(Enum::name).toArray(String[]::new);
			sql.append(" and c.status = any(" + sql.param(statuses) + ")");
		}
		if (filter.ownerIds() != null && !filter.ownerIds().isEmpty()) {
			sql.append(" and c.owner_id = any(" + sql.param(filter.ownerIds().toArray(String[]::new)) + ")");
		}
		if (hasText(filter.region())) {
			sql.append(" and lower(c.region) = lower(" + sql.param(filter.region().trim()) + ")");
		}
		if (hasText(filter.industry())) {
			sql.append(" and lower(c.industry) = lower(" + sql.param(filter.industry().trim()) + ")");
		}
		if (hasText(filter.tag())) {
			sql.append(" and c.tags @> array[" + sql.param(filter.tag().trim()) + "]::text[]");
		}
	}

	private static void appendSearch(Sql sql, CustomerFilter filter) {
		if (hasText(filter.search())) {
			sql.append(" and ");
			CustomerScope.matching(sql, searchWords(filter));
		}
	}

	private static List<String> searchWords(CustomerFilter filter) {
		return Arrays.stream(filter.search().trim().split("\\s+")).limit(MAX_SEARCH_WORDS).toList();
	}

	Mono<Customer> findVisible(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select c.* from customer c where c.id = " + sql.param(id) + " and ");
		CustomerScope.restrict(sql, actor);
		return sql.on(this.database).map(CUSTOMER).one();
	}

	Mono<Map<UUID, Customer>> findVisible(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		Sql sql = new Sql();
		sql.append("select c.* from customer c where c.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrict(sql, actor);
		return sql.on(this.database).map(CUSTOMER).all().collectMap(Customer::id);
	}

	Mono<Customer> insert(Customer customer) {
		Sql sql = new Sql();
		sql.append("insert into customer (id, name, name_key, legal_name, tax_id, industry, region, size, status,"
				+ " owner_id, partner_id, tags, source_channel, website, email, phone, address, notes, campaign_id)"
				+ " values ("
				+ String.join(", ", sql.param(customer.id()), sql.param(customer.name()),
						sql.param(CustomerKeys.name(customer.name()), String.class),
						sql.param(customer.legalName(), String.class), sql.param(customer.taxId(), String.class),
						sql.param(customer.industry(), String.class), sql.param(customer.region(), String.class),
						sql.param(nameOf(customer.size()), String.class), sql.param(customer.status().name()),
						sql.param(customer.ownerId()), sql.param(customer.partnerId(), UUID.class),
						sql.param(customer.tags().toArray(String[]::new)),
						sql.param(nameOf(customer.sourceChannel()), String.class),
						sql.param(customer.website(), String.class), sql.param(customer.email(), String.class),
						sql.param(customer.phone(), String.class), sql.param(customer.address(), String.class),
						sql.param(customer.notes(), String.class), sql.param(customer.campaignId(), UUID.class))
				+ ") returning *");
		return sql.on(this.database).map(CUSTOMER).one();
	}

	/**
	 * Applies the changes if the customer is visible, not archived and still at the
	 * expected version; increments the version. Empty when any of these does not hold.
	 * @param changes column name to new value (null clears); column names come from code
	 * only
	 * @param requiredOwnerId when set, the customer must also be owned by this user
	 */
	Mono<Customer> update(Actor actor, UUID id, int expectedVersion, Map<String, Object> changes,
			ArchiveChange archiveChange, String requiredOwnerId) {
		Sql sql = new Sql().append("update customer c set version = c.version + 1, updated_at = now()");
		changes.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		switch (archiveChange) {
			case ARCHIVE -> sql.append(", archived_at = now()");
			case RESTORE -> sql.append(", archived_at = null");
			case NONE -> {
			}
		}
		sql.append(" where c.id = " + sql.param(id) + " and c.version = " + sql.param(expectedVersion));
		sql.append(archiveChange == ArchiveChange.RESTORE ? " and c.archived_at is not null"
				: " and c.archived_at is null");
		if (requiredOwnerId != null) {
			sql.append(" and c.owner_id = " + sql.param(requiredOwnerId));
		}
		sql.append(" and ");
		CustomerScope.restrict(sql, actor);
		sql.append(" returning c.*");
		return sql.on(this.database).map(CUSTOMER).one();
	}

	/**
	 * Every customer, in anyone's scope, that matches one of the keys (null keys match
	 * nothing): for the channel's conflict detection, whose evidence only the vendor
	 * sees. Each branch uses its partial index of V31.
	 */
	Flux<CustomerMatch> matching(String taxIdKey, String nameKey, String emailDomain, int limit) {
		Sql sql = new Sql();
		String tax = sql.param(taxIdKey, String.class);
		String name = sql.param(nameKey, String.class);
		String domain = sql.param(emailDomain, String.class);
		sql.append("select c.id, c.name, c.tax_id, c.email, c.partner_id, c.region, c.industry,"
				+ " coalesce(lower(regexp_replace(c.tax_id, '[^0-9A-Za-z]', '', 'g')) = " + tax + ", false) as by_tax,"
				+ " coalesce(c.name_key = " + name + ", false) as by_name,"
				+ " coalesce(lower(split_part(c.email, '@', 2)) = " + domain + ", false) as by_domain"
				+ " from customer c where (c.tax_id is not null and lower(regexp_replace(c.tax_id, '[^0-9A-Za-z]', '',"
				+ " 'g')) = " + tax + ") or (c.name_key is not null and c.name_key = " + name + ")"
				+ " or (c.email like '%@%' and lower(split_part(c.email, '@', 2)) = " + domain + ")"
				+ " order by c.created_at, c.id limit " + sql.param(limit));
		return sql.on(this.database)
			.map(row -> new CustomerMatch(row.get("id", UUID.class), row.get("name", String.class),
					row.get("tax_id", String.class), row.get("email", String.class), row.get("partner_id", UUID.class),
					row.get("region", String.class), row.get("industry", String.class),
					Boolean.TRUE.equals(row.get("by_tax", Boolean.class)),
					Boolean.TRUE.equals(row.get("by_name", Boolean.class)),
					Boolean.TRUE.equals(row.get("by_domain", Boolean.class))))
			.all();
	}

	/** Up to {@code limit} customers without a name key (written before V31), by id. */
	Flux<Customer> withoutNameKey(int limit) {
		return this.database.sql("select * from customer where name_key is null order by id limit $1")
			.bind(0, limit)
			.map(CUSTOMER)
			.all();
	}

	Mono<Void> setNameKey(UUID id, String nameKey) {
		// a name without letters keeps no key: '' marks it as done
		return this.database.sql("update customer set name_key = $2 where id = $1")
			.bind(0, id)
			.bind(1, nameKey == null ? "" : nameKey)
			.then();
	}

	enum ArchiveChange {

		NONE, ARCHIVE, RESTORE

	}

	/** Customers attributed to each campaign, counted in the actor's scope. */
	Mono<Map<UUID, Integer>> leadsByCampaign(Actor actor) {
		Sql sql = new Sql()
			.append("select c.campaign_id, count(*) as leads from customer c where c.campaign_id is not null and ");
		CustomerScope.restrict(sql, actor);
		sql.append(" group by c.campaign_id");
		return sql.on(this.database)
			.map(row -> Map.entry(row.get("campaign_id", UUID.class), row.get("leads", Long.class).intValue()))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	Mono<Map<UUID, List<String>>> sharesOf(Collection<UUID> customerIds) {
		if (customerIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database
			.sql("select customer_id, user_id from customer_share where customer_id = any($1) order by user_id")
			.bind(0, customerIds.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("customer_id", UUID.class), row.get("user_id", String.class)))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	Mono<Void> replaceShares(UUID customerId, Collection<String> userIds) {
		return this.database.sql("delete from customer_share where customer_id = $1")
			.bind(0, customerId)
			.then()
			.then(userIds.isEmpty() ? Mono.empty()
					: this.database
						.sql("insert into customer_share (customer_id, user_id) select $1, unnest($2::text[])")
						.bind(0, customerId)
						.bind(1, userIds.toArray(String[]::new))
						.then());
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

	private static String nameOf(Enum<?> value) {
		return value == null ? null : value.name();
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
	}

}
