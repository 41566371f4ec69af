package com.dealerdesk.partner;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/** Looks partners up. A partner's users see only their own partner. */
@Service
public class PartnerDirectory implements NodeFetcher {

	private final DatabaseClient database;

	PartnerDirectory(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Map<UUID, Partner>> byIds(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select id, name from partner where id = any($1)")
			.bind(0, ids.toArray(UUID[]::new))
			.map(row -> new Partner(row.get("id", UUID.class), row.get("name", String.class)))
			.all()
			.collectMap(Partner::id);
	}

	public Mono<Partner> byId(UUID id) {
		return byIds(Set.of(id)).mapNotNull(found -> found.get(id));
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("Partner");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		if (uuid == null || (actor.isPartner() && !uuid.equals(actor.partnerId()))) {
			return Mono.empty();
		}
		return byId(uuid).cast(Object.class);
	}

}
