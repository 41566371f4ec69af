package com.dealerdesk.channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.channel.PartnerAccountEntry.Kind;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Partners' accounts and their entries. Reads are scoped by {@link PartnerAccountScope};
 * an entry's balance after it is a window sum over its account's entries in booking
 * order, so it is right for entries booked on an earlier day too.
 */
@Repository
class PartnerAccountRepository {

	/** Accounts in the order they were opened. */
	static final String OPENED = "OPENED";

	/** Entries newest first: by booking day, then as recorded. */
	static final String NEWEST_ENTRIES = "NEWEST_ENTRIES";

	private static final String ACCOUNT_SELECT = """
			select a.id, a.partner_id, a.currency, a.prepaid, a.credit_limit, a.balance, a.version, a.created_at
			from partner_account a
			""";

	/**
	 * The entries of the accounts the text given as %s selects, with running balances.
	 */
	private static final String ENTRIES_OF = """
			select * from (select e.id, e.account_id, e.kind, e.amount, e.booked_on, e.order_id, e.agreement_id,
			           e.rebate_year, e.reference, e.reason, e.created_by, e.created_at, a.currency, a.partner_id,
			           sum(e.amount) over (partition by e.account_id order by e.booked_on, e.created_at, e.id)
			               as balance_after
			       from partner_account_entry e join partner_account a on a.id = e.account_id
			       where e.account_id in (%s)) e
			""";

	static final BiFunction<Row, RowMetadata, PartnerAccount> ACCOUNT = (row, meta) -> {
		String currency = row.get("currency", String.class).strip();
		return new PartnerAccount(row.get("id", UUID.class), row.get("partner_id", UUID.class), currency,
				Boolean.TRUE.equals(row.get("prepaid", Boolean.class)),
				Money.of(row.get("credit_limit", BigDecimal.class), currency),
				Money.of(row.get("balance", BigDecimal.class), currency), row.get("version", Integer.class),
				row.get("created_at", OffsetDateTime.class));
	};

	static final BiFunction<Row, RowMetadata, PartnerAccountEntry> ENTRY = (row, meta) -> {
		String currency = row.get("currency", String.class).strip();
		return new PartnerAccountEntry(row.get("id", UUID.class), row.get("account_id", UUID.class),
				Kind.valueOf(row.get("kind", String.class)), Money.of(row.get("amount", BigDecimal.class), currency),
				Money.of(row.get("balance_after", BigDecimal.class), currency), row.get("booked_on", LocalDate.class),
				row.get("order_id", UUID.class), row.get("agreement_id", UUID.class),
				row.get("rebate_year", Integer.class), row.get("reference", String.class),
				row.get("reason", String.class), row.get("created_by", String.class),
				row.get("created_at", OffsetDateTime.class));
	};

	private final DatabaseClient database;

	PartnerAccountRepository(DatabaseClient database) {
		this.database = database;
	}

	// ---- accounts

