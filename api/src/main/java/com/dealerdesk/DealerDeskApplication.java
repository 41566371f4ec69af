package com.dealerdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The DealerDesk API: a reactive GraphQL server. It needs a PostgreSQL
 * ({@code DATABASE_URL}) and an OpenID Connect issuer ({@code DEALERDESK_OIDC_ISSUER});
 * the development jar ({@code api-dev}) starts it with local stand-ins for both.
 */
@SpringBootApplication
public class DealerDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(DealerDeskApplication.class, args);
	}

}
