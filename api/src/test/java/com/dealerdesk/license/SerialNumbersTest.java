package com.dealerdesk.license;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.dealerdesk.license.SerialNumbers.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Serial numbers: the properties hold for every one of many freshly generated serials
 * (each failing case names its serial, which is all it takes to reproduce it), and a few
 * fixed examples pin the check symbol to Crockford's definition.
 */
class SerialNumbersTest {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SHAPE = "[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z*~$=U]";

	static Stream<String> serials() {
		return Stream.generate(() -> SerialNumbers.generate(RANDOM)).limit(1000);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("serials")
	void hasTheDocumentedShape(String serial) {
		assertThat(serial).matches(SHAPE).hasSize(25);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("serials")
	void parsesBackToItselfHoweverItIsTyped(String serial) {
		Parsed valid = new Parsed.Valid(serial);
		assertThat(SerialNumbers.parse(serial)).isEqualTo(valid);
		assertThat(SerialNumbers.parse(serial.toLowerCase(Locale.ROOT))).isEqualTo(valid);
		assertThat(SerialNumbers.parse(serial.replace("-", ""))).isEqualTo(valid);
		assertThat(SerialNumbers.parse(serial.replace("-", " "))).isEqualTo(valid);
		assertThat(SerialNumbers.parse("  " + serial.replace("-", "").replaceAll("(.{3})", "$1 -") + " "))
			.isEqualTo(valid);
		assertThat(SerialNumbers.parse(serial.replace('0', 'O').replace('1', 'I'))).isEqualTo(valid);
		assertThat(SerialNumbers.parse(serial.replace('0', 'o').replace('1', 'l'))).isEqualTo(valid);
		assertThat(SerialNumbers.parse(serial.replace('1', 'L').replace('1', 'i').toLowerCase(Locale.ROOT)))
			.isEqualTo(valid);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("serials")
	void detectsEverySingleSubstitution(String serial) {
		char[] symbols = serial.replace("-", "").toCharArray();
		for (int i = 0; i < symbols.length; i++) {
			for (char other : SerialNumbers.CHECK_ALPHABET.toCharArray()) {
				if (other == symbols[i]) {
					continue;
				}
				char[] typo = symbols.clone();
				typo[i] = other;
				assertThat(SerialNumbers.parse(new String(typo))).as("%s at %d", other, i)
					.isInstanceOfAny(Parsed.CheckMismatch.class, Parsed.Malformed.class);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("serials")
	void detectsEveryAdjacentTransposition(String serial) {
		char[] symbols = serial.replace("-", "").toCharArray();
		for (int i = 0; i + 1 < symbols.length; i++) {
			if (symbols[i] == symbols[i + 1]) {
				continue;
			}
			char[] typo = symbols.clone();
			typo[i] = symbols[i + 1];
			typo[i + 1] = symbols[i];
			assertThat(SerialNumbers.parse(new String(typo))).as("swap at %d", i)
				.isInstanceOfAny(Parsed.CheckMismatch.class, Parsed.Malformed.class);
		}
	}

	@Test
	void hundredThousandSerialsAreDistinct() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			seen.add(SerialNumbers.generate(RANDOM));
		}
		assertThat(seen).hasSize(100_000);
	}

	@Test
	void checkSymbolIsTheValueModulo37() {
		assertThat(SerialNumbers.parse("00000-00000-00000-00000-0")).isEqualTo(valid("00000-00000-00000-00000-0"));
		assertThat(SerialNumbers.parse("00000-00000-00000-00001-1")).isEqualTo(valid("00000-00000-00000-00001-1"));
		// 37 = "15" in base 32: remainder 0
		assertThat(SerialNumbers.parse("00000-00000-00000-00015-0")).isEqualTo(valid("00000-00000-00000-00015-0"));
		// 36 = "14": remainder 36, the check-only symbol U (also typed in lower case)
		assertThat(SerialNumbers.parse("00000-00000-00000-00014-u")).isEqualTo(valid("00000-00000-00000-00014-U"));
		// 32 = "10": remainder 32, the first check-only symbol
		assertThat(SerialNumbers.parse("0000000000000000010*")).isInstanceOf(Parsed.Malformed.class);
		assertThat(SerialNumbers.parse("00000000000000000010*")).isEqualTo(valid("00000-00000-00000-00010-*"));
		assertThat(SerialNumbers.parse("00000-00000-00000-00010-0")).isInstanceOf(Parsed.CheckMismatch.class);
	}

	@Test
	void rejectsWhatIsNotASerial() {
		assertThat(SerialNumbers.parse(null)).isInstanceOf(Parsed.Malformed.class);
		assertThat(SerialNumbers.parse("")).isInstanceOf(Parsed.Malformed.class);
		assertThat(SerialNumbers.parse(" - - ")).isInstanceOf(Parsed.Malformed.class);
		// one symbol short, one too many
		assertThat(SerialNumbers.parse("00000-00000-00000-0000-0")).isInstanceOf(Parsed.Malformed.class);
		assertThat(SerialNumbers.parse("00000-00000-00000-00000-00")).isInstanceOf(Parsed.Malformed.class);
		// U and the other check-only symbols are not data
		assertThat(SerialNumbers.parse("U0000-00000-00000-00000-0")).isInstanceOf(Parsed.Malformed.class);
		assertThat(SerialNumbers.parse("$0000-00000-00000-00000-0")).isInstanceOf(Parsed.Malformed.class);
		// characters outside the alphabet, including look-alikes from other scripts
		assertThat(SerialNumbers.parse("00000_00000-00000-00000-0")).isInstanceOf(Parsed.Malformed.class);
		assertThat(SerialNumbers.parse("0000\u041e-00000-00000-00000-0")).isInstanceOf(Parsed.Malformed.class);
		assertThat(SerialNumbers.parse("0000\u0130-00000-00000-00000-1")).isInstanceOf(Parsed.Malformed.class);
	}

	@Test
	void refusesLongInputBeforeReadingIt() {
		String valid = "00000-00000-00000-00000-0";
		assertThat(SerialNumbers.parse(" ".repeat(64 - valid.length()) + valid)).isEqualTo(valid(valid));
		assertThat(SerialNumbers.parse(" ".repeat(65 - valid.length()) + valid)).isInstanceOf(Parsed.Malformed.class);
		assertThat(SerialNumbers.parse("0".repeat(1_000_000))).isInstanceOf(Parsed.Malformed.class);
	}

	private static Parsed valid(String serial) {
		return new Parsed.Valid(serial);
	}

}
