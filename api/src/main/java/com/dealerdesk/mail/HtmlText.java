package com.dealerdesk.mail;

import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to plain text for messages without a plain-text part. jsoup parses the markup as a
 * browser would (unclosed tags, entities, broken comments); this class only decides what
 * becomes text: scripts, styles and the head are dropped, block boundaries become line
 * breaks, table cells are separated by spaces. The result is for reading and search only,
 * never rendered as HTML.
 */
final class HtmlText {

	private static final String INVISIBLE = "head, title, script, style, template, noscript";

	private static final Set<String> BLOCKS = Set.of("br", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr",
			"table", "blockquote", "pre", "ul", "ol", "hr");

	private static final Set<String> CELLS = Set.of("td", "th");

	private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\f\\u000B]+");

	private HtmlText() {
	}

	static String toText(String html) {
		Document document = Jsoup.parse(html);
		document.select(INVISIBLE).remove();
		StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 20));
		document.body().traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					out.append(text.getWholeText().replace('\r', '\n'));
				}
				else if (node instanceof Element element) {
					boundary(element, out);
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
					out.append('\n');
				}
			}

		});
		return tidy(out);
	}

	private static void boundary(Element element, StringBuilder out) {
		if (BLOCKS.contains(element.normalName())) {
			out.append('\n');
		}
		else if (CELLS.contains(element.normalName())) {
			out.append(' ');
		}
	}

	/** Collapses runs of spaces, strips lines, keeps at most one empty line in a row. */
	private static String tidy(StringBuilder text) {
		StringBuilder result = new StringBuilder(text.length());
		boolean lastEmpty = true;
		for (String line : text.toString().split("\n", -1)) {
			String stripped = SPACES.matcher(line).replaceAll(" ").strip();
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

}
