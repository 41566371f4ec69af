package com.dealerdesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.dealerdesk.mail.MailFixtures.Eml;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static com.dealerdesk.mail.MailFixtures.base64Lines;
import static com.dealerdesk.mail.MailFixtures.contactId;
import static com.dealerdesk.mail.MailFixtures.customer;
import static com.dealerdesk.mail.MailFixtures.encodedWord;
import static com.dealerdesk.mail.MailFixtures.input;
import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.READ_ONLY_INTEGRATION;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/** Importing .eml files: parsing, matching, threading, idempotence, and refusals. */
class MailImportTest extends ApiTest {

	@Test
	void importsAMultipartMessageWithEncodedHeadersAlternativeBodiesAndAnAttachment() {
		String domain = marker() + ".sever.example";
		Map<String, Object> customer = customer(as(REP), unique("Северсталь"), "Петров", "Ivan.Petrov@" + domain,
				"Wang", "wang@" + domain);
		String customerId = (String) customer.get("id");
		byte[] pdf = new byte[1234];
		Arrays.fill(pdf, (byte) 'x');
		System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
		String plain = "Здравствуйте, Иван!\nВо вложении договор. Termin: 15. März.\n";
		byte[] eml = Eml.message()
			.header("From", encodedWord("Иван Петров") + " <IVAN.PETROV@" + domain.toUpperCase() + ">")
			.header("To", "\"Rep\" <rep@vendor.example>")
			.header("Cc", encodedWord("王伟") + " <Wang@" + domain + ">, other@elsewhere.example")
			.header("Subject", encodedWord("Договор поставки №7 — 合同"))
			.header("Date", "Mon, 2 Mar 2026 10:15:00 +0100")
			.header("Message-ID", "<m1." + domain + "@mail.example>")
			.header("Content-Type", "multipart/mixed; boundary=\"outer\"")
			.body("""
					This is a multi-part message in MIME format.
					--outer
					Content-Type: multipart/alternative; boundary="inner"

					--inner
					Content-Type: text/plain; charset=UTF-8
					Content-Transfer-Encoding: base64

					%s
					--inner
					Content-Type: text/html; charset=UTF-8

					<html><body><p>HTML version only</p></body></html>
					--inner--
					--outer
					Content-Type: application/pdf; name="offer.pdf"
					Content-Disposition: attachment; filename*=UTF-8''Angebot%%20M%%C3%%BCller.pdf
					Content-Transfer-Encoding: base64

					%s
					--outer--
					""".formatted(base64Lines(plain.getBytes(StandardCharsets.UTF_8)), base64Lines(pdf)))
			.bytes();

		GraphQlTester.Response response = importMail(REP, input(customerId, eml));

		response.path("importMail.userErrors").entityList(Object.class).hasSize(0);
		response.path("importMail.alreadyImported").entity(Boolean.class).isEqualTo(false);
		Map<String, Object> mail = mail(response);
		assertThat(mail).containsEntry("subject", "Договор поставки №7 — 合同")
			.containsEntry("sentAt", "2026-03-02T09:15:00Z")
			.containsEntry("messageId", "m1." + domain + "@mail.example")
			.containsEntry("thread", "m1." + domain + "@mail.example")
			.containsEntry("inReplyTo", null);
		assertThat((String) mail.get("textBody")).isEqualTo(plain.strip());
		assertThat(((Map<?, ?>) mail.get("customer")).get("id")).isEqualTo(customerId);
		assertThat(map(mail.get("from"))).containsEntry("address", "ivan.petrov@" + domain)
			.containsEntry("name", "Иван Петров")
			.containsEntry("contact", Map.of("id", contactId(customer, "Петров"), "fullName", "Петров"));
		List<?> to = (List<?>) mail.get("to");
		assertThat(to).hasSize(1);
		assertThat(map(to.get(0))).containsEntry("address", "rep@vendor.example")
			.containsEntry("name", "Rep")
			.containsEntry("contact", null);
		List<?> cc = (List<?>) mail.get("cc");
		assertThat(cc).hasSize(2);
		assertThat(map(cc.get(0))).containsEntry("address", "wang@" + domain)
			.containsEntry("name", "王伟")
			.containsEntry("contact", Map.of("id", contactId(customer, "Wang")));
		assertThat(map(cc.get(1))).containsEntry("address", "other@elsewhere.example").containsEntry("contact", null);
		assertThat(list(mail.get("attachments"))).containsExactly(
				Map.of("fileName", "Angebot Müller.pdf", "contentType", "application/pdf", "sizeBytes", 1234));

		String localId = GlobalId.parse((String) mail.get("id")).localId();
		assertThat(count("select count(*) from mail_participant where message_id::text = $1", localId)).isEqualTo(4);
		assertThat(count("select count(*) from mail_attachment where message_id::text = $1", localId)).isEqualTo(1);
		assertThat(count("select count(*) from outbox_event where type = 'mail.imported' and aggregate_type ="
				+ " 'MailMessage' and aggregate_id::text = $1 and payload->>'customerId' = $2"
				+ " and payload->'attachments'->0->>'fileName' = 'Angebot Müller.pdf'", localId, customerId))
			.isEqualTo(1);
	}

