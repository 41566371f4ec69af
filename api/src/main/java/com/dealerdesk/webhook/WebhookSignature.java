package com.dealerdesk.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code DealerDesk-Signature} header: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>]},
 * each {@code v1} the HMAC-SHA256 of {@code t + "." + body} keyed with the UTF-8 bytes of
 * a signing secret (the whole {@code whsec_…} text). During a rotation's overlap the
 * previous secret signs too, so a receiver that still holds it keeps verifying
 * (docs/webhooks.md).
 */
final class WebhookSignature {

	static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	/**
	 * A new signing secret: 32 random bytes, base64url, with the {@code whsec_} prefix.
	 */
	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The secrets that sign: the current one, and the previous one while it overlaps. */
	static List<String> secrets(String current, String previousStillSigning) {
		return previousStillSigning == null ? List.of(current) : List.of(current, previousStillSigning);
	}

	/**
	 * @param secrets the current secret first, then the previous one while it still signs
	 */
	static String header(long timestamp, String body, List<String> secrets) {
		StringBuilder header = new StringBuilder("t=").append(timestamp);
		for (String secret : secrets) {
			header.append(",v1=").append(hmac(secret, timestamp + "." + body));
		}
		return header.toString();
	}

	private static String hmac(String secret, String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
