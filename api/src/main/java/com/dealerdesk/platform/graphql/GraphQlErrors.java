package com.dealerdesk.platform.graphql;

import java.util.Map;

import com.dealerdesk.platform.error.InvalidArgumentException;
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

	GraphQlErrors() {
		setThreadLocalContextAware(false);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof InvalidArgumentException invalid) {
			return error(env, ErrorType.BAD_REQUEST, invalid.getMessage(), invalid.code());
		}
		if (ex instanceof AccessDeniedException) {
			return error(env, ErrorType.FORBIDDEN, "Not allowed.", "FORBIDDEN");
		}
		log.error("Unexpected error in {}", env.getExecutionStepInfo().getPath(), ex);
		return error(env, ErrorType.INTERNAL_ERROR, "Internal error. It has been logged; please try again later.",
				"INTERNAL_ERROR");
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message, String code) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(type)
			.message(message)
			.extensions(Map.of("code", code, "classification", type.name()))
			.build();
	}

}
