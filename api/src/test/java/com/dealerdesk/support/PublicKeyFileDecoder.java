package com.dealerdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

import com.dealerdesk.platform.security.TokenProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * For an API started in a process of its own by a test ({@link OtherInstances}): trusts
 * the test run's key, handed over as a public-key PEM file, in place of the issuer's
 * (which the test issuer does not serve).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PublicKeyFileDecoder {

	@Bean
	@Primary
	ReactiveJwtDecoder testJwtDecoder(@Value("${dealerdesk.test.jwt-public-key-file}") Path pem, TokenProperties tokens,
			Clock clock) {
		try {
			String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
			RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
			return TestTokens.decoder(key, tokens, clock);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
