package com.dealerdesk.platform.audit;

import io.r2dbc.spi.ConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;

/**
 * Replaces Spring Boot's transaction manager, so every {@code @Transactional} method and
 * {@code TransactionalOperator} names its actor to the audit trigger without knowing it.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

	@Bean
	ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory, JsonMapper json) {
		return new AuditingTransactionManager(connectionFactory, json);
	}

}
