package com.dealerdesk.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WebhookUrlsTest {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
			"100.64.0.1", "100.127.255.254", "169.254.169.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
			"fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1" })
	void refusesInternalAddresses(String address) throws UnknownHostException {
		assertThat(WebhookUrls.isPrivate(InetAddress.getByName(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:db8::1", "2606:4700::1111" })
	void acceptsPublicAddresses(String address) throws UnknownHostException {
		assertThat(WebhookUrls.isPrivate(InetAddress.getByName(address))).isFalse();
	}

	@Test
	void refusesPlainHttpUnlessTheOperatorAllowsIt() {
		UserErrorsException refused = catchThrowableOfType(UserErrorsException.class,
				() -> WebhookUrls.parse("http://203.0.113.10/hooks", false));
		assertThat(refused.errors()).singleElement().satisfies(error -> {
			assertThat(error.code()).isEqualTo(UserErrorCode.INVALID_VALUE);
			assertThat(error.message()).isEqualTo("Must use https.");
		});
		assertThat(WebhookUrls.parse("http://203.0.113.10/hooks", true))
			.isEqualTo(URI.create("http://203.0.113.10/hooks"));
	}

}
