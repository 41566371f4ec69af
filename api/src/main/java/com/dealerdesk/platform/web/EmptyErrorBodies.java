package com.dealerdesk.platform.web;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives an error answer that would go out without a body (the GraphQL route's 405 and
 * 415, a document's 404) the GraphQL-shaped body of {@link HttpErrors}, with the request
 * id, so that every refusal looks the same to a client and names the request.
 */
final class EmptyErrorBodies extends ServerHttpResponseDecorator {

	private final ServerWebExchange exchange;

	EmptyErrorBodies(ServerWebExchange exchange) {
		super(exchange.getResponse());
		this.exchange = exchange;
	}

	@Override
	public Mono<Void> setComplete() {
		return unwritten(this.exchange) ? HttpErrors.writeBodiless(this.exchange, getDelegate(), getStatusCode())
				: super.setComplete();
	}

	/** Whether the exchange's answer is an error status with nothing written yet. */
	static boolean unwritten(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		return status != null && status.isError() && !exchange.getResponse().isCommitted();
	}

}