	@Test
	void decodesHtmlOnlyBodiesAndLegacyCharsets() {
		Map<String, Object> customer = customer(as(REP), unique("Charsets"));
		String customerId = (String) customer.get("id");
		byte[] html = Eml.message()
			.header("From", "=?ISO-8859-1?Q?J=FCrgen_M=FCller?= <j.mueller@mueller.example>")
			.header("Subject", encodedWord("合同续签 2027"))
			.header("Content-Type", "text/html; charset=ISO-8859-1")
			.header("Content-Transfer-Encoding", "8bit")
			.charset(StandardCharsets.ISO_8859_1)
			.body("<html><head><title>t</title><style>p{}</style></head><body><p>Gr&uuml;&szlig;e aus München</p>"
					+ "<script>alert(1)</script><div>Zweite&nbsp;Zeile &amp; mehr</div></body></html>")
			.bytes();
		byte[] quotedPrintable = Eml.message()
			.header("From", "anna@example.org")
			.header("Subject", "=?utf-8?q?=D0=A1=D1=87=D1=91=D1=82?=")
			.header("Content-Type", "text/plain; charset=\"iso-8859-1\"")
			.header("Content-Transfer-Encoding", "quoted-printable")
			.body("Sch=F6ne Gr=FC=DFe,=\nAnna\n")
			.bytes();

		Map<String, Object> fromHtml = mail(importMail(REP, input(customerId, html)));
		assertThat(fromHtml).containsEntry("subject", "合同续签 2027")
			.containsEntry("textBody", "Grüße aus München\n\nZweite Zeile & mehr")
			.containsEntry("sentAt", null);
		assertThat(((Map<?, ?>) fromHtml.get("from")).get("name")).isEqualTo("Jürgen Müller");
		// without a Message-ID, a digest of the file stands in for it
		assertThat((String) fromHtml.get("messageId")).startsWith("sha256:");
		assertThat((String) fromHtml.get("thread")).isEqualTo("subject:合同续签 2027");

		Map<String, Object> fromQuotedPrintable = mail(importMail(REP, input(customerId, quotedPrintable)));
		assertThat(fromQuotedPrintable).containsEntry("subject", "Счёт").containsEntry("textBody", "Schöne Grüße,Anna");
		assertThat(((List<?>) fromQuotedPrintable.get("attachments"))).isEmpty();
	}

