package com.dealerdesk.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Real RS256 JWTs signed by a key made for this test run; the API under test trusts its
 * public half.
 */
public final class TestTokens {

	public static final String ISSUER = "https://idp.test.dealerdesk";

	private static final KeyPair KEY = newKey();

	private TestTokens() {
	}

	public static RSAPublicKey publicKey() {
		return (RSAPublicKey) KEY.getPublic();
	}

	public static String tokenFor(TestUser user) {
		return sign(user, KEY, Instant.now().plusSeconds(600));
	}

	/** A valid token that expires at the given instant. */
	public static String tokenFor(TestUser user, Instant expiresAt) {
		return sign(user, KEY, expiresAt);
	}

	/** A token signed by a key the API does not trust. */
	public static String forgedTokenFor(TestUser user) {
		return sign(user, newKey(), Instant.now().plusSeconds(600));
	}

	public static String expiredTokenFor(TestUser user) {
		return sign(user, KEY, Instant.now().minusSeconds(600));
	}

	private static String sign(TestUser user, KeyPair key, Instant expiresAt) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(user.subject())
			.issueTime(Date.from(Instant.now().minusSeconds(5)))
			.expirationTime(Date.from(expiresAt))
			.claim("name", user.name())
			.claim("roles", user.roles())
			.claim("scope", String.join(" ", user.scopes()));
		if (user.partnerId() != null) {
			claims.claim("partner_id", user.partnerId().toString());
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
					claims.build());
			jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
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

	/** A caller of the API in tests. */
	public record TestUser(String subject, String name, List<String> roles, UUID partnerId, List<String> scopes) {

		public static TestUser of(String subject, String role) {
			return new TestUser(subject, subject, List.of(role), null, List.of());
		}

	}

}
