package com.dealerdesk.platform.graphql;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

/**
 * Turns what a batch loaded into the map a {@code @BatchMapping} returns: each parent to
 * its value. Parents without a value are left out, which GraphQL answers as null.
 */
public final class Batches {

	private Batches() {
	}

	/**
	 * The whole batch step: collects the items' distinct non-null keys, loads them in one
	 * call, and maps each item to its value.
	 */
	public static <T, K, V> Mono<Map<T, V>> load(Collection<T> items, Function<T, K> key,
			Function<Set<K>, Mono<Map<K, V>>> loader) {
		Set<K> keys = items.stream().map(key).filter(Objects::nonNull).collect(Collectors.toSet());
		return loader.apply(keys).map(found -> byKey(items, key, found));
	}

	/**
	 * Each item to the value found under its key (items whose key is null or unknown are
	 * left out).
	 */
	public static <T, K, V> Map<T, V> byKey(Collection<T> items, Function<T, K> key, Map<K, V> found) {
		return items.stream()
			.filter(item -> key.apply(item) != null && found.containsKey(key.apply(item)))
			.collect(Collectors.toMap(Function.identity(), item -> found.get(key.apply(item)), (a, b) -> a));
	}

	/** Each item to the list found under its key, or an empty list. */
	public static <T, K, V> Map<T, List<V>> listsByKey(Collection<T> items, Function<T, K> key, Map<K, List<V>> found) {
		return items.stream()
			.collect(Collectors.toMap(Function.identity(), item -> found.getOrDefault(key.apply(item), List.of()),
					(a, b) -> a));
	}

}
