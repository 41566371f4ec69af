package com.dealerdesk.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Printable documents (quotes, customers' statements) in the reader's language: XHTML
 * from a Thymeleaf template under {@code templates/} (every value escaped by the engine,
 * labels from {@code messages/documents*.properties}), and PDF rendered from the same
 * template by openhtmltopdf with the configured TrueType fonts (PDF text must embed its
 * fonts). A template gets {@code lang} and {@code fontFamilies} besides its own values.
 */
@Component
public class PrintedDocuments {

	public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
			Locale.SIMPLIFIED_CHINESE);

	/** The font stack of the HTML document: the browser picks what it has. */
	private static final String BROWSER_FONTS = "'DejaVu Sans', sans-serif";

	/** Characters that no file system or browser accepts in a file name. */
	private static final Pattern NOT_IN_FILE_NAMES = Pattern.compile("[\\p{Cntrl}/\\\\:*?\"<>|]+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final int MAX_FILE_NAME = 120;

	private final MessageSource messages;

	private final TemplateEngine templates;

	private final List<File> fonts;

	PrintedDocuments(MessageSource messages, @Value("${dealerdesk.documents.font-dirs}") List<String> fontDirs) {
		this.messages = messages;
		this.templates = templateEngine(messages);
		this.fonts = fontDirs.stream()
			.map(File::new)
			.filter(File::isDirectory)
			.flatMap(dir -> Stream.of(dir.listFiles((d, name) -> name.toLowerCase(Locale.ROOT).endsWith(".ttf"))))
			.sorted()
			.toList();
	}

	/** One of our languages for a BCP 47 tag; English when we do not have it. */
	public static Locale language(String tag) {
		Locale wanted = tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag);
		return LANGUAGES.stream()
			.filter(locale -> locale.getLanguage().equals(wanted.getLanguage()))
			.findFirst()
			.orElse(Locale.ENGLISH);
	}

	/** Money as the reader's language writes it, with the currency's sign or code. */
	public static String money(Money money, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(Currency.getInstance(money.currency()));
		return format.format(money.amount());
	}

	/** The template (e.g. {@code documents/quote}) as HTML for a browser. */
	public String html(String template, Locale locale, Map<String, Object> values) {
		return render(template, locale, values, BROWSER_FONTS);
	}

	/** The template rendered to PDF. Blocking: call it off the event loop. */
	public byte[] pdf(String template, Locale locale, Map<String, Object> values) {
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
			builder.withHtmlContent(render(template, locale, values, families.toString()), null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The name to save a document under: the message {@code key} in the reader's
	 * language, without characters that file systems refuse, and the extension.
	 */
	public String fileName(String key, Object[] arguments, Locale locale, String extension) {
		String name = this.messages.getMessage(key, arguments, locale);
		String safe = SPACES.matcher(NOT_IN_FILE_NAMES.matcher(name).replaceAll(" ")).replaceAll(" ").strip();
		if (safe.length() > MAX_FILE_NAME) {
			safe = safe.substring(0, MAX_FILE_NAME).strip();
		}
		return safe + "." + extension;
	}

	/**
	 * A document's answer: shown in the browser (inline) and saved under
	 * {@code fileName}; {@code filename*} carries non-ASCII names (RFC 6266).
	 */
	public static ResponseEntity<byte[]> response(byte[] body, MediaType type, String fileName) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	private String render(String template, Locale locale, Map<String, Object> values, String fontFamilies) {
		Map<String, Object> variables = new HashMap<>(values);
		variables.put("lang", locale.toLanguageTag());
		variables.put("fontFamilies", fontFamilies);
		return this.templates.process(template, new Context(locale, variables));
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

}
