package com.dealerdesk.platform.database;

import com.dealerdesk.platform.error.UnavailableException;
import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * The transaction manager (in place of Boot's): Spring's R2DBC one, except that a commit
 * whose connection broke is reported as {@code OUTCOME_UNKNOWN}. The server may have
 * committed before the connection broke, so such a change is neither a success nor a
 * "nothing was done, retry" (which is what a failure before the commit is: PostgreSQL
 * rolls back a transaction whose connection is gone).
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfig {

	@Bean
	ReactiveTransactionManager transactionManager(ConnectionFactory connections) {
		return new CommitAwareTransactionManager(connections);
	}

	static final class CommitAwareTransactionManager extends R2dbcTransactionManager {

		private static final Logger log = LoggerFactory.getLogger(CommitAwareTransactionManager.class);

		CommitAwareTransactionManager(ConnectionFactory connections) {
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

}
