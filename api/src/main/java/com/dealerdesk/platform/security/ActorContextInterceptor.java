package com.dealerdesk.platform.security;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * Resolves the caller's {@link Actor} once per GraphQL request and puts it into the
 * request's GraphQL context, where every controller method takes it as
 * {@code @ContextValue Actor actor}. A context value is the one argument that query,
 * mutation and schema mappings and batch mappings all accept (batch mappings take no
 * custom argument resolvers), so the actor reaches them all the same way.
 */
@Component
class ActorContextInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.map(Authentication::getPrincipal)
			.ofType(Actor.class)
			.doOnNext(actor -> request.configureExecutionInput(
					(input, builder) -> builder.graphQLContext(Map.of(Actor.CONTEXT_KEY, actor)).build()))
			.then(Mono.defer(() -> chain.next(request)));
	}

}
