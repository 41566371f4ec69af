package com.dealerdesk.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static com.dealerdesk.support.TestPeople.REP_OTHER_TEAM;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer timeline: activities and mail merged newest first, paged with cursors. */
class TimelineApiTest extends ApiTest {

	@Test
	void mergesActivitiesAndMailNewestFirstAcrossPages() {
		String customerId = customer();
		String marker = unique("t").replace(" ", "").toLowerCase();
		log(customerId, "Call 1", "2026-03-02T09:00:00Z");
		importMail(customerId, marker + "a", "Mail 2", "Tue, 3 Mar 2026 09:00:00 +0000");
		log(customerId, "Call 3", "2026-03-04T09:00:00Z");
		// an activity and a message at the same instant: the id orders them, neither is
		// lost or repeated at a page boundary
		log(customerId, "Call 4", "2026-03-05T09:00:00Z");
		importMail(customerId, marker + "b", "Mail 4", "Thu, 5 Mar 2026 10:00:00 +0100");
		importMail(customerId, marker + "c", "Mail 6", "Sat, 7 Mar 2026 09:00:00 +0000");
		log(customerId, "Call 7", "2026-03-08T09:00:00Z");

		for (int pageSize : new int[] { 1, 2, 3, 100 }) {
			List<String> seen = new ArrayList<>();
			List<String> types = new ArrayList<>();
			String after = null;
			for (int page = 0; page < 10; page++) {
				GraphQlTester.Response response = timeline(customerId, pageSize, after);
				response.path("customerTimeline.edges[*].node")
					.entityList(Map.class)
					.get()
					.forEach(node -> seen.add((String) node.getOrDefault("subject", node.get("mailSubject"))));
				types.addAll(response.path("customerTimeline.edges[*].node.__typename").entityList(String.class).get());
				response.path("customerTimeline.pageInfo.hasPreviousPage")
					.entity(Boolean.class)
					.isEqualTo(after != null);
				if (!response.path("customerTimeline.pageInfo.hasNextPage").entity(Boolean.class).get()) {
					break;
				}
				after = response.path("customerTimeline.pageInfo.endCursor").entity(String.class).get();
			}
			assertThat(seen).as("page size %d", pageSize).hasSize(7);
			assertThat(seen.subList(0, 3)).containsExactly("Call 7", "Mail 6", seen.get(2));
			assertThat(seen.subList(2, 4)).containsExactlyInAnyOrder("Call 4", "Mail 4");
			assertThat(seen.subList(4, 7)).containsExactly("Call 3", "Mail 2", "Call 1");
			assertThat(types).containsOnly("Activity", "MailMessage");
		}

		GraphQlTester.Response first = timeline(customerId, 2, null);
		first.path("customerTimeline.edges[0].at").entity(String.class).isEqualTo("2026-03-08T09:00:00Z");
		first.path("customerTimeline.edges[1].node.from.contact.fullName")
			.entity(String.class)
			.isEqualTo("Olga Smirnova");
	}

	@Test
	void showsNothingOutsideTheCallersScopeAndRefusesOtherCursors() {
		String customerId = customer();
		log(customerId, "Visible call", "2026-03-02T09:00:00Z");

		timeline(customerId, 10, null).path("customerTimeline.edges").entityList(Object.class).hasSize(1);
		for (var outsider : List.of(REP_OTHER_TEAM, PARTNER_A_USER)) {
			as(outsider).documentName("customerTimeline")
				.variable("customerId", customerId)
				.execute()
				.path("customerTimeline.edges")
				.entityList(Object.class)
				.hasSize(0);
		}
		String activityCursor = as(REP).documentName("reminders")
			.operationName("activities")
			.variable("customerId", customerId)
			.execute()
			.path("activities.pageInfo.endCursor")
			.entity(String.class)
			.get();
		as(REP).documentName("customerTimeline")
			.variable("customerId", customerId)
			.variable("after", activityCursor)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
		as(REP).documentName("customerTimeline")
			.variable("customerId", customerId)
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_PAGE_SIZE")));
	}

	private GraphQlTester.Response timeline(String customerId, int first, String after) {
		return as(REP).documentName("customerTimeline")
			.variable("customerId", customerId)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private String customer() {
		GraphQlTester.Response response = as(REP).documentName("createCustomer")
			.variable("input",
					Map.of("name", unique("Timeline"), "contacts",
							List.of(Map.of("firstName", "Olga", "lastName", "Smirnova", "emails",
									List.of("olga@timeline.example")))))
			.execute();
		response.path("createCustomer.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createCustomer.customer.id").entity(String.class).get();
	}

	private void log(String customerId, String subject, String occurredAt) {
		as(REP).documentName("logActivity")
			.variable("input",
					Map.of("customerId", customerId, "kind", "CALL", "subject", subject, "occurredAt", occurredAt))
			.execute()
			.path("logActivity.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

	private void importMail(String customerId, String messageId, String subject, String date) {
		String eml = String.join("\r\n", "MIME-Version: 1.0", "From: Olga <olga@timeline.example>",
				"To: rep@dealer.example", "Subject: " + subject, "Message-ID: <" + messageId + "@timeline.example>",
				"Date: " + date, "Content-Type: text/plain; charset=UTF-8", "", "Hello");
		as(REP).documentName("importMail")
			.variable("input",
					Map.of("customerId", customerId, "eml",
							Base64.getEncoder().encodeToString(eml.getBytes(StandardCharsets.UTF_8))))
			.execute()
			.path("importMail.userErrors")
			.entityList(Object.class)
			.hasSize(0);
	}

}
