package com.dealerdesk.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * Which tokens the API accepts, beyond a valid signature of the issuer's key: made for
 * this API (audience), signed with an allowed algorithm, within their validity, and which
 * scopes let a caller read and write.
 *
 * @param audiences a token's {@code aud} must name at least one of these
 * @param algorithms JWS algorithms accepted (never {@code none} nor a shared-secret HS*
 * algorithm: the issuer's public keys verify the signature)
 * @param clockSkew how far the issuer's clock may be off ours, for {@code exp} and
 * {@code nbf}
 * @param readScope the token scope that grants reading: queries and subscriptions
 * @param writeScope the token scope that grants writing: mutations
 */
@ConfigurationProperties("dealerdesk.security.tokens")
public record TokenProperties(List<String> audiences, List<String> algorithms, Duration clockSkew, String readScope,
		String writeScope) {

	public TokenProperties {
		audiences = audiences != null ? List.copyOf(audiences) : List.of("dealerdesk-api");
		algorithms = algorithms != null && !algorithms.isEmpty() ? List.copyOf(algorithms) : List.of("RS256", "ES256");
		clockSkew = clockSkew != null ? clockSkew : Duration.ofSeconds(30);
		readScope = readScope != null ? readScope : AccessPolicy.READ_SCOPE;
		writeScope = writeScope != null ? writeScope : AccessPolicy.WRITE_SCOPE;
		for (String algorithm : algorithms) {
			if (SignatureAlgorithm.from(algorithm) == null) {
				// HS256/384/512 are MAC algorithms, not signatures: refused here too
				throw new IllegalArgumentException("dealerdesk.security.tokens.algorithms: " + algorithm
						+ " is not an asymmetric JWS signature algorithm (e.g. RS256, ES256, PS256).");
			}
		}
		if (audiences.isEmpty()) {
			throw new IllegalArgumentException(
					"dealerdesk.security.tokens.audiences: name the audience the identity provider puts into tokens for this API.");
		}
	}

	/** The allowed algorithms, for the decoder. */
	public Set<SignatureAlgorithm> signatureAlgorithms() {
		Set<SignatureAlgorithm> allowed = new LinkedHashSet<>();
		this.algorithms.forEach(algorithm -> allowed.add(SignatureAlgorithm.from(algorithm)));
		return allowed;
	}

	/**
	 * Spring Security's own checks, configured: issuer, expiry and not-before with the
	 * clock skew by the application's clock, the token type, and the audience.
	 */
	public OAuth2TokenValidator<Jwt> validator(String issuer, Clock clock) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtIssuerValidator(issuer));
		JwtTimestampValidator times = new JwtTimestampValidator(this.clockSkew);
		times.setClock(clock);
		validators.add(times);
		validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
				aud -> aud != null && aud.stream().anyMatch(this.audiences::contains)));
		return JwtValidators.createDefaultWithValidators(validators);
	}

	/**
	 * The scopes as the rest of the API knows them: the configured read and write scopes
	 * become {@link AccessPolicy#READ_SCOPE} and {@link AccessPolicy#WRITE_SCOPE}; others
	 * pass unchanged.
	 */
	Set<String> canonical(Collection<String> tokenScopes) {
		Set<String> scopes = new LinkedHashSet<>();
		for (String scope : tokenScopes) {
			scopes.add(scope.equals(this.readScope) ? AccessPolicy.READ_SCOPE
					: scope.equals(this.writeScope) ? AccessPolicy.WRITE_SCOPE : scope);
		}
		return scopes;
	}

}
