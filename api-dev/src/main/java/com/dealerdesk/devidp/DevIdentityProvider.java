package com.dealerdesk.devidp;

import reactor.core.publisher.Hooks;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A development OpenID Connect provider (Spring Authorization Server) with the demo users
 * and clients, so that DealerDesk runs with real logins and no outside service. It runs
 * in its own servlet context: beside the API in the development jar's JVM, or alone with
 * {@code --idp-only} (docker-compose). It is not in the production jar, which must be
 * pointed at an OIDC provider ({@code DEALERDESK_OIDC_ISSUER}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.metrics.ConnectionPoolMetricsAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
		"org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration",
		"org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration",
		"org.springframework.boot.graphql.autoconfigure.security.GraphQlWebMvcSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration" })
@Import(DevIdentityProviderConfig.class)
public class DevIdentityProvider {

	private static final String IDP_ONLY = "--idp-only";

	public static boolean isIdpOnly(String[] args) {
		for (String arg : args) {
			if (IDP_ONLY.equals(arg)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs beside the API unless an external issuer is configured or it is switched off.
	 */
	public static boolean shouldStartAlongsideApi() {
		String issuer = System.getenv("DEALERDESK_OIDC_ISSUER");
		String enabled = System.getenv().getOrDefault("DEALERDESK_DEV_IDP", "true");
		return (issuer == null || issuer.isBlank()) && Boolean.parseBoolean(enabled);
	}

	/**
	 * The key Spring Security's SecurityReactorContextConfiguration registers its hook
	 * under.
	 */
	private static final String SERVLET_SECURITY_CONTEXT_HOOK = "org.springframework.security.SECURITY_REACTOR_CONTEXT_OPERATOR";

	public static ConfigurableApplicationContext run(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DevIdentityProvider.class)
			.web(WebApplicationType.SERVLET)
			.properties("spring.config.name=devidp", "dealerdesk.embedded-postgres.enabled=false")
			.run(args);
		// Servlet security (with WebFlux on the classpath) hooks every Reactor operator
		// of
		// the JVM to carry its servlet security context into WebClient calls, which this
		// provider never makes; in the API beside it the hook cost a fifth of the CPU per
		// request (docs/performance.md, "CPU per request")
		Hooks.resetOnLastOperator(SERVLET_SECURITY_CONTEXT_HOOK);
		return context;
	}

}
