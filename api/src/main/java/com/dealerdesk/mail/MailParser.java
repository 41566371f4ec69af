package com.dealerdesk.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an RFC 822 / MIME message with Jakarta Mail (Angus Mail) into what the archive
 * keeps. Blocking and CPU-bound: call it off the event loop. A file that is not a usable
 * message fails with {@link UserErrorsException} on {@code input.eml}.
 */
final class MailParser {

	private static final Logger log = LoggerFactory.getLogger(MailParser.class);

	/** Decoded size limit of an imported file: 10 MiB. */
	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final int MAX_PARTICIPANTS = 1000;

	static final int MAX_PARTS = 1000;

	/** Multipart nesting deeper than this is not looked into (no real mail needs it). */
	private static final int MAX_DEPTH = 20;

	/** Longer ids cannot be indexed and are not real Message-IDs. */
	private static final int MAX_ID_LENGTH = 500;

	private static final int MAX_THREAD_SUBJECT = 200;

	private static final String[] FIELD = { "input", "eml" };

	/** Reply and forward prefixes of common mail clients, in several languages. */
	private static final Pattern REPLY_PREFIX = Pattern.compile(
			"^\\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|tr|antw|rif|r|odp|отв|ответ|пересл|回复|答复|转发|回覆|轉寄)\\s*(?:\\[\\d+\\])?\\s*[:：]\\s*|\\[[^\\]]{0,40}\\]\\s*)+",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?\\s]*\\?=");

	private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");

	/** An RFC 5322 header field: printable ASCII name, then a colon. */
	private static final Pattern HEADER_LINE = Pattern.compile("[!-9;-~]+[ \t]*:");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private MailParser() {
	}

	/** A parsed message, ready to be stored. */
	record ParsedMail(String messageId, String inReplyTo, List<String> references, String subject,
			List<Address822> from, List<Address822> to, List<Address822> cc, OffsetDateTime sentAt, String textBody,
			List<Attachment> attachments) {

		/**
		 * The subject without reply prefixes, lower-cased: a thread key of last resort.
		 */
		String threadSubject() {
			String normalized = subject == null ? "" : REPLY_PREFIX.matcher(subject).replaceFirst("");
			normalized = WHITESPACE.matcher(normalized.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
			return normalized.length() > MAX_THREAD_SUBJECT ? normalized.substring(0, MAX_THREAD_SUBJECT) : normalized;
		}

		List<String> allAddresses() {
			List<String> addresses = new ArrayList<>();
			for (List<Address822> list : List.of(this.from, this.to, this.cc)) {
				list.forEach(address -> addresses.add(address.address()));
			}
			return addresses.stream().distinct().toList();
		}

	}

	/** A mailbox: lower-cased address and decoded display name. */
	record Address822(String address, String name) {

	}

	record Attachment(String fileName, String contentType, int sizeBytes) {

	}

	static ParsedMail parse(byte[] eml) {
		Properties properties = new Properties();
		// Modern clients write UTF-8 in headers without encoded words (RFC 6532).
		properties.setProperty("mail.mime.allowutf8", "true");
		Session session = Session.getInstance(properties);
		try {
			MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(eml));
			if (!hasHeaderLines(message)) {
				throw invalid("The file is not an e-mail message: it does not start with header lines"
						+ " such as From:, To: and Subject:.");
			}
			String[] fromHeaders = message.getHeader("From");
			if (fromHeaders == null || fromHeaders.length == 0 || fromHeaders[0].isBlank()) {
				throw invalid("The message has no From header: it is not a complete e-mail message.");
			}
			List<Address822> from = addresses(message, "From");
			if (from.isEmpty()) {
				throw invalid("The message's From header holds no e-mail address.");
			}
			List<Address822> to = addresses(message, "To");
			List<Address822> cc = addresses(message, "Cc");
			if (from.size() + to.size() + cc.size() > MAX_PARTICIPANTS) {
				throw new UserErrorsException(UserError.of(UserErrorCode.TOO_LONG,
						"The message has more than " + MAX_PARTICIPANTS + " senders and recipients.", FIELD));
			}
			String messageId = firstId(message.getHeader("Message-ID", null));
			if (messageId == null) {
				messageId = "sha256:" + sha256(eml);
			}
			List<String> references = ids(message.getHeader("References", " "));
			String inReplyTo = firstId(message.getHeader("In-Reply-To", null));
			Date sent = sentDate(message);
			Body body = new Body();
			walk(message, body, 0);
			return new ParsedMail(messageId, inReplyTo, references,
					text(decodeHeader(message.getHeader("Subject", null))), from, to, cc,
					sent == null ? null : sent.toInstant().atOffset(ZoneOffset.UTC), body.textBody(),
					List.copyOf(body.attachments));
		}
		catch (MessagingException | IOException ex) {
			throw unreadable(ex);
		}
		catch (RuntimeException ex) {
			if (ex instanceof UserErrorsException) {
				throw ex;
			}
			// Jakarta Mail's parsers signal some malformed input with runtime exceptions.
			throw unreadable(ex);
		}
	}

