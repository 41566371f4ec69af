package com.dealerdesk.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Classifies the exception that ends a subscription's stream the same way as errors of
 * queries ({@link GraphQlErrors}): a position the feed cannot resume from, a subscriber
 * too slow, a refusal; anything else is logged and sent as a bare INTERNAL_ERROR.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	SubscriptionErrors() {
		setThreadLocalContextAware(true);
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		return GraphQlErrors.classify(ex, GraphqlErrorBuilder.newError(), "a subscription");
	}

}
