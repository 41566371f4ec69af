package com.dealerdesk.platform.graphql;

import graphql.introspection.Introspection;
import graphql.scalars.ExtendedScalars;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GraphQlLimits.class, PersistedOperationSettings.class })
class GraphQlConfig {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(Scalars.DATE_TIME)
			.scalar(Scalars.DECIMAL)
			.scalar(Scalars.DATE)
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json);
	}

	/**
	 * Parsed and validated documents kept for the next request with the same text, which
	 * then skips parsing and validation (ADR 0040).
	 */
	@Bean
	GraphQlSourceBuilderCustomizer documentCache(
			@Value("${dealerdesk.graphql.document-cache:4MB}") DataSize documentCache) {
		DocumentCache documents = new DocumentCache(documentCache.toBytes());
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
	}

	/** Refuses operations too large, deep, wide or costly before they run. */
	@Bean
	OperationLimits operationLimits(GraphQlLimits limits) {
		return new OperationLimits(limits);
	}

	/** Outermost, so that the time counts from the start of the request. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	OperationTimeout operationTimeout(GraphQlLimits limits) {
		return new OperationTimeout(limits.operationTimeout());
	}

	/**
	 * Introspection off per request where {@code dealerdesk.graphql.introspection} is off
	 * (production). Spring Boot's own switch turns it off for the whole JVM, which would
	 * also reach every other application context in the same process.
	 */
	@Bean
	WebGraphQlInterceptor introspectionSwitch(
			@Value("${dealerdesk.graphql.introspection:false}") boolean introspection) {
		return (request, chain) -> {
			if (!introspection) {
				request.configureExecutionInput((input, builder) -> {
					input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
					return input;
				});
			}
			return chain.next(request);
		};
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	PersistedOperations persistedOperations(PersistedOperationSettings settings, JsonMapper json) {
		return new PersistedOperations(settings, json);
	}

}
