package com.dealerdesk;

import com.dealerdesk.devidp.DevIdentityProvider;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The DealerDesk API: a reactive GraphQL server.
 *
 * <p>
 * When no OpenID Connect issuer is configured, {@code main} first starts the bundled
 * development identity provider ({@link DevIdentityProvider}) in its own servlet context,
 * so that one command gives a newcomer a working login. {@code --idp-only} runs just that
 * provider (used by docker-compose).
 */
@SpringBootApplication
@ComponentScan(
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.dealerdesk\\.devidp\\..*"))
public class DealerDeskApplication {

	public static void main(String[] args) {
		if (DevIdentityProvider.isIdpOnly(args)) {
			DevIdentityProvider.run(args);
			return;
		}
		if (DevIdentityProvider.shouldStartAlongsideApi()) {
			DevIdentityProvider.run(args);
		}
		SpringApplication.run(DealerDeskApplication.class, args);
	}

}
