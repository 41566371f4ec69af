package com.dealerdesk.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.stereotype.Component;

/**
 * Guards GraphQL over WebSocket ({@code /graphql-ws}, graphql-transport-ws). The
 * connection is authenticated once, by the bearer token in the {@code connection_init}
 * payload ({@code {"Authorization": "Bearer <JWT>"}}), with the same decoder and claims
 * as HTTP requests; without a token, or with a bad one, the socket is closed with 4401.
 * On an authenticated connection it limits the subscriptions running at once, and ends
 * each stream when the token expires, so that a revoked user does not keep receiving
 * events.
 */
@Component
// early in the chain: the interceptors after it (the actor's) read the security context
// it
// writes; only the one that adds request ids to errors (platform/graphql) comes before
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WebSocketGuard implements WebSocketGraphQlInterceptor {

	private static final String ACTIVE_SUBSCRIPTIONS = WebSocketGuard.class.getName() + ".active";

	private final AuthenticationWebSocketInterceptor authentication;

	private final int maxSubscriptions;

	WebSocketGuard(ReactiveJwtDecoder decoder, ActorClaimsProperties claims, TokenProperties tokens,
			AccountCheck accounts, SecurityAudit audit,
			@Value("${dealerdesk.websocket.max-subscriptions-per-connection:20}") int maxSubscriptions) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
		manager.setJwtAuthenticationConverter(new ActorAuthenticationConverter(claims, tokens, accounts, audit));
		this.authentication = new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), manager);
		this.maxSubscriptions = maxSubscriptions;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		if (!(payload.get(BearerTokenAuthenticationExtractor.AUTHORIZATION_KEY) instanceof String)) {
			// the framework would let an anonymous connection in; queries need a token
			return Mono.error(new IllegalArgumentException("connection_init without an Authorization token"));
		}
		return this.authentication.handleConnectionInitialization(session, payload);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest socketRequest)) {
			return chain.next(request);
		}
		return this.authentication.intercept(request, authenticated -> chain.next(authenticated)
			.flatMap(response -> guard(socketRequest.getSessionInfo(), response)));
	}

	/**
	 * Limits and token expiry apply to subscriptions: responses whose data is a stream.
	 */
	private Mono<WebGraphQlResponse> guard(WebSocketSessionInfo session, WebGraphQlResponse response) {
		if (!(response.getExecutionResult().getData() instanceof Publisher<?> stream)) {
			return Mono.just(response);
		}
		AtomicInteger active = (AtomicInteger) session.getAttributes()
			.computeIfAbsent(ACTIVE_SUBSCRIPTIONS, key -> new AtomicInteger());
		if (active.incrementAndGet() > this.maxSubscriptions) {
			active.decrementAndGet();
			return Mono.just(response.transform(builder -> builder.data(Flux.error(ended("TOO_MANY_SUBSCRIPTIONS",
					"At most " + this.maxSubscriptions + " subscriptions may run at once on one connection.")))));
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(context -> context.getAuthentication() == null ? null
					: context.getAuthentication().getCredentials())
			.ofType(Jwt.class)
			.mapNotNull(Jwt::getExpiresAt)
			.<Flux<?>>map(expiresAt -> endingAt(Flux.from(stream), expiresAt))
			.defaultIfEmpty(Flux.from(stream))
			.map(guarded -> response
				.transform(builder -> builder.data(guarded.doFinally(signal -> active.decrementAndGet()))));
	}

	private static Flux<?> endingAt(Flux<?> stream, Instant expiresAt) {
		AtomicBoolean expired = new AtomicBoolean();
		Duration left = Duration.between(Instant.now(), expiresAt);
		return stream
			.takeUntilOther(Mono.delay(left.isNegative() ? Duration.ZERO : left).doOnNext(tick -> expired.set(true)))
			.concatWith(Flux.defer(() -> expired.get()
					? Flux.error(ended("TOKEN_EXPIRED",
							"The connection's token expired: connect again with a fresh token and resume."))
					: Flux.empty()));
	}

	private static SubscriptionPublisherException ended(String code, String message) {
		GraphQLError error = GraphqlErrorBuilder.newError()
			.errorType(ErrorType.FORBIDDEN)
			.message(message)
			.extensions(Map.of("code", code, "classification", ErrorType.FORBIDDEN.name()))
			.build();
		return new SubscriptionPublisherException(List.of(error), null);
	}

}
