package com.dealerdesk.platform.graphql;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class NodeController {

	private static final int MAX_NODES = 100;

	private final Map<String, NodeFetcher> fetchers;

	NodeController(List<NodeFetcher> fetchers) {
		this.fetchers = fetchers.stream()
			.flatMap(fetcher -> fetcher.typeNames().stream().map(type -> Map.entry(type, fetcher)))
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@QueryMapping
	Mono<Object> node(@Argument String id, @ContextValue Actor actor) {
		return fetch(actor, GlobalId.require(id));
	}

	@QueryMapping
	Mono<List<Object>> nodes(@Argument List<String> ids, @ContextValue Actor actor) {
		if (ids.size() > MAX_NODES) {
			throw new InvalidArgumentException("TOO_MANY_IDS", "At most " + MAX_NODES + " ids at once.");
		}
		List<GlobalId> globalIds = ids.stream().map(GlobalId::require).toList();
		// one read per type, not per id
		Map<String, Set<GlobalId>> byType = globalIds.stream()
			.filter(id -> this.fetchers.containsKey(id.type()))
			.collect(Collectors.groupingBy(GlobalId::type, LinkedHashMap::new,
					Collectors.toCollection(LinkedHashSet::new)));
		return Flux.fromIterable(byType.entrySet())
			.concatMap(group -> this.fetchers.get(group.getKey()).fetchAll(actor, group.getKey(), group.getValue()))
			.collect(HashMap<GlobalId, Object>::new, Map::putAll)
			// an absent node is null in the list (Reactor carries no nulls, a list may)
			.map(found -> globalIds.stream().map(found::get).toList());
	}

	private Mono<Object> fetch(Actor actor, GlobalId id) {
		return Optional.ofNullable(this.fetchers.get(id.type()))
			.map(fetcher -> fetcher.fetch(actor, id))
			.orElseGet(Mono::empty)
			.map(Function.identity());
	}

}
