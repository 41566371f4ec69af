package com.dealerdesk.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production jar refuses to start without a database and an issuer. */
class RequiredSettingsTest {

	@Test
	void namesEveryMissingSetting() {
		assertThatThrownBy(() -> check(new MockEnvironment()))
			.isInstanceOf(RequiredSettings.MissingSettingsException.class)
			.hasMessage(RequiredSettings.NO_DATABASE + "\n" + RequiredSettings.NO_ISSUER);
	}

	@Test
	void namesTheIssuerWhenOnlyTheDatabaseIsSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.r2dbc.url",
				"r2dbc:postgresql://db:5432/dealerdesk");
		assertThatThrownBy(() -> check(environment)).hasMessage(RequiredSettings.NO_ISSUER);
	}

	@Test
	void startsWithBoth() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.r2dbc.url", "r2dbc:postgresql://db:5432/dealerdesk")
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://login.example.com");
		assertThatCode(() -> check(environment)).doesNotThrowAnyException();
	}

	private static void check(MockEnvironment environment) {
		RequiredSettings.requireSettings(environment).postProcessBeanFactory(new DefaultListableBeanFactory());
	}

}
