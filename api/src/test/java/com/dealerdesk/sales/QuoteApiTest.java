package com.dealerdesk.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

class QuoteApiTest extends ApiTest {

	private static final String CREATE = """
			mutation($input: CreateQuoteInput!) {
			  createQuote(input: $input) {
			    quote { id number documentNumber status version total { amount currency }
			            lines { position quantity listPrice { amount } discount { amount } discountPercent price { amount } } }
			    userErrors { field code }
			  }
			}""";

	private static final String ACCEPT = """
			mutation($input: QuoteDecisionInput!) {
			  acceptQuote(input: $input) {
			    quote { id status opportunity { status amount { amount currency } stage { name } quotes { number status } } }
			    userErrors { field code }
			  }
			}""";

	@Test
	void pricesLinesExactlyVersionsQuotesAndAcceptanceWinsTheDeal() {
		String deal = deal(REP);
		String validUntil = LocalDate.now(this.clock).plusDays(30).toString();
		GraphQlTester.Response first = as(REP).document(CREATE)
			.variable("input", Map.of("opportunityId", deal, "currency", "EUR", "validUntil", validUntil, "lines", List
				.of(Map.of("description", "CAD seat", "quantity", 3, "listPrice", "1999.99", "discountPercent", "12.5"),
						Map.of("description", "Training day", "quantity", 1, "listPrice", "800", "discountAmount",
								"50.00"))))
			.execute();
		first.path("createQuote.userErrors").entityList(Object.class).hasSize(0);
		// 3 × 1999.99 = 5999.97; 12.5% = 749.99625 → 750.00; line 5249.97; + 800 − 50 =
		// 750.00; total 5999.97
		first.path("createQuote.quote.lines[0].discount.amount").entity(String.class).isEqualTo("750.00");
		first.path("createQuote.quote.lines[0].price.amount").entity(String.class).isEqualTo("5249.97");
		first.path("createQuote.quote.lines[1].price.amount").entity(String.class).isEqualTo("750.00");
		first.path("createQuote.quote.total.amount").entity(String.class).isEqualTo("5999.97");
		first.path("createQuote.quote.number").entity(Integer.class).isEqualTo(1);
		String documentNumber = first.path("createQuote.quote.documentNumber").entity(String.class).get();
		assertThat(documentNumber).matches("QUO-" + LocalDate.now(this.clock).getYear() + "-\\d{5}-v1");

		Map<?, ?> second = as(REP).document(CREATE)
			.variable("input",
					Map.of("opportunityId", deal, "currency", "EUR", "validUntil", validUntil, "lines",
							List.of(Map.of("description", "CAD seat", "quantity", 2, "listPrice", "1999.99"))))
			.execute()
			.path("createQuote.quote")
			.entity(Map.class)
			.get();
		assertThat(second.get("number")).isEqualTo(2);
		assertThat(second.get("documentNumber")).as("a later version keeps the deal's number")
			.isEqualTo(documentNumber.replaceFirst("-v1$", "-v2"));
		String otherDeal = deal(REP);
		Map<?, ?> otherDealsQuote = as(REP).document(CREATE)
			.variable("input",
					Map.of("opportunityId", otherDeal, "currency", "EUR", "validUntil", validUntil, "lines",
							List.of(Map.of("description", "CAD seat", "quantity", 1, "listPrice", "1"))))
			.execute()
			.path("createQuote.quote")
			.entity(Map.class)
			.get();
		assertThat(otherDealsQuote.get("documentNumber")).as("another deal takes the next number")
			.isEqualTo("%s-%05d-v1".formatted(documentNumber.substring(0, 8),
					Integer.parseInt(documentNumber.substring(9, 14)) + 1));

		GraphQlTester.Response accepted = as(REP).document(ACCEPT)
			.variable("input", Map.of("id", second.get("id"), "expectedVersion", 1))
			.execute();
		accepted.path("acceptQuote.quote.status").entity(String.class).isEqualTo("ACCEPTED");
		accepted.path("acceptQuote.quote.opportunity.status").entity(String.class).isEqualTo("WON");
		accepted.path("acceptQuote.quote.opportunity.stage.name").entity(String.class).isEqualTo("Contract signed");
		accepted.path("acceptQuote.quote.opportunity.amount.amount").entity(String.class).isEqualTo("3999.98");
		accepted.path("acceptQuote.quote.opportunity.quotes[*].status")
			.entityList(String.class)
			.containsExactly("ACCEPTED", "SUPERSEDED");

		as(REP).document(ACCEPT)
			.variable("input",
					Map.of("id", first.path("createQuote.quote.id").entity(String.class).get(), "expectedVersion", 2))
			.execute()
			.path("acceptQuote.userErrors[0].code")
			.entity(String.class)
			.isEqualTo("CONFLICT");
	}

