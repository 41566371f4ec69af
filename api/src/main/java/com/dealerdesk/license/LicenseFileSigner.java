package com.dealerdesk.license;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs license files and checks them: compact JWS (RFC 7515) with EdDSA over Ed25519
 * (RFC 8037), so a customer can verify a file offline with nothing but our public key.
 * See docs/licensing.md.
 */
@Component
public class LicenseFileSigner {

	static final String ALG = "EdDSA";

	static final String TYP = "dealerdesk-license+jws";

	/** A license file is a few hundred bytes; anything near this is not one of ours. */
	static final int MAX_LENGTH = 16 * 1024;

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

	/**
	 * Our own mapper, not the application's: the file format must not change when someone
	 * tunes the API's JSON settings. Map entries keep their order, duplicate keys are
	 * refused.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private final String keyId;

	private final String encodedHeader;

	@Autowired
	public LicenseFileSigner(LicenseSigningProperties properties) {
		this(SigningKeys.resolve(properties));
	}

	/** A signer with a key pair at hand, e.g. in a test. */
	public LicenseFileSigner(KeyPair keys) {
		this.privateKey = keys.getPrivate();
		this.publicKey = keys.getPublic();
		this.keyId = thumbprint(SigningKeys.rawPublicKey(this.publicKey));
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", ALG);
		header.put("typ", TYP);
		header.put("kid", this.keyId);
		this.encodedHeader = BASE64URL.encodeToString(JSON.writeValueAsBytes(header));
	}

	/**
	 * The claims as a signed license file. Values may be strings, numbers, booleans, null
	 * and maps or lists of these; they are written in the map's order.
	 */
	public String sign(Map<String, Object> claims) {
		checkJson(claims);
		String signingInput = this.encodedHeader + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
		try {
			Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
			signature.initSign(this.privateKey);
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + BASE64URL.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a license file", ex);
		}
	}

	/** Checks a license file; never throws. */
	public Verification verify(String compact) {
		try {
			return check(compact);
		}
		catch (RuntimeException ex) {
			return new Verification.Malformed();
		}
	}

	private Verification check(String compact) {
		if (compact == null) {
			return new Verification.Malformed();
		}
		String text = compact.strip();
		if (text.length() > MAX_LENGTH) {
			return new Verification.Malformed();
		}
		String[] parts = text.split("\\.", -1);
		if (parts.length != 3) {
			return new Verification.Malformed();
		}
		byte[] header = decode(parts[0]);
		byte[] payload = decode(parts[1]);
		byte[] signatureBytes = decode(parts[2]);
		if (header == null || payload == null || signatureBytes == null || signatureBytes.length != 64) {
			return new Verification.Malformed();
		}
		Map<String, Object> headerFields = object(header);
		if (headerFields == null || !ALG.equals(headerFields.get("alg")) || !TYP.equals(headerFields.get("typ"))
				|| headerFields.containsKey("crit")) {
			// "crit" names extensions a verifier must understand (RFC 7515 4.1.11): we
			// know none
			return new Verification.Malformed();
		}
		if (!this.keyId.equals(headerFields.get("kid")) || !signatureMatches(parts, signatureBytes)) {
			return new Verification.BadSignature();
		}
		Map<String, Object> claims = object(payload);
		return claims != null ? new Verification.Genuine(Collections.unmodifiableMap(claims))
				: new Verification.Malformed();
	}

	private boolean signatureMatches(String[] parts, byte[] signatureBytes) {
		try {
			Signature signature = Signature.getInstance(SigningKeys.ALGORITHM);
			signature.initVerify(this.publicKey);
			signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * The RFC 7638 JWK thumbprint of the public key; names the key in every file's "kid".
	 */
	public String keyId() {
		return this.keyId;
	}

	/** The public key as X.509 SubjectPublicKeyInfo PEM, for verifying files offline. */
	public String publicKeyPem() {
		return SigningKeys.publicKeyPem(this.publicKey);
	}

	static String thumbprint(byte[] rawPublicKey) {
		// The required members in lexicographic order, no whitespace (RFC 7638 3.2)
		String jwk = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + BASE64URL.encodeToString(rawPublicKey) + "\"}";
		try {
			return BASE64URL
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Base64url without padding, in its one canonical spelling: the JDK's decoder ignores
	 * the unused low bits of the last character, so without the round trip a changed
	 * character could still verify.
	 */
	private static byte[] decode(String part) {
		if (part.isEmpty() || part.indexOf('=') >= 0) {
			return null;
		}
		try {
			byte[] bytes = BASE64URL_DECODER.decode(part);
			return BASE64URL.encodeToString(bytes).equals(part) ? bytes : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(byte[] json) {
		Object value = JSON.readValue(json, Object.class);
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
	}

	/** Only what JSON can say, so that every file reads back exactly as it was signed. */
	private static void checkJson(Object value) {
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!(entry.getKey() instanceof String)) {
					throw new IllegalArgumentException("License claim names must be strings: " + entry.getKey());
				}
				checkJson(entry.getValue());
			}
		}
		else if (value instanceof List<?> list) {
			list.forEach(LicenseFileSigner::checkJson);
		}
		else if (value != null && !(value instanceof String) && !(value instanceof Number)
				&& !(value instanceof Boolean)) {
			throw new IllegalArgumentException("Not a JSON value in license claims: " + value.getClass().getName());
		}
	}

	/** What {@link #verify(String)} found. */
	public sealed interface Verification {

		/**
		 * Signed by our key: the claims, in the file's order. Numbers come back in the
		 * smallest type that holds them (Integer, Long, BigInteger; Double for
		 * fractions).
		 */
		record Genuine(Map<String, Object> claims) implements Verification {
		}

		/** Not a license file at all: wrong shape, encoding, JSON or algorithm. */
		record Malformed() implements Verification {
		}

		/** A well-formed file, but not signed by our current key, or altered. */
		record BadSignature() implements Verification {
		}

	}

}
