package com.dealerdesk.product;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.product.Product.Edition;
import com.dealerdesk.product.Product.LicenseModel;
import com.dealerdesk.product.Product.Price;
import com.dealerdesk.product.Product.ProductKind;
import com.dealerdesk.product.Product.SeatBasis;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Products with their editions and prices. The catalogue is the same for everyone who may
 * read it, so nothing here is scoped.
 */
@Repository
class ProductRepository {

	/** The one sort order: by code. */
	static final String ORDER = "CODE_ASC";

	private static final BiFunction<Row, RowMetadata, Product> PRODUCT = (row, meta) -> {
		String seatBasis = row.get("seat_basis", String.class);
		return new Product(row.get("id", UUID.class), row.get("code", String.class), row.get("name", String.class),
				row.get("description", String.class), ProductKind.valueOf(row.get("kind", String.class)),
				LicenseModel.valueOf(row.get("license_model", String.class)), row.get("term_months", Integer.class),
				seatBasis == null ? null : SeatBasis.valueOf(seatBasis), row.get("active", Boolean.class),
				row.get("version", Integer.class), row.get("created_at", OffsetDateTime.class),
				row.get("updated_at", OffsetDateTime.class), List.of(), List.of());
	};

	private final DatabaseClient database;

	ProductRepository(DatabaseClient database) {
		this.database = database;
	}

	Mono<List<Product>> byIds(Collection<UUID> ids) {
		return withDetails(this.database.sql("select * from product where id = any($1)")
			.bind(0, ids.toArray(UUID[]::new))
			.map(PRODUCT)
			.all());
	}

	Mono<List<Product>> page(String search, ProductKind kind, boolean includeRetired, PageRequest page) {
		Sql sql = new Sql().append("select * from product p where true");
		if (search != null) {
			for (String word : search.strip().toLowerCase().split("\\s+")) {
				sql.append(" and lower(p.code || ' ' || p.name) like " + sql.param(Sql.containing(word)));
			}
		}
		if (kind != null) {
			sql.append(" and p.kind = " + sql.param(kind.name()));
		}
		if (!includeRetired) {
			sql.append(" and p.active");
		}
		if (page.after() != null) {
			sql.append(" and p.code > " + sql.param(page.after().value()));
		}
		sql.append(" order by p.code limit " + sql.param(page.fetchSize()));
		return withDetails(sql.on(this.database).map(PRODUCT).all());
	}

	Mono<Boolean> codeTaken(String code) {
		return this.database.sql("select exists (select 1 from product where code = $1)")
			.bind(0, code)
			.map(row -> row.get(0, Boolean.class))
			.one();
	}

	Mono<Void> insert(Product product) {
		Sql sql = new Sql();
		sql.append("insert into product (id, code, name, description, kind, license_model, term_months, seat_basis)"
				+ " values ("
				+ String.join(", ", sql.param(product.id()), sql.param(product.code()), sql.param(product.name()),
						sql.param(product.description(), String.class), sql.value(product.kind()),
						sql.value(product.licenseModel()), sql.param(product.termMonths(), Integer.class),
						sql.param(product.seatBasis() == null ? null : product.seatBasis().name(), String.class))
				+ ")");
		return sql.on(this.database).then();
	}

	/** Applies the changes at the expected version; empty when the version is stale. */
	Mono<UUID> update(UUID id, int expectedVersion, Map<String, Object> changes) {
		Sql sql = new Sql().append("update product set version = version + 1, updated_at = now()");
		changes.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(" where id = " + sql.param(id) + " and version = " + sql.param(expectedVersion) + " returning id");
		return sql.on(this.database).map(row -> row.get("id", UUID.class)).one();
	}

	/**
	 * Editions used by order lines, quote lines or licenses, which cannot be dropped:
	 * read from the views their owning features publish (V19).
	 */
	Mono<List<String>> editionsInUse(UUID productId) {
		return this.database.sql("""
				select edition_code from order_line_product_edition where product_id = $1
				union select edition_code from quote_line_product_edition where product_id = $1
				union select edition_code from license_product_edition where product_id = $1""")
			.bind(0, productId)
			.map(row -> row.get(0, String.class))
			.all()
			.collectList();
	}

	Mono<Void> replaceEditions(UUID productId, List<Edition> editions) {
		Mono<Void> delete = this.database.sql("delete from product_edition where product_id = $1")
			.bind(0, productId)
			.then();
		return delete.thenMany(Flux.range(0, editions.size()).concatMap(position -> {
			Edition edition = editions.get(position);
			return this.database.sql(
					"insert into product_edition (product_id, code, name, position, active) values ($1, $2, $3, $4, $5)")
				.bind(0, productId)
				.bind(1, edition.code())
				.bind(2, edition.name())
				.bind(3, position)
				.bind(4, edition.active())
				.then();
		})).then();
	}

	Mono<Void> replacePrices(UUID productId, List<Price> prices) {
		Mono<Void> delete = this.database.sql("delete from product_price where product_id = $1")
			.bind(0, productId)
			.then();
		return delete
			.thenMany(Flux.fromIterable(prices)
				.concatMap(price -> this.database
					.sql("insert into product_price (product_id, edition_code, tier, currency, unit_price)"
							+ " values ($1, $2, $3, $4, $5)")
					.bind(0, productId)
					.bind(1, price.editionCode() == null ? "" : price.editionCode())
					.bind(2, price.tier() == null ? "" : price.tier())
					.bind(3, price.unitPrice().currency())
					.bind(4, price.unitPrice().amount())
					.then()))
			.then();
	}

	/** Adds editions and prices to products, with one query each. */
	private Mono<List<Product>> withDetails(Flux<Product> products) {
		return products.collectList().flatMap(rows -> {
			if (rows.isEmpty()) {
				return Mono.just(rows);
			}
			UUID[] ids = rows.stream().map(Product::id).toArray(UUID[]::new);
			Mono<Map<UUID, Collection<Edition>>> editions = this.database
				.sql("select * from product_edition where product_id = any($1) order by product_id, position")
				.bind(0, ids)
				.map((row, meta) -> Map.entry(row.get("product_id", UUID.class),
						new Edition(row.get("code", String.class), row.get("name", String.class),
								row.get("active", Boolean.class))))
				.all()
				.collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
			Mono<Map<UUID, Collection<Price>>> prices = this.database.sql("""
					select * from product_price where product_id = any($1)
					order by product_id, edition_code desc, tier, currency""")
				.bind(0, ids)
				.map((row, meta) -> Map.entry(row.get("product_id", UUID.class), price(row)))
				.all()
				.collectMultimap(Map.Entry::getKey, Map.Entry::getValue);
			return Mono.zip(editions, prices)
				.map(both -> rows.stream()
					.map(product -> new Product(product.id(), product.code(), product.name(), product.description(),
							product.kind(), product.licenseModel(), product.termMonths(), product.seatBasis(),
							product.active(), product.version(), product.createdAt(), product.updatedAt(),
							List.copyOf(both.getT1().getOrDefault(product.id(), List.of())),
							List.copyOf(both.getT2().getOrDefault(product.id(), List.of()))))
					.toList());
		});
	}

	private static Price price(Row row) {
		String edition = row.get("edition_code", String.class);
		String tier = row.get("tier", String.class);
		return new Price(edition.isEmpty() ? null : edition, tier.isEmpty() ? null : tier,
				Money.of(row.get("unit_price", BigDecimal.class), row.get("currency", String.class)));
	}

}
