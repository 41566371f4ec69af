package com.dealerdesk.platform.language;

import java.util.List;
import java.util.Locale;

/**
 * The languages the app speaks, and which of them a request asks for.
 */
public final class Languages {

	/** In the order names are listed for editing. */
	public static final List<String> SUPPORTED = List.of("en", "ru", "zh-CN");

	public static final String DEFAULT = "en";

	private Languages() {
	}

	/**
	 * The first of our languages in an {@code Accept-Language} header, by weight
	 * ({@code ru-RU}, {@code zh-Hans-CN}, {@code zh} match too), else {@link #DEFAULT}. A
	 * malformed header counts as absent: it must not fail the request.
	 */
	public static String fromAcceptLanguage(String header) {
		if (header == null || header.isBlank()) {
			return DEFAULT;
		}
		try {
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				String tag = range.getRange().toLowerCase(Locale.ROOT);
				if (tag.startsWith("zh")) {
					return "zh-CN";
				}
				if (tag.equals("ru") || tag.startsWith("ru-")) {
					return "ru";
				}
				if (tag.equals("en") || tag.startsWith("en-")) {
					return "en";
				}
			}
		}
		catch (IllegalArgumentException malformed) {
			// fall through to the default
		}
		return DEFAULT;
	}

}
