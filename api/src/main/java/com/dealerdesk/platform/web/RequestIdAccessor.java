package com.dealerdesk.platform.web;

import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;

/**
 * Carries the request id between the Reactor context and the logging MDC, both under
 * {@value RequestIds#KEY}: with {@code spring.reactor.context-propagation=auto}, Reactor
 * and Spring for GraphQL restore it on whichever thread handles the request, so every log
 * line written for a request (a stack trace of an unexpected error too) names it.
 * Registered through {@code META-INF/services}.
 */
public final class RequestIdAccessor implements ThreadLocalAccessor<String> {

	@Override
	public Object key() {
		return RequestIds.KEY;
	}

	@Override
	public String getValue() {
		return MDC.get(RequestIds.KEY);
	}

	@Override
	public void setValue(String value) {
		MDC.put(RequestIds.KEY, value);
	}

	@Override
	public void setValue() {
		MDC.remove(RequestIds.KEY);
	}

}
