package com.dealerdesk.platform.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a refused token with HTTP 401 and a fixed {@code error_description} in
 * {@code WWW-Authenticate}: the decoder's and validators' own texts (which name the
 * library, the claim values and the times) stay out of the response. A disabled account
 * keeps its own description, which DealerDesk wrote for the caller.
 */
class RefusedTokens implements ServerAuthenticationEntryPoint {

	static final String INVALID = "The access token is not valid for this API: it is expired or not yet valid, "
			+ "not signed by the trusted issuer with an allowed algorithm, or made for another audience.";

	private final BearerTokenServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		boolean rewrite = ex instanceof OAuth2AuthenticationException oauth
				&& !(ex instanceof ActorAuthenticationConverter.AccountRefused)
				&& OAuth2ErrorCodes.INVALID_TOKEN.equals(oauth.getError().getErrorCode());
		return this.bearer.commence(exchange, rewrite ? new InvalidBearerTokenException(INVALID) : ex);
	}

}
