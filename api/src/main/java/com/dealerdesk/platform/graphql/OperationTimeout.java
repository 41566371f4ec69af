package com.dealerdesk.platform.graphql;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Ends a query or mutation that runs longer than
 * {@code dealerdesk.graphql.limits.operation-timeout} with OPERATION_TIMEOUT. The
 * execution is cancelled: Spring for GraphQL cancels the data fetchers' publishers, and a
 * statement still running in PostgreSQL is ended by its statement_timeout. A
 * subscription's response is ready at once, so its stream is not limited.
 */
class OperationTimeout implements WebGraphQlInterceptor {

	private final Duration timeout;

	OperationTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request)
			.timeout(this.timeout)
			.onErrorResume(TimeoutException.class, ex -> Refusals.answer(request,
					GraphQlErrors.timeout(
							"The operation took longer than " + this.timeout.toMillis() + " ms and was cancelled.",
							Map.of("limitMillis", this.timeout.toMillis()))));
	}

}
