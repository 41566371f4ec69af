package com.dealerdesk.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.dealerdesk.platform.security.TokenProperties;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSecurityContextJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Flux;

import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Real RS256 JWTs signed by a key made for this test run; the API under test trusts its
 * public half ({@link #decoder}). Besides good tokens, the bad ones an attacker or a
 * misconfigured client would send.
 */
public final class TestTokens {

	public static final String ISSUER = "https://idp.test.dealerdesk";

	/** The audience the API requires by default. */
	public static final String AUDIENCE = "dealerdesk-api";

	public static final String READ_SCOPE = "dealerdesk.read";

	public static final String WRITE_SCOPE = "dealerdesk.write";

	private static final KeyPair KEY = newKey();

	private TestTokens() {
	}

	public static RSAPublicKey publicKey() {
		return (RSAPublicKey) KEY.getPublic();
	}

	public static String tokenFor(TestUser user) {
		return token(user).sign();
	}

	/** A valid token that expires at the given instant. */
	public static String tokenFor(TestUser user, Instant expiresAt) {
		return token(user).expiresAt(expiresAt).sign();
	}

	/** A token signed by a key the API does not trust. */
	public static String forgedTokenFor(TestUser user) {
		return token(user).signedWith(newKey()).sign();
	}

	public static String expiredTokenFor(TestUser user) {
		return token(user).expiresAt(Instant.now().minusSeconds(600)).sign();
	}

	/** Valid only from ten minutes from now ({@code nbf}). */
	public static String notYetValidTokenFor(TestUser user) {
		return token(user).notBefore(Instant.now().plusSeconds(600)).sign();
	}

	/** A client-credentials style token requested without any scope. */
	public static String noScopeTokenFor(TestUser user) {
		return token(user).scopes().sign();
	}

	public static String readOnlyTokenFor(TestUser user) {
		return token(user).scopes(READ_SCOPE).sign();
	}

	/** Made by the trusted issuer for another API. */
	public static String wrongAudienceTokenFor(TestUser user) {
		return token(user).audience("another-api").sign();
	}

	/** Signed with the trusted key but naming another issuer. */
	public static String wrongIssuerTokenFor(TestUser user) {
		return token(user).issuer("https://other-idp.test.dealerdesk").sign();
	}

	/** Unsigned ({@code alg: none}), with claims that would otherwise pass. */
	public static String algNoneTokenFor(TestUser user) {
		return new PlainJWT(token(user).claims()).serialize();
	}

	/**
	 * HS256 with a key an attacker could guess: the trusted RSA public key's bytes, the
	 * classic algorithm-confusion attack.
	 */
	public static String hs256TokenFor(TestUser user) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test").build(),
					token(user).claims());
			jwt.sign(new MACSigner(publicKey().getEncoded()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token for the user, to adjust before {@link Token#sign()}: by default RS256 with
	 * the test key, the test issuer, the API's audience, valid for ten minutes, with the
	 * user's scopes (read and write when the user names none).
	 */
	public static Token token(TestUser user) {
		return new Token(user);
	}

	/** A token being made; see {@link #token(TestUser)}. */
	public static final class Token {

		private final TestUser user;

		private String issuer = ISSUER;

		private String audience = AUDIENCE;

		private List<String> scopes;

		private Instant expiresAt = Instant.now().plusSeconds(600);

		private Instant notBefore;

		private String clientId;

		private KeyPair key = KEY;

		private Token(TestUser user) {
			this.user = user;
			this.scopes = user.scopes().isEmpty() ? List.of(READ_SCOPE, WRITE_SCOPE) : user.scopes();
		}

		public Token issuer(String issuer) {
			this.issuer = issuer;
			return this;
		}

		public Token audience(String audience) {
			this.audience = audience;
			return this;
		}

		public Token scopes(String... scopes) {
			this.scopes = List.of(scopes);
			return this;
		}

		public Token expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		public Token notBefore(Instant notBefore) {
			this.notBefore = notBefore;
			return this;
		}

		/** The OAuth2 client the token was issued to ({@code azp}). */
		public Token client(String clientId) {
			this.clientId = clientId;
			return this;
		}

		private Token signedWith(KeyPair key) {
			this.key = key;
			return this;
		}

		JWTClaimsSet claims() {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.issuer)
				.subject(this.user.subject())
				.audience(this.audience)
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(Instant.now().minusSeconds(5)))
				.expirationTime(Date.from(this.expiresAt))
				.claim("name", this.user.name())
				.claim("roles", this.user.roles())
				.claim("scope", String.join(" ", this.scopes));
			if (this.notBefore != null) {
				claims.notBeforeTime(Date.from(this.notBefore));
			}
			if (this.clientId != null) {
				claims.claim("azp", this.clientId);
			}
			if (this.user.partnerId() != null) {
				claims.claim("partner_id", this.user.partnerId().toString());
			}
			return claims.build();
		}

		public String sign() {
			try {
				SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
						claims());
				jwt.sign(new RSASSASigner((RSAPrivateKey) this.key.getPrivate()));
				return jwt.serialize();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * The API's decoder with the production checks ({@link TokenProperties}: algorithms,
	 * issuer, audience, times), trusting the test key instead of the issuer's published
	 * keys.
	 */
	public static ReactiveJwtDecoder decoder(RSAPublicKey key, TokenProperties tokens, Clock clock) {
		RSAKey jwk = new RSAKey.Builder(key).keyID("test").build();
		Set<JWSAlgorithm> allowed = tokens.signatureAlgorithms()
			.stream()
			.map(algorithm -> JWSAlgorithm.parse(algorithm.getName()))
			.collect(Collectors.toSet());
		// this builder takes one algorithm; the production decoder (issuer) takes a set
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> Flux.just(jwk))
			.jwtProcessorCustomizer(processor -> processor
				.setJWSKeySelector(new JWSVerificationKeySelector<>(allowed, new JWKSecurityContextJWKSet())))
			.build();
		decoder.setJwtValidator(tokens.validator(ISSUER, clock));
		return decoder;
	}

	private static KeyPair newKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A caller of the API in tests; no {@code scopes} means the default, read and write.
	 */
	public record TestUser(String subject, String name, List<String> roles, UUID partnerId, List<String> scopes) {

		public static TestUser of(String subject, String role) {
			return new TestUser(subject, subject, List.of(role), null, List.of());
		}

	}

}
