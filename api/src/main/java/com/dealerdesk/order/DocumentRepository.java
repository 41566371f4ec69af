package com.dealerdesk.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.order.Order.OrderStatus;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.CataloguePrice.PriceBasis;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Orders, shipments and invoices. A document is visible when its customer is
 * ({@link CustomerScope}); lines are read only for documents already read in scope.
 */
@Repository
class DocumentRepository {

	/** Sort order of order and invoice lists: newest first. */
	static final String NEWEST = "CREATED_DESC";

	private static final BiFunction<Row, RowMetadata, Order> ORDER = (row, meta) -> {
		String currency = row.get("currency", String.class);
		return new Order(row.get("id", UUID.class), row.get("number", String.class), row.get("customer_id", UUID.class),
				row.get("opportunity_id", UUID.class), row.get("quote_id", UUID.class),
				row.get("campaign_id", UUID.class), OrderStatus.valueOf(row.get("status", String.class)), currency,
				Money.of(row.get("total", BigDecimal.class), currency), row.get("created_by", String.class),
				row.get("created_at", OffsetDateTime.class), row.get("version", Integer.class), List.of());
	};

	private static final BiFunction<Row, RowMetadata, Order.Line> ORDER_LINE = (row, meta) -> {
		String currency = row.get("currency", String.class);
		return new Order.Line(row.get("id", UUID.class), row.get("order_id", UUID.class),
				row.get("position", Integer.class), row.get("product_id", UUID.class),
				row.get("edition_code", String.class), row.get("description", String.class),
				row.get("quantity", Integer.class), Money.of(row.get("unit_price", BigDecimal.class), currency),
				Money.of(row.get("discount", BigDecimal.class), currency),
				Money.of(row.get("price", BigDecimal.class), currency), row.get("shipped_quantity", Integer.class),
				row.get("renews_license_id", UUID.class), PriceBasis.valueOf(row.get("price_basis", String.class)),
				row.get("partner_tier_id", UUID.class));
	};

