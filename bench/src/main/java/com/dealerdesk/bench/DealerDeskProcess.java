package com.dealerdesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The development jar in a process of its own, on free ports and with its own data
 * directory, so that it needs neither the shared ports nor their lock: the API, its
 * embedded PostgreSQL (unless {@code DATABASE_URL} is given) and the development identity
 * provider, whose integration client (client credentials) signs the bench's tokens.
 */
public final class DealerDeskProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/**
	 * How long the jar may take to start: on shared cores under load its two contexts and
	 * the migrations of a fresh database took over 3 minutes.
	 */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

	private final Process process;

	private final int apiPort;

	private final int identityPort;

	private final int managementPort;

	private final String databaseUrl;

	/** From the process's start until /readyz and the identity provider answered. */
	private Duration startUp;

	/** The embedded PostgreSQL's data directory; null for a database of DATABASE_URL. */
	private final Path postgresDataDir;

	private DealerDeskProcess(Process process, int apiPort, int identityPort, int managementPort, String databaseUrl,
			Path postgresDataDir) {
		this.process = process;
		this.postgresDataDir = postgresDataDir;
		this.apiPort = apiPort;
		this.identityPort = identityPort;
		this.managementPort = managementPort;
		this.databaseUrl = databaseUrl;
	}

	public static DealerDeskProcess start(Path jar, Path dataDir, String databaseUrl)
			throws IOException, InterruptedException {
		return start(jar, dataDir, databaseUrl, List.of());
	}

	/**
	 * As above, with options for the API's JVM before {@code -jar}: system properties
	 * ({@code -Dname=value}) or a profiler's agent.
	 */
	public static DealerDeskProcess start(Path jar, Path dataDir, String databaseUrl, List<String> jvmOptions)
			throws IOException, InterruptedException {
		int apiPort = freePort();
		int identityPort = freePort();
		int managementPort = freePort();
		String database = databaseUrl;
		String issuer = "http://localhost:" + identityPort;
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		// the API trusts this run's identity provider; DEALERDESK_OIDC_ISSUER would keep
		// the provider from starting in the same JVM
		command.addAll(
				List.of("-Dspring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer, "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.remove("DEALERDESK_OIDC_ISSUER");
		env.put("PORT", Integer.toString(apiPort));
		// the actuator on a port of its own, free like the others
		env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
		env.put("DEALERDESK_IDP_PORT", Integer.toString(identityPort));
		env.put("DEALERDESK_IDP_ISSUER", issuer);
		env.put("DEALERDESK_DATA_DIR", dataDir.toString());
		env.put("DEALERDESK_GRAPHIQL_ENABLED", "false");
		if (database == null) {
			int postgresPort = freePort();
			env.put("DEALERDESK_EMBEDDED_POSTGRES_PORT", Integer.toString(postgresPort));
			database = "postgresql://postgres:postgres@localhost:" + postgresPort + "/postgres";
		}
		else {
			env.put("DATABASE_URL", database);
		}
		builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("api.log").toFile());
		long startNanos = System.nanoTime();
		DealerDeskProcess started = new DealerDeskProcess(builder.start(), apiPort, identityPort, managementPort,
				database, databaseUrl == null ? dataDir.resolve("postgres") : null);
		started.awaitHealthy(dataDir.resolve("api.log"));
		started.startUp = Duration.ofNanos(System.nanoTime() - startNanos);
		return started;
	}

	private void awaitHealthy(Path log) throws InterruptedException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The API stopped during its start; see " + log);
			}
			if (isUp(apiUri("/readyz")) && isUp(URI.create(issuer() + "/.well-known/openid-configuration"))) {
				return;
			}
			Thread.sleep(500);
		}
		close();
		throw new IllegalStateException(
				"The API did not come up within " + START_TIMEOUT.toMinutes() + " minutes; see " + log);
	}

	private static boolean isUp(URI uri) {
		try {
			return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** An access token of the demo integration client, which sees every event. */
	public String integrationToken() throws IOException, InterruptedException {
		String credentials = Base64.getEncoder()
			.encodeToString("integration:integration-secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("grant_type=client_credentials&scope=dealerdesk.read%20dealerdesk.write"))
			.build();
		String body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
		return JsonMapper.shared().readTree(body).path("access_token").asString();
	}

	public URI apiUri(String path) {
		return URI.create("http://localhost:" + this.apiPort + path);
	}

	public URI socketUri() {
		return URI.create("ws://localhost:" + this.apiPort + "/graphql-ws");
	}

	private String issuer() {
		return "http://localhost:" + this.identityPort;
	}

	/** {@code postgresql://user:password@host:port/database}, as DATABASE_URL. */
	public String databaseUrl() {
		return this.databaseUrl;
	}

	/** The API's process, for CPU accounting. */
	public ProcessHandle handle() {
		return this.process.toHandle();
	}

	/** From the process's start until it was ready. */
	public Duration startUp() {
		return this.startUp;
	}

	/**
	 * The most resident memory the API's process has had (VmHWM), in bytes; -1 where
	 * /proc does not tell.
	 */
	public long peakResidentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.process.pid()), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or the process is gone
		}
		return -1;
	}

	/**
	 * The JVM's heap in use now, from the actuator's Prometheus metrics; -1 when they are
	 * not served.
	 */
	public long heapUsedBytes() throws InterruptedException {
		try {
			String metrics = HTTP
				.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			double sum = metrics.lines()
				.filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
				.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
			return sum > 0 ? (long) sum : -1;
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * The embedded PostgreSQL's server process (its sessions are its children), for CPU
	 * accounting; empty for a database of DATABASE_URL.
	 */
	public Optional<ProcessHandle> postgres() {
		if (this.postgresDataDir == null) {
			return Optional.empty();
		}
		try {
			String pid = Files.readAllLines(this.postgresDataDir.resolve("postmaster.pid")).get(0).trim();
			return ProcessHandle.of(Long.parseLong(pid));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
