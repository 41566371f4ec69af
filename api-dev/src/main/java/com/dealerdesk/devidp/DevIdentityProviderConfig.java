package com.dealerdesk.devidp;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.demo.DemoPeople;
import com.dealerdesk.demo.DemoPeople.DemoUser;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Clients, users and token claims of the development identity provider. Tokens carry the
 * claims the API maps to an Actor: {@code roles}, {@code partner_id} and {@code name};
 * access tokens name the API as their audience and carry the scopes asked for (the web
 * app asks for read and write; an integration gets what it asks for, of
 * {@code dealerdesk.read} and {@code dealerdesk.write}).
 */
@Configuration(proxyBeanMethods = false)
class DevIdentityProviderConfig {

	static final String WEB_CLIENT = "dealerdesk-web";

	static final String INTEGRATION_CLIENT = "integration";

	static final String PARTNER_INTEGRATION_CLIENT = "partner-integration";

	static final String READ_SCOPE = "dealerdesk.read";

	static final String WRITE_SCOPE = "dealerdesk.write";

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.cors(Customizer.withDefaults())
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain login(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.cors(Customizer.withDefaults())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(@Value("${dealerdesk.dev-idp.spa-origins}") List<String> origins) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins);
		cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
		cors.setAllowedHeaders(List.of("*"));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

	@Bean
	UserDetailsService users() {
		List<org.springframework.security.core.userdetails.UserDetails> users = new ArrayList<>();
		for (DemoUser user : DemoPeople.USERS) {
			users.add(User.withUsername(user.username())
				.password("{noop}" + DemoPeople.PASSWORD)
				.roles(user.roles().stream().map(String::toUpperCase).toArray(String[]::new))
				.build());
		}
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
		DevIdpUsers.attach(manager);
		return manager;
	}

	@Bean
	RegisteredClientRepository clients(@Value("${dealerdesk.dev-idp.spa-origins}") List<String> origins,
			@Value("${dealerdesk.dev-idp.integration-secret}") String integrationSecret,
			@Value("${dealerdesk.dev-idp.partner-integration-secret}") String partnerIntegrationSecret) {
		RegisteredClient web = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(WEB_CLIENT)
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris(uris -> origins.forEach(origin -> uris.add(origin + "/auth/callback")))
			.postLogoutRedirectUris(uris -> origins.forEach(origin -> uris.add(origin + "/")))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(READ_SCOPE)
			.scope(WRITE_SCOPE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(8)).build())
			.build();
		return new InMemoryRegisteredClientRepository(web, integration(INTEGRATION_CLIENT, integrationSecret),
				integration(PARTNER_INTEGRATION_CLIENT, partnerIntegrationSecret));
	}

	private static RegisteredClient integration(String clientId, String secret) {
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientSecret("{noop}" + secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			// granted only when asked for: a token requested without scopes reads nothing
			.scope(READ_SCOPE)
			.scope(WRITE_SCOPE)
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build())
			.build();
	}

	/** Adds the claims the API maps to an Actor, to access and ID tokens alike. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> dealerDeskClaims(
			@Value("${dealerdesk.dev-idp.api-audience}") String audience) {
		Map<String, DemoUser> byUsername = DemoPeople.USERS.stream()
			.collect(Collectors.toMap(DemoUser::username, Function.identity()));
		return context -> {
			boolean accessOrId = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
					|| "id_token".equals(context.getTokenType().getValue());
			if (!accessOrId) {
				return;
			}
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				// access tokens are for the API (the ID token's audience stays the
				// client)
				context.getClaims().audience(List.of(audience));
			}
			if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
				String clientId = context.getRegisteredClient().getClientId();
				context.getClaims().claim("roles", List.of("integration"));
				if (PARTNER_INTEGRATION_CLIENT.equals(clientId)) {
					context.getClaims().claim("partner_id", DemoPeople.NORTHWIND.toString());
				}
				return;
			}
			String username = context.getPrincipal().getName();
			DemoUser user = byUsername.containsKey(username) ? byUsername.get(username)
					: DevIdpUsers.added(username).orElse(null);
			if (user != null) {
				context.getClaims().claim("roles", user.roles());
				context.getClaims().claim("name", user.name());
				context.getClaims().claim("email", user.email());
				if (user.partnerId() != null) {
					context.getClaims().claim("partner_id", user.partnerId().toString());
				}
			}
		};
	}

	/** A fresh signing key per start: tokens from an earlier run simply stop working. */
	@Bean
	JWKSource<SecurityContext> jwkSource() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keyPair = generator.generateKeyPair();
		RSAKey key = new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
			.privateKey((RSAPrivateKey) keyPair.getPrivate())
			.keyID(UUID.randomUUID().toString())
			.build();
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(@Value("${dealerdesk.dev-idp.issuer}") String issuer) {
		return AuthorizationServerSettings.builder().issuer(issuer).build();
	}

}
