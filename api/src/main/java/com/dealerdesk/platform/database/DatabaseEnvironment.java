package com.dealerdesk.platform.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code DATABASE_URL} ({@code postgresql://user:password@host:port/database}) into
 * the R2DBC and Flyway settings, before any bean is created. Explicit
 * {@code spring.r2dbc.url} settings are used as given when {@code DATABASE_URL} is not
 * set. With neither, the start stops ({@code RequiredSettings}); only the development jar
 * and the tests fill the gap, with an embedded PostgreSQL.
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor {

	private static final String SOURCE_NAME = "dealerdeskDatabase";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (environment.getPropertySources().contains(SOURCE_NAME) || databaseUrl == null || databaseUrl.isBlank()) {
			return;
		}
		environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, fromDatabaseUrl(databaseUrl)));
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
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.r2dbc.url", "r2dbc:postgresql://" + hostAndDatabase);
		properties.put("spring.r2dbc.username", user);
		properties.put("spring.r2dbc.password", password);
		properties.put("spring.flyway.url", "jdbc:postgresql://" + hostAndDatabase);
		properties.put("spring.flyway.user", user);
		properties.put("spring.flyway.password", password);
		return properties;
	}

}
