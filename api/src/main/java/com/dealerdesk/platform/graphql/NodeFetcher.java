package com.dealerdesk.platform.graphql;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Implemented by each feature for the node types it owns, so {@code node(id:)} can fetch
 * any object without the platform knowing the features.
 */
public interface NodeFetcher {

	Set<String> typeNames();

	/** The object, or empty when it does not exist or is outside the actor's scope. */
	Mono<Object> fetch(Actor actor, GlobalId id);

	/**
	 * The objects of one of {@link #typeNames()}, absent ones left out: what
	 * {@code nodes(ids)} asks of each type. Fetchers that read many at once override it
	 * (see {@link #byUuid}); by default the ids are fetched one after the other.
	 */
	default Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return Flux.fromIterable(ids)
			.concatMap(id -> fetch(actor, id).map(node -> Map.entry(id, node)))
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/** {@link #fetchAll} for objects read by their UUIDs in one call. */
	static Mono<Map<GlobalId, Object>> byUuid(Collection<GlobalId> ids,
			Function<Set<UUID>, Mono<? extends Map<UUID, ?>>> read) {
		Set<UUID> uuids = ids.stream().map(GlobalId::asUuid).filter(Objects::nonNull).collect(Collectors.toSet());
		if (uuids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return read.apply(uuids).map(found -> {
			Map<GlobalId, Object> nodes = new HashMap<>();
			for (GlobalId id : ids) {
				Object node = id.asUuid() == null ? null : found.get(id.asUuid());
				if (node != null) {
					nodes.put(id, node);
				}
			}
			return nodes;
		});
	}

}
