package com.dealerdesk.platform.security;

import java.time.Clock;

import com.dealerdesk.platform.web.HttpErrors;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;

/**
 * The API is an OAuth2 resource server: every GraphQL request over HTTP carries a bearer
 * JWT. The probes {@code /livez} and {@code /readyz}, GraphiQL (development only, see
 * {@code spring.graphql.graphiql.enabled}) and the WebSocket upgrade (authenticated by
 * its {@code connection_init} payload) are open at HTTP level, and so is the actuator on
 * its own management port, which is kept off public networks (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({ ActorClaimsProperties.class, TokenProperties.class })
class SecurityConfig {

	/** Tokens kept decoded (DecodedTokens): a few kB each. */
	private static final long MAX_DECODED_TOKENS = 10_000;

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ActorClaimsProperties claims, TokenProperties tokens,
			AccountCheck accounts, SecurityAudit audit, ReactiveJwtDecoder decoder, Clock clock) {
		ServerAuthenticationEntryPoint refuse = HttpErrors.authenticationEntryPoint(RefusedTokens::description);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.authorizeExchange(exchange -> exchange
				.matchers(EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class),
						EndpointRequest.toAnyEndpoint())
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/graphiql", "/graphiql/**", "/license-signing-key.pem")
				.permitAll()
				.pathMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				// the socket authenticates with its connection_init payload
				// (WebSocketGuard)
				.pathMatchers(HttpMethod.GET, "/graphql-ws")
				.permitAll()
				.anyExchange()
				.authenticated())
			// a refused token goes into the audit trail, then is answered GraphQL-shaped:
			// 401 with the request id, no decoder message
			.exceptionHandling(handling -> handling.authenticationEntryPoint(refuse))
			.oauth2ResourceServer(resource -> resource
				.jwt(jwt -> jwt.jwtDecoder(new DecodedTokens(decoder, clock, MAX_DECODED_TOKENS))
					.jwtAuthenticationConverter(new ActorAuthenticationConverter(claims, tokens, accounts, audit)))
				.authenticationEntryPoint((exchange, refusal) -> audit.tokenRefused(exchange, refusal)
					.then(refuse.commence(exchange, refusal))))
			.build();
	}

}
