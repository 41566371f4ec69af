package com.dealerdesk.audit;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.dealerdesk.platform.audit.AuditContext;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.SecurityAudit;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Records logins (the first use of each token) and refused tokens in the audit trail.
 * Both are bounded: a token logs in once (a unique index across instances, and a memory
 * of recent tokens so that repeated requests cost no statement); refusals are counted on
 * one entry per minute, reason and address, and past
 * {@link #MAX_REFUSAL_ENTRIES_PER_MINUTE} distinct ones in a minute on one entry per
 * reason for all addresses, so a flood of bad tokens cannot fill the disk.
 */
@Component
class SecurityAuditLog implements SecurityAudit {

	private static final Logger log = LoggerFactory.getLogger(SecurityAuditLog.class);

	static final int MAX_REFUSAL_ENTRIES_PER_MINUTE = 1000;

	/** Tokens seen by this instance; forgotten all at once when it grows past this. */
	private static final int MAX_REMEMBERED_TOKENS = 100_000;

	private static final int MAX_TEXT = 200;

	private final AuditRepository repository;

	private final JsonMapper json;

	private final Clock clock;

	private final Set<String> seenTokens = ConcurrentHashMap.newKeySet();

	private final AtomicReference<MinuteCount> refusals = new AtomicReference<>(new MinuteCount(Instant.EPOCH, 0));

	SecurityAuditLog(AuditRepository repository, JsonMapper json, Clock clock) {
		this.repository = repository;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public Mono<Void> tokenUsed(Actor actor, Jwt token) {
		String key = tokenKey(token);
		if (!this.seenTokens.add(key)) {
			return Mono.empty();
		}
		if (this.seenTokens.size() > MAX_REMEMBERED_TOKENS) {
			this.seenTokens.clear();
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("issuer", String.valueOf(token.getIssuer()));
		detail.put("issuedAt", String.valueOf(token.getIssuedAt()));
		AuditContext who = new AuditContext(actor.subject(), actor.name(), AuditInterceptor.clientIdOf(token),
				actor.partnerId(), null, null);
		return this.repository.record(AuditKind.LOGIN, who, detail, key, false).onErrorResume(ex -> {
			this.seenTokens.remove(key);
			log.warn("Could not record a login in the audit trail: {}", ex.toString());
			return Mono.empty();
		});
	}

	@Override
	public Mono<Void> tokenRefused(ServerWebExchange exchange, AuthenticationException refusal) {
		String reason = reasonOf(refusal);
		String address = addressOf(exchange);
		Instant minute = this.clock.instant().truncatedTo(ChronoUnit.MINUTES);
		MinuteCount count = this.refusals
			.updateAndGet(current -> current.minute().equals(minute) ? current.next() : new MinuteCount(minute, 1));
		boolean flooded = count.count() > MAX_REFUSAL_ENTRIES_PER_MINUTE;
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("reason", reason);
		detail.put("address", flooded ? "*" : address);
		if (!flooded) {
			unverifiedClaims(exchange).forEach(detail::put);
		}
		AuditContext who = new AuditContext(null, null, null, null, null, exchange.getRequest().getId());
		String key = minute + "|" + detail.values();
		return this.repository.record(AuditKind.TOKEN_REFUSED, who, detail, key, true).onErrorResume(ex -> {
			log.warn("Could not record a token refusal in the audit trail: {}", ex.toString());
			return Mono.empty();
		});
	}

	/** The token's id, or its subject and issue time when it has none. */
	private static String tokenKey(Jwt token) {
		String id = token.getId() != null ? token.getId() : token.getSubject() + "@" + token.getIssuedAt();
		return token.getIssuer() + "|" + id;
	}

	/**
	 * What was wrong, without the instants and numbers that would make every refusal its
	 * own entry.
	 */
	private static String reasonOf(AuthenticationException refusal) {
		String text = refusal instanceof OAuth2AuthenticationException oauth
				&& oauth.getError().getDescription() != null ? oauth.getError().getDescription() : refusal.getMessage();
		if (text == null) {
			text = refusal.getClass().getSimpleName();
		}
		return truncate(text.replaceAll("\\d[\\dTZ:.\\-+]*", "#"));
	}

	private static String addressOf(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	/** The issuer and subject of a refused token, read without trusting them. */
	private Map<String, Object> unverifiedClaims(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		Map<String, Object> claims = new LinkedHashMap<>();
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return claims;
		}
		String[] parts = header.substring(7).trim().split("\\.");
		if (parts.length < 2 || parts[1].length() > 8192) {
			return claims;
		}
		try {
			JsonNode payload = this.json
				.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
			for (String claim : new String[] { "iss", "sub" }) {
				JsonNode value = payload.get(claim);
				if (value != null && value.isString()) {
					claims.put(claim.equals("iss") ? "issuer" : "subject", truncate(value.asString()));
				}
			}
		}
		catch (RuntimeException ex) {
			// not a readable token: the reason says so
		}
		return claims;
	}

	private static String truncate(String text) {
		return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
	}

	private record MinuteCount(Instant minute, int count) {

		MinuteCount next() {
			return new MinuteCount(this.minute, this.count + 1);
		}

	}

}