	private static boolean hasHeaderLines(MimeMessage message) throws MessagingException {
		Enumeration<String> lines = message.getAllHeaderLines();
		while (lines.hasMoreElements()) {
			if (HEADER_LINE.matcher(lines.nextElement()).lookingAt()) {
				return true;
			}
		}
		return false;
	}

	private static Date sentDate(MimeMessage message) {
		try {
			return message.getSentDate();
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private static List<Address822> addresses(MimeMessage message, String header) throws MessagingException {
		String value = message.getHeader(header, ",");
		if (value == null || value.isBlank()) {
			return List.of();
		}
		InternetAddress[] parsed;
		try {
			parsed = InternetAddress.parseHeader(value, false);
		}
		catch (AddressException ex) {
			log.info("{} header of an imported message refused: {}", header, reason(ex));
			throw invalid("The message's " + header + " header is not a valid address list"
					+ (ex.getPos() >= 0 ? " (at character " + (ex.getPos() + 1) + ")." : "."));
		}
		// Deduplicated by address, in header order; groups contribute their members.
		Map<String, Address822> unique = new LinkedHashMap<>();
		for (InternetAddress address : parsed) {
			for (InternetAddress mailbox : address.isGroup() ? members(address) : new InternetAddress[] { address }) {
				String text = mailbox.getAddress();
				if (text == null || text.isBlank() || text.length() > 320) {
					continue;
				}
				String lower = text(text.strip().toLowerCase(Locale.ROOT));
				unique.putIfAbsent(lower, new Address822(lower, text(decodeHeader(mailbox.getPersonal()))));
			}
		}
		return List.copyOf(unique.values());
	}

	private static InternetAddress[] members(InternetAddress group) {
		try {
			InternetAddress[] members = group.getGroup(false);
			return members == null ? new InternetAddress[0] : members;
		}
		catch (AddressException ex) {
			return new InternetAddress[0];
		}
	}

	/**
	 * Walks the MIME tree: the first plain (else HTML) text part, and every attachment.
	 */
	private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
		if (++body.parts > MAX_PARTS) {
			throw new UserErrorsException(UserError.of(UserErrorCode.TOO_LONG,
					"The message has more than " + MAX_PARTS + " MIME parts.", FIELD));
		}
		if (isAttachment(part)) {
			body.attachments.add(attachment(part));
			return;
		}
		if (part.isMimeType("multipart/*")) {
			if (depth >= MAX_DEPTH) {
				return;
			}
			if (boundary(part) == null) {
				// Jakarta Mail would guess one from the first "--" line: refuse instead.
				throw invalid("A multipart part of the message has no boundary parameter in its Content-Type,"
						+ " so its parts cannot be told apart.");
			}
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					walk(child, body, depth + 1);
				}
			}
			return;
		}
		if (part.isMimeType("text/plain") && body.plain == null) {
			body.plain = textContent(part);
		}
		else if (part.isMimeType("text/html") && body.html == null) {
			body.html = textContent(part);
		}
		else if (!part.isMimeType("text/plain") && !part.isMimeType("text/html")) {
			// An inline image or other non-text part without a name is still an
			// attachment.
			body.attachments.add(attachment(part));
		}
	}

	private static String boundary(Part part) throws MessagingException {
		String boundary = new ContentType(part.getContentType()).getParameter("boundary");
		return boundary == null || boundary.isBlank() ? null : boundary;
	}

	private static boolean isAttachment(Part part) throws MessagingException {
		if (Part.ATTACHMENT.equalsIgnoreCase(disposition(part))) {
			return true;
		}
		return fileName(part) != null || part.isMimeType("message/rfc822");
	}

	private static String disposition(Part part) {
		try {
			return part.getDisposition();
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private static String fileName(Part part) {
		try {
			String name = part.getFileName();
			return name == null || name.isBlank() ? null : text(decodeHeader(name.strip()));
		}
		catch (MessagingException ex) {
			return null;
		}
	}

	private static Attachment attachment(Part part) throws MessagingException {
		return new Attachment(fileName(part), baseType(part), decodedSize(part));
	}

	private static String baseType(Part part) {
		try {
			return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException | RuntimeException ex) {
			return "application/octet-stream";
		}
	}

	/** The size after transfer decoding; the encoded size if the encoding is broken. */
	private static int decodedSize(Part part) throws MessagingException {
		try (InputStream in = part.getInputStream()) {
			long size = in.transferTo(OutputStream.nullOutputStream());
			return (int) Math.min(size, Integer.MAX_VALUE);
		}
		catch (IOException ex) {
			return Math.max(part.getSize(), 0);
		}
	}

	private static String textContent(Part part) throws MessagingException, IOException {
		try {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
		}
		catch (UnsupportedEncodingException ex) {
			// An unknown charset: read the bytes as UTF-8, replacing what does not
			// decode.
		}
		try (InputStream in = part.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/**
	 * Decodes RFC 2047 encoded words. Jakarta Mail's strict decoding leaves words that
	 * touch other text (common in real mail) undecoded; those are decoded one by one.
	 */
	static String decodeHeader(String value) {
		if (value == null) {
			return null;
		}
		String decoded;
		try {
			decoded = MimeUtility.decodeText(MimeUtility.unfold(value));
		}
		catch (UnsupportedEncodingException ex) {
			decoded = MimeUtility.unfold(value);
		}
		if (!decoded.contains("=?")) {
			return decoded;
		}
		Matcher matcher = ENCODED_WORD.matcher(decoded);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String word = matcher.group();
			try {
				word = MimeUtility.decodeWord(word);
			}
			catch (ParseException | UnsupportedEncodingException ex) {
				// keep the word as it was
			}
			matcher.appendReplacement(result, Matcher.quoteReplacement(word));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String firstId(String header) {
		List<String> ids = ids(header);
		if (!ids.isEmpty()) {
			return ids.get(0);
		}
		if (header == null) {
			return null;
		}
		// Some clients write the id without angle brackets.
		String bare = header.strip();
		return bare.isEmpty() || bare.length() > MAX_ID_LENGTH || WHITESPACE.matcher(bare).find() ? null : bare;
	}

	/** The {@code <id>} tokens of a header, in order, without brackets. */
	private static List<String> ids(String header) {
		if (header == null) {
			return List.of();
		}
		List<String> ids = new ArrayList<>();
		Matcher matcher = MESSAGE_ID.matcher(header);
		while (matcher.find()) {
			String id = matcher.group(1);
			if (id.length() <= MAX_ID_LENGTH && !ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	/** Text as PostgreSQL can store it: no NUL characters; blank becomes null. */
	static String text(String value) {
		if (value == null) {
			return null;
		}
		String clean = value.replace("\u0000", "").strip();
		return clean.isEmpty() ? null : clean;
	}

	/**
	 * The client learns that the file is broken; the MIME library's own words (its
	 * decoder's state, class names) go to the log only, with the request id.
	 */
	private static UserErrorsException unreadable(Exception ex) {
		log.info("Imported message refused as unreadable: {}", reason(ex));
		return invalid("The file could not be read as a MIME message: its structure or an encoding in it is broken.");
	}

	/** What the library said, for the log. */
	private static String reason(Exception ex) {
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static UserErrorsException invalid(String message) {
		return new UserErrorsException(UserError.of(UserErrorCode.INVALID_FORMAT, message, FIELD));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the walk collects. */
	private static final class Body {

		private String plain;

		private String html;

		private int parts;

		private final List<Attachment> attachments = new ArrayList<>();

		String textBody() {
			if (this.plain != null) {
				return MailParser.text(this.plain);
			}
			return this.html == null ? null : MailParser.text(HtmlText.toText(this.html));
		}

	}

}
