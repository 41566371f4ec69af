package com.dealerdesk.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.dealerdesk.platform.outbox.EventFeed;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Subscriptions through a graceful shutdown (ADR 0038). Before the web server stops
 * taking requests and drains those in flight, every subscription's stream ends with its
 * final message ({@code SERVER_SHUTTING_DOWN} with the position to resume from, see
 * {@link EventFeed#subscription}), and then every GraphQL WebSocket is closed normally
 * once its messages are sent, so that the drain does not wait for sockets that would
 * never end by themselves.
 */
@Configuration(proxyBeanMethods = false)
// around everything else, security included: a refused request costs nothing
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShutdownDrain implements SmartLifecycle, WebFilter {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private static final Duration FINAL_MESSAGES_WAIT = Duration.ofSeconds(5);

	private static final String REFUSED = "{\"errors\":[{\"message\":\"This API instance is shutting down; nothing was done. "
			+ "Send the request again (another instance will answer).\",\"extensions\":{\"code\":\"SERVER_SHUTTING_DOWN\","
			+ "\"classification\":\"UNAVAILABLE\",\"retryable\":true,\"retryAfterSeconds\":0}}]}";

	private final EventFeed feed;

	/** Fires when every stream has sent its final message: sockets may close. */
	private volatile Sinks.Empty<Void> streamsEnded = Sinks.empty();

	private volatile boolean running;

	private volatile boolean draining;

	/** Requests (and WebSocket sessions) being handled now. */
	private final AtomicInteger inFlight = new AtomicInteger();

	/** Fires when draining and nothing is in flight. */
	private volatile Sinks.Empty<Void> drained = Sinks.empty();

	@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}")
	private Duration timeout;

	ShutdownDrain(EventFeed feed) {
		this.feed = feed;
	}

	/** Boot's handler (same settings), with each session's output ending at shutdown. */
	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			GraphQlCorsProperties cors, ServerCodecConfigurer codecs) {
		CorsConfiguration corsConfiguration = cors.toCorsConfiguration();
		return new GraphQlWebSocketHandler(handler, codecs, properties.getWebsocket().getConnectionInitTimeout(),
				properties.getWebsocket().getKeepAlive(),
				corsConfiguration != null ? corsConfiguration : new CorsConfiguration()) {
			@Override
			public Mono<Void> handle(WebSocketSession session) {
				// the handler's Mono completes when its output does, after the messages
				// before it are written; the server then closes the socket
				return super.handle(new OutputEnding(session, messages -> Flux.from(messages)
					.takeUntilOther(Mono.defer(() -> ShutdownDrain.this.streamsEnded.asMono()))));
			}
		};
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		this.inFlight.incrementAndGet();
		// counted before the check: the shutdown either sees this request or refuses it
		if (this.draining) {
			finished();
			return refuse(exchange);
		}
		exchange.getResponse().beforeCommit(() -> {
			if (this.draining) {
				exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return Mono.empty();
		});
		return chain.filter(exchange).doFinally(signal -> finished());
	}

	private void finished() {
		if (this.inFlight.decrementAndGet() == 0 && this.draining) {
			this.drained.tryEmitEmpty();
		}
	}

	private static Mono<Void> refuse(ServerWebExchange exchange) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().set(HttpHeaders.CONNECTION, "close");
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, "0");
		byte[] body = REFUSED.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public void start() {
		// a stopped context may be started again (the test framework pauses cached
		// contexts that way): serve again
		if (this.draining) {
			this.streamsEnded = Sinks.empty();
			this.drained = Sinks.empty();
			this.feed.reopen();
			this.draining = false;
		}
		this.running = true;
	}

	@Override
	public void stop() {
		throw new UnsupportedOperationException("stop(Runnable) only");
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		this.draining = true;
		if (this.inFlight.get() == 0) {
			this.drained.tryEmitEmpty();
		}
		// a stream whose final message hangs must not hold the sockets open
		this.feed.close()
			.timeout(FINAL_MESSAGES_WAIT, Mono.empty())
			.doFinally(signal -> this.streamsEnded.tryEmitEmpty())
			.then(this.drained.asMono()
				.timeout(this.timeout,
						Mono.fromRunnable(
								() -> log.warn("Shutting down with {} requests still in flight", this.inFlight.get()))))
			.doFinally(signal -> callback.run())
			.subscribe(null, ex -> log.warn("Draining at shutdown failed: {}", ex.toString()));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops before the web server's graceful shutdown (phase
	 * {@code DEFAULT_PHASE - 1024}) starts draining requests.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 512;
	}

	/** A session whose output the given function may end early. */
	private static final class OutputEnding implements WebSocketSession {

		private final WebSocketSession session;

		private final Function<Publisher<WebSocketMessage>, Flux<WebSocketMessage>> output;

		OutputEnding(WebSocketSession session, Function<Publisher<WebSocketMessage>, Flux<WebSocketMessage>> output) {
			this.session = session;
			this.output = output;
		}

		@Override
		public Mono<Void> send(Publisher<WebSocketMessage> messages) {
			return this.session.send(this.output.apply(messages));
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public HandshakeInfo getHandshakeInfo() {
			return this.session.getHandshakeInfo();
		}

		@Override
		public DataBufferFactory bufferFactory() {
			return this.session.bufferFactory();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.session.getAttributes();
		}

		@Override
		public Flux<WebSocketMessage> receive() {
			return this.session.receive();
		}

		@Override
		public boolean isOpen() {
			return this.session.isOpen();
		}

		@Override
		public Mono<Void> close(CloseStatus status) {
			return this.session.close(status);
		}

		@Override
		public Mono<CloseStatus> closeStatus() {
			return this.session.closeStatus();
		}

		@Override
		public WebSocketMessage textMessage(String payload) {
			return this.session.textMessage(payload);
		}

		@Override
		public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.binaryMessage(payloadFactory);
		}

		@Override
		public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.pingMessage(payloadFactory);
		}

		@Override
		public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.pongMessage(payloadFactory);
		}

	}

}
