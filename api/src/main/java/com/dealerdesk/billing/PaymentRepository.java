package com.dealerdesk.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Payments and refunds; visible when their customer is ({@link CustomerScope}). */
@Repository
class PaymentRepository {

	static final String NEWEST = "CREATED_DESC";

	private final DatabaseClient database;

	PaymentRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<List<Payment>> payments(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append("select p.* from payment p where p.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		return sql.on(this.database).map(PaymentRepository::payment).all().collectList();
	}

	/** Locks a visible payment for allocating what is left of it. */
	Mono<Payment> lock(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select p.* from payment p where p.id = " + sql.param(id) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		return sql.append(" for update of p").on(this.database).map(PaymentRepository::payment).one();
	}

	Mono<List<Payment>> page(Actor actor, UUID customerId, PageRequest page) {
		Sql sql = new Sql().append("select p.* from payment p where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.customer_id");
		if (customerId != null) {
			sql.append(" and p.customer_id = " + sql.param(customerId));
		}
		if (page.after() != null) {
			sql.append(" and (p.created_at, p.id) < (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by p.created_at desc, p.id desc limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(PaymentRepository::payment).all().collectList();
	}

	/**
	 * The first payments of each customer, newest first, in one statement
	 * ({@link ChildPages#lateral}). The customers were read in scope, and a visible
	 * customer's payments are all visible.
	 */
	Mono<Map<UUID, List<Payment>>> pagesOfCustomers(Collection<UUID> customerIds, PageRequest page) {
		return ChildPages.byParent(ChildPages.lateral(customerIds, inner -> {
			inner.append("select * from payment where customer_id = p.id");
			if (page.after() != null) {
				inner.append(" and (created_at, id) < (" + inner.param(page.after().time()) + ", "
						+ inner.param(page.after().id()) + ")");
			}
			inner.append(" order by created_at desc, id desc limit " + inner.param(page.fetchSize()));
		}), this.database, (row, meta) -> payment(row));
	}

	/** Each customer's credit per currency: receipts − allocations − refunds. */
	Mono<Map<UUID, List<Money>>> credit(Collection<UUID> customerIds) {
		return this.database.sql("""
				select customer_id, currency,
				       sum(case when kind = 'RECEIPT' then amount - allocated else -amount end) as credit
				from payment where customer_id = any($1) group by customer_id, currency
				having sum(case when kind = 'RECEIPT' then amount - allocated else -amount end) <> 0
				order by customer_id, currency""")
			.bind(0, customerIds.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("customer_id", UUID.class),
					Money.of(row.get("credit", BigDecimal.class), row.get("currency", String.class).strip())))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	Mono<BigDecimal> creditOf(UUID customerId, String currency) {
		return this.database.sql("""
				select coalesce(sum(case when kind = 'RECEIPT' then amount - allocated else -amount end), 0)
				from payment where customer_id = $1 and currency = $2""")
			.bind(0, customerId)
			.bind(1, currency)
			.map(row -> row.get(0, BigDecimal.class))
			.one();
	}

	/** The payment a caller recorded with an idempotency key, with its fingerprint. */
	Mono<Map.Entry<UUID, String>> byIdempotencyKey(String createdBy, String key) {
		return this.database
			.sql("select id, request_fingerprint from payment where created_by = $1 and idempotency_key = $2")
			.bind(0, createdBy)
			.bind(1, key)
			.map(row -> Map.entry(row.get("id", UUID.class), row.get("request_fingerprint", String.class)))
			.one();
	}

	Mono<Void> insert(Payment payment, String idempotencyKey, String fingerprint) {
		Sql sql = new Sql();
		sql.append("insert into payment (id, number, kind, customer_id, currency, amount, received_on, method,"
				+ " reference, exchange_rate, idempotency_key, request_fingerprint, created_by) values ("
				+ String.join(", ", sql.param(payment.id()), sql.param(payment.number()), sql.value(payment.kind()),
						sql.param(payment.customerId()), sql.param(payment.amount().currency()),
						sql.param(payment.amount().amount()), sql.param(payment.receivedOn()),
						sql.value(payment.method()), sql.param(payment.reference(), String.class),
						sql.param(payment.exchangeRate(), BigDecimal.class), sql.param(idempotencyKey),
						sql.param(fingerprint), sql.param(payment.createdBy()))
				+ ")");
		return sql.on(this.database).then();
	}

	static Payment payment(Readable row) {
		String currency = row.get("currency", String.class).strip();
		return new Payment(row.get("id", UUID.class), row.get("number", String.class),
				Payment.Kind.valueOf(row.get("kind", String.class)), row.get("customer_id", UUID.class),
				Money.of(row.get("amount", BigDecimal.class), currency),
				Money.of(row.get("allocated", BigDecimal.class), currency), row.get("received_on", LocalDate.class),
				Payment.Method.valueOf(row.get("method", String.class)), row.get("reference", String.class),
				row.get("exchange_rate", BigDecimal.class), row.get("created_by", String.class),
				row.get("created_at", OffsetDateTime.class), row.get("version", Integer.class));
	}

}
