package com.dealerdesk.mail;

import java.util.ArrayList;
import java.util.List;

import com.dealerdesk.mail.MailFixtures.Eml;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.mail.MailFixtures.customer;
import static com.dealerdesk.mail.MailFixtures.encodedWord;
import static com.dealerdesk.mail.MailFixtures.input;
import static com.dealerdesk.mail.MailImportTest.mail;
import static com.dealerdesk.mail.MailImportTest.marker;
import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading the archive: the timeline with cursors, full-text search, node(id), scope. */
class MailQueryTest extends ApiTest {

	@Test
	void pagesThroughACustomersMailNewestFirstWithCursors() {
		String customerId = (String) customer(as(REP), unique("Timeline")).get("id");
		String m = marker();
		// two messages share a date: the id breaks the tie, neither is skipped nor
		// repeated
		List<String> dates = List.of("Mon, 2 Mar 2026 09:00:00 +0000", "Tue, 3 Mar 2026 09:00:00 +0000",
				"Tue, 3 Mar 2026 09:00:00 +0000", "Wed, 4 Mar 2026 09:00:00 +0000", "Thu, 5 Mar 2026 09:00:00 +0000",
				"Fri, 6 Mar 2026 09:00:00 +0000", "Sat, 7 Mar 2026 09:00:00 +0000");
		for (int i = 0; i < dates.size(); i++) {
			importInto(customerId, Eml.simple("p" + i + "." + m + "@x.example", "a@x.example", "b@x.example",
					"Message " + i, dates.get(i), "Body " + i));
		}

		List<String> seen = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 10; page++) {
			GraphQlTester.Response response = as(REP).documentName("mailMessages")
				.variable("customerId", customerId)
				.variable("first", 3)
				.variable("after", after)
				.execute();
			seen.addAll(response.path("mailMessages.edges[*].node.subject").entityList(String.class).get());
			response.path("mailMessages.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			if (!response.path("mailMessages.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				break;
			}
			after = response.path("mailMessages.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(seen).hasSize(7).startsWith("Message 6", "Message 5", "Message 4").endsWith("Message 0");
		assertThat(seen.subList(4, 6)).containsExactlyInAnyOrder("Message 1", "Message 2");

		// the caller's scope applies: another team sees an empty timeline, cursors are
		// checked
		as(REP_OTHER_TEAM).documentName("mailMessages")
			.variable("customerId", customerId)
			.execute()
			.path("mailMessages.edges")
			.entityList(Object.class)
			.hasSize(0);
		as(REP).documentName("mailMessages")
			.variable("customerId", customerId)
			.variable("after", "not-a-cursor")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
	}

	@Test
	void searchFindsBodyWordsAndRussianSubjectsOnlyInTheCallersScope() {
		String m = marker();
		String ofRep = (String) customer(as(REP), unique("Search rep")).get("id");
		String ofOtherTeam = (String) customer(as(REP_OTHER_TEAM), unique("Search other")).get("id");
		String ofPartnerA = (String) customer(as(PARTNER_A_USER), unique("Search A")).get("id");
		// a raw UTF-8 display name (RFC 6532) besides the encoded-word subject
		String repMail = importInto(ofRep,
				Eml.simple("s1." + m + "@x.example", "\"Ольга Смирнова\" <olga@smirnova-" + m + ".example>",
						"rep@vendor.example", encodedWord("Договор поставки " + m), "Mon, 2 Mar 2026 09:00:00 +0000",
						"Please find the quotation " + m + " attached."));
		String otherTeamMail = importInto(ofOtherTeam, Eml.simple("s2." + m + "@x.example", "x@other.example",
				"rep3@vendor.example", "Quotation " + m, "Tue, 3 Mar 2026 09:00:00 +0000", "Another quotation."));
		// without a Date header the import time places it: the newest of the three
		String partnerMail = importInto(ofPartnerA, Eml.simple("s3." + m + "@x.example", "y@partner.example",
				"anna@partner-a.example", "Partner quotation", null, "Body " + m));

		assertThat(search(REP, m, null)).containsExactly(repMail);
		assertThat(search(REP, "ДОГОВОР " + m, null)).containsExactly(repMail);
		assertThat(search(REP, "договор поставки", ofRep)).containsExactly(repMail);
		assertThat(search(REP, "quotation " + m, null)).containsExactly(repMail);
		assertThat(search(REP, "smirnova-" + m + ".example", null)).containsExactly(repMail);
		assertThat(search(REP, "Ольга " + m, null)).containsExactly(repMail);
		assertThat(search(REP, m + " -quotation", null)).isEmpty();
		assertThat(search(REP_OTHER_TEAM, m, null)).containsExactly(otherTeamMail);
		assertThat(search(MANAGER, m, null)).containsExactly(repMail);
		assertThat(search(PARTNER_A_USER, m, null)).containsExactly(partnerMail);
		assertThat(search(PARTNER_B_USER, m, null)).isEmpty();
		assertThat(search(ADMIN, m, null)).containsExactly(partnerMail, otherTeamMail, repMail);
		assertThat(search(ACCOUNTANT, m, ofOtherTeam)).containsExactly(otherTeamMail);

		as(REP).documentName("searchMail")
			.variable("query", "   ")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_SEARCH")));
	}

	@Test
	void searchPagesWithCursors() {
		String m = marker();
		String customerId = (String) customer(as(REP), unique("Search pages")).get("id");
		for (int i = 0; i < 5; i++) {
			importInto(customerId, Eml.simple("sp" + i + "." + m + "@x.example", "a@x.example", "b@x.example",
					"Invoice " + i, "Mon, " + (2 + i) + " Mar 2026 09:00:00 +0000", "Invoice text " + m));
		}
		GraphQlTester.Response first = as(REP).documentName("searchMail")
			.variable("query", m)
			.variable("first", 3)
			.execute();
		assertThat(first.path("searchMail.edges[*].node.subject").entityList(String.class).get())
			.containsExactly("Invoice 4", "Invoice 3", "Invoice 2");
		String after = first.path("searchMail.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response second = as(REP).documentName("searchMail")
			.variable("query", m)
			.variable("first", 3)
			.variable("after", after)
			.execute();
		assertThat(second.path("searchMail.edges[*].node.subject").entityList(String.class).get())
			.containsExactly("Invoice 1", "Invoice 0");
		second.path("searchMail.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void nodeFetchesMailInScopeOnly() {
		String customerId = (String) customer(as(REP), unique("Node")).get("id");
		String id = importInto(customerId,
				Eml.simple(null, "a@x.example", "b@x.example", "By node", null, "Fetched by node"));
		String document = "query($id: ID!) { node(id: $id) { id ... on MailMessage { subject textBody"
				+ " customer { id } from { address } attachments { fileName } } } }";

		GraphQlTester.Response response = as(REP).document(document).variable("id", id).execute();
		response.path("node.subject").entity(String.class).isEqualTo("By node");
		response.path("node.textBody").entity(String.class).isEqualTo("Fetched by node");
		response.path("node.customer.id").entity(String.class).isEqualTo(customerId);
		response.path("node.from.address").entity(String.class).isEqualTo("a@x.example");
		as(REP_OTHER_TEAM).document(document).variable("id", id).execute().path("node").valueIsNull();
		as(PARTNER_A_USER).document(document).variable("id", id).execute().path("node").valueIsNull();
	}

	/** Admins see and write every customer, so they import for these tests. */
	private String importInto(String customerId, Eml eml) {
		return (String) mail(
				as(ADMIN).documentName("importMail").variable("input", input(customerId, eml.bytes())).execute())
			.get("id");
	}

	private List<String> search(TestUser user, String query, String customerId) {
		return as(user).documentName("searchMail")
			.variable("query", query)
			.variable("customerId", customerId)
			.execute()
			.path("searchMail.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

}
