package com.dealerdesk.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/** .eml files and customers for the mail tests, built in code. */
final class MailFixtures {

	private MailFixtures() {
	}

	/** Creates a customer with contacts (each a last name and an e-mail address). */
	static Map<String, Object> customer(GraphQlTester tester, String name, String... lastNameAndEmail) {
		List<Map<String, Object>> contacts = new ArrayList<>();
		for (int i = 0; i < lastNameAndEmail.length; i += 2) {
			contacts.add(Map.of("lastName", lastNameAndEmail[i], "emails", List.of(lastNameAndEmail[i + 1])));
		}
		GraphQlTester.Response response = tester.documentName("createCustomer")
			.variable("input", Map.of("name", name, "contacts", contacts))
			.execute();
		response.path("createCustomer.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createCustomer.customer").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

	static String contactId(Map<String, Object> customer, int index) {
		return (String) ((Map<?, ?>) ((List<?>) customer.get("contacts")).get(index)).get("id");
	}

	/** The id of the customer's contact with this last name. */
	static String contactId(Map<String, Object> customer, String lastName) {
		return ((List<?>) customer.get("contacts")).stream()
			.map(contact -> (Map<?, ?>) contact)
			.filter(contact -> lastName.equals(contact.get("fullName")))
			.map(contact -> (String) contact.get("id"))
			.findFirst()
			.orElseThrow();
	}

	static Map<String, Object> input(String customerId, byte[] eml) {
		Map<String, Object> input = new LinkedHashMap<>();
		if (customerId != null) {
			input.put("customerId", customerId);
		}
		input.put("eml", Base64.getEncoder().encodeToString(eml));
		return input;
	}

	/** An RFC 2047 encoded word (base64, UTF-8). */
	static String encodedWord(String text) {
		return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
	}

	static String base64Lines(byte[] bytes) {
		return Base64.getMimeEncoder().encodeToString(bytes);
	}

	/** A message built from header lines and a body, with CRLF line ends. */
	static final class Eml {

		private final List<String> headers = new ArrayList<>();

		private String body = "";

		private Charset charset = StandardCharsets.UTF_8;

		static Eml message() {
			return new Eml().header("MIME-Version", "1.0");
		}

		/** A plain-text message with the usual headers. */
		static Eml simple(String messageId, String from, String to, String subject, String date, String text) {
			Eml eml = message().header("From", from).header("To", to).header("Subject", subject);
			if (messageId != null) {
				eml.header("Message-ID", "<" + messageId + ">");
			}
			if (date != null) {
				eml.header("Date", date);
			}
			return eml.header("Content-Type", "text/plain; charset=UTF-8")
				.header("Content-Transfer-Encoding", "8bit")
				.body(text);
		}

		Eml header(String name, String value) {
			this.headers.add(name + ": " + value);
			return this;
		}

		Eml body(String body) {
			this.body = body;
			return this;
		}

		/** The charset the body is written in; headers are UTF-8 (RFC 6532). */
		Eml charset(Charset charset) {
			this.charset = charset;
			return this;
		}

		byte[] bytes() {
			String head = String.join("\r\n", this.headers) + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
			byte[] bodyBytes = this.body.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(this.charset);
			byte[] all = new byte[headBytes.length + bodyBytes.length];
			System.arraycopy(headBytes, 0, all, 0, headBytes.length);
			System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
			return all;
		}

	}

}
