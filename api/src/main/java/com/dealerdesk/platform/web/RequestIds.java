package com.dealerdesk.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an id: a well-formed incoming {@code X-Request-Id} (so a load
 * balancer's or a client's id carries through), else a new one. The id goes back in the
 * response header, into the exchange attributes and into the Reactor context under
 * {@value #KEY}, from where context propagation ({@link RequestIdAccessor}) puts it into
 * the logging MDC under the same key. Every error a client sees carries it as
 * {@code extensions.requestId}, so an operator finds the request in the log by it. First
 * of all filters, so that even a refused token's answer has one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

	/** The key in the exchange attributes, the Reactor context and the logging MDC. */
	public static final String KEY = "requestId";

	public static final String HEADER = "X-Request-Id";

	/** What an incoming id may be: short, and nothing that could forge a log line. */
	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (incoming != null && WELL_FORMED.matcher(incoming).matches()) ? incoming : newId();
		exchange.getAttributes().put(KEY, id);
		exchange.getResponse().getHeaders().set(HEADER, id);
		return chain.filter(exchange.mutate().response(new EmptyErrorBodies(exchange)).build())
			// an error status set and left for the server to complete (the security
			// firewall's 400) gets its body here
			.then(Mono.defer(() -> EmptyErrorBodies.unwritten(exchange)
					? HttpErrors.writeBodiless(exchange, exchange.getResponse(), exchange.getResponse().getStatusCode())
					: Mono.<Void>empty()))
			.contextWrite(context -> context.put(KEY, id));
	}

	/** The id of the request, or null outside of one. */
	public static String of(ServerWebExchange exchange) {
		return exchange.getAttribute(KEY);
	}

	/** A new id: random, 32 hexadecimal digits. */
	public static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
