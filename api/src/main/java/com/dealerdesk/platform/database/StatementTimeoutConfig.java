package com.dealerdesk.platform.database;

import java.time.Duration;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets PostgreSQL's {@code statement_timeout} on every connection of the pool
 * ({@code dealerdesk.database.statement-timeout}): a statement that runs longer is ended
 * by the server, also when the operation that started it was cancelled.
 */
@Configuration(proxyBeanMethods = false)
class StatementTimeoutConfig {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer statementTimeout(
			@Value("${dealerdesk.database.statement-timeout}") Duration timeout) {
		return options -> options.option(PostgresqlConnectionFactoryProvider.STATEMENT_TIMEOUT, timeout);
	}

}
