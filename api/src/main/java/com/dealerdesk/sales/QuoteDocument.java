package com.dealerdesk.sales;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.dealerdesk.platform.money.Money;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A quote as a printable document in the reader's language: XHTML from the Thymeleaf
 * template {@code templates/documents/quote.html} (every value escaped by the engine,
 * labels from {@code messages/documents*.properties}), and PDF rendered from the same
 * template by openhtmltopdf with the configured TrueType fonts (PDF text must embed its
 * fonts).
 */
@Component
@EnableConfigurationProperties(DocumentSeller.class)
class QuoteDocument {

	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
			Locale.SIMPLIFIED_CHINESE);

	/** The font stack of the HTML document: the browser picks what it has. */
	private static final String BROWSER_FONTS = "'DejaVu Sans', sans-serif";

	private final TemplateEngine templates;

	private final DocumentSeller seller;

	private final List<File> fonts;

	QuoteDocument(MessageSource messages, DocumentSeller seller,
			@Value("${dealerdesk.documents.font-dirs}") List<String> fontDirs) {
		this.seller = seller;
		this.templates = templateEngine(messages);
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
		return render(quote, customerName, dealName, locale, BROWSER_FONTS);
	}

	/** Renders the document to PDF. Blocking: call it off the event loop. */
	byte[] pdf(Quote quote, String customerName, String dealName, Locale locale) {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		StringBuilder families = new StringBuilder();
		for (File font : this.fonts) {
			String family = font.getName().replaceFirst("(?i)\\.ttf$", "").replaceAll("['\\\\]", "");
			builder.useFont(font, family);
			families.append('\'').append(family).append("', ");
		}
		families.append("sans-serif");
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			builder.withHtmlContent(render(quote, customerName, dealName, locale, families.toString()), null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The name to save the document under: its document number, e.g.
	 * {@code QUO-2026-00012-v2.pdf} (letters, digits and hyphens: safe in every file
	 * system).
	 */
	static String fileName(Quote quote, String extension) {
		return quote.documentNumber() + "." + extension;
	}

	private String render(Quote quote, String customerName, String dealName, Locale locale, String fontFamilies) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		List<Row> rows = quote.lines()
			.stream()
			.map(line -> new Row(line.position(), line.description(), line.quantity(), money(line.listPrice(), locale),
					discount(line, locale), money(line.price(), locale)))
			.toList();
		Context context = new Context(locale,
				Map.of("lang", locale.toLanguageTag(), "fontFamilies", fontFamilies, "seller", this.seller, "quote",
						quote, "customerName", customerName, "dealName", dealName, "date",
						dates.format(quote.createdAt().toLocalDate()), "validUntil", dates.format(quote.validUntil()),
						"lines", rows, "total", money(quote.total(), locale)));
		return this.templates.process("documents/quote", context);
	}

	private static String discount(Quote.Line line, Locale locale) {
		String amount = line.discount().amount().signum() == 0 ? "" : "−" + money(line.discount(), locale);
		return line.discountPercent() == null ? amount
				: amount + " (" + line.discountPercent().stripTrailingZeros().toPlainString() + "%)";
	}

	private static String money(Money money, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(Currency.getInstance(money.currency()));
		return format.format(money.amount());
	}

	/**
	 * Standalone Thymeleaf (no Spring MVC): templates from the classpath, labels from our
	 * messages.
	 */
	private static TemplateEngine templateEngine(MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		TemplateEngine engine = new TemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setMessageResolver(new AbstractMessageResolver() {

			@Override
			public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
				return messages.getMessage(key, parameters, null, context.getLocale());
			}

			@Override
			public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
					Object[] parameters) {
				return "??" + key + "??";
			}

		});
		return engine;
	}

	/** A line as printed: amounts already formatted for the reader's language. */
	public record Row(int position, String description, int quantity, String listPrice, String discount, String price) {

	}

}
