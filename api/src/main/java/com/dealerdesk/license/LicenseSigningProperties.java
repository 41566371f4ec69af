package com.dealerdesk.license;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Ed25519 key that signs license files comes from. Production sets
 * {@code privateKey} or {@code privateKeyFile} and turns {@code generateDevelopmentKey}
 * off; a local run makes a key on first start and keeps it in the development key file.
 *
 * @param privateKey the private key as PKCS#8 PEM text, e.g. from an environment variable
 * @param privateKeyFile a file holding the private key as PKCS#8 PEM
 * @param developmentKeyFile where the generated development key is kept between starts
 * @param generateDevelopmentKey whether to make (or reuse) a development key when no key
 * is configured; when off, a missing key stops the start
 */
@ConfigurationProperties("dealerdesk.licensing")
public record LicenseSigningProperties(String privateKey, Path privateKeyFile, Path developmentKeyFile,
		boolean generateDevelopmentKey) {

	public LicenseSigningProperties {
		// An unset environment placeholder arrives as an empty value: read it as "not
		// set"
		privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey;
		privateKeyFile = privateKeyFile == null || privateKeyFile.toString().isBlank() ? null : privateKeyFile;
		developmentKeyFile = developmentKeyFile == null || developmentKeyFile.toString().isBlank()
				? Path.of(".dealerdesk-data", "license-signing-key.pem") : developmentKeyFile;
	}

}
