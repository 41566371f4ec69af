package com.dealerdesk.platform.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The {@code error_description} of a refused token's {@code WWW-Authenticate}: a fixed
 * text, so that the decoder's and validators' own texts (which name the library, the
 * claim values and the times) stay out of the response. A disabled account keeps its own
 * description, which DealerDesk wrote for the caller.
 */
final class RefusedTokens {

	static final String INVALID = "The access token is not valid for this API: it is expired or not yet valid, "
			+ "not signed by the trusted issuer with an allowed algorithm, or made for another audience.";

	private RefusedTokens() {
	}

	/** The description for a refused token, or {@code null} for none (no token sent). */
	static String description(AuthenticationException refusal) {
		if (refusal instanceof ActorAuthenticationConverter.AccountRefused) {
			return refusal.getMessage();
		}
		if (refusal instanceof OAuth2AuthenticationException oauth
				&& OAuth2ErrorCodes.INVALID_TOKEN.equals(oauth.getError().getErrorCode())) {
			return INVALID;
		}
		return null;
	}

}
