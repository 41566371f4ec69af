package com.dealerdesk.license;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * License serial numbers: 20 random Crockford base-32 symbols (100 bits) and Crockford's
 * check symbol, shown as {@code XXXXX-XXXXX-XXXXX-XXXXX-C}. People read them over the
 * phone and type them from paper, so parsing forgives case, spaces, dashes and the
 * look-alike letters, and the check symbol catches a typo before any lookup.
 */
public final class SerialNumbers {

	/** Crockford's base-32 alphabet: no I, L, O (look like 1 and 0) and no U. */
	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	/** The check alphabet: the 32 symbols and five more, since the check is modulo 37. */
	static final String CHECK_ALPHABET = ALPHABET + "*~$=U";

	static final int SYMBOLS = 20;

	static final int GROUP = 5;

	/** Far longer than any honest typing of 21 symbols with separators. */
	static final int MAX_INPUT = 64;

	private SerialNumbers() {
	}

	/** A new serial number; pass a {@link java.security.SecureRandom}. */
	public static String generate(RandomGenerator random) {
		int[] symbols = new int[SYMBOLS];
		for (int i = 0; i < SYMBOLS; i++) {
			symbols[i] = random.nextInt(ALPHABET.length());
		}
		return format(symbols, check(symbols));
	}

	/**
	 * The beginning of a serial as a person types it (any case, spaces and dashes
	 * anywhere, O read as 0, I and L as 1), in the stored form with its dashes; null when
	 * the text cannot begin a serial. Lets the registry find "7k3qf 9x" as you type.
	 */
	static String prefix(String input) {
		if (input == null || input.length() > MAX_INPUT) {
			return null;
		}
		StringBuilder symbols = new StringBuilder();
		for (char typed : input.toUpperCase(Locale.ROOT).toCharArray()) {
			if (typed == '-' || Character.isWhitespace(typed)) {
				continue;
			}
			char symbol = (typed == 'O') ? '0' : (typed == 'I' || typed == 'L') ? '1' : typed;
			boolean check = symbols.length() == SYMBOLS && CHECK_ALPHABET.indexOf(symbol) >= 0;
			if (ALPHABET.indexOf(symbol) < 0 && !check) {
				return null;
			}
			symbols.append(symbol);
		}
		if (symbols.isEmpty() || symbols.length() > SYMBOLS + 1) {
			return null;
		}
		StringBuilder prefix = new StringBuilder();
		for (int i = 0; i < symbols.length(); i++) {
			if (i > 0 && i % GROUP == 0) {
				prefix.append('-');
			}
			prefix.append(symbols.charAt(i));
		}
		return prefix.toString();
	}

	/**
	 * Reads a serial number as a person types it: any case, spaces and dashes anywhere, I
	 * and L as 1, O as 0.
	 */
	public static Parsed parse(String input) {
		if (input == null || input.length() > MAX_INPUT) {
			return new Parsed.Malformed();
		}
		int[] symbols = new int[SYMBOLS];
		int check = -1;
		int count = 0;
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (c == '-' || Character.isWhitespace(c)) {
				continue;
			}
			int value = CHECK_ALPHABET.indexOf(normalise(c));
			if (value < 0 || count > SYMBOLS) {
				return new Parsed.Malformed();
			}
			if (count < SYMBOLS) {
				// U and the other check-only symbols are never data
				if (value >= ALPHABET.length()) {
					return new Parsed.Malformed();
				}
				symbols[count] = value;
			}
			else {
				check = value;
			}
			count++;
		}
		if (count != SYMBOLS + 1) {
			return new Parsed.Malformed();
		}
		if (check != check(symbols)) {
			return new Parsed.CheckMismatch();
		}
		return new Parsed.Valid(format(symbols, check));
	}

	/** Upper case, and Crockford's reading of the letters left out of the alphabet. */
	private static char normalise(char c) {
		char upper = (c >= 'a' && c <= 'z') ? (char) (c - 'a' + 'A') : c;
		return switch (upper) {
			case 'I', 'L' -> '1';
			case 'O' -> '0';
			default -> upper;
		};
	}

	/**
	 * The 100-bit value modulo 37, computed symbol by symbol. 37 is a prime above 32, so
	 * a changed symbol or two swapped neighbours always change the remainder.
	 */
	static int check(int[] symbols) {
		int remainder = 0;
		for (int symbol : symbols) {
			remainder = (remainder * ALPHABET.length() + symbol) % 37;
		}
		return remainder;
	}

	private static String format(int[] symbols, int check) {
		StringBuilder serial = new StringBuilder(SYMBOLS + SYMBOLS / GROUP + 1);
		for (int i = 0; i < SYMBOLS; i++) {
			if (i > 0 && i % GROUP == 0) {
				serial.append('-');
			}
			serial.append(ALPHABET.charAt(symbols[i]));
		}
		return serial.append('-').append(CHECK_ALPHABET.charAt(check)).toString();
	}

	/** What {@link #parse(String)} made of an input. */
	public sealed interface Parsed {

		/** A well-formed serial with a matching check symbol, in its canonical form. */
		record Valid(String serial) implements Parsed {
		}

		/** Wrong length, or characters outside the alphabet. */
		record Malformed() implements Parsed {
		}

		/** Well-formed, but the check symbol does not match: a typo. */
		record CheckMismatch() implements Parsed {
		}

	}

}
