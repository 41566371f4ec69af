package com.dealerdesk.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Answers what fails before GraphQL runs (a body that is not JSON, a wrong method or
 * media type, an unknown path, a refused token, anything unexpected) with a
 * GraphQL-shaped body: {@code {"errors":[{"message",
 * "extensions":{"classification","code","requestId"}}]}}. The message is ours, chosen by
 * status: never the framework's or a library's text. The real cause goes to the log with
 * the request id (a stack trace for the unexpected). Runs before Spring Boot's error
 * handler, whose body would carry WebFlux's own log id. Too large bodies are
 * {@code RequestTooLarge}'s.
 */
@Component
@Order(-2)
public class HttpErrors implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted() || isBodyLimit(ex)) {
			return Mono.error(ex);
		}
		// exception handlers run outside the filters' Reactor context: the id is put into
		// the MDC here
		try (MDC.MDCCloseable id = MDC.putCloseable(RequestIds.KEY, RequestIds.of(exchange))) {
			return answer(exchange, ex);
		}
	}

	private static Mono<Void> answer(ServerWebExchange exchange, Throwable ex) {
		String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
		if (ex instanceof ResponseStatusException status) {
			if (status.getStatusCode().is5xxServerError()) {
				log.error("Unexpected error answering {}", request, ex);
			}
			else {
				log.info("{} refused with {}: {}", request, status.getStatusCode().value(), status.getReason());
			}
			exchange.getResponse().getHeaders().addAll(status.getHeaders());
			return write(exchange, status.getStatusCode());
		}
		log.error("Unexpected error answering {}", request, ex);
		return write(exchange, HttpStatus.INTERNAL_SERVER_ERROR);
	}

	/**
	 * For Spring Security: a missing or refused token gets 401 with a GraphQL-shaped
	 * body. {@code WWW-Authenticate} carries only the description the caller gives (one
	 * DealerDesk wrote, never the decoder's account of what was wrong with the token), or
	 * none when it gives {@code null}.
	 */
	public static ServerAuthenticationEntryPoint authenticationEntryPoint(
			Function<AuthenticationException, String> description) {
		return (exchange, ex) -> {
			boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
			try (MDC.MDCCloseable id = MDC.putCloseable(RequestIds.KEY, RequestIds.of(exchange))) {
				log.info("{} {} refused: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
						describe(ex));
			}
			String told = tokenSent ? description.apply(ex) : null;
			String challenge = !tokenSent ? "Bearer" : (told == null) ? "Bearer error=\"invalid_token\""
					: "Bearer error=\"invalid_token\", error_description=\"" + told + "\"";
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
			return write(exchange, HttpStatus.UNAUTHORIZED);
		};
	}

	private static String describe(AuthenticationException ex) {
		return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
	}

	/** Writes the error body for the status, with the request's id. */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status) {
		return write(exchange, exchange.getResponse(), status);
	}

	/**
	 * An error status some part of the server set without a body or an exception to log:
	 * logged here, so that its request id is in the log too.
	 */
	static Mono<Void> writeBodiless(ServerWebExchange exchange, ServerHttpResponse response, HttpStatusCode status) {
		// the MDC is not restored here (context propagation is limited): set it
		try (MDC.MDCCloseable id = MDC.putCloseable(RequestIds.KEY, RequestIds.of(exchange))) {
			log.info("{} {} refused with {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
					status.value());
		}
		return write(exchange, response, status);
	}

	private static Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, HttpStatusCode status) {
		Answer answer = Answer.of(status);
		return write(exchange, response, status, answer.classification, answer.code, answer.message);
	}

	/** Writes a GraphQL-shaped error body with the request's id. */
	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String classification,
			String code, String message) {
		return write(exchange, exchange.getResponse(), status, classification, code, message);
	}

	private static Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, HttpStatusCode status,
			String classification, String code, String message) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("classification", classification);
		extensions.put("code", code);
		extensions.put("requestId", RequestIds.of(exchange));
		byte[] body = JSON
			.writeValueAsString(Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))))
			.getBytes(StandardCharsets.UTF_8);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * Whether the body was over the codecs' limit ({@code RequestTooLarge} answers it).
	 */
	public static boolean isBodyLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

	/** What a client is told for a status. */
	private record Answer(String classification, String code, String message) {

		static Answer of(HttpStatusCode status) {
			return switch (status.value()) {
				case 400 -> new Answer("BAD_REQUEST", "INVALID_REQUEST",
						"The request could not be read: send a JSON object {\"query\": \"…\", \"variables\": {…}} "
								+ "with Content-Type application/json.");
				case 401 -> new Answer("UNAUTHORIZED", "UNAUTHORIZED",
						"Sign in: send a valid bearer token in the Authorization header.");
				case 403 -> new Answer("FORBIDDEN", "FORBIDDEN", "Not allowed.");
				case 404 -> new Answer("NOT_FOUND", "NOT_FOUND", "There is nothing at this address.");
				case 405 -> new Answer("BAD_REQUEST", "METHOD_NOT_ALLOWED",
						"This address does not take this method: send GraphQL requests as POST.");
				case 406 -> new Answer("BAD_REQUEST", "NOT_ACCEPTABLE",
						"The API answers with application/json or application/graphql-response+json.");
				case 415 ->
					new Answer("BAD_REQUEST", "UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
				default ->
					status.is4xxClientError() ? new Answer("BAD_REQUEST", "BAD_REQUEST", "The request was refused.")
							: new Answer("INTERNAL_ERROR", "INTERNAL_ERROR",
									"Internal error. It has been logged; please try again later.");
			};
		}

	}

}
