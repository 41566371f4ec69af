package com.dealerdesk.sales;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.dealerdesk.platform.document.PrintedDocuments;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A quote as a printable document in the reader's language, from the template
 * {@code templates/documents/quote.html} ({@link PrintedDocuments}).
 */
@Component
@EnableConfigurationProperties(DocumentSeller.class)
class QuoteDocument {

	private static final String TEMPLATE = "documents/quote";

	private final PrintedDocuments documents;

	private final DocumentSeller seller;

	QuoteDocument(PrintedDocuments documents, DocumentSeller seller) {
		this.documents = documents;
		this.seller = seller;
	}

	String html(Quote quote, String customerName, String dealName, Locale locale) {
		return this.documents.html(TEMPLATE, locale, values(quote, customerName, dealName, locale));
	}

	/** Renders the document to PDF. Blocking: call it off the event loop. */
	byte[] pdf(Quote quote, String customerName, String dealName, Locale locale) {
		return this.documents.pdf(TEMPLATE, locale, values(quote, customerName, dealName, locale));
	}

	/**
	 * The name to save the document under: its document number, e.g.
	 * {@code QUO-2026-00012-v2.pdf} (letters, digits and hyphens: safe in every file
	 * system).
	 */
	static String fileName(Quote quote, String extension) {
		return quote.documentNumber() + "." + extension;
	}

	private Map<String, Object> values(Quote quote, String customerName, String dealName, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		List<Row> rows = quote.lines()
			.stream()
			.map(line -> new Row(line.position(), line.description(), line.quantity(),
					PrintedDocuments.money(line.listPrice(), locale), discount(line, locale),
					PrintedDocuments.money(line.price(), locale)))
			.toList();
		return Map.of("seller", this.seller, "quote", quote, "customerName", customerName, "dealName", dealName, "date",
				dates.format(quote.createdAt().toLocalDate()), "validUntil", dates.format(quote.validUntil()), "lines",
				rows, "total", PrintedDocuments.money(quote.total(), locale));
	}

	private static String discount(Quote.Line line, Locale locale) {
		String amount = line.discount().amount().signum() == 0 ? ""
				: "−" + PrintedDocuments.money(line.discount(), locale);
		return line.discountPercent() == null ? amount
				: amount + " (" + line.discountPercent().stripTrailingZeros().toPlainString() + "%)";
	}

	/** A line as printed: amounts already formatted for the reader's language. */
	public record Row(int position, String description, int quantity, String listPrice, String discount, String price) {

	}

}
