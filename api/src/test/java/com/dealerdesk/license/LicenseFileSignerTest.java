package com.dealerdesk.license;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.Signature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.license.LicenseFileSigner.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Signed license files, with keys made in the test: no Spring context. */
class LicenseFileSignerTest {

	private static final String BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private final LicenseFileSigner signer = new LicenseFileSigner(SigningKeys.generate());

	static Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "dealerdesk");
		claims.put("sub", "7K2QH-9XJ4M-P0TRV-3ZC8W-E");
		claims.put("lic", "TGljZW5zZToxMjM=");
		claims.put("product", "DD-POS");
		claims.put("productName", "Point of Sale « Kasse » 收银");
		claims.put("edition", null);
		claims.put("customer", "Müller & Söhne GmbH");
		claims.put("seats", 25);
		claims.put("startsOn", "2026-01-01");
		claims.put("endsOn", null);
		claims.put("model", "PERPETUAL");
		claims.put("key", 4711L);
		claims.put("iat", 1_790_000_000L);
		claims.put("ver", 3);
		claims.put("extra", Map.of("trial", false, "modules", List.of("a", "b")));
		return claims;
	}

	@Test
	void genuineFileVerifiesWithItsClaimsInOrder() {
		String file = this.signer.sign(claims());
		assertThat(file.split("\\.")).hasSize(3);
		Verification verification = this.signer.verify(file);
		assertThat(verification).isInstanceOf(Verification.Genuine.class);
		Map<String, Object> read = ((Verification.Genuine) verification).claims();
		// JSON numbers come back in the smallest type that holds them
		Map<String, Object> expected = claims();
		expected.put("key", 4711);
		expected.put("iat", 1_790_000_000);
		assertThat(read).isEqualTo(expected);
		assertThat(new ArrayList<>(read.keySet())).isEqualTo(new ArrayList<>(claims().keySet()));
		// whitespace around a pasted file does not matter
		assertThat(this.signer.verify("\n  " + file + "\r\n")).isEqualTo(verification);
	}

	@Test
	void headerNamesTheAlgorithmTypeAndKey() {
		String header = new String(Base64.getUrlDecoder().decode(this.signer.sign(claims()).split("\\.")[0]),
				StandardCharsets.UTF_8);
		assertThat(header).isEqualTo(
				"{\"alg\":\"EdDSA\",\"typ\":\"dealerdesk-license+jws\",\"kid\":\"" + this.signer.keyId() + "\"}");
	}

	/**
	 * Every position, changed to each character whose base64url value differs in one bit:
	 * this includes the unused low bits of a segment's last character, which a lenient
	 * decoder would ignore.
	 */
	@Test
	void everySingleChangedCharacterIsCaught() {
		String file = this.signer.sign(claims());
		for (int i = 0; i < file.length(); i++) {
			int value = BASE64URL_ALPHABET.indexOf(file.charAt(i));
			List<Character> others = new ArrayList<>();
			if (value < 0) {
				others.add('A');
			}
			else {
				for (int bit = 0; bit < 6; bit++) {
					others.add(BASE64URL_ALPHABET.charAt(value ^ (1 << bit)));
				}
			}
			for (char other : others) {
				String changed = file.substring(0, i) + other + file.substring(i + 1);
				assertThat(this.signer.verify(changed)).as("%s at %d", other, i)
					.isNotInstanceOf(Verification.Genuine.class);
			}
		}
	}

	@Test
	void fileOfAnotherKeyHasABadSignature() {
		LicenseFileSigner other = new LicenseFileSigner(SigningKeys.generate());
		assertThat(this.signer.verify(other.sign(claims()))).isInstanceOf(Verification.BadSignature.class);
		// even when it claims our key id
		String[] parts = other.sign(claims()).split("\\.");
		String forged = this.signer.sign(claims()).split("\\.")[0] + "." + parts[1] + "." + parts[2];
		assertThat(this.signer.verify(forged)).isInstanceOf(Verification.BadSignature.class);
	}

	@Test
	void garbageIsMalformed() {
		String file = this.signer.sign(claims());
		String[] parts = file.split("\\.");
		List<String> garbage = new ArrayList<>(Arrays.asList(null, "", "   ", "license", "a.b", "a.b.c", "..", "a..c",
				file + ".", file + "=", file + "\u0000", parts[0] + "." + parts[1] + ".", file.replace('.', ','),
				"x".repeat(LicenseFileSigner.MAX_LENGTH + 1), file + "A".repeat(LicenseFileSigner.MAX_LENGTH)));
		for (String input : garbage) {
			assertThat(this.signer.verify(input)).as("%s", input).isInstanceOf(Verification.Malformed.class);
		}
	}

	@Test
	void onlyEdDsaWithOurTypeIsAccepted() throws Exception {
		KeyPair keys = SigningKeys.generate();
		LicenseFileSigner ours = new LicenseFileSigner(keys);
		String kid = ours.keyId();
		assertThat(ours
			.verify(signed(keys, "{\"alg\":\"none\",\"typ\":\"dealerdesk-license+jws\",\"kid\":\"" + kid + "\"}")))
			.isInstanceOf(Verification.Malformed.class);
		assertThat(ours.verify(signed(keys, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")))
			.isInstanceOf(Verification.Malformed.class);
		assertThat(ours.verify(signed(keys,
				"{\"alg\":\"EdDSA\",\"typ\":\"dealerdesk-license+jws\",\"kid\":\"" + kid + "\",\"crit\":[\"exp\"]}")))
			.isInstanceOf(Verification.Malformed.class);
		assertThat(ours.verify(signed(keys, "{\"alg\":\"EdDSA\",\"alg\":\"EdDSA\",\"typ\":\"dealerdesk-license+jws\""
				+ ",\"kid\":\"" + kid + "\"}")))
			.isInstanceOf(Verification.Malformed.class);
		assertThat(
				ours.verify(signed(keys, "{\"alg\":\"EdDSA\",\"typ\":\"dealerdesk-license+jws\",\"kid\":\"other\"}")))
			.isInstanceOf(Verification.BadSignature.class);
		assertThat(ours
			.verify(signed(keys, "{\"alg\":\"EdDSA\",\"typ\":\"dealerdesk-license+jws\",\"kid\":\"" + kid + "\"}")))
			.isInstanceOf(Verification.Genuine.class);
	}

	/** A file signed by hand with any header, payload {"sub":"x"}. */
	private static String signed(KeyPair keys, String header) throws Exception {
		Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
		String input = base64url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
				+ base64url.encodeToString("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8));
		Signature signature = Signature.getInstance("Ed25519");
		signature.initSign(keys.getPrivate());
		signature.update(input.getBytes(StandardCharsets.US_ASCII));
		return input + "." + base64url.encodeToString(signature.sign());
	}

	@Test
	void keyIdIsTheJwkThumbprintOfRfc8037() {
		// RFC 8037 appendix A.1-A.3: the private key d, its public key x and its
		// thumbprint
		byte[] d = Base64.getUrlDecoder().decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
		byte[] pkcs8 = concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), d);
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(pkcs8)
				+ "\n-----END PRIVATE KEY-----\n";
		KeyPair keys = SigningKeys.pair(SigningKeys.readPrivateKey(pem, "test"));
		assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(SigningKeys.rawPublicKey(keys.getPublic())))
			.isEqualTo("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
		assertThat(new LicenseFileSigner(keys).keyId()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
	}

	@Test
	void publicKeyPemReadsBackAsTheKey() throws Exception {
		String pem = this.signer.publicKeyPem();
		assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
		String file = this.signer.sign(claims());
		String[] parts = file.split("\\.");
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(SigningKeys.readPublicKey(pem));
		signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		assertThat(signature.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
	}

	@Test
	void signsOnlyJsonValues() {
		Map<String, Object> claims = claims();
		claims.put("startsOn", LocalDate.of(2026, 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.signer.sign(claims));
	}

	@Test
	void developmentKeyIsWrittenOnceAndReused(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("data/nested/license-signing-key.pem");
		LicenseSigningProperties properties = new LicenseSigningProperties(null, null, file, true);
		LicenseFileSigner first = new LicenseFileSigner(properties);
		String pem = Files.readString(file);
		assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(dir.resolve("data/nested")).isDirectoryNotContaining(path -> path.toString().endsWith(".tmp"));

		LicenseFileSigner second = new LicenseFileSigner(properties);
		assertThat(second.keyId()).isEqualTo(first.keyId());
		assertThat(Files.readString(file)).isEqualTo(pem);
		assertThat(second.verify(first.sign(claims()))).isInstanceOf(Verification.Genuine.class);
	}

	@Test
	void configuredKeyWinsAndIsNeverWritten(@TempDir Path dir) throws Exception {
		KeyPair keys = SigningKeys.generate();
		String pem = SigningKeys.privateKeyPem(keys.getPrivate());
		String kid = new LicenseFileSigner(keys).keyId();
		Path devFile = dir.resolve("dev.pem");
		assertThat(new LicenseFileSigner(new LicenseSigningProperties(pem, null, devFile, true)).keyId())
			.isEqualTo(kid);
		Path keyFile = Files.writeString(dir.resolve("key.pem"), pem);
		assertThat(new LicenseFileSigner(new LicenseSigningProperties(null, keyFile, devFile, true)).keyId())
			.isEqualTo(kid);
		assertThat(devFile).doesNotExist();
		assertThatIllegalStateException()
			.isThrownBy(() -> new LicenseFileSigner(new LicenseSigningProperties(pem, keyFile, devFile, true)))
			.withMessageContaining("only one");
		assertThatIllegalStateException()
			.isThrownBy(() -> new LicenseFileSigner(new LicenseSigningProperties("not a key", null, devFile, true)))
			.withMessageContaining("PKCS#8");
	}

	@Test
	void missingKeyWithoutGenerationStopsTheStart(@TempDir Path dir) {
		assertThatIllegalStateException().isThrownBy(
				() -> new LicenseFileSigner(new LicenseSigningProperties(null, null, dir.resolve("dev.pem"), false)))
			.withMessageContaining("DEALERDESK_LICENSING_PRIVATE_KEY");
		assertThat(dir.resolve("dev.pem")).doesNotExist();
	}

	@Test
	void propertiesBindFromConfiguration() {
		Map<String, String> source = Map.of("dealerdesk.licensing.private-key", "",
				"dealerdesk.licensing.private-key-file", "", "dealerdesk.licensing.development-key-file",
				"/tmp/x/license-signing-key.pem", "dealerdesk.licensing.generate-development-key", "true");
		LicenseSigningProperties properties = new Binder(new MapConfigurationPropertySource(source))
			.bind("dealerdesk.licensing", LicenseSigningProperties.class)
			.get();
		assertThat(properties)
			.isEqualTo(new LicenseSigningProperties(null, null, Path.of("/tmp/x/license-signing-key.pem"), true));
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] result = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, result, a.length, b.length);
		return result;
	}

}
