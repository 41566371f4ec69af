package com.dealerdesk.platform.security;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * The decoder of bearer tokens: the issuer's keys (from its discovery document, or from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} when set), with the
 * algorithms and validators of {@link TokenProperties}. It replaces Spring Boot's, which
 * offers no clock skew setting. The keys are fetched lazily, at the first token, so that
 * the API and the identity provider may start in any order.
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfig {

	@Bean
	ReactiveJwtDecoder jwtDecoder(TokenProperties tokens, Clock clock,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
			@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
		return new SupplierReactiveJwtDecoder(() -> {
			NimbusReactiveJwtDecoder decoder = (StringUtils.hasText(jwkSetUri)
					? NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
					: NimbusReactiveJwtDecoder.withIssuerLocation(issuer))
				.jwsAlgorithms(algorithms -> algorithms.addAll(tokens.signatureAlgorithms()))
				.build();
			decoder.setJwtValidator(tokens.validator(issuer, clock));
			return decoder;
		});
	}

}
