package com.dealerdesk.platform.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import com.dealerdesk.platform.database.DatabaseFailures;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.StreamEndedException;
import com.dealerdesk.platform.error.UnavailableException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Classifies exceptions as GraphQL errors. Anything unexpected is logged here with its
 * stack trace and reaches the client as a bare INTERNAL_ERROR: no class names, SQL or
 * traces leak.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

	/**
	 * Not one of Spring's types: the request may succeed when sent again later (ADR
	 * 0038).
	 */
	static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

	GraphQlErrors() {
		// the request id is in the MDC when the unexpected is logged
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		return classify(ex, GraphqlErrorBuilder.newError(env), env.getExecutionStepInfo().getPath().toString());
	}

	/**
	 * The error a client sees for an exception, built on {@code builder} (which knows the
	 * path, for a query or mutation); also used for subscriptions' streams.
	 */
	static GraphQLError classify(Throwable ex, GraphqlErrorBuilder<?> builder, String where) {
		if (ex instanceof InvalidArgumentException invalid) {
			return error(builder, ErrorType.BAD_REQUEST, invalid.getMessage(), invalid.code(), invalid.details());
		}
		if (ex instanceof StreamEndedException ended) {
			return error(builder, ErrorType.BAD_REQUEST, ended.getMessage(), ended.code(), ended.details());
		}
		if (ex instanceof UnavailableException unavailable) {
			return error(builder, UNAVAILABLE, unavailable.getMessage(), unavailable.code(), unavailable.extensions());
		}
		if (DatabaseFailures.isUnavailable(ex)) {
			log.warn("Database unavailable in {}: {}", where, ex.toString());
			UnavailableException unavailable = DatabaseFailures.unavailable();
			return error(builder, UNAVAILABLE, unavailable.getMessage(), unavailable.code(), unavailable.extensions());
		}
		if (ex instanceof AccessDeniedException) {
			return error(builder, ErrorType.FORBIDDEN, "Not allowed.", "FORBIDDEN", Map.of());
		}
		log.error("Unexpected error in {}", where, ex);
		return error(builder, ErrorType.INTERNAL_ERROR, "Internal error. It has been logged; please try again later.",
				"INTERNAL_ERROR", Map.of());
	}

	/**
	 * A request refused before it ran (a limit, an operation that is not allowed):
	 * classified BAD_REQUEST, with its code and details in the extensions.
	 */
	static GraphQLError refusal(String code, String message, Map<String, Object> details) {
		return error(GraphqlErrorBuilder.newError(), ErrorType.BAD_REQUEST, message, code, details);
	}

	/** An operation that ran out of time: the client may retry, perhaps with less. */
	static GraphQLError timeout(String message, Map<String, Object> details) {
		return error(GraphqlErrorBuilder.newError(), ErrorType.INTERNAL_ERROR, message, "OPERATION_TIMEOUT", details);
	}

	private static GraphQLError error(GraphqlErrorBuilder<?> builder, ErrorClassification type, String message,
			String code, Map<String, Object> details) {
		Map<String, Object> extensions = new LinkedHashMap<>(details);
		extensions.put("code", code);
		extensions.put("classification", type.toString());
		return builder.errorType(type).message(message).extensions(extensions).build();
	}

}
