package com.dealerdesk.customer;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.outbox.CustomerVisibility;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The customer scope of queries, asked by the event feed when it delivers an event. */
@Component
class CustomerEventVisibility implements CustomerVisibility {

	private final DatabaseClient database;

	CustomerEventVisibility(DatabaseClient database) {
		this.database = database;
	}

	@Override
	public Mono<Set<UUID>> visibleTo(Actor actor, Collection<UUID> customerIds) {
		Sql sql = new Sql();
		sql.append("select c.id from customer c where c.id = any(" + sql.param(customerIds.toArray(UUID[]::new))
				+ ") and ");
		CustomerScope.restrict(sql, actor);
		return sql.on(this.database)
			.map(row -> row.get("id", UUID.class))
			.all()
			.collect(Collectors.toUnmodifiableSet());
	}

}