	@Test
	void repliesJoinTheirOriginalsThreadInAnyImportOrder() {
		String customerId = (String) customer(as(REP), unique("Threads")).get("id");
		String m = marker();
		String root = "root." + m + "@a.example";
		String first = importedThread(customerId, Eml.simple(root, "a@a.example", "b@b.example", "Angebot",
				"Tue, 3 Mar 2026 09:00:00 +0000", "Hier das Angebot."));
		String reply = importedThread(customerId, Eml
			.simple("reply." + m + "@b.example", "b@b.example", "a@a.example", "Re: Angebot",
					"Tue, 3 Mar 2026 10:00:00 +0000", "Danke.")
			.header("In-Reply-To", "<" + root + ">"));
		String replyToReply = importedThread(customerId,
				Eml.simple("reply2." + m + "@a.example", "a@a.example", "b@b.example", "AW: Re: Angebot",
						"Tue, 3 Mar 2026 11:00:00 +0000", "Gern.")
					.header("References", "<" + root + ">\r\n <reply." + m + "@b.example>")
					.header("In-Reply-To", "<reply." + m + "@b.example>"));
		assertThat(List.of(first, reply, replyToReply)).containsOnly(root);

		// a reply that arrives before its original: the original joins the reply's thread
		String early = importedThread(customerId,
				Eml.simple("early." + m + "@b.example", "b@b.example", "a@a.example", "Re: Frage",
						"Wed, 4 Mar 2026 10:00:00 +0000", "Antwort.")
					.header("In-Reply-To", "<question." + m + "@a.example>"));
		String late = importedThread(customerId, Eml.simple("question." + m + "@a.example", "a@a.example",
				"b@b.example", "Frage", "Wed, 4 Mar 2026 09:00:00 +0000", "Frage?"));
		assertThat(early).isEqualTo(late).isEqualTo("question." + m + "@a.example");

		List<String> subjects = as(REP).documentName("mailMessages")
			.variable("customerId", customerId)
			.variable("thread", root)
			.execute()
			.path("mailMessages.edges[*].node.subject")
			.entityList(String.class)
			.get();
		assertThat(subjects).containsExactly("AW: Re: Angebot", "Re: Angebot", "Angebot");
	}

	@Test
	void reimportingTheSameMessageIsRecognisedNotDuplicated() {
		String customerId = (String) customer(as(REP), unique("Idempotent")).get("id");
		byte[] eml = Eml
			.simple("same." + marker() + "@x.example", "a@x.example", "b@y.example", "Once",
					"Thu, 5 Mar 2026 08:00:00 +0000", "Only once.")
			.bytes();

		GraphQlTester.Response firstImport = importMail(REP, input(customerId, eml));
		GraphQlTester.Response secondImport = importMail(REP, input(customerId, eml));

		String id = (String) mail(firstImport).get("id");
		secondImport.path("importMail.userErrors").entityList(Object.class).hasSize(0);
		secondImport.path("importMail.alreadyImported").entity(Boolean.class).isEqualTo(true);
		secondImport.path("importMail.mail.id").entity(String.class).isEqualTo(id);
		secondImport.path("importMail.mail.to[0].address").entity(String.class).isEqualTo("b@y.example");
		assertThat(messagesOf(customerId)).isEqualTo(1);
		assertThat(eventsOf(customerId)).isEqualTo(1);
	}

