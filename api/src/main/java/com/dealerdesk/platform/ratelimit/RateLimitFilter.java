package com.dealerdesk.platform.ratelimit;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers an authenticated HTTP request over its caller's limit with 429, a
 * {@code Retry-After} header and a GraphQL-shaped error, before its body is read: the
 * refused request costs no parsing and no database work. Runs after Spring Security's
 * filters (order -100), which put the caller there.
 */
@Component
@Order(0)
class RateLimitFilter implements WebFilter {

	private final RateLimits limits;

	private final JsonMapper json;

	RateLimitFilter(RateLimits limits, JsonMapper json) {
		this.limits = limits;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return exchange.getPrincipal()
			.ofType(Authentication.class)
			.flatMap(authentication -> Mono.justOrEmpty(this.limits.take(authentication)))
			.flatMap(refusal -> refuse(exchange.getResponse(), refusal).thenReturn(true))
			.switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(false)))
			.then();
	}

	private Mono<Void> refuse(ServerHttpResponse response, RateLimits.Refusal refusal) {
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds()));
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		byte[] body = this.json.writeValueAsBytes(
				Map.of("errors", List.of(Map.of("message", refusal.message(), "extensions", refusal.extensions()))));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
