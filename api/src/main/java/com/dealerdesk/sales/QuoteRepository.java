package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.numbering.DocumentNumbers;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.CataloguePrice.PriceBasis;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Quotes and their lines. A quote is visible to whoever sees its deal, that is its deal's
 * customer ({@link CustomerScope}): every read takes the actor and says so in its SQL, so
 * an out-of-scope quote is absent, never loaded and filtered afterwards.
 */
@Repository
class QuoteRepository {

	private final DatabaseClient database;

	private final DocumentNumbers numbers;

	QuoteRepository(DatabaseClient database, DocumentNumbers numbers) {
		this.database = database;
		this.numbers = numbers;
	}

	/** Quotes of the given deals, newest version first, with their lines. */
	Mono<Map<UUID, List<Quote>>> ofOpportunities(Actor actor, Collection<UUID> opportunityIds) {
		if (opportunityIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return quotes(actor, sql -> "q.opportunity_id = any(" + sql.param(opportunityIds.toArray(UUID[]::new)) + ")")
			.collect(Collectors.groupingBy(Quote::opportunityId));
	}

	Flux<Quote> byIds(Actor actor, Collection<UUID> ids) {
		return quotes(actor, sql -> "q.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ")");
	}

	Mono<Quote> byId(Actor actor, UUID id) {
		return quotes(actor, sql -> "q.id = " + sql.param(id)).next();
	}

	/**
	 * The quotes that match {@code where} (given the statement, to bind its values) and
	 * that the actor sees, then the lines of those quotes.
	 */
	private Flux<Quote> quotes(Actor actor, Function<Sql, String> where) {
		Sql sql = new Sql().append("select q.* from quote q where ");
		sql.append(where.apply(sql)).append(" and ");
		restrict(sql, actor);
		sql.append(" order by q.opportunity_id, q.number desc");
		return sql.on(this.database).map(QuoteRepository::quote).all().collectList().flatMapMany(found -> {
			if (found.isEmpty()) {
				return Flux.empty();
			}
			return linesOf(found.stream().map(Quote::id).toArray(UUID[]::new)).flatMapIterable(lines -> found.stream()
				.map(quote -> quote.withLines(lines.getOrDefault(quote.id(), List.of())))
				.toList());
		});
	}

	/** Lines of quotes already read in scope, by quote. */
	private Mono<Map<UUID, List<Quote.Line>>> linesOf(UUID[] quoteIds) {
		return this.database
			.sql("select l.*, q.currency from quote_line l join quote q on q.id = l.quote_id where l.quote_id = any($1)"
					+ " order by l.quote_id, l.position")
			.bind(0, quoteIds)
			.map(row -> {
				String currency = row.get("currency", String.class);
				return Map.entry(row.get("quote_id", UUID.class), new Quote.Line(row.get("position", Integer.class),
						row.get("description", String.class), row.get("quantity", Integer.class),
						Money.of(row.get("list_price", BigDecimal.class), currency),
						row.get("discount_percent", BigDecimal.class),
						Money.of(row.get("discount", BigDecimal.class), currency),
						Money.of(row.get("price", BigDecimal.class), currency), row.get("product_id", UUID.class),
						row.get("edition_code", String.class), PriceBasis.valueOf(row.get("price_basis", String.class)),
						row.get("partner_tier_id", UUID.class)));
			})
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private static Quote quote(Readable row) {
		String currency = row.get("currency", String.class);
		return new Quote(row.get("id", UUID.class), row.get("opportunity_id", UUID.class),
				row.get("number", Integer.class), row.get("document_number", String.class),
				Quote.QuoteStatus.valueOf(row.get("status", String.class)), currency,
				row.get("valid_until", LocalDate.class), Money.of(row.get("total", BigDecimal.class), currency),
				row.get("version", Integer.class), row.get("created_at", OffsetDateTime.class), List.of());
	}

	/** Quotes aliased {@code q} whose deal's customer the actor sees. */
	private static void restrict(Sql sql, Actor actor) {
		sql.append("exists (select 1 from opportunity o where o.id = q.opportunity_id and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "o.customer_id");
		sql.append(")");
	}

	/**
	 * Inserts the next version of a deal's quote and supersedes its open ones. Locks the
	 * deal row first, so two quotes created at once get different versions and the deal's
	 * first quote takes one document number of {@code year}, which later versions reuse.
	 */
	Mono<UUID> insertNext(UUID opportunityId, int year, String currency, LocalDate validUntil, BigDecimal total,
			List<Quote.Line> lines, String createdBy) {
		UUID id = UUID.randomUUID();
		Mono<Void> lock = this.database.sql("select id from opportunity where id = $1 for update")
			.bind(0, opportunityId)
			.then();
		Mono<Void> series = this.database.sql("select 1 from quote_series where opportunity_id = $1")
			.bind(0, opportunityId)
			.map(row -> true)
			.one()
			.switchIfEmpty(this.numbers.next("QUO", year)
				.flatMap(number -> this.database
					.sql("insert into quote_series (opportunity_id, document_number) values ($1, $2)")
					.bind(0, opportunityId)
					.bind(1, number)
					.then())
				.thenReturn(true))
			.then();
		Mono<Void> supersede = this.database
			.sql("update quote set status = 'SUPERSEDED', version = version + 1, updated_at = now()"
					+ " where opportunity_id = $1 and status = 'OPEN'")
			.bind(0, opportunityId)
			.then();
		Mono<Void> insert = this.database.sql("""
				insert into quote (id, opportunity_id, number, document_number, status, currency, valid_until, total,
				                   created_by)
				select $1, $2, coalesce((select max(number) from quote where opportunity_id = $2), 0) + 1,
				       s.document_number, 'OPEN', $3, $4, $5, $6
				from quote_series s where s.opportunity_id = $2""")
			.bind(0, id)
			.bind(1, opportunityId)
			.bind(2, currency)
			.bind(3, validUntil)
			.bind(4, total)
			.bind(5, createdBy)
			.then();
		Flux<Void> insertLines = Flux.fromIterable(lines)
			.concatMap(line -> this.database.sql("""
					insert into quote_line (quote_id, position, description, quantity, list_price, discount_percent,
					                        discount, price, product_id, edition_code, price_basis, partner_tier_id)
					values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""")
				.bind(0, id)
				.bind(1, line.position())
				.bind(2, line.description())
				.bind(3, line.quantity())
				.bind(4, line.listPrice().amount())
				.bind(5, Parameter.fromOrEmpty(line.discountPercent(), BigDecimal.class))
				.bind(6, line.discount().amount())
				.bind(7, line.price().amount())
				.bind(8, Parameter.fromOrEmpty(line.productId(), UUID.class))
				.bind(9, Parameter.fromOrEmpty(line.editionCode(), String.class))
				.bind(10, line.priceBasis().name())
				.bind(11, Parameter.fromOrEmpty(line.partnerTierId(), UUID.class))
				.then());
		return lock.then(series).then(supersede).then(insert).thenMany(insertLines).then(Mono.just(id));
	}

	/**
	 * Changes an OPEN quote's status at the expected version; empty when that does not
	 * hold.
	 */
	Mono<Boolean> decide(UUID id, int expectedVersion, Quote.QuoteStatus status) {
		return this.database.sql("""
				update quote set status = $1, version = version + 1, updated_at = now()
				where id = $2 and version = $3 and status = 'OPEN'""")
			.bind(0, status.name())
			.bind(1, id)
			.bind(2, expectedVersion)
			.fetch()
			.rowsUpdated()
			.map(rows -> rows == 1);
	}

}
