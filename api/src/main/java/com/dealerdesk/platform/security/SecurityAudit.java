package com.dealerdesk.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where the security layer reports what the audit trail records of it (ADR 0037): the
 * first use of each token, and every refused token. The audit feature implements it;
 * neither report ever fails the request.
 */
public interface SecurityAudit {

	/** An accepted token turned into this actor; recorded once per token. */
	Mono<Void> tokenUsed(Actor actor, Jwt token);

	/** A request was refused for its token (missing, malformed, expired, untrusted). */
	Mono<Void> tokenRefused(ServerWebExchange exchange, AuthenticationException refusal);

}