	private static final BiFunction<Row, RowMetadata, Shipment> SHIPMENT = (row, meta) -> new Shipment(
			row.get("id", UUID.class), row.get("number", String.class), row.get("order_id", UUID.class),
			row.get("customer_id", UUID.class), row.get("shipped_on", LocalDate.class),
			Money.of(row.get("amount", BigDecimal.class), row.get("currency", String.class)),
			row.get("invoice_id", UUID.class), row.get("licenses_issued_at", OffsetDateTime.class),
			row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class), List.of());

	private static final BiFunction<Row, RowMetadata, Shipment.Line> SHIPMENT_LINE = (row, meta) -> new Shipment.Line(
			row.get("id", UUID.class), row.get("shipment_id", UUID.class), row.get("order_line_id", UUID.class),
			row.get("quantity", Integer.class),
			Money.of(row.get("amount", BigDecimal.class), row.get("currency", String.class)));

	private static final BiFunction<Row, RowMetadata, Invoice> INVOICE = (row, meta) -> {
		String currency = row.get("currency", String.class);
		return new Invoice(row.get("id", UUID.class), row.get("number", String.class),
				row.get("customer_id", UUID.class), currency, row.get("issued_on", LocalDate.class),
				row.get("due_on", LocalDate.class), Money.of(row.get("total", BigDecimal.class), currency),
				row.get("created_by", String.class), row.get("created_at", OffsetDateTime.class));
	};

	private final DatabaseClient database;

	DocumentRepository(DatabaseClient database) {
		this.database = database;
	}

	// ---- orders

	Mono<List<Order>> orders(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append("select o.* from sales_order o where o.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		return withOrderLines(scoped(sql, actor, "o.customer_id").on(this.database).map(ORDER).all());
	}

	Mono<List<Order>> orderPage(Actor actor, UUID customerId, OrderStatus status, PageRequest page) {
		Sql sql = new Sql().append("select o.* from sales_order o where ");
		scoped(sql, actor, "o.customer_id");
		if (customerId != null) {
			sql.append(" and o.customer_id = " + sql.param(customerId));
		}
		if (status != null) {
			sql.append(" and o.status = " + sql.param(status.name()));
		}
		keyset(sql, "o", page);
		return withOrderLines(sql.on(this.database).map(ORDER).all());
	}

	Mono<Map<UUID, List<Order>>> ordersOfQuotes(Actor actor, Collection<UUID> quoteIds) {
		Sql sql = new Sql();
		sql.append("select o.* from sales_order o where o.quote_id = any(" + sql.param(quoteIds.toArray(UUID[]::new))
				+ ") and ");
		return withOrderLines(
				scoped(sql, actor, "o.customer_id").append(" order by o.created_at").on(this.database).map(ORDER).all())
			.map(rows -> rows.stream().collect(Collectors.groupingBy(Order::quoteId)));
	}

	/** Locks a visible order for a change that depends on its lines (shipping). */
	Mono<Order> lockOrder(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select o.* from sales_order o where o.id = " + sql.param(id) + " and ");
		scoped(sql, actor, "o.customer_id").append(" for update of o");
		return withOrderLines(sql.on(this.database).map(ORDER).all())
			.flatMap(rows -> Mono.justOrEmpty(rows.stream().findFirst()));
	}

	Mono<Boolean> quoteHasOrder(UUID quoteId) {
		return exists("select 1 from sales_order where quote_id = $1 and status <> 'CANCELLED'", quoteId);
	}

	Mono<Void> insertOrder(Order order) {
		Sql sql = new Sql();
		sql.append("insert into sales_order (id, number, customer_id, opportunity_id, quote_id, campaign_id, status,"
				+ " currency, total, created_by) values ("
				+ String.join(", ", sql.param(order.id()), sql.param(order.number()), sql.param(order.customerId()),
						sql.param(order.opportunityId(), UUID.class), sql.param(order.quoteId(), UUID.class),
						sql.param(order.campaignId(), UUID.class), sql.value(order.status()),
						sql.param(order.currency()), sql.param(order.total().amount()), sql.param(order.createdBy()))
				+ ")");
		return sql.on(this.database)
			.then()
			.thenMany(Flux.fromIterable(order.lines())
				.concatMap(line -> this.database
					.sql("""
							insert into order_line (id, order_id, position, product_id, edition_code, description, quantity,
							                        unit_price, discount, price, renews_license_id, price_basis, partner_tier_id)
							values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""")
					.bind(0, line.id())
					.bind(1, order.id())
					.bind(2, line.position())
					.bind(3, line.productId())
					.bind(4, Parameter.fromOrEmpty(line.editionCode(), String.class))
					.bind(5, line.description())
					.bind(6, line.quantity())
					.bind(7, line.unitPrice().amount())
					.bind(8, line.discount().amount())
					.bind(9, line.price().amount())
					.bind(10, Parameter.fromOrEmpty(line.renewsLicenseId(), UUID.class))
					.bind(11, line.priceBasis().name())
					.bind(12, Parameter.fromOrEmpty(line.partnerTierId(), UUID.class))
					.then()))
			.then();
	}

	/** Sets the status at the expected version; empty when the version is stale. */
	Mono<Integer> setOrderStatus(UUID id, Integer expectedVersion, OrderStatus status) {
		Sql sql = new Sql().append("update sales_order set version = version + 1, updated_at = now(), status = ");
		sql.append(sql.param(status.name()) + " where id = " + sql.param(id));
		if (expectedVersion != null) {
			sql.append(" and version = " + sql.param(expectedVersion));
		}
		return sql.append(" returning version").on(this.database).map(row -> row.get(0, Integer.class)).one();
	}

	Mono<Void> addShipped(UUID orderLineId, int quantity) {
		return this.database.sql("update order_line set shipped_quantity = shipped_quantity + $1 where id = $2")
			.bind(0, quantity)
			.bind(1, orderLineId)
			.then();
	}

	Mono<Void> deleteOrder(UUID id) {
		return this.database.sql("delete from order_line where order_id = $1")
			.bind(0, id)
			.then()
			.then(this.database.sql("delete from sales_order where id = $1").bind(0, id).then());
	}

	/** Order lines by id, for lines of documents already read in scope. */
	Mono<Map<UUID, Order.Line>> orderLines(Collection<UUID> ids) {
		return this.database
			.sql("select l.*, o.currency from order_line l join sales_order o on o.id = l.order_id"
					+ " where l.id = any($1)")
			.bind(0, ids.toArray(UUID[]::new))
			.map(ORDER_LINE)
			.all()
			.collectMap(Order.Line::id);
	}

	// ---- shipments

	Mono<List<Shipment>> shipments(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append("select s.* from shipment s where s.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		return withShipmentLines(scoped(sql, actor, "s.customer_id").append(" order by s.created_at")
			.on(this.database)
			.map(SHIPMENT)
			.all());
	}

	/**
	 * Locks visible shipments for invoicing, in id order (so that two invoices of
	 * overlapping shipments cannot deadlock): whoever invoices them next waits and then
	 * sees them invoiced.
	 */
	Mono<List<Shipment>> lockShipments(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append("select s.* from shipment s where s.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		return withShipmentLines(scoped(sql, actor, "s.customer_id").append(" order by s.id for update of s")
			.on(this.database)
			.map(SHIPMENT)
			.all());
	}

	Mono<Map<UUID, List<Shipment>>> shipmentsOfOrders(Collection<UUID> orderIds) {
		return withShipmentLines(
				this.database.sql("select * from shipment where order_id = any($1) order by created_at, number")
					.bind(0, orderIds.toArray(UUID[]::new))
					.map(SHIPMENT)
					.all())
			.map(rows -> rows.stream().collect(Collectors.groupingBy(Shipment::orderId)));
	}

	Mono<Map<UUID, LocalDate>> firstShipmentDates(Collection<UUID> orderIds) {
		return this.database.sql(
				"select order_id, min(shipped_on) as first_on from shipment where order_id = any($1) group by order_id")
			.bind(0, orderIds.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("order_id", UUID.class), row.get("first_on", LocalDate.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	Mono<Map<UUID, List<Shipment>>> shipmentsOfInvoices(Collection<UUID> invoiceIds) {
		return withShipmentLines(
				this.database.sql("select * from shipment where invoice_id = any($1) order by created_at, number")
					.bind(0, invoiceIds.toArray(UUID[]::new))
					.map(SHIPMENT)
					.all())
			.map(rows -> rows.stream().collect(Collectors.groupingBy(Shipment::invoiceId)));
	}

	Mono<Void> insertShipment(Shipment shipment) {
		Sql sql = new Sql();
		sql.append("insert into shipment (id, number, order_id, customer_id, shipped_on, amount, currency, created_by)"
				+ " values ("
				+ String.join(", ", sql.param(shipment.id()), sql.param(shipment.number()),
						sql.param(shipment.orderId()), sql.param(shipment.customerId()),
						sql.param(shipment.shippedOn()), sql.param(shipment.amount().amount()),
						sql.param(shipment.amount().currency()), sql.param(shipment.createdBy()))
				+ ")");
		return sql.on(this.database)
			.then()
			.thenMany(Flux.fromIterable(shipment.lines())
				.concatMap(line -> this.database.sql("""
						insert into shipment_line (id, shipment_id, order_line_id, quantity, amount)
						values ($1, $2, $3, $4, $5)""")
					.bind(0, line.id())
					.bind(1, shipment.id())
					.bind(2, line.orderLineId())
					.bind(3, line.quantity())
					.bind(4, line.amount().amount())
					.then()))
			.then();
	}

	Mono<Void> deleteShipment(UUID id) {
		return this.database.sql("delete from shipment_line where shipment_id = $1")
			.bind(0, id)
			.then()
			.then(this.database.sql("delete from shipment where id = $1").bind(0, id).then());
	}

	/**
	 * Marks a shipment's licenses issued; false when they already were (another request
	 * got there first).
	 */
	Mono<Boolean> markLicensesIssued(UUID shipmentId) {
		return this.database
			.sql("update shipment set licenses_issued_at = now() where id = $1 and licenses_issued_at is null")
			.bind(0, shipmentId)
			.fetch()
			.rowsUpdated()
			.map(updated -> updated == 1);
	}

	// ---- invoices

	Mono<List<Invoice>> invoices(Actor actor, Collection<UUID> ids) {
		Sql sql = new Sql();
		sql.append("select i.* from invoice i where i.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		return scoped(sql, actor, "i.customer_id").append(" order by i.created_at")
			.on(this.database)
			.map(INVOICE)
			.all()
			.collectList();
	}

	Mono<List<Invoice>> invoicePage(Actor actor, UUID customerId, PageRequest page) {
		Sql sql = new Sql().append("select i.* from invoice i where ");
		scoped(sql, actor, "i.customer_id");
		if (customerId != null) {
			sql.append(" and i.customer_id = " + sql.param(customerId));
		}
		keyset(sql, "i", page);
		return sql.on(this.database).map(INVOICE).all().collectList();
	}

	Mono<Void> insertInvoice(Invoice invoice) {
		Sql sql = new Sql();
		sql.append("insert into invoice (id, number, customer_id, currency, issued_on, due_on, total, created_by)"
				+ " values ("
				+ String.join(", ", sql.param(invoice.id()), sql.param(invoice.number()),
						sql.param(invoice.customerId()), sql.param(invoice.currency()), sql.param(invoice.issuedOn()),
						sql.param(invoice.dueOn()), sql.param(invoice.total().amount()), sql.param(invoice.createdBy()))
				+ ")");
		return sql.on(this.database).then();
	}

	/** Links shipments, locked and not invoiced yet, to the invoice. */
	Mono<Void> invoiceShipments(UUID invoiceId, Collection<UUID> shipmentIds) {
		return this.database.sql("update shipment set invoice_id = $1 where id = any($2)")
			.bind(0, invoiceId)
			.bind(1, shipmentIds.toArray(UUID[]::new))
			.then();
	}

	Mono<Void> deleteInvoice(UUID id) {
		return this.database.sql("update shipment set invoice_id = null where invoice_id = $1")
			.bind(0, id)
			.then()
			.then(this.database.sql("delete from invoice where id = $1").bind(0, id).then());
	}

	// ---- the chain

	/**
	 * Every document connected to the given one through "made from" links, both ways: its
	 * quote, orders, shipments and invoices, and the contracts and payments that the
	 * contract and billing features link to them through their views. Ids are UUIDs,
	 * unique across the tables.
	 */
	Mono<List<UUID>> connected(UUID documentId) {
		return this.database.sql("""
				with recursive walk(id) as (
				    select $1::uuid
				    union
				    select next.id from walk w cross join lateral (
				        select o.id from sales_order o where o.quote_id = w.id
				        union all select o.quote_id from sales_order o where o.id = w.id and o.quote_id is not null
				        union all select s.id from shipment s where s.order_id = w.id
				        union all select s.order_id from shipment s where s.id = w.id
				        union all select s.invoice_id from shipment s where s.id = w.id and s.invoice_id is not null
				        union all select s.id from shipment s where s.invoice_id = w.id
				        union all select l.to_id from contract_flow_link l where l.from_id = w.id
				        union all select l.from_id from contract_flow_link l where l.to_id = w.id
				        union all select l.to_id from billing_flow_link l where l.from_id = w.id
				        union all select l.from_id from billing_flow_link l where l.to_id = w.id
				    ) next
				)
				select id from walk limit 1000""")
			.bind(0, documentId)
			.map(row -> row.get("id", UUID.class))
			.all()
			.collectList();
	}

	/**
	 * The links that the contract and billing features keep between documents (their
	 * views), among the given documents.
	 */
	Mono<List<FeatureLink>> featureLinks(Collection<UUID> documentIds) {
		return this.database.sql("""
				select from_id, from_kind, to_id, to_kind from contract_flow_link
				where from_id = any($1) and to_id = any($1)
				union
				select from_id, from_kind, to_id, to_kind from billing_flow_link
				where from_id = any($1) and to_id = any($1)""")
			.bind(0, documentIds.toArray(UUID[]::new))
			.map(row -> new FeatureLink(row.get("from_id", UUID.class), row.get("from_kind", String.class),
					row.get("to_id", UUID.class), row.get("to_kind", String.class)))
			.all()
			.collectList();
	}

	/** A link of another feature: kinds as the views name them (QUOTE, CONTRACT, ...). */
	record FeatureLink(UUID fromId, String fromKind, UUID toId, String toKind) {

	}

	// ---- helpers

	private Mono<List<Order>> withOrderLines(Flux<Order> orders) {
		return orders.collectList().flatMap(rows -> {
			if (rows.isEmpty()) {
				return Mono.just(rows);
			}
			return this.database
				.sql("select l.*, o.currency from order_line l join sales_order o on o.id = l.order_id"
						+ " where l.order_id = any($1) order by l.order_id, l.position")
				.bind(0, rows.stream().map(Order::id).toArray(UUID[]::new))
				.map(ORDER_LINE)
				.all()
				.collect(Collectors.groupingBy(Order.Line::orderId))
				.map(lines -> rows.stream()
					.map(order -> order.withLines(lines.getOrDefault(order.id(), List.of())))
					.toList());
		});
	}

	private Mono<List<Shipment>> withShipmentLines(Flux<Shipment> shipments) {
		return shipments.collectList().flatMap(rows -> {
			if (rows.isEmpty()) {
				return Mono.just(rows);
			}
			return this.database.sql("""
					select l.*, s.currency from shipment_line l join shipment s on s.id = l.shipment_id
					  join order_line ol on ol.id = l.order_line_id
					where l.shipment_id = any($1) order by l.shipment_id, ol.position""")
				.bind(0, rows.stream().map(Shipment::id).toArray(UUID[]::new))
				.map(SHIPMENT_LINE)
				.all()
				.collect(Collectors.groupingBy(Shipment.Line::shipmentId))
				.map(lines -> rows.stream()
					.map(shipment -> shipment.withLines(lines.getOrDefault(shipment.id(), List.of())))
					.toList());
		});
	}

	private Mono<Boolean> exists(String query, UUID id) {
		return this.database.sql("select exists (" + query + ")")
			.bind(0, id)
			.map(row -> row.get(0, Boolean.class))
			.one();
	}

	private static Sql scoped(Sql sql, Actor actor, String customerIdColumn) {
		CustomerScope.restrictToVisibleCustomer(sql, actor, customerIdColumn);
		return sql;
	}

	private static void keyset(Sql sql, String alias, PageRequest page) {
		if (page.after() != null) {
			sql.append(" and (" + alias + ".created_at, " + alias + ".id) < (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(
				" order by " + alias + ".created_at desc, " + alias + ".id desc limit " + sql.param(page.fetchSize()));
	}

}
