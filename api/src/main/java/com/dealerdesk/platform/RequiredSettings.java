package com.dealerdesk.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Stops the API's start, before any bean is made, when a setting that has no safe default
 * is missing: which database, which identity provider to trust, and the key that signs
 * license files. The production jar never falls back to an embedded database, a local
 * identity provider or a generated signing key; the development jar ({@code api-dev})
 * sets all three for the API.
 */
@Configuration(proxyBeanMethods = false)
class RequiredSettings {

	static final String NO_DATABASE = "No database configured: set DATABASE_URL=postgresql://user:password@host:5432/database (or spring.r2dbc.url with spring.flyway.url).";

	static final String NO_ISSUER = "No identity provider configured: set DEALERDESK_OIDC_ISSUER to the issuer URL of your OpenID Connect provider (the iss of its tokens, e.g. https://login.example.com/realms/dealerdesk).";

	static final String NO_LICENSE_SIGNING_KEY = "No license signing key configured: set DEALERDESK_LICENSING_PRIVATE_KEY_FILE to an Ed25519 private key in a PKCS#8 PEM file (openssl genpkey -algorithm ed25519), or DEALERDESK_LICENSING_PRIVATE_KEY to its PEM text; see docs/licensing.md.";

	@Bean
	static BeanFactoryPostProcessor requireSettings(Environment environment) {
		return beanFactory -> {
			List<String> missing = new ArrayList<>();
			if (!StringUtils.hasText(environment.getProperty("spring.r2dbc.url"))) {
				missing.add(NO_DATABASE);
			}
			if (!StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))) {
				missing.add(NO_ISSUER);
			}
			if (!StringUtils.hasText(environment.getProperty("dealerdesk.licensing.private-key"))
					&& !StringUtils.hasText(environment.getProperty("dealerdesk.licensing.private-key-file"))
					&& !environment.getProperty("dealerdesk.licensing.generate-development-key", Boolean.class,
							false)) {
				missing.add(NO_LICENSE_SIGNING_KEY);
			}
			if (!missing.isEmpty()) {
				throw new MissingSettingsException(missing);
			}
		};
	}

	static class MissingSettingsException extends RuntimeException {

		MissingSettingsException(List<String> missing) {
			super(String.join("\n", missing));
		}

	}

	/**
	 * Reports the missing settings as Spring Boot's start failure report, without a stack
	 * trace.
	 */
	static class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
			return new FailureAnalysis(cause.getMessage(),
					"Set the variables above (docs/operations.md lists every setting). To run DealerDesk locally "
							+ "with an embedded PostgreSQL and the development identity provider, use ./dealerdesk run.",
					cause);
		}

	}

}