	Mono<Map<UUID, PartnerAccount>> byIds(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql().append(ACCOUNT_SELECT);
		sql.append("where a.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		PartnerAccountScope.restrict(sql, actor, "a.partner_id");
		return sql.on(this.database).map(ACCOUNT).all().collectMap(PartnerAccount::id);
	}

	/** Each partner's accounts, by currency. */
	Mono<Map<UUID, List<PartnerAccount>>> ofPartners(Actor actor, Collection<UUID> partnerIds) {
		Sql sql = new Sql().append(ACCOUNT_SELECT);
		sql.append("where a.partner_id = any(" + sql.param(partnerIds.toArray(UUID[]::new)) + ") and ");
		PartnerAccountScope.restrict(sql, actor, "a.partner_id");
		sql.append(" order by a.partner_id, a.currency");
		return sql.on(this.database)
			.map(ACCOUNT)
			.all()
			.collect(Collectors.groupingBy(PartnerAccount::partnerId, Collectors.toList()));
	}

	/**
	 * A page of the accounts in scope (of one partner when given), in the order they were
	 * opened.
	 */
	Mono<List<PartnerAccount>> page(Actor actor, UUID partnerId, PageRequest page) {
		Sql sql = new Sql().append(ACCOUNT_SELECT).append("where ");
		PartnerAccountScope.restrict(sql, actor, "a.partner_id");
		if (partnerId != null) {
			sql.append(" and a.partner_id = " + sql.param(partnerId));
		}
		if (page.after() != null) {
			sql.append(" and (a.created_at, a.id) > (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by a.created_at, a.id limit " + page.fetchSize());
		return sql.on(this.database).map(ACCOUNT).all().collectList();
	}

	/** The account, locked until the transaction ends, whoever the caller is. */
	Mono<PartnerAccount> lockedById(UUID id) {
		return this.database.sql(ACCOUNT_SELECT + "where a.id = $1 for update").bind(0, id).map(ACCOUNT).one();
	}

	/** The partner's prepaid account in the currency, locked; empty when it has none. */
	Mono<PartnerAccount> lockedPrepaid(UUID partnerId, String currency) {
		return this.database
			.sql(ACCOUNT_SELECT + "where a.partner_id = $1 and a.currency = $2 and a.prepaid for update")
			.bind(0, partnerId)
			.bind(1, currency)
			.map(ACCOUNT)
			.one();
	}

	/**
	 * The partner's account in the currency, locked; opened (not prepaid) first when it
	 * has none, a concurrent opener's account taken when it was first.
	 * @return the account and whether this call opened it
	 */
	Mono<Map.Entry<PartnerAccount, Boolean>> lockedOrOpened(UUID partnerId, String currency) {
		return this.database.sql("""
				insert into partner_account (id, partner_id, currency, prepaid) values ($1, $2, $3, false)
				on conflict (partner_id, currency) do nothing""")
			.bind(0, UUID.randomUUID())
			.bind(1, partnerId)
			.bind(2, currency)
			.fetch()
			.rowsUpdated()
			.flatMap(opened -> this.database
				.sql(ACCOUNT_SELECT + "where a.partner_id = $1 and a.currency = $2 for update")
				.bind(0, partnerId)
				.bind(1, currency)
				.map(ACCOUNT)
				.one()
				.map(account -> Map.entry(account, opened > 0)));
	}

	Mono<Void> insert(PartnerAccount account) {
		return this.database.sql("""
				insert into partner_account (id, partner_id, currency, prepaid, credit_limit)
				values ($1, $2, $3, $4, $5)""")
			.bind(0, account.id())
			.bind(1, account.partnerId())
			.bind(2, account.currency())
			.bind(3, account.prepaid())
			.bind(4, account.creditLimit().amount())
			.then();
	}

	/**
	 * Writes the changed columns, one version up, when the version is still the given
	 * one.
	 */
	Mono<PartnerAccount> update(UUID id, int expectedVersion, Map<String, Object> columns) {
		Sql sql = new Sql().append("update partner_account set version = version + 1, updated_at = now()");
		columns.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(" where id = " + sql.param(id) + " and version = " + sql.param(expectedVersion)
				+ " returning id, partner_id, currency, prepaid, credit_limit, balance, version, created_at");
		return sql.on(this.database).map(ACCOUNT).one();
	}

	// ---- entries

	Mono<Map<UUID, PartnerAccountEntry>> entriesByIds(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		String wanted = sql.param(ids.toArray(UUID[]::new));
		sql.append(ENTRIES_OF.formatted("select account_id from partner_account_entry where id = any(" + wanted + ")"));
		sql.append("where e.id = any(" + wanted + ") and ");
		PartnerAccountScope.restrict(sql, actor, "e.partner_id");
		return sql.on(this.database).map(ENTRY).all().collectMap(PartnerAccountEntry::id);
	}

	/**
	 * A page of the account's entries, newest first; the account is in the caller's
	 * scope.
	 */
	/**
	 * The latest entries of each account (read in scope by the caller), newest first, in
	 * one statement ({@link ChildPages#lateral}). The running balance needs every earlier
	 * entry of the account, so each account's entries are all read, as for one account.
	 */
	Mono<Map<UUID, List<PartnerAccountEntry>>> entryPages(Collection<UUID> accountIds, PageRequest page) {
		return ChildPages.byParent(ChildPages.lateral(accountIds, inner -> {
			inner.append(ENTRIES_OF.formatted("p.id"));
			if (page.after() != null) {
				String[] position = page.after().value().split("\\|", 2);
				try {
					inner.append(
							"where (e.booked_on, e.created_at, e.id) < (" + inner.param(LocalDate.parse(position[0]))
									+ ", " + inner.param(OffsetDateTime.parse(position[1])) + ", "
									+ inner.param(page.after().id()) + ") ");
				}
				catch (RuntimeException ex) {
					throw new InvalidArgumentException("INVALID_CURSOR",
							"Not a valid cursor: pass a `cursor` or `endCursor` returned by this API.");
				}
			}
			inner.append("order by e.booked_on desc, e.created_at desc, e.id desc limit " + page.fetchSize());
		}), this.database, ENTRY);
	}

	static KeysetCursor cursor(PartnerAccount account) {
		return new KeysetCursor(OPENED, account.openedAt().toString(), account.id());
	}

	static KeysetCursor cursor(PartnerAccountEntry entry) {
		return new KeysetCursor(NEWEST_ENTRIES, entry.bookedOn() + "|" + entry.createdAt(), entry.id());
	}

	/**
	 * The account's period: the balance before it and at its end, the sums of its
	 * positive and negative entries, in one aggregate.
	 */
	Mono<BigDecimal[]> periodSums(UUID accountId, LocalDate from, LocalDate to) {
		return this.database.sql("""
				select coalesce(sum(amount) filter (where booked_on < $2), 0) as opening,
				       coalesce(sum(amount), 0) as closing,
				       coalesce(sum(amount) filter (where booked_on >= $2 and amount > 0), 0) as credits,
				       coalesce(sum(amount) filter (where booked_on >= $2 and amount < 0), 0) as debits
				from partner_account_entry where account_id = $1 and booked_on <= $3""")
			.bind(0, accountId)
			.bind(1, from)
			.bind(2, to)
			.map(row -> new BigDecimal[] { row.get("opening", BigDecimal.class), row.get("closing", BigDecimal.class),
					row.get("credits", BigDecimal.class), row.get("debits", BigDecimal.class) })
			.one();
	}

	/** The account's entries of the period, in booking order. */
	Mono<List<PartnerAccountEntry>> entriesBetween(UUID accountId, LocalDate from, LocalDate to) {
		Sql sql = new Sql();
		sql.append(ENTRIES_OF.formatted(sql.param(accountId)));
		sql.append("where e.booked_on between " + sql.param(from) + " and " + sql.param(to)
				+ " order by e.booked_on, e.created_at, e.id");
		return sql.on(this.database).map(ENTRY).all().collectList();
	}

	/** The ORDER_CHARGE of the order, if it was charged. */
	Mono<PartnerAccountEntry> chargeOf(UUID orderId) {
		Sql sql = new Sql();
		String order = sql.param(orderId);
		sql.append(ENTRIES_OF.formatted("select account_id from partner_account_entry where order_id = " + order
				+ " and kind = 'ORDER_CHARGE'"));
		sql.append("where e.order_id = " + order + " and e.kind = 'ORDER_CHARGE'");
		return sql.on(this.database).map(ENTRY).one();
	}

	/**
	 * Inserts the entry and moves the account's balance by its amount, one version up;
	 * the caller holds the account's lock.
	 * @return the account after the entry
	 */
	Mono<PartnerAccount> book(PartnerAccountEntry entry) {
		return this.database.sql("""
				insert into partner_account_entry (id, account_id, kind, amount, booked_on, order_id, agreement_id,
				    rebate_year, reference, reason, created_by)
				values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""")
			.bind(0, entry.id())
			.bind(1, entry.accountId())
			.bind(2, entry.kind().name())
			.bind(3, entry.amount().amount())
			.bind(4, entry.bookedOn())
			.bind(5, Parameter.fromOrEmpty(entry.orderId(), UUID.class))
			.bind(6, Parameter.fromOrEmpty(entry.agreementId(), UUID.class))
			.bind(7, Parameter.fromOrEmpty(entry.rebateYear(), Integer.class))
			.bind(8, Parameter.fromOrEmpty(entry.reference(), String.class))
			.bind(9, Parameter.fromOrEmpty(entry.reason(), String.class))
			.bind(10, Parameter.fromOrEmpty(entry.createdBy(), String.class))
			.then()
			.then(this.database
				.sql("""
						update partner_account set balance = balance + $2, version = version + 1, updated_at = now()
						where id = $1 returning id, partner_id, currency, prepaid, credit_limit, balance, version, created_at""")
				.bind(0, entry.accountId())
				.bind(1, entry.amount().amount())
				.map(ACCOUNT)
				.one());
	}

}
