package com.dealerdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.dealerdesk.DealerDeskApplication;
import org.awaitility.Awaitility;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * More API instances on the test database, for tests of what happens across instances and
 * to an instance that dies: another application context in this JVM, or the API in a
 * process of its own that a test can kill with SIGKILL. Both trust the test key.
 */
public final class OtherInstances {

	private OtherInstances() {
	}

	/** The test database as {@code DATABASE_URL}, read from the tests' own instance. */
	public static String databaseUrl(Environment environment) {
		String jdbc = environment.getRequiredProperty("spring.flyway.url");
		return "postgresql://" + environment.getRequiredProperty("spring.flyway.user") + ":"
				+ environment.getProperty("spring.flyway.password", "") + "@"
				+ jdbc.substring("jdbc:postgresql://".length());
	}

	/** A second instance in this JVM on a random port; close it when done. */
	public static ConfigurableApplicationContext startInThisJvm(Environment environment) {
		// as arguments: they outrank application.yml, whose server.port is 8080
		return new SpringApplicationBuilder(DealerDeskApplication.class, TestApiConfig.class).run(
				"--DATABASE_URL=" + databaseUrl(environment), "--server.port=0",
				"--dealerdesk.embedded-postgres.enabled=false", "--spring.flyway.enabled=false",
				"--spring.graphql.graphiql.enabled=false", "--DEALERDESK_OIDC_ISSUER=" + TestTokens.ISSUER,
				"--dealerdesk.licensing.development-key-file="
						+ environment.getRequiredProperty("dealerdesk.licensing.development-key-file"));
	}

	public static int portOf(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** The API in a JVM of its own, on the test database, listening on {@code port}. */
	public static Process startProcess(Environment environment, int port, Path workDir) {
		try {
			Files.createDirectories(workDir);
			Path key = workDir.resolve("test-issuer.pem");
			Files
				.writeString(key,
						"-----BEGIN PUBLIC KEY-----\n"
								+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
									.encodeToString(TestTokens.publicKey().getEncoded())
								+ "\n-----END PUBLIC KEY-----\n");
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
					"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
					DealerDeskApplication.class.getName(), "--server.port=" + port, "--management.server.port=0",
					"--dealerdesk.embedded-postgres.enabled=false", "--spring.flyway.enabled=false",
					"--spring.main.banner-mode=off", "--spring.main.sources=" + PublicKeyFileDecoder.class.getName(),
					"--dealerdesk.test.jwt-public-key-file=" + key, "--dealerdesk.licensing.development-key-file="
							+ environment.getRequiredProperty("dealerdesk.licensing.development-key-file")));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(workDir.resolve("api.log").toFile());
			builder.environment().put("DATABASE_URL", databaseUrl(environment));
			builder.environment().put("DEALERDESK_OIDC_ISSUER", TestTokens.ISSUER);
			Process process = builder.start();
			WebClient client = WebClient.create("http://localhost:" + port);
			Awaitility.await()
				.atMost(Duration.ofMinutes(3))
				.ignoreExceptions()
				.until(() -> !process.isAlive() || "UP".equals(client.get()
					.uri("/readyz")
					.retrieve()
					.bodyToMono(Map.class)
					.map(health -> health.get("status"))
					.block(Duration.ofSeconds(5))));
			if (!process.isAlive()) {
				throw new IllegalStateException("The API process ended at start; see " + workDir.resolve("api.log"));
			}
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A port nothing listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