	@Test
	void refusesBadLinesAndOtherPartnersDeals() {
		String deal = deal(REP);
		String validUntil = LocalDate.now(this.clock).plusDays(30).toString();
		assertThat(errors(REP,
				Map.of("opportunityId", deal, "currency", "EUR", "validUntil", validUntil, "lines",
						List.of(Map.of("description", "x", "quantity", 0, "listPrice", "10"),
								Map.of("description", "y", "quantity", 1, "listPrice", "-1"),
								Map.of("description", "z", "quantity", 1, "listPrice", "10", "discountAmount", "11"),
								Map.of("description", "w", "quantity", 1, "listPrice", "10", "discountPercent", "5",
										"discountAmount", "1")))))
			.containsExactlyInAnyOrder("input.lines.0.quantity=INVALID_VALUE", "input.lines.1.listPrice=INVALID_VALUE",
					"input.lines.2.discountAmount=INVALID_VALUE", "input.lines.3.discountPercent=INVALID_VALUE");
		assertThat(errors(REP,
				Map.of("opportunityId", deal, "currency", "EUR", "validUntil", "2020-01-01", "lines",
						List.of(Map.of("description", "x", "quantity", 1, "listPrice", "10")))))
			.containsExactly("input.validUntil=INVALID_VALUE");
		assertThat(errors(REP,
				Map.of("opportunityId", deal, "currency", "EUR", "validUntil", validUntil, "lines", List.of())))
			.containsExactly("input.lines=REQUIRED");
		assertThat(errors(com.dealerdesk.support.TestPeople.ACCOUNTANT,
				Map.of("opportunityId", deal, "currency", "EUR", "validUntil", validUntil, "lines",
						List.of(Map.of("description", "x", "quantity", 1, "listPrice", "10")))))
			.containsExactly("=NOT_ALLOWED");
		assertThat(errors(REP,
				Map.of("opportunityId", deal, "currency", "EUR", "validUntil", validUntil, "lines",
						List.of(Map.of("description", "x", "quantity", 100000, "listPrice", "999999999")))))
			.containsExactly("input.lines.0.quantity=TOO_LONG");
		String partnerBDeal = deal(PARTNER_B_USER);
		assertThat(errors(PARTNER_A_USER,
				Map.of("opportunityId", partnerBDeal, "currency", "EUR", "validUntil", validUntil, "lines",
						List.of(Map.of("description", "x", "quantity", 1, "listPrice", "10")))))
			.containsExactly("input.opportunityId=NOT_FOUND");
		assertThat(count("select count(*) from quote q join opportunity o on o.id = q.opportunity_id"
				+ " where o.name = 'Quoted deal' and q.total = 10"))
			.isZero();
	}

	@Test
	void rendersTheQuoteAsHtmlAndPdfInTheReadersLanguage() throws Exception {
		String deal = deal(REP);
		String quoteId = as(REP).document(CREATE)
			.variable("input",
					Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
							LocalDate.now(this.clock).plusDays(30).toString(), "lines",
							List.of(Map.of("description", "Лицензия <CAD>", "quantity", 2, "listPrice", "1000"))))
			.execute()
			.path("createQuote.quote.id")
			.entity(String.class)
			.get();
		String token = com.dealerdesk.support.TestTokens.tokenFor(REP);

		String russian = http().get()
			.uri("/documents/quotes/{id}?lang=ru", quoteId)
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(russian).contains("Коммерческое предложение", "Итого", "Лицензия &lt;CAD&gt;")
			// Russian digit grouping uses a no-break space
			.containsPattern("2\\h000,00\\h€");
		String chinese = http().get()
			.uri("/documents/quotes/{id}?lang=zh-CN", quoteId)
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(chinese).contains("报价单", "合计");

