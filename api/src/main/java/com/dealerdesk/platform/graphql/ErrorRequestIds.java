package com.dealerdesk.platform.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import com.dealerdesk.platform.web.RequestIds;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * The last word on every GraphQL error, over HTTP and WebSocket, whichever part of
 * graphql-java or of the API made it: each carries {@code extensions.classification} and
 * {@code extensions.requestId}, its message is cleaned of Java type names
 * ({@link ErrorMessages}), and one log line names the errors with the request id. An
 * operation over WebSocket gets an id of its own, {@code <connection id>-<n>}, also in
 * the Reactor context (and so the MDC) while it runs. First of the interceptors, so that
 * it sees the errors of the others.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorRequestIds implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ErrorRequestIds.class);

	private static final String CONNECTION_ID = ErrorRequestIds.class.getName() + ".connection";

	private static final String OPERATIONS = ErrorRequestIds.class.getName() + ".operations";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String id = requestId(request);
		// handle, not map: with context propagation "limited" Reactor restores the MDC
		// (request and trace ids) from the context in handle and tap only
		return chain.next(request)
			.<WebGraphQlResponse>handle(
					(response, sink) -> sink.next(withRequestId(response, id, request.getOperationName())))
			.contextWrite(context -> context.put(RequestIds.KEY, id));
	}

	private static String requestId(WebGraphQlRequest request) {
		if (request instanceof WebSocketGraphQlRequest socket) {
			Map<String, Object> session = socket.getSessionInfo().getAttributes();
			String connection = (String) session.computeIfAbsent(CONNECTION_ID, key -> RequestIds.newId());
			AtomicLong operations = (AtomicLong) session.computeIfAbsent(OPERATIONS, key -> new AtomicLong());
			return connection + "-" + operations.incrementAndGet();
		}
		Object id = request.getAttributes().get(RequestIds.KEY);
		return id instanceof String text ? text : RequestIds.newId();
	}

	private static WebGraphQlResponse withRequestId(WebGraphQlResponse response, String id, String operation) {
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		Object data = response.getExecutionResult().getData();
		if (errors.isEmpty() && !(data instanceof Publisher<?>)) {
			return response;
		}
		if (!errors.isEmpty()) {
			logged(errors, operation, id);
		}
		return response.transform(builder -> {
			builder.errors(withRequestId(errors, id));
			if (data instanceof Publisher<?> stream) {
				builder.data(subscription(Flux.from(stream), id, operation));
			}
		});
	}

	/**
	 * A subscription's events and the error that ends it carry the id too. Mapped, not
	 * handled: restoring the MDC for every event of every subscriber took a twentieth of
	 * the CPU at 10,000 subscribers, and the rare log line sets the request id itself.
	 */
	private static Flux<?> subscription(Flux<?> stream, String id, String operation) {
		return stream.map(event -> {
			if (event instanceof ExecutionResult result && !result.getErrors().isEmpty()) {
				logged(result.getErrors(), operation, id);
				return ExecutionResultImpl.newExecutionResult()
					.from(result)
					.errors(withRequestId(result.getErrors(), id))
					.build();
			}
			return event;
		}).onErrorMap(SubscriptionPublisherException.class, ended -> {
			logged(ended.getErrors(), operation, id);
			return new SubscriptionPublisherException(withRequestId(ended.getErrors(), id), ended.getCause());
		}).contextWrite(context -> context.put(RequestIds.KEY, id));
	}

	private static List<GraphQLError> withRequestId(List<GraphQLError> errors, String id) {
		return errors.stream().map(error -> {
			Map<String, Object> extensions = new LinkedHashMap<>();
			if (error.getExtensions() != null) {
				extensions.putAll(error.getExtensions());
			}
			extensions.putIfAbsent("classification", classification(error));
			extensions.put("requestId", id);
			return GraphqlErrorBuilder.newError()
				.message(ErrorMessages.clean(error.getMessage()))
				.locations(error.getLocations())
				.path(error.getPath())
				.errorType(error.getErrorType())
				.extensions(extensions)
				.build();
		}).toList();
	}

	private static String classification(GraphQLError error) {
		return error.getErrorType() == null ? "INTERNAL_ERROR" : error.getErrorType().toString();
	}

	/**
	 * One line for the errors of a response, with the request id in the MDC. Unexpected
	 * errors were logged with their stack trace where they happened
	 * ({@link GraphQlErrors}).
	 */
	private static void logged(List<GraphQLError> errors, String operation, String id) {
		// set here too: a subscription's errors are logged outside handle, with no MDC
		try (MDC.MDCCloseable requestId = MDC.putCloseable(RequestIds.KEY, id)) {
			log.info("GraphQL operation {} answered with errors: {}", operation == null ? "(unnamed)" : operation,
					errors.stream().map(ErrorRequestIds::summary).collect(Collectors.joining(", ")));
		}
	}

	private static String summary(GraphQLError error) {
		Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
		return classification(error) + (code == null ? "" : "/" + code) + " \"" + error.getMessage() + "\"";
	}

}
