package com.dealerdesk.platform.ratelimit;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * The same limits for operations sent over a WebSocket ({@code subscribe} messages): each
 * takes a token from its caller's bucket, and one over the limit is answered with an
 * {@code error} message instead of running. HTTP requests were counted by
 * {@link RateLimitFilter} already. Runs after {@code WebSocketGuard}, which authenticates
 * the connection.
 */
@Component
@Order(0)
class SubscribeRateLimit implements WebGraphQlInterceptor {

	private final RateLimits limits;

	SubscribeRateLimit(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest)) {
			return chain.next(request);
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.flatMap(authentication -> Mono.justOrEmpty(this.limits.take(authentication)))
			.map(refusal -> refused(request, refusal))
			.switchIfEmpty(Mono.defer(() -> chain.next(request)));
	}

	private static WebGraphQlResponse refused(WebGraphQlRequest request, RateLimits.Refusal refusal) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.addError(
					GraphqlErrorBuilder.newError().message(refusal.message()).extensions(refusal.extensions()).build())
			.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