		byte[] pdf = http().get()
			.uri("/documents/quotes/{id}?format=pdf&lang=ru", quoteId)
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/pdf")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.pdmodel.PDDocument.load(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Итого", "Лицензия <CAD>");
		}

		// Chinese needs a CJK TrueType font on the machine (.ci/run installs
		// fonts-droid-fallback)
		if (new java.io.File("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf").isFile()) {
			byte[] chinesePdf = http().get()
				.uri("/documents/quotes/{id}?format=pdf&lang=zh-CN", quoteId)
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectBody(byte[].class)
				.returnResult()
				.getResponseBody();
			try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.pdmodel.PDDocument
				.load(chinesePdf)) {
				assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("报价单", "合计");
			}
		}

		http().get()
			.uri("/documents/quotes/{id}", quoteId)
			.header("Authorization", "Bearer " + com.dealerdesk.support.TestTokens.tokenFor(PARTNER_A_USER))
			.exchange()
			.expectStatus()
			.isNotFound();
		http().get().uri("/documents/quotes/{id}", quoteId).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void aListOverItsCapIsRefusedWithOneErrorAndNothingWritten() {
		String deal = deal(REP);
		long quotes = count("select count(*) from quote");
		// one over the cap of 200, each line invalid: still one error (larger lists are
		// refused
		// earlier, as variables over the size limit: GraphQlLimitsTest)
		List<Map<String, Object>> lines = java.util.Collections.nCopies(201,
				Map.of("description", "", "quantity", 0, "listPrice", "-1"));
		assertThat(errors(REP,
				Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
						LocalDate.now(this.clock).plusDays(30).toString(), "lines", lines)))
			.containsExactly("input.lines=TOO_LONG");
		assertThat(count("select count(*) from quote")).isEqualTo(quotes);
	}

	@Test
	void theDocumentEscapesWhatUsersTypedNamesTheSellerAndIsNamedForSaving() throws Exception {
		String hostile = "<script>alert('x')</script> & \"Co\"";
		String deal = deal(REP, unique("Customer " + hostile), "Deal " + hostile);
		Map<?, ?> quote = as(REP).document(CREATE)
			.variable("input",
					Map.of("opportunityId", deal, "currency", "EUR", "validUntil",
							LocalDate.now(this.clock).plusDays(30).toString(), "lines",
							List.of(Map.of("description", "Line " + hostile, "quantity", 1, "listPrice", "10"))))
			.execute()
			.path("createQuote.quote")
			.entity(Map.class)
			.get();
		String quoteId = (String) quote.get("id");
		String documentNumber = (String) quote.get("documentNumber");
		String token = com.dealerdesk.support.TestTokens.tokenFor(REP);

		org.springframework.test.web.reactive.server.EntityExchangeResult<String> html = http().get()
			.uri("/documents/quotes/{id}", quoteId)
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult();
		assertThat(fileName(html)).isEqualTo(documentNumber + ".html");
		assertThat(html.getResponseBody()).doesNotContain("<script", "& \"")
			.contains("Customer &lt;script&gt;alert(", "Deal &lt;script&gt;alert(", "Line &lt;script&gt;alert(",
					"&lt;/script&gt; &amp; &quot;Co&quot;")
			// the seller block, from dealerdesk.documents.seller.* (demo defaults in
			// tests)
			.contains("Demo Software Dealer Ltd (example data)", "1 Example Street\nDemotown 00000",
					"Tax id: DEMO-000000000");

		org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> pdf = http().get()
			.uri("/documents/quotes/{id}?format=pdf&lang=ru", quoteId)
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult();
		assertThat(fileName(pdf)).isEqualTo(documentNumber + ".pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.pdmodel.PDDocument
			.load(pdf.getResponseBody())) {
			// the escaped XHTML parses, and the PDF shows the text as typed
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(
					"<script>alert('x')</script>", "Demo Software Dealer Ltd (example data)", "ИНН: DEMO-000000000",
					"Предложение № " + documentNumber);
		}
	}

	/** The name to save a document under, from its inline Content-Disposition. */
	private static String fileName(org.springframework.test.web.reactive.server.EntityExchangeResult<?> result) {
		org.springframework.http.ContentDisposition disposition = result.getResponseHeaders().getContentDisposition();
		assertThat(disposition.isInline()).isTrue();
		return disposition.getFilename();
	}

	private String deal(TestUser owner) {
		return deal(owner, unique("Quote customer"), "Quoted deal");
	}

	private String deal(TestUser owner, String customerName, String dealName) {
		String customer = as(owner)
			.document("mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } } }")
			.variable("input", Map.of("name", customerName))
			.execute()
			.path("createCustomer.customer.id")
			.entity(String.class)
			.get();
		return as(owner).document(
				"mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { opportunity { id } } }")
			.variable("input", Map.of("customerId", customer, "name", dealName))
			.execute()
			.path("createOpportunity.opportunity.id")
			.entity(String.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private List<String> errors(TestUser user, Map<String, Object> input) {
		GraphQlTester.Response response = as(user).document(CREATE).variable("input", input).execute();
		response.path("createQuote.quote").valueIsNull();
		List<Map<String, Object>> errors = (List<Map<String, Object>>) (List<?>) response.path("createQuote.userErrors")
			.entityList(Map.class)
			.get();
		return errors.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

}
