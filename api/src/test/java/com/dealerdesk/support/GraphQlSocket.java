package com.dealerdesk.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare graphql-transport-ws client over a real WebSocket, for tests that need every
 * message and close code the API sends, in order, including protocol mistakes a library
 * client would never make. Messages are read as they arrive unless the socket is paused,
 * when the client stops reading and TCP pushes back on the server.
 */
public final class GraphQlSocket implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

	private final Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicReference<WebSocketCloseStatus> closeStatus = new AtomicReference<>();

	private final Sinks.One<Void> resumed = Sinks.one();

	private final Sinks.Empty<Void> connected = Sinks.empty();

	private final AtomicInteger pongs = new AtomicInteger();

	/** Why the socket could not be opened or broke, if it did. */
	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final Disposable connection;

	private volatile boolean paused;

	private GraphQlSocket(int port, boolean startPaused) {
		this.paused = startPaused;
		// a connection of its own: a pooled one could be handed to the next socket while
		// the
		// server still holds the previous session on it
		this.connection = HttpClient.newConnection()
			.websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws").build())
			.uri("ws://localhost:" + port + "/graphql-ws")
			.handle((in, out) -> {
				this.connected.tryEmitEmpty();
				in.receiveCloseStatus().subscribe(this.closeStatus::set);
				in.receive()
					.asString()
					.concatMap(text -> this.paused ? this.resumed.asMono().thenReturn(text) : Mono.just(text), 1)
					.map(JSON::readTree)
					.subscribe(message -> {
						if ("pong".equals(message.path("type").asString())) {
							this.pongs.incrementAndGet();
						}
						else {
							this.received.add(message);
						}
					});
				return out.sendString(this.outgoing.asFlux()).neverComplete();
			})
			.subscribe(null, this.failure::set);
	}

	public static GraphQlSocket open(int port) {
		return new GraphQlSocket(port, false).awaitServerReading();
	}

	/**
	 * Pings until the server answers, before the test's own first message: on a loaded
	 * machine a message sent the instant the handshake completes has been seen to go
	 * unread by the server (it then closes with 4408 as if nothing came), which would
	 * make a test judge the wrong thing.
	 */
	private GraphQlSocket awaitServerReading() {
		for (int attempt = 0; attempt < 30 && this.pongs.get() == 0; attempt++) {
			send(Map.of("type", "ping"));
			try {
				Awaitility.await().atMost(Duration.ofMillis(500)).until(() -> this.pongs.get() > 0);
			}
			catch (ConditionTimeoutException ex) {
				// not yet: ping again
			}
		}
		return this;
	}

	/** A socket that reads nothing until {@link #resume()}: a slow subscriber. */
	public static GraphQlSocket openPaused(int port) {
		return new GraphQlSocket(port, true);
	}

	public void resume() {
		this.paused = false;
		this.resumed.tryEmitEmpty();
	}

	/** Sends once the handshake is done, so that the server's session exists. */
	public void send(Map<String, Object> message) {
		this.connected.asMono().block(Duration.ofSeconds(15));
		this.outgoing.emitNext(JSON.writeValueAsString(message),
				Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(5)));
	}

	/** Sends any text, well-formed or not, once the handshake is done. */
	public void sendRaw(String text) {
		this.connected.asMono().block(Duration.ofSeconds(15));
		this.outgoing.emitNext(text, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(5)));
	}

	/** The close status, or null while the socket is open. */
	public WebSocketCloseStatus closeStatus() {
		return this.closeStatus.get();
	}

	/** {@code connection_init} with the token, then waits for {@code connection_ack}. */
	public GraphQlSocket init(String token) {
		send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
		JsonNode ack = next();
		if (!"connection_ack".equals(ack.path("type").asString())) {
			throw new AssertionError("Expected connection_ack, got " + ack);
		}
		return this;
	}

	public void subscribe(String id, String query, Map<String, Object> variables) {
		send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
	}

	/** The next message; fails the test if none comes within 15 seconds. */
	public JsonNode next() {
		return next(Duration.ofSeconds(15));
	}

	public JsonNode next(Duration timeout) {
		try {
			JsonNode message = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (message == null) {
				throw new AssertionError("No message within " + timeout + "; close status " + this.closeStatus.get(),
						this.failure.get());
			}
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The next message, or null when none comes within the time. */
	public JsonNode nextWithin(Duration timeout) {
		try {
			return this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The next message of type {@code next} for the subscription, skipping pings. */
	public JsonNode nextData(String id) {
		while (true) {
			JsonNode message = next();
			String type = message.path("type").asString();
			if ("ping".equals(type) || "pong".equals(type)) {
				continue;
			}
			if (!id.equals(message.path("id").asString())) {
				throw new AssertionError("Expected a message for " + id + ", got " + message);
			}
			return message;
		}
	}

	/** Whatever arrived and was not taken yet, without waiting. */
	public List<JsonNode> drain() {
		List<JsonNode> all = new ArrayList<>();
		this.received.drainTo(all);
		return all;
	}

	/** The close status once the server closed the socket. */
	public WebSocketCloseStatus awaitClose(Duration timeout) {
		return Awaitility.await().atMost(timeout).until(this.closeStatus::get, status -> status != null);
	}

	@Override
	public void close() {
		this.outgoing.tryEmitComplete();
		this.connection.dispose();
	}

}
