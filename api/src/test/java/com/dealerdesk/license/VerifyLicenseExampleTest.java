package com.dealerdesk.license;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs docs/examples/VerifyLicense.java as a customer would (source-file mode of the
 * {@code java} launcher), so the documented example cannot rot.
 */
class VerifyLicenseExampleTest {

	/** Surefire runs in the api module; the docs are beside it. */
	private static final Path EXAMPLE = Path.of("..", "docs", "examples", "VerifyLicense.java").toAbsolutePath();

	private final LicenseFileSigner signer = new LicenseFileSigner(SigningKeys.generate());

	@Test
	void genuineCurrentFile(@TempDir Path dir) throws Exception {
		Map<String, Object> claims = LicenseFileSignerTest.claims();
		claims.put("endsOn", LocalDate.now().plusDays(30).toString());
		Result result = run(dir, this.signer.publicKeyPem(), this.signer.sign(claims));
		assertThat(result.status()).as(result.output()).isZero();
		assertThat(result.output()).contains("GENUINE", "signed by key " + this.signer.keyId(),
				"customer: Müller & Söhne GmbH", "productName: Point of Sale « Kasse » 收银",
				"sub: 7K2QH-9XJ4M-P0TRV-3ZC8W-E", "has not passed");
	}

	@Test
	void perpetualFile(@TempDir Path dir) throws Exception {
		Result result = run(dir, this.signer.publicKeyPem(), this.signer.sign(LicenseFileSignerTest.claims()));
		assertThat(result.status()).as(result.output()).isZero();
		assertThat(result.output()).contains("GENUINE", "endsOn: none (perpetual)");
	}

	@Test
	void expiredFile(@TempDir Path dir) throws Exception {
		Map<String, Object> claims = LicenseFileSignerTest.claims();
		claims.put("endsOn", "2020-12-31");
		Result result = run(dir, this.signer.publicKeyPem(), this.signer.sign(claims));
		assertThat(result.status()).as(result.output()).isEqualTo(3);
		assertThat(result.output()).contains("GENUINE", "endsOn 2020-12-31 HAS PASSED");
	}

	@Test
	void fileOfAnotherKeyIsNotGenuine(@TempDir Path dir) throws Exception {
		LicenseFileSigner other = new LicenseFileSigner(SigningKeys.generate());
		Result result = run(dir, this.signer.publicKeyPem(), other.sign(LicenseFileSignerTest.claims()));
		assertThat(result.status()).as(result.output()).isEqualTo(1);
		assertThat(result.output()).contains("NOT GENUINE").doesNotContain("customer");
	}

	private static Result run(Path dir, String publicKeyPem, String license) throws IOException, InterruptedException {
		Path key = Files.writeString(dir.resolve("public-key.pem"), publicKeyPem);
		Path file = Files.writeString(dir.resolve("license.jws"), license + "\n");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(java.toString(), "-Dstdout.encoding=UTF-8", "-Dfile.encoding=UTF-8",
				EXAMPLE.toString(), key.toString(), file.toString())
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("example finished").isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Result(process.exitValue(), output);
	}

	private record Result(int status, String output) {
	}

}
