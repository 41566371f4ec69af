package com.dealerdesk.platform.observability;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.DefaultDataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * What GraphQL execution puts into traces and metrics. Spring for GraphQL observes each
 * request, each batch load and each non-trivial field; the field observations cost a
 * fifth of the CPU of a report with thousands of rows and a twentieth of a look-up (ADR
 * 0045), so by default only requests and batch loads are observed.
 * {@code dealerdesk.observability.field-spans=true} restores a span per field.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlTracing {

	/** Replaces Spring Boot's instrumentation, which backs off when one exists. */
	@Bean
	@ConditionalOnProperty(name = "dealerdesk.observability.field-spans", havingValue = "false", matchIfMissing = true)
	GraphQlObservationInstrumentation requestAndBatchObservations(ObservationRegistry registry,
			ExecutionRequestObservationConvention requests) {
		return new RequestAndBatchObservations(registry, requests);
	}

	private static final class RequestAndBatchObservations extends GraphQlObservationInstrumentation {

		RequestAndBatchObservations(ObservationRegistry registry, ExecutionRequestObservationConvention requests) {
			super(registry, requests, new DefaultDataFetcherObservationConvention(),
					new DefaultDataLoaderObservationConvention());
		}

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			return dataFetcher;
		}

	}

}
