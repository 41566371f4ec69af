import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies a DealerDesk license file offline, with the JDK (17 or later) alone:
 *
 * <pre>
 * java VerifyLicense.java public-key.pem license.jws
 * </pre>
 *
 * Exit status: 0 genuine and current, 3 genuine but endsOn has passed, 1 not genuine,
 * 2 unreadable input. See docs/licensing.md.
 */
public class VerifyLicense {

	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: java VerifyLicense.java public-key.pem license.jws");
			System.exit(2);
		}
		PublicKey publicKey = readPublicKey(Files.readString(Path.of(args[0]), StandardCharsets.US_ASCII));
		String[] parts = Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII).strip().split("\\.", -1);
		if (parts.length != 3) {
			fail(2, "not a license file: expected three parts separated by dots");
		}
		Base64.Decoder base64url = Base64.getUrlDecoder();
		Map<String, Object> header = asObject(new Json(utf8(base64url.decode(parts[0]))).read());
		// Trust only the algorithm we expect, never the one the file names
		if (!"EdDSA".equals(header.get("alg")) || !"dealerdesk-license+jws".equals(header.get("typ"))) {
			fail(1, "NOT GENUINE: unexpected header " + header);
		}
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(publicKey);
		signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		if (!signature.verify(base64url.decode(parts[2]))) {
			fail(1, "NOT GENUINE: the signature does not match this public key (kid " + header.get("kid") + ")");
		}
		Map<String, Object> claims = asObject(new Json(utf8(base64url.decode(parts[1]))).read());
		System.out.println("GENUINE license file, signed by key " + header.get("kid"));
		claims.forEach((name, value) -> System.out.println("  " + name + ": " + value));
		Object endsOn = claims.get("endsOn");
		boolean expired = endsOn != null && LocalDate.parse((String) endsOn).isBefore(LocalDate.now());
		System.out.println(endsOn == null ? "endsOn: none (perpetual)"
				: expired ? "endsOn " + endsOn + " HAS PASSED" : "endsOn " + endsOn + " has not passed");
		System.exit(expired ? 3 : 0);
	}

	static PublicKey readPublicKey(String pem) throws Exception {
		String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");
		byte[] der = Base64.getMimeDecoder().decode(body.strip());
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
	}

	static void fail(int status, String message) {
		System.out.println(message);
		System.exit(status);
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asObject(Object value) {
		if (!(value instanceof Map)) {
			fail(2, "not a license file: a part is not a JSON object");
		}
		return (Map<String, Object>) value;
	}

	/** Just enough JSON for a license file: objects, arrays, strings, numbers, literals. */
	static final class Json {

		private final String text;

		private int at;

		Json(String text) {
			this.text = text;
		}

		Object read() {
			Object value = value();
			space();
			if (this.at != this.text.length()) {
				throw new IllegalArgumentException("trailing text at " + this.at);
			}
			return value;
		}

		private Object value() {
			space();
			char c = this.text.charAt(this.at);
			if (c == '{') {
				Map<String, Object> object = new LinkedHashMap<>();
				this.at++;
				space();
				if (peek('}')) {
					return object;
				}
				do {
					space();
					String name = string();
					space();
					expect(':');
					object.put(name, value());
					space();
				}
				while (next(','));
				expect('}');
				return object;
			}
			if (c == '[') {
				List<Object> array = new ArrayList<>();
				this.at++;
				space();
				if (peek(']')) {
					return array;
				}
				do {
					array.add(value());
					space();
				}
				while (next(','));
				expect(']');
				return array;
			}
			if (c == '"') {
				return string();
			}
			for (String literal : new String[] { "true", "false", "null" }) {
				if (this.text.startsWith(literal, this.at)) {
					this.at += literal.length();
					return literal.equals("null") ? null : Boolean.valueOf(literal);
				}
			}
			int start = this.at;
			while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
				this.at++;
			}
			return new java.math.BigDecimal(this.text.substring(start, this.at));
		}

		private String string() {
			expect('"');
			StringBuilder result = new StringBuilder();
			char c;
			while ((c = this.text.charAt(this.at++)) != '"') {
				if (c == '\\') {
					char escaped = this.text.charAt(this.at++);
					switch (escaped) {
						case 'b' -> result.append('\b');
						case 'f' -> result.append('\f');
						case 'n' -> result.append('\n');
						case 'r' -> result.append('\r');
						case 't' -> result.append('\t');
						case 'u' -> {
							result.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
							this.at += 4;
						}
						default -> result.append(escaped);
					}
				}
				else {
					result.append(c);
				}
			}
			return result.toString();
		}

		private void space() {
			while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
				this.at++;
			}
		}

		private boolean peek(char c) {
			if (this.text.charAt(this.at) == c) {
				this.at++;
				return true;
			}
			return false;
		}

		private boolean next(char c) {
			return this.at < this.text.length() && peek(c);
		}

		private void expect(char c) {
			if (!peek(c)) {
				throw new IllegalArgumentException("expected " + c + " at " + this.at);
			}
		}

	}

}
