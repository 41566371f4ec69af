package com.dealerdesk.embeddedpostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) inside the JVM when no database
 * is configured, so that a newcomer needs nothing installed and the tests need no server.
 * It only exists where this module is on the classpath: the development jar and the API's
 * tests, never the production jar.
 *
 * <p>
 * It runs when neither {@code DATABASE_URL} nor {@code spring.r2dbc.url} is set and
 * {@code dealerdesk.embedded-postgres.enabled} is not {@code false}, and answers with a
 * {@code DATABASE_URL}: the API's own {@code DatabaseEnvironment} turns that into the
 * R2DBC and Flyway settings, as for any external server. The data stays in
 * {@code dealerdesk.embedded-postgres.data-dir} (default
 * {@code .dealerdesk-data/postgres} under the working directory).
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	private static final String SOURCE_NAME = "dealerdeskEmbeddedPostgres";

	/** Before the API's {@code DatabaseEnvironment}, which reads the URL set here. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (environment.getPropertySources().contains(SOURCE_NAME) || (databaseUrl != null && !databaseUrl.isBlank())
				|| environment.containsProperty("spring.r2dbc.url")
				|| !environment.getProperty("dealerdesk.embedded-postgres.enabled", Boolean.class, true)) {
			return;
		}
		String dataDir = environment.getProperty("dealerdesk.embedded-postgres.data-dir", ".dealerdesk-data/postgres");
		int port = environment.getProperty("dealerdesk.embedded-postgres.port", Integer.class, 0);
		boolean throwaway = environment.getProperty("dealerdesk.embedded-postgres.throwaway", Boolean.class, false);
		EmbeddedPostgres postgres = EmbeddedDatabase.start(Path.of(dataDir).toAbsolutePath(), port, throwaway);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(SOURCE_NAME, Map.of("DATABASE_URL",
					"postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/postgres")));
	}

	/** One embedded server per JVM and data directory, stopped when the JVM exits. */
	static final class EmbeddedDatabase {

		private static final Map<Path, EmbeddedPostgres> RUNNING = new LinkedHashMap<>();

		private EmbeddedDatabase() {
		}

		/**
		 * @param throwaway start from an empty directory and delete it on exit (tests)
		 */
		static synchronized EmbeddedPostgres start(Path dataDir, int port, boolean throwaway) {
			return RUNNING.computeIfAbsent(dataDir, dir -> {
				try {
					Files.createDirectories(dir);
					return EmbeddedPostgres.builder()
						.setDataDirectory(dir)
						.setCleanDataDirectory(throwaway)
						.setPort(port)
						// Unicode-aware lower() and ILIKE for every language, independent
						// of OS locales
						.setLocaleConfig("locale-provider", "builtin")
						.setLocaleConfig("builtin-locale", "C.UTF-8")
						.setLocaleConfig("encoding", "UTF8")
						.setServerConfig("max_connections", "100")
						.start();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
				}
			});
		}

	}

}
