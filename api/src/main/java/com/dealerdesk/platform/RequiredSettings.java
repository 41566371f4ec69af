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
 * is missing: which database, and which identity provider to trust. The production jar
 * never falls back to an embedded database or a local identity provider; the development
 * jar ({@code api-dev}) sets both for the API.
 */
@Configuration(proxyBeanMethods = false)
class RequiredSettings {

	static final String NO_DATABASE = "No database configured: set DATABASE_URL=postgresql://user:password@host:5432/database (or spring.r2dbc.url with spring.flyway.url).";

	static final String NO_ISSUER = "No identity provider configured: set DEALERDESK_OIDC_ISSUER to the issuer URL of your OpenID Connect provider (the iss of its tokens, e.g. https://login.example.com/realms/dealerdesk).";

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
