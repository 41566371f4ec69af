package com.dealerdesk.platform.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The API is an OAuth2 resource server: every GraphQL request over HTTP carries a bearer
 * JWT. Health, GraphiQL (development only, see {@code spring.graphql.graphiql.enabled})
 * and the WebSocket upgrade (authenticated by its {@code connection_init} payload) are
 * open at HTTP level.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({ ActorClaimsProperties.class, TokenProperties.class })
class SecurityConfig {

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ActorClaimsProperties claims, TokenProperties tokens,
			AccountCheck accounts) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.authorizeExchange(exchange -> exchange.pathMatchers("/actuator/health/**", "/actuator/info")
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
			.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(new RefusedTokens())
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new ActorAuthenticationConverter(claims, tokens, accounts))))
			.build();
	}

}
