package com.dealerdesk.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production jar refuses to start without a database, an issuer and a license signing
 * key.
 */
class RequiredSettingsTest {

	@Test
	void namesEveryMissingSetting() {
		assertThatThrownBy(() -> check(new MockEnvironment()))
			.isInstanceOf(RequiredSettings.MissingSettingsException.class)
			.hasMessage(RequiredSettings.NO_DATABASE + "\n" + RequiredSettings.NO_ISSUER + "\n"
					+ RequiredSettings.NO_LICENSE_SIGNING_KEY);
	}

	@Test
	void namesTheIssuerWhenOnlyTheDatabaseIsSet() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.r2dbc.url", "r2dbc:postgresql://db:5432/dealerdesk")
			.withProperty("dealerdesk.licensing.private-key-file", "/etc/dealerdesk/license-signing-key.pem");
		assertThatThrownBy(() -> check(environment)).hasMessage(RequiredSettings.NO_ISSUER);
	}

	@Test
	void refusesToGenerateASigningKeyUnlessToldTo() {
		// the production defaults: an empty key and no development key
		MockEnvironment environment = databaseAndIssuer().withProperty("dealerdesk.licensing.private-key", "")
			.withProperty("dealerdesk.licensing.private-key-file", "")
			.withProperty("dealerdesk.licensing.generate-development-key", "false");
		assertThatThrownBy(() -> check(environment)).hasMessage(RequiredSettings.NO_LICENSE_SIGNING_KEY);
	}

	@Test
	void startsWithADatabaseAnIssuerAndASigningKey() {
		assertThatCode(() -> check(
				databaseAndIssuer().withProperty("dealerdesk.licensing.private-key", "-----BEGIN PRIVATE KEY-----")))
			.doesNotThrowAnyException();
		assertThatCode(() -> check(databaseAndIssuer().withProperty("dealerdesk.licensing.private-key-file",
				"/etc/dealerdesk/license-signing-key.pem")))
			.doesNotThrowAnyException();
		assertThatCode(
				() -> check(databaseAndIssuer().withProperty("dealerdesk.licensing.generate-development-key", "true")))
			.as("the development jar")
			.doesNotThrowAnyException();
	}

	private static MockEnvironment databaseAndIssuer() {
		return new MockEnvironment().withProperty("spring.r2dbc.url", "r2dbc:postgresql://db:5432/dealerdesk")
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.example.com");
	}

	private static void check(MockEnvironment environment) {
		RequiredSettings.requireSettings(environment).postProcessBeanFactory(new DefaultListableBeanFactory());
	}

}
