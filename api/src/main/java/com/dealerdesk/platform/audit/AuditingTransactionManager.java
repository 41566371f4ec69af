package com.dealerdesk.platform.audit;

import com.dealerdesk.platform.database.CommitAwareTransactionManager;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.TransactionDefinition;

/**
 * Opens every write transaction by naming its actor, operation and request id in the
 * transaction-local setting {@code dealerdesk.audit_context}, which the audit trigger
 * reads (ADR 0037). The context comes from the subscriber's Reactor context (put there
 * per GraphQL request); without one, the transaction is DealerDesk's own job. Read-only
 * transactions write nothing and skip it. A commit that breaks is {@code OUTCOME_UNKNOWN}
 * ({@link CommitAwareTransactionManager}).
 */
public class AuditingTransactionManager extends CommitAwareTransactionManager {

	static final String SETTING = "dealerdesk.audit_context";

	private final JsonMapper json;

	public AuditingTransactionManager(ConnectionFactory connectionFactory, JsonMapper json) {
		super(connectionFactory);
		this.json = json;
	}

	@Override
	protected Mono<Void> prepareTransactionalConnection(Connection connection, TransactionDefinition definition) {
		Mono<Void> prepared = super.prepareTransactionalConnection(connection, definition);
		if (definition.isReadOnly()) {
			return prepared;
		}
		return prepared.then(Mono.deferContextual(context -> {
			AuditContext audit = context.getOrDefault(AuditContext.class, AuditContext.SYSTEM);
			return Flux
				.from(connection.createStatement("select set_config('" + SETTING + "', $1, true)")
					.bind("$1", this.json.writeValueAsString(audit))
					.execute())
				.flatMap(result -> result.map((row, metadata) -> 1))
				.then();
		}));
	}

}
