package com.dealerdesk.license;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys with the JDK alone: PEM in and out, the public key derived from the
 * private one, and the development key kept in a file.
 */
final class SigningKeys {

	static final String ALGORITHM = "Ed25519";

	private SigningKeys() {
	}

	/**
	 * The configured key, or the development key, or a clear reason to stop the start.
	 */
	static KeyPair resolve(LicenseSigningProperties properties) {
		if (properties.privateKey() != null && properties.privateKeyFile() != null) {
			throw new IllegalStateException("Both dealerdesk.licensing.private-key and private-key-file are set;"
					+ " set only one (DEALERDESK_LICENSING_PRIVATE_KEY or DEALERDESK_LICENSING_PRIVATE_KEY_FILE).");
		}
		if (properties.privateKey() != null) {
			return pair(readPrivateKey(properties.privateKey(), "dealerdesk.licensing.private-key"));
		}
		if (properties.privateKeyFile() != null) {
			return pair(readPrivateKey(read(properties.privateKeyFile()),
					"dealerdesk.licensing.private-key-file " + properties.privateKeyFile()));
		}
		if (properties.generateDevelopmentKey()) {
			return developmentKey(properties.developmentKeyFile());
		}
		throw new IllegalStateException("No license signing key is configured. Set DEALERDESK_LICENSING_PRIVATE_KEY"
				+ " (PKCS#8 PEM text) or DEALERDESK_LICENSING_PRIVATE_KEY_FILE (a PKCS#8 PEM file) to an Ed25519"
				+ " private key, e.g. made by `openssl genpkey -algorithm ed25519`; or, for local development"
				+ " only, set DEALERDESK_LICENSING_GENERATE_DEVELOPMENT_KEY=true. See docs/licensing.md.");
	}

	/** Reuses the key in the file, or makes one and writes it there (owner-only). */
	static KeyPair developmentKey(Path file) {
		if (Files.exists(file)) {
			return pair(readPrivateKey(read(file), "development key file " + file));
		}
		KeyPair generated = generate();
		try {
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			// Written aside and moved in, so a crash never leaves half a key behind; the
			// move
			// refuses to replace a key that another process wrote meanwhile
			Path temp = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
					? Files.createTempFile(dir, ".license-signing-key", ".tmp",
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
					: Files.createTempFile(dir, ".license-signing-key", ".tmp");
			Files.writeString(temp, privateKeyPem(generated.getPrivate()), StandardCharsets.US_ASCII);
			try {
				Files.move(temp, file);
			}
			catch (FileAlreadyExistsException ex) {
				// Another process got there first: use its key
				Files.deleteIfExists(temp);
				return pair(readPrivateKey(read(file), "development key file " + file));
			}
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the development license signing key to " + file, ex);
		}
	}

	static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK has no Ed25519", ex);
		}
	}

	/**
	 * The key pair of a private key. PKCS#8 files usually hold no public key, and the JDK
	 * has no call to derive it; but its key pair generator takes the 32-byte seed from
	 * the random source, so feeding it our seed yields our public key.
	 */
	static KeyPair pair(PrivateKey privateKey) {
		try {
			byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
				.orElseThrow(() -> new IllegalStateException("The Ed25519 private key hides its bytes"));
			KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
			generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
			KeyPair pair = new KeyPair(generator.generateKeyPair().getPublic(), privateKey);
			selfTest(pair);
			return pair;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the license signing key", ex);
		}
	}

	/**
	 * Proves the derived public key belongs to the private key before anything is signed.
	 */
	private static void selfTest(KeyPair pair) throws GeneralSecurityException {
		byte[] probe = "dealerdesk license signing self-test".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance(ALGORITHM);
		signer.initSign(pair.getPrivate());
		signer.update(probe);
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance(ALGORITHM);
		verifier.initVerify(pair.getPublic());
		verifier.update(probe);
		if (!verifier.verify(signature)) {
			throw new IllegalStateException("The public key derived from the license signing key does not match it");
		}
	}

	static PrivateKey readPrivateKey(String pem, String source) {
		try {
			return KeyFactory.getInstance(ALGORITHM)
				.generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new IllegalStateException("The license signing key in " + source
					+ " is not an Ed25519 private key in PKCS#8 PEM, as `openssl genpkey -algorithm ed25519` writes it",
					ex);
		}
	}

	static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
		return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
	}

	/**
	 * The raw 32-byte public key: the tail of its X.509 SubjectPublicKeyInfo encoding.
	 */
	static byte[] rawPublicKey(PublicKey publicKey) {
		byte[] encoded = publicKey.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	static String privateKeyPem(PrivateKey privateKey) {
		return pem("PRIVATE KEY", privateKey.getEncoded());
	}

	static String publicKeyPem(PublicKey publicKey) {
		return pem("PUBLIC KEY", publicKey.getEncoded());
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private static byte[] pemBody(String pem, String type) {
		String text = pem.strip();
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalArgumentException("Not a PEM " + type);
		}
		return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the license signing key file " + file, ex);
		}
	}

	/** A "random" source that hands out one fixed seed: only for {@link #pair}. */
	private static final class SeedRandom extends SecureRandom {

		private final byte[] seed;

		SeedRandom(byte[] seed) {
			this.seed = seed.clone();
		}

		@Override
		public void nextBytes(byte[] bytes) {
			if (bytes.length != this.seed.length) {
				throw new IllegalStateException("Unexpected request for " + bytes.length + " random bytes");
			}
			System.arraycopy(this.seed, 0, bytes, 0, bytes.length);
		}

	}

}
