package com.dealerdesk.platform.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

import graphql.scalars.ExtendedScalars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class GraphQlConfig {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(Scalars.DATE_TIME)
			.scalar(Scalars.DECIMAL)
			.scalar(Scalars.DATE)
			.scalar(ExtendedScalars.GraphQLLong)
			.scalar(ExtendedScalars.Json);
	}

	/** Refuses absurdly nested queries before they run. */
	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth() {
		return new MaxQueryDepthInstrumentation(12);
	}

	/** Refuses queries that select an absurd number of fields before they run. */
	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity() {
		return new MaxQueryComplexityInstrumentation(1000);
	}

}