	@Test
	void findsTheCustomerByAContactsAddressWhenNoneIsNamed() {
		String m = marker();
		Map<String, Object> customer = customer(as(REP), unique("Matched"), "Lee", "Ann.Lee@" + m + ".example");
		byte[] eml = Eml
			.simple("match." + m + "@vendor.example", "rep@vendor.example", "\"Ann Lee\" <ANN.LEE@" + m + ".example>",
					"Hello", null, "Hi Ann")
			.bytes();

		Map<String, Object> mail = mail(importMail(REP, input(null, eml)));

		assertThat(((Map<?, ?>) mail.get("customer")).get("id")).isEqualTo(customer.get("id"));
		assertThat(((Map<?, ?>) ((List<?>) mail.get("to")).get(0)).get("contact"))
			.isEqualTo(Map.of("id", contactId(customer, 0)));

		// the same address at a customer the caller cannot see does not count
		customer(as(REP_OTHER_TEAM), unique("Invisible"), "Lee", "ann.lee@" + m + ".example");
		importMail(REP,
				input(null,
						Eml.simple("match2." + m + "@vendor.example", "rep@vendor.example", "ann.lee@" + m + ".example",
								"Again", null, "Hi again")
							.bytes()))
			.path("importMail.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void refusesToGuessTheCustomerWhenNoneOrSeveralMatch() {
		String m = marker();
		customer(as(REP), unique("One"), "Doe", "shared@" + m + ".example");
		customer(as(REP), unique("Two"), "Doe", "shared@" + m + ".example");

		GraphQlTester.Response ambiguous = importMail(REP, input(null,
				Eml.simple(null, "shared@" + m + ".example", "rep@vendor.example", "Which?", null, "Text").bytes()));
		ambiguous.path("importMail.userErrors[0].code").entity(String.class).isEqualTo("REQUIRED");
		ambiguous.path("importMail.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "customerId");
		ambiguous.path("importMail.mail").valueIsNull();

		GraphQlTester.Response unknown = importMail(REP, input(null,
				Eml.simple(null, "nobody@" + m + ".example", "rep@vendor.example", "Who?", null, "Text").bytes()));
		unknown.path("importMail.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		unknown.path("importMail.userErrors[0].field").entityList(String.class).containsExactly("input", "customerId");
		assertThat(count("select count(*) from mail_participant where address like $1", "%@" + m + ".example"))
			.isZero();
	}

	@Test
	void refusesBrokenFilesWithClearMessagesAndWritesNothing() {
		String customerId = (String) customer(as(REP), unique("Broken")).get("id");
		byte[] noFrom = Eml.message().header("To", "a@b.example").header("Subject", "No sender").body("Hi").bytes();
		byte[] notMail = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".getBytes(StandardCharsets.UTF_8);
		byte[] brokenMultipart = Eml.message()
			.header("From", "a@b.example")
			.header("Content-Type", "multipart/mixed; boundary=\"missing\"")
			.body("There is no boundary line in this body.\n")
			.bytes();
		// Jakarta Mail would take "--guess" as the boundary and store the message
		byte[] noBoundaryParameter = Eml.message()
			.header("From", "a@b.example")
			.header("Content-Type", "multipart/mixed")
			.body("--guess\nContent-Type: text/plain\n\nHello\n--guess--\n")
			.bytes();

		assertRefused(Map.of("customerId", customerId, "eml", "this is not base64!"), "INVALID_FORMAT", "base64");
		assertRefused(input(customerId, notMail), "INVALID_FORMAT", "not an e-mail message");
		assertRefused(input(customerId, noFrom), "INVALID_FORMAT", "no From header");
		assertRefused(input(customerId, brokenMultipart), "INVALID_FORMAT", "MIME");
		assertRefused(input(customerId, noBoundaryParameter), "INVALID_FORMAT", "no boundary parameter");
		assertRefused(Map.of("customerId", customerId, "eml", ""), "REQUIRED", "required");

		// 10 MiB is the limit: one byte more is refused, the limit itself accepted
		byte[] head = Eml.simple(null, "big@b.example", "a@b.example", "Big", null, "").bytes();
		byte[] tooLarge = Arrays.copyOf(head, MailParser.MAX_BYTES + 1);
		Arrays.fill(tooLarge, head.length, tooLarge.length, (byte) 'a');
		assertRefused(input(customerId, tooLarge), "TOO_LONG", "10 MiB");
		assertThat(messagesOf(customerId)).isZero();
		assertThat(eventsOf(customerId)).isZero();

		byte[] atTheLimit = Arrays.copyOf(tooLarge, MailParser.MAX_BYTES);
		for (int i = head.length; i < atTheLimit.length; i += 80) {
			atTheLimit[i] = '\n';
		}
		// (without textBody in the answer: 10 MiB is more than the test client buffers)
		as(REP).document(
				"mutation($input: ImportMailInput!) { importMail(input: $input) { mail { id } userErrors { code } } }")
			.variable("input", input(customerId, atTheLimit))
			.execute()
			.path("importMail.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(messagesOf(customerId)).isEqualTo(1);
	}

	@Test
	void requestBodiesOverTheCapAreRefusedWith413() {
		String body = "{\"query\":\"mutation($i: ImportMailInput!) { importMail(input: $i) { alreadyImported } }\","
				+ "\"variables\":{\"i\":{\"eml\":\"" + "A".repeat(17 * 1024 * 1024) + "\"}}}";
		http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(REP))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("REQUEST_TOO_LARGE");
	}

	@Test
	void onlyWritersImportAndOnlyIntoCustomersTheySee() {
		String ofRep = (String) customer(as(REP), unique("Rep's")).get("id");
		String ofPartnerB = (String) customer(as(PARTNER_B_USER), unique("B's")).get("id");
		byte[] eml = Eml.simple("scope." + marker() + "@x.example", "a@x.example", "b@x.example", "Scope", null, "Hi")
			.bytes();

		importMail(ACCOUNTANT, input(ofRep, eml)).path("importMail.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_ALLOWED");
		// a token without the write scope is refused before the mutation runs
		importMail(READ_ONLY_INTEGRATION, input(ofRep, eml)).errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INSUFFICIENT_SCOPE")));
		importMail(PARTNER_A_USER, input(ofPartnerB, eml)).path("importMail.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("NOT_FOUND");
		importMail(REP_OTHER_TEAM, input(ofRep, eml)).path("importMail.userErrors[0].field")
			.entityList(String.class)
			.containsExactly("input", "customerId");
		assertThat(messagesOf(ofRep) + messagesOf(ofPartnerB)).isZero();

		// partner B's own user may, and the event carries partner B for its subscribers
		importMail(PARTNER_B_USER, input(ofPartnerB, eml)).path("importMail.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(count("select count(*) from outbox_event where type = 'mail.imported' and partner_id = $1"
				+ " and payload->>'customerId' = $2", com.dealerdesk.support.TestPeople.PARTNER_B, ofPartnerB))
			.isEqualTo(1);
	}

	@Test
	void archivedCustomersTakeNoMail() {
		String id = (String) customer(as(REP), unique("Archived")).get("id");
		as(REP).documentName("archiveCustomer")
			.variable("input", Map.of("id", id, "expectedVersion", 1))
			.execute()
			.path("archiveCustomer.customer.archived")
			.entity(Boolean.class)
			.isEqualTo(true);
		importMail(REP, input(id, Eml.simple(null, "a@x.example", "b@x.example", "Late", null, "Hi").bytes()))
			.path("importMail.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
	}

	private void assertRefused(Map<String, Object> input, String code, String messagePart) {
		GraphQlTester.Response response = importMail(REP, input);
		response.path("importMail.mail").valueIsNull();
		response.path("importMail.userErrors[0].code").entity(String.class).isEqualTo(code);
		response.path("importMail.userErrors[0].field").entityList(String.class).containsExactly("input", "eml");
		response.path("importMail.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).containsIgnoringCase(messagePart));
	}

	private String importedThread(String customerId, Eml eml) {
		return (String) mail(importMail(REP, input(customerId, eml.bytes()))).get("thread");
	}

	private GraphQlTester.Response importMail(TestUser user, Map<String, Object> input) {
		return as(user).documentName("importMail").variable("input", input).execute();
	}

	static Map<String, Object> mail(GraphQlTester.Response response) {
		response.path("importMail.userErrors").entityList(Object.class).hasSize(0);
		return response.path("importMail.mail").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	private long messagesOf(String customerId) {
		return count("select count(*) from mail_message where customer_id::text = $1",
				GlobalId.parse(customerId).localId());
	}

	private long eventsOf(String customerId) {
		return count("select count(*) from outbox_event where type = 'mail.imported' and payload->>'customerId' = $1",
				customerId);
	}

	@SuppressWarnings("unchecked")
	static Map<Object, Object> map(Object value) {
		return (Map<Object, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return (List<Object>) value;
	}

	static String marker() {
		return unique("m").replace(" ", "").toLowerCase();
	}

}
