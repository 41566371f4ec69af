package com.dealerdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A webhook receiver on a random local port: records every request (headers and raw body)
 * and answers 200, or a chosen error status for the first {@code n} requests.
 */
final class LocalReceiver implements AutoCloseable {

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Sinks.Many<Received> arrivals = Sinks.many().replay().all();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	private volatile int failureStatus = 500;

	/** Set: requests get no answer until the receiver closes. */
	private volatile boolean hanging;

	private final Sinks.Empty<Void> closing = Sinks.empty();

	private final DisposableServer server;

	/** One request as it arrived, and the status it was answered with (0: none). */
	record Received(Map<String, String> headers, String body, int answeredWith) {

		String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

	}

	LocalReceiver() {
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> {
			Map<String, String> headers = request.requestHeaders()
				.entries()
				.stream()
				.collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a));
			return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
				if (this.hanging) {
					Received one = new Received(headers, body, 0);
					this.received.add(one);
					this.arrivals.tryEmitNext(one);
					return this.closing.asMono();
				}
				boolean fail = this.failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
				int status = fail ? this.failureStatus : 200;
				Received one = new Received(headers, body, status);
				this.received.add(one);
				this.arrivals.tryEmitNext(one);
				return response.status(HttpResponseStatus.valueOf(status))
					.sendString(reactor.core.publisher.Mono.just(fail ? "temporarily down" : "ok"))
					.then();
			});
		}).bindNow();
	}

	/** Answers the next {@code times} requests with the status instead of 200. */
	LocalReceiver failNext(int times, int status) {
		this.failureStatus = status;
		this.failuresLeft.set(times);
		return this;
	}

	/** Leaves every request from now on without an answer, as a stuck receiver does. */
	LocalReceiver hang() {
		this.hanging = true;
		return this;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.port() + "/hooks";
	}

	/** Every request so far, then each new one. */
	Flux<Received> arrivals() {
		return this.arrivals.asFlux();
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.closing.tryEmitEmpty();
		this.server.disposeNow();
	}

}
