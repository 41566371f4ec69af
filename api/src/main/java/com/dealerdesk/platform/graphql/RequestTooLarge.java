package com.dealerdesk.platform.graphql;

import com.dealerdesk.platform.web.HttpErrors;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers a request body over {@code spring.http.codecs.max-in-memory-size} with HTTP 413
 * and a GraphQL-shaped error ({@link HttpErrors}), instead of the generic 500 (and a
 * logged stack trace) it would otherwise become. Runs before Spring Boot's error handler.
 */
@Component
@Order(-2)
class RequestTooLarge implements WebExceptionHandler {

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!HttpErrors.isBodyLimit(ex) || exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		return HttpErrors.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "BAD_REQUEST", "REQUEST_TOO_LARGE",
				"The request body is too large. An imported .eml file may have at most 10 MiB.");
	}

}
