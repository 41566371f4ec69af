package com.dealerdesk.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTML to plain text for messages without a plain-text part. No HTML library is on the
 * classpath, so this is a conservative strip: drop comments, scripts, styles and the
 * head, turn block boundaries into line breaks, remove the other tags and decode
 * entities. The result is for reading and search only, never rendered as HTML. One linear
 * pass, so that hostile markup (unclosed tags, endless comments) cannot make it slow.
 */
final class HtmlText {

	private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title");

	private static final Set<String> BLOCKS = Set.of("br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
			"table", "blockquote", "pre", "ul", "ol", "hr");

	private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
			Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
			Map.entry("ndash", "\u2013"), Map.entry("mdash", "\u2014"), Map.entry("hellip", "\u2026"),
			Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"), Map.entry("copy", "\u00A9"),
			Map.entry("euro", "\u20AC"), Map.entry("shy", ""), Map.entry("auml", "\u00E4"), Map.entry("ouml", "\u00F6"),
			Map.entry("uuml", "\u00FC"), Map.entry("Auml", "\u00C4"), Map.entry("Ouml", "\u00D6"),
			Map.entry("Uuml", "\u00DC"), Map.entry("szlig", "\u00DF"), Map.entry("eacute", "\u00E9"),
			Map.entry("egrave", "\u00E8"), Map.entry("agrave", "\u00E0"));

	private HtmlText() {
	}

	static String toText(String html) {
		StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 20));
		int i = 0;
		int length = html.length();
		while (i < length) {
			char c = html.charAt(i);
			if (c == '<') {
				if (html.startsWith("<!--", i)) {
					int end = html.indexOf("-->", i + 4);
					i = end < 0 ? length : end + 3;
					continue;
				}
				int close = html.indexOf('>', i + 1);
				if (close < 0) {
					break;
				}
				String name = tagName(html, i + 1, close);
				i = close + 1;
				if (INVISIBLE.contains(name) && html.charAt(close - 1) != '/') {
					int end = closingTag(html, name, i);
					int endClose = end < 0 ? -1 : html.indexOf('>', end);
					i = endClose < 0 ? length : endClose + 1;
					out.append(' ');
				}
				else if (BLOCKS.contains(name)) {
					out.append('\n');
				}
				else if (name.equals("td") || name.equals("th")) {
					out.append(' ');
				}
			}
			else if (c == '&') {
				i = entity(html, i, out);
			}
			else {
				out.append(c == '\r' ? '\n' : c);
				i++;
			}
		}
		return tidy(out);
	}

	/** The lower-case tag name after {@code <} or {@code </}, e.g. {@code p}. */
	private static String tagName(String html, int start, int end) {
		int i = start < end && html.charAt(start) == '/' ? start + 1 : start;
		int from = i;
		while (i < end && i - from < 20 && Character.isLetterOrDigit(html.charAt(i))) {
			i++;
		}
		return html.substring(from, i).toLowerCase(Locale.ROOT);
	}

	/** Where {@code </name} starts (any case) at or after {@code from}, or -1. */
	private static int closingTag(String html, String name, int from) {
		int i = html.indexOf("</", from);
		while (i >= 0 && !html.regionMatches(true, i + 2, name, 0, name.length())) {
			i = html.indexOf("</", i + 2);
		}
		return i;
	}

	/**
	 * Appends the decoded entity at {@code i} (or the ampersand) and returns the next
	 * index.
	 */
	private static int entity(String html, int i, StringBuilder out) {
		int semicolon = html.indexOf(';', i + 1);
		if (semicolon > i + 1 && semicolon - i <= 10) {
			String entity = html.substring(i + 1, semicolon);
			String decoded = decode(entity);
			if (decoded != null) {
				out.append(decoded);
				return semicolon + 1;
			}
		}
		out.append('&');
		return i + 1;
	}

	private static String decode(String entity) {
		if (entity.startsWith("#")) {
			try {
				int codePoint = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X')
						? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
				return Character.isValidCodePoint(codePoint) && codePoint != 0
						? new String(Character.toChars(codePoint)) : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return NAMED.get(entity);
	}

	/** Collapses runs of spaces, strips lines, keeps at most one empty line in a row. */
	private static String tidy(StringBuilder text) {
		StringBuilder result = new StringBuilder(text.length());
		boolean lastEmpty = true;
		for (String line : text.toString().split("\n", -1)) {
			String stripped = collapseSpaces(line).strip();
			if (stripped.isEmpty()) {
				if (!lastEmpty) {
					result.append('\n');
				}
				lastEmpty = true;
				continue;
			}
			result.append(stripped).append('\n');
			lastEmpty = false;
		}
		return result.toString().strip();
	}

	private static String collapseSpaces(String line) {
		StringBuilder result = new StringBuilder(line.length());
		boolean space = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B') {
				space = true;
				continue;
			}
			if (space && result.length() > 0) {
				result.append(' ');
			}
			space = false;
			result.append(c);
		}
		return result.toString();
	}

}
