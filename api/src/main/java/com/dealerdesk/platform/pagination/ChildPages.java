package com.dealerdesk.platform.pagination;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.r2dbc.core.DatabaseClient;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;

/**
 * Per-parent connections ({@code Customer.licenses(first, after)} and the like) for every
 * parent of a response in one statement. A batch mapping cannot see a field's arguments,
 * so each field registers a data loader keyed by parent, page and filter; the loader
 * groups the keys with equal page and filter and reads each group with one statement (see
 * {@link #lateral}), then cuts each parent's rows into its own connection, with the same
 * cursors and {@code hasNextPage} as a single parent's page.
 */
public final class ChildPages {

	private static final String PARENT = "page_parent_id";

	private ChildPages() {
	}

	/**
	 * One parent's page. {@code filter} holds the field's other arguments (null when it
	 * has none); keys with equal page and filter share a statement.
	 */
	public record Key<F>(UUID parentId, PageRequest page, F filter) {

	}

	/**
	 * Reads up to {@link PageRequest#fetchSize()} children of each parent, in page order,
	 * by parent id. Parents without visible children may be left out.
	 */
	@FunctionalInterface
	public interface Reader<F, T> {

		Mono<Map<UUID, List<T>>> read(Actor actor, Collection<UUID> parentIds, PageRequest page, F filter);

	}

	/** Registers the data loader {@code name} for one per-parent connection field. */
	public static <F, T> void register(BatchLoaderRegistry registry, String name, Reader<F, T> reader,
			Function<T, KeysetCursor> cursorOf) {
		registry.<Key<F>, Connection<T>>forName(name).registerMappedBatchLoader((keys, environment) -> {
			Actor actor = ((GraphQLContext) environment.getContext()).get(Actor.CONTEXT_KEY);
			return load(keys, (ids, group) -> reader.read(actor, ids, group.page(), group.filter()), cursorOf);
		});
	}

	private static <F, T> Mono<Map<Key<F>, Connection<T>>> load(Set<Key<F>> keys,
			BiFunction<Set<UUID>, Key<F>, Mono<Map<UUID, List<T>>>> read, Function<T, KeysetCursor> cursorOf) {
		Map<Key<F>, List<Key<F>>> groups = keys.stream()
			.collect(Collectors.groupingBy(key -> new Key<>(null, key.page(), key.filter())));
		return Flux.fromIterable(groups.entrySet()).concatMap(group -> {
			Set<UUID> ids = group.getValue().stream().map(Key::parentId).collect(Collectors.toSet());
			PageRequest page = group.getKey().page();
			return read.apply(ids, group.getKey()).map(found -> {
				Map<Key<F>, Connection<T>> pages = new HashMap<>();
				for (Key<F> key : group.getValue()) {
					pages.put(key, page.page(found.getOrDefault(key.parentId(), List.of()), cursorOf));
				}
				return pages;
			});
		}).collect(HashMap::new, Map::putAll);
	}

	/**
	 * The field's value: the parent's page through the data loader {@code name}. The
	 * arguments are checked here, so a bad {@code first} or cursor fails this field only.
	 */
	public static <F, T> CompletableFuture<Connection<T>> load(DataFetchingEnvironment environment, String name,
			UUID parentId, Integer first, String after, String order, F filter) {
		PageRequest page = PageRequest.of(first, after, order);
		DataLoader<Key<F>, Connection<T>> loader = environment.getDataLoader(name);
		return loader.load(new Key<>(parentId, page, filter));
	}

	/**
	 * A statement over every parent at once: {@code select … from unnest(ids) p(id) cross
	 * join lateral (children) x}, where {@code children} appends the select of the
	 * children of the parent {@code p.id} with its keyset condition, order and
	 * {@code limit} of {@link PageRequest#fetchSize()}. PostgreSQL runs it once per
	 * parent, reading only the first entries of an index that leads with the parent and
	 * ends in the sort key (a {@code row_number()} over the parents would read all their
	 * children). The caller may append {@code where} with a condition on {@code p.id},
	 * checked once per parent.
	 */
	public static Sql lateral(Collection<UUID> parentIds, Consumer<Sql> children) {
		Sql sql = new Sql();
		sql.append("select p.id as " + PARENT + ", x.* from unnest(" + sql.param(parentIds.toArray(UUID[]::new))
				+ "::uuid[]) p(id) cross join lateral (");
		children.accept(sql);
		return sql.append(") x");
	}

	/**
	 * Runs the statement and groups its rows by parent, in the order read: the nested
	 * loop of a lateral join emits each parent's rows as its subquery orders them.
	 */
	public static <T> Mono<Map<UUID, List<T>>> byParent(Sql sql, DatabaseClient database,
			BiFunction<Row, RowMetadata, T> mapper) {
		return sql.on(database)
			.map((row, meta) -> Map.entry(row.get(PARENT, UUID.class), mapper.apply(row, meta)))
			.all()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

}
