package com.dealerdesk.webhook;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.stereotype.Component;

/**
 * Sends one signed POST to an endpoint, without blocking, and reports how it went. It
 * connects only to an address that passes {@link WebhookUrls} at this moment, keeps the
 * host name for the Host header and TLS, follows no redirect and reads at most the first
 * {@value #EXCERPT} characters of the answer.
 */
@Component
class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	static final int EXCERPT = 1024;

	private final HttpClient client;

	private final WebhookProperties properties;

	WebhookSender(WebhookProperties properties) {
		this.properties = properties;
		this.client = HttpClient.create(ConnectionProvider.builder("webhooks").maxConnections(200).build())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.responseTimeout())
			.followRedirect(false);
	}

	/** What one attempt gave: the status if the endpoint answered, and an excerpt. */
	record Result(boolean succeeded, Integer statusCode, int latencyMs, String excerpt) {

	}

	/**
	 * @param secrets the current secret, then the previous one during a rotation's
	 * overlap
	 */
	Mono<Result> send(URI url, boolean allowPrivateNetwork, String eventId, String eventType, int attempt, String body,
			List<String> secrets) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return WebhookUrls.deliverable(url, allowPrivateNetwork)
				.flatMap(addresses -> addresses.isEmpty()
						? Mono.just(new Result(false, null, 0,
								"Not sent: the host resolves to no public address (private networks are not allowed)."))
						: post(url, addresses.get(0), eventId, eventType, attempt, body, secrets))
				.onErrorResume(ex -> Mono.just(new Result(false, null, 0, describe(ex))))
				.map(result -> new Result(result.succeeded(), result.statusCode(),
						(int) ((System.nanoTime() - started) / 1_000_000), result.excerpt()));
		});
	}

	private Mono<Result> post(URI url, InetAddress address, String eventId, String eventType, int attempt, String body,
			List<String> secrets) {
		int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
		InetSocketAddress pinned;
		try {
			// the resolved address under the URL's host name: no second lookup, and the
			// name still goes into TLS (SNI, certificate check)
			pinned = new InetSocketAddress(InetAddress.getByAddress(url.getHost(), address.getAddress()), port);
		}
		catch (UnknownHostException ex) {
			return Mono.error(ex);
		}
		// the machine's real time, not the business clock: receivers check it against
		// theirs
		String signature = WebhookSignature.header(Instant.now().getEpochSecond(), body, secrets);
		return this.client.remoteAddress(() -> pinned)
			.headers(headers -> headers.set("Content-Type", "application/json")
				.set("User-Agent", "DealerDesk-Webhooks")
				.set("DealerDesk-Event-Id", eventId)
				.set("DealerDesk-Event-Type", eventType)
				.set("DealerDesk-Delivery-Attempt", Integer.toString(attempt))
				.set("DealerDesk-Signature", signature))
			.post()
			.uri(url)
			.send(ByteBufFlux.fromString(Mono.just(body), StandardCharsets.UTF_8, ByteBufAllocator.DEFAULT))
			.response((response, content) -> excerpt(content.asString(StandardCharsets.UTF_8))
				.map(text -> new Result(response.status().code() / 100 == 2, response.status().code(), 0, text)))
			.next();
	}

	/** The first characters of the body; the rest is not read. */
	private static Mono<String> excerpt(Flux<String> chunks) {
		return Mono.defer(() -> {
			StringBuilder text = new StringBuilder();
			return chunks.doOnNext(text::append)
				.takeUntil(chunk -> text.length() >= EXCERPT)
				.then(Mono.fromSupplier(() -> text));
		}).map(text -> truncate(text.toString()));
	}

	/** What went wrong, for the delivery log: never a stack trace. */
	private String describe(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectTimeoutException) {
				return "Could not connect within " + this.properties.connectTimeout().toSeconds() + "s.";
			}
			if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException
					|| cause.getClass().getSimpleName().equals("ResponseTimeoutException")) {
				return "No answer within " + this.properties.responseTimeout().toSeconds() + "s.";
			}
			if (cause instanceof ConnectException) {
				return "Connection refused.";
			}
			if (cause instanceof SSLException) {
				// the TLS library's message names its classes and internals: the log has
				// it
				log.info("Webhook delivery: TLS failed", ex);
				return hasCause(cause, CertificateException.class)
						? "TLS failed: the receiver's certificate is not trusted (expired, self-signed, or for another host)."
						: "TLS failed: no secure connection could be agreed with the receiver.";
			}
			if (cause instanceof UnknownHostException) {
				return "The host name does not resolve.";
			}
			if (cause instanceof PrematureCloseException) {
				return "The connection closed before an answer.";
			}
		}
		log.info("Webhook delivery failed", ex);
		return "Delivery failed: the request could not be completed.";
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * At most {@value #EXCERPT} characters, without NUL (which PostgreSQL text refuses).
	 */
	private static String truncate(String text) {
		String clean = text.replace('\u0000', ' ');
		return clean.length() > EXCERPT ? clean.substring(0, EXCERPT) : clean;
	}

}
