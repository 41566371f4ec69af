package com.dealerdesk.platform.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check for the API's image, which has no shell and no curl (ADR
 * 0036): exits 0 when the URL (by default the readiness probe) answers 200, 1 otherwise.
 * {@code java -cp @/app/jib-classpath-file com.dealerdesk.platform.observability.HealthProbe}
 */
public final class HealthProbe {

	private HealthProbe() {
	}

	public static void main(String[] args) throws InterruptedException {
		String url = (args.length > 0) ? args[0]
				: "http://localhost:" + System.getenv().getOrDefault("PORT", "8080") + "/readyz";
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			int status = client
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
			System.exit((status == 200) ? 0 : 1);
		}
		catch (IOException ex) {
			System.exit(1);
		}
	}

}
