package com.dealerdesk.platform.observability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.ExecutionInput;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * GraphQL metrics with bounded labels. Spring for GraphQL times every request as
 * {@code graphql.request} (by operation type and outcome); this adds the operation name
 * to its labels, from a bounded set, and counts the errors returned by their
 * classification ({@code dealerdesk.graphql.errors}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObservabilityProperties.class)
class GraphQlMetrics {

	@Bean
	ExecutionRequestObservationConvention operationNameConvention(ObservabilityProperties properties) {
		return new OperationNameConvention(new OperationNames(properties.maxOperationNames()));
	}

	@Bean
	WebGraphQlInterceptor errorCounter(MeterRegistry meters) {
		return new ErrorCounter(meters);
	}

	/**
	 * The operation name as a label: a client chooses it freely, so only the first
	 * {@code limit} distinct well-formed names are kept; any further name counts as
	 * {@code other}, an unnamed operation as {@code anonymous}.
	 */
	static final class OperationNames {

		static final String OTHER = "other";

		static final String ANONYMOUS = "anonymous";

		private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");

		private final Set<String> known = ConcurrentHashMap.newKeySet();

		private final int limit;

		OperationNames(int limit) {
			this.limit = limit;
		}

		String label(String operationName) {
			if (operationName == null || operationName.isEmpty()) {
				return ANONYMOUS;
			}
			if (this.known.contains(operationName)) {
				return operationName;
			}
			if (!NAME.matcher(operationName).matches()) {
				return OTHER;
			}
			// a race may let a few names past the limit: the set stays bounded all the
			// same
			if (this.known.size() < this.limit) {
				this.known.add(operationName);
				return operationName;
			}
			return OTHER;
		}

	}

	private static final class OperationNameConvention extends DefaultExecutionRequestObservationConvention {

		private static final String KEY = "graphql.operation.name";

		private final OperationNames names;

		OperationNameConvention(OperationNames names) {
			this.names = names;
		}

		/**
		 * The first operation's name in the document, for clients that send none apart (a
		 * document with several operations must name the one to run).
		 */
		private static final Pattern FIRST_OPERATION = Pattern
			.compile("\\b(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

		@Override
		public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
			return super.getLowCardinalityKeyValues(context)
				.and(KeyValue.of(KEY, this.names.label(operationName(context.getExecutionInput()))));
		}

		private static String operationName(ExecutionInput input) {
			if (input.getOperationName() != null) {
				return input.getOperationName();
			}
			Matcher first = FIRST_OPERATION.matcher(input.getQuery());
			return first.find() ? first.group(1) : null;
		}

		/** The name is a low-cardinality label now; only the execution id stays here. */
		@Override
		public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
			return KeyValues.of(executionId(context));
		}

	}

	/** Counts each error of a query's or mutation's response by its classification. */
	private static final class ErrorCounter implements WebGraphQlInterceptor {

		private final MeterRegistry meters;

		ErrorCounter(MeterRegistry meters) {
			this.meters = meters;
		}

		@Override
		public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
			return chain.next(request).doOnNext(response -> response.getErrors().forEach(error -> {
				ErrorClassification type = error.getErrorType();
				Counter.builder("dealerdesk.graphql.errors")
					.description("Errors in GraphQL responses, by classification")
					.tag("classification", (type != null) ? type.toString() : "UNKNOWN")
					.register(this.meters)
					.increment();
			}));
		}

	}

}
