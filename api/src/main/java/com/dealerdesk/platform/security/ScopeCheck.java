package com.dealerdesk.platform.security;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition.Operation;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses an operation whose token lacks the scope it needs, for users and integrations
 * alike: queries and subscriptions need the read scope, mutations the write scope. It
 * runs once the operation is known and before any field is fetched, so a refused
 * operation does no database work; HTTP and WebSocket requests pass here alike.
 */
@Component
class ScopeCheck extends SimplePerformantInstrumentation {

	static final String INSUFFICIENT_SCOPE = "INSUFFICIENT_SCOPE";

	private final TokenProperties tokens;

	ScopeCheck(TokenProperties tokens) {
		this.tokens = tokens;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		boolean writes = execution.getOperationDefinition().getOperation() == Operation.MUTATION;
		String needed = writes ? AccessPolicy.WRITE_SCOPE : AccessPolicy.READ_SCOPE;
		Actor actor = execution.getGraphQLContext().get(Actor.CONTEXT_KEY);
		if (actor == null || !actor.scopes().contains(needed)) {
			String scope = writes ? this.tokens.writeScope() : this.tokens.readScope();
			throw new AbortExecutionException(List.of(refusal(scope, writes)));
		}
		return super.beginExecuteOperation(parameters, state);
	}

	private static GraphQLError refusal(String scope, boolean writes) {
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.FORBIDDEN)
			.message("The access token lacks the scope " + scope + ", which "
					+ (writes ? "mutations" : "queries and subscriptions")
					+ " need: ask the identity provider for a token with it.")
			.extensions(Map.of("code", INSUFFICIENT_SCOPE, "classification", ErrorType.FORBIDDEN.name(),
					"requiredScope", scope))
			.build();
	}

}
