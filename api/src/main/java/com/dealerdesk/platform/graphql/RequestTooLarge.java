package com.dealerdesk.platform.graphql;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers a request body over {@code spring.http.codecs.max-in-memory-size} with HTTP 413
 * and a GraphQL-shaped error, instead of the generic 500 (and a logged stack trace) it
 * would otherwise become. Runs before Spring Boot's error handler.
 */
@Component
@Order(-2)
class RequestTooLarge implements WebExceptionHandler {

	private static final byte[] BODY = """
			{"errors":[{"message":"The request body is too large. An imported .eml file may have at most 10 MiB.",\
			"extensions":{"code":"REQUEST_TOO_LARGE","classification":"BAD_REQUEST"}}]}"""
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (!isLimit(ex)) {
			return Mono.error(ex);
		}
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		DataBuffer buffer = response.bufferFactory().wrap(BODY);
		return response.writeWith(Mono.just(buffer));
	}

	private static boolean isLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

}
