package com.dealerdesk.sales;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.dealerdesk.platform.money.Money;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A quote as a printable document in the reader's language: XHTML, and PDF rendered from
 * the same XHTML by openhtmltopdf with the configured TrueType fonts (PDF text must embed
 * its fonts).
 */
@Component
class QuoteDocument {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
			Locale.SIMPLIFIED_CHINESE);

	private final MessageSource messages;

	private final List<File> fonts;

	QuoteDocument(MessageSource messages, @Value("${dealerdesk.documents.font-dirs}") List<String> fontDirs) {
		this.messages = messages;
		this.fonts = fontDirs.stream()
			.map(File::new)
			.filter(File::isDirectory)
			.flatMap(dir -> Stream.of(dir.listFiles((d, name) -> name.toLowerCase(Locale.ROOT).endsWith(".ttf"))))
			.sorted()
			.toList();
	}

	/** One of our languages for a BCP 47 tag; English when we do not have it. */
	static Locale language(String tag) {
		Locale wanted = tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
		return LANGUAGES.stream()
			.filter(locale -> locale.getLanguage().equals(wanted.getLanguage()))
			.findFirst()
			.orElse(Locale.ENGLISH);
	}

	String html(Quote quote, String customerName, String dealName, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		StringBuilder rows = new StringBuilder();
		for (Quote.Line line : quote.lines()) {
			rows.append("<tr><td>")
				.append(line.position())
				.append("</td><td>")
				.append(escape(line.description()))
				.append("</td><td class=\"n\">")
				.append(line.quantity())
				.append("</td><td class=\"n\">")
				.append(money(line.listPrice(), locale))
				.append("</td><td class=\"n\">")
				.append(line.discount().amount().signum() == 0 ? "" : "−" + money(line.discount(), locale))
				.append(line.discountPercent() == null ? ""
						: " (" + line.discountPercent().stripTrailingZeros().toPlainString() + "%)")
				.append("</td><td class=\"n\">")
				.append(money(line.price(), locale))
				.append("</td></tr>\n");
		}
		return """
				<!DOCTYPE html>
				<html lang="%s" xmlns="http://www.w3.org/1999/xhtml">
				<head>
				<meta charset="UTF-8"/>
				<title>%s</title>
				<style>
				  body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #111; }
				  h1 { font-size: 16pt; margin: 0 0 4pt 0; }
				  table { width: 100%%; border-collapse: collapse; margin-top: 12pt; }
				  th, td { border-bottom: 1px solid #ccc; padding: 4pt; text-align: left; }
				  .n { text-align: right; }
				  .meta td { border: none; padding: 1pt 8pt 1pt 0; }
				  .total td { font-weight: bold; border-bottom: none; }
				</style>
				</head>
				<body>
				<h1>%s</h1>
				<table class="meta">
				  <tr><td>%s</td><td>%s</td></tr>
				  <tr><td>%s</td><td>%s</td></tr>
				  <tr><td>%s</td><td>%s</td></tr>
				  <tr><td>%s</td><td>%s</td></tr>
				</table>
				<table>
				  <thead><tr><th>%s</th><th>%s</th><th class="n">%s</th><th class="n">%s</th><th class="n">%s</th><th class="n">%s</th></tr></thead>
				  <tbody>
				%s  </tbody>
				  <tfoot><tr class="total"><td></td><td>%s</td><td></td><td></td><td></td><td class="n">%s</td></tr></tfoot>
				</table>
				<p>%s</p>
				</body>
				</html>
				"""
			.formatted(locale.toLanguageTag(), escape(label("quote.title", locale)),
					escape(label("quote.number", locale, quote.number())), escape(label("quote.customer", locale)),
					escape(customerName), escape(label("quote.deal", locale)), escape(dealName),
					escape(label("quote.date", locale)), escape(dates.format(quote.createdAt().toLocalDate())),
					escape(label("quote.validUntil", locale)), escape(dates.format(quote.validUntil())),
					escape(label("quote.position", locale)), escape(label("quote.description", locale)),
					escape(label("quote.quantity", locale)), escape(label("quote.listPrice", locale)),
					escape(label("quote.discount", locale)), escape(label("quote.price", locale)), rows,
					escape(label("quote.total", locale)), money(quote.total(), locale),
					escape(label("quote.footer", locale, quote.currency(), dates.format(quote.validUntil()))));
	}

	/** Renders the document's XHTML to PDF. Blocking: call it off the event loop. */
	byte[] pdf(String html) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			List<String> families = new ArrayList<>();
			for (File font : this.fonts) {
				String family = font.getName().replaceFirst("(?i)\\.ttf$", "");
				builder.useFont(font, family);
				families.add(family);
			}
			String withFonts = families.isEmpty() ? html
					: html.replace("font-family: 'DejaVu Sans', sans-serif;", "font-family: 'DejaVuSans', "
							+ String.join(", ", families.stream().map(f -> "'" + f + "'").toList()) + ";");
			builder.withHtmlContent(withFonts, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String label(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String money(Money money, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(Currency.getInstance(money.currency()));
		return escape(format.format(money.amount()));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
