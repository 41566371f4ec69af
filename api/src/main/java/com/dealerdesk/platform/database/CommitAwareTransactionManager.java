package com.dealerdesk.platform.database;

import com.dealerdesk.platform.error.UnavailableException;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Spring's R2DBC transaction manager, except that a commit whose connection broke is
 * reported as {@code OUTCOME_UNKNOWN}. The server may have committed before the
 * connection broke, so such a change is neither a success nor a "nothing was done, retry"
 * (which is what a failure before the commit is: PostgreSQL rolls back a transaction
 * whose connection is gone). The application's transaction manager
 * ({@code platform/audit/AuditingTransactionManager}) builds on it.
 */
public class CommitAwareTransactionManager extends R2dbcTransactionManager {

	private static final Logger log = LoggerFactory.getLogger(CommitAwareTransactionManager.class);

	public CommitAwareTransactionManager(ConnectionFactory connections) {
		super(connections);
	}

	@Override
	protected Mono<Void> doCommit(TransactionSynchronizationManager synchronizationManager,
			GenericReactiveTransaction status) {
		return super.doCommit(synchronizationManager, status).onErrorMap(DatabaseFailures::isUnavailable, ex -> {
			log.warn("A commit failed with the database unavailable; its outcome is unknown: {}", ex.toString());
			return UnavailableException.outcomeUnknown();
		});
	}

}
