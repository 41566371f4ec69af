package com.dealerdesk.billing;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestPeople;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.dealerdesk.billing.BillingApiFixtures.customer;
import static com.dealerdesk.billing.BillingApiFixtures.uuid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers' statements: the opening balance, invoices, payments and refunds with the
 * running balance, planned payments shown but not counted, the closing balance and the
 * credit; the PDF in three languages; the caller's scope.
 */
class StatementTest extends ApiTest {

	private static final String STATEMENT = """
			query($customerId: ID!, $from: Date!, $to: Date!, $currency: String!) {
			  customerStatement(customerId: $customerId, from: $from, to: $to, currency: $currency) {
			    customer { id } currency from to
			    openingBalance { amount } invoiced { amount } received { amount } refunded { amount }
			    planned { amount } closingBalance { amount } credit { amount currency }
			    lines { date kind reference debit { amount } credit { amount } planned { amount } balance { amount } }
			  }
			}""";

	@Test
	void balancesOpeningLinesClosingAndCredit() throws IOException {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate from = today.minusDays(30);
		BillingRows rows = new BillingRows(this.database);
		BillingApiFixtures api = new BillingApiFixtures(as(TestPeople.ADMIN), as(TestPeople.ACCOUNTANT));
		String customer = customer(as(TestPeople.REP), "Acme");
		String name = (String) as(TestPeople.REP).document("query($id: ID!) { customer(id: $id) { name } }")
			.variable("id", customer)
			.execute()
			.path("customer.name")
			.entity(String.class)
			.get();
		// before the period: 200.00 invoiced, 50.00 paid of it
		UUID earlier = api.invoice(customer, 2, today.minusDays(60), today.minusDays(50));
		rows.allocate(rows.payment(uuid(customer), "RECEIPT", "EUR", "50", today.minusDays(40)), null, earlier, "50");
		// in it: 100.00 invoiced, 120.00 received (100.00 of it for the invoice), 5.00
		// refunded, 70.00 planned
		UUID invoice = api.invoice(customer, 1, today.minusDays(20), today.minusDays(10));
		rows.allocate(rows.payment(uuid(customer), "RECEIPT", "EUR", "120", today.minusDays(10)), null, invoice, "100");
		rows.payment(uuid(customer), "REFUND", "EUR", "5", today.minusDays(5));
		UUID plan = rows.plan(uuid(customer), api.orderId(customer), "EUR");
		rows.plannedPayment(plan, 1, "70", today.minusDays(3));
		// after it
		rows.payment(uuid(customer), "RECEIPT", "EUR", "1000", today.plusDays(1));
		String invoiceNumber = invoiceNumber(invoice);

		Map<String, Object> statement = statement(TestPeople.REP, customer, from, today);

		assertThat(amounts(statement, "openingBalance", "invoiced", "received", "refunded", "planned", "closingBalance",
				"credit"))
			.containsExactly("150.00", "100.00", "120.00", "5.00", "70.00", "135.00", "15.00");
		assertThat(lines(statement))
			.extracting(line -> line.get("kind") + " " + line.get("date") + " " + amount(line, "debit") + "/"
					+ amount(line, "credit") + "/" + amount(line, "planned") + " = " + amount(line, "balance"))
			.containsExactly("INVOICE " + today.minusDays(20) + " 100.00/null/null = 250.00",
					"PAYMENT " + today.minusDays(10) + " null/120.00/null = 130.00",
					"REFUND " + today.minusDays(5) + " 5.00/null/null = 135.00",
					"PLANNED_PAYMENT " + today.minusDays(3) + " null/null/70.00 = 135.00");
		assertThat(lines(statement).get(0).get("reference")).isEqualTo(invoiceNumber);
		assertThat(lines(statement).get(3).get("reference")).isEqualTo("Part 1");
		// nothing in another currency
		assertThat(amounts(statement(TestPeople.REP, customer, from, today, "USD"), "openingBalance", "closingBalance",
				"credit"))
			.containsExactly("0.00", "0.00", "0.00");

		String period = from + ".." + today;
		assertThat(pdf(TestPeople.REP, customer, from, today, "en", "Statement " + name + " " + period + " EUR.pdf"))
			.contains("Statement of account", "Opening balance", "Closing balance", invoiceNumber, "€150.00", "€135.00",
					"€15.00");
		assertThat(pdf(TestPeople.REP, customer, from, today, "ru", "Выписка " + name + " " + period + " EUR.pdf"))
			.contains("Выписка по расчётам", "Сальдо на начало", "Сальдо на конец", "Счёт", "150,00", "135,00");
		if (new java.io.File("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf").isFile()) {
			assertThat(pdf(TestPeople.REP, customer, from, today, "zh-CN", "对账单 " + name + " " + period + " EUR.pdf"))
				.contains("客户对账单", "期初余额", "期末余额", "150.00", "135.00");
		}
	}

	@Test
	void aStatementOfACustomerOutOfScopeIsNullAndItsPdfNotFound() {
		LocalDate today = LocalDate.now(this.clock);
		String ofPartnerA = customer(as(TestPeople.PARTNER_A_USER), "Partner's");
		String ofRep = customer(as(TestPeople.REP), "Rep's");

		assertStatement(TestPeople.PARTNER_A_USER, ofPartnerA, true);
		assertStatement(TestPeople.PARTNER_B_USER, ofPartnerA, false);
		assertStatement(TestPeople.REP_OTHER_TEAM, ofRep, false);
		assertStatement(TestPeople.MANAGER, ofRep, true);
		http().get()
			.uri("/customers/{id}/statement.pdf?from={from}&to={to}&currency=EUR", ofPartnerA, today, today)
			.header("Authorization", "Bearer " + TestTokens.tokenFor(TestPeople.PARTNER_B_USER))
			.exchange()
			.expectStatus()
			.isNotFound();
		http().get()
			.uri("/customers/{id}/statement.pdf?from={from}&to={to}&currency=EURO", ofPartnerA, today, today)
			.header("Authorization", "Bearer " + TestTokens.tokenFor(TestPeople.PARTNER_A_USER))
			.exchange()
			.expectStatus()
			.isBadRequest();
		http().get()
			.uri("/customers/{id}/statement.pdf?from={from}&to={to}&currency=EUR", ofPartnerA, today, today)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	private void assertStatement(TestUser caller, String customer, boolean visible) {
		String today = LocalDate.now(this.clock).toString();
		GraphQlTester.Path statement = as(caller).document(STATEMENT)
			.variable("customerId", customer)
			.variable("from", today)
			.variable("to", today)
			.variable("currency", "EUR")
			.execute()
			.path("customerStatement");
		if (visible) {
			statement.hasValue();
		}
		else {
			statement.valueIsNull();
		}
	}

	private Map<String, Object> statement(TestUser caller, String customer, LocalDate from, LocalDate to) {
		return statement(caller, customer, from, to, "EUR");
	}

	private Map<String, Object> statement(TestUser caller, String customer, LocalDate from, LocalDate to,
			String currency) {
		return as(caller).document(STATEMENT)
			.variable("customerId", customer)
			.variable("from", from.toString())
			.variable("to", to.toString())
			.variable("currency", currency)
			.execute()
			.path("customerStatement")
			.entity(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

	private String pdf(TestUser caller, String customer, LocalDate from, LocalDate to, String lang, String fileName)
			throws IOException {
		EntityExchangeResult<byte[]> result = http().get()
			.uri("/customers/{id}/statement.pdf?from={from}&to={to}&currency=EUR&lang={lang}", customer, from, to, lang)
			.header("Authorization", "Bearer " + TestTokens.tokenFor(caller))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/pdf")
			.expectBody(byte[].class)
			.returnResult();
		assertThat(result.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo(fileName);
		try (PDDocument document = PDDocument.load(result.getResponseBody())) {
			return new PDFTextStripper().getText(document);
		}
	}

	private String invoiceNumber(UUID invoice) {
		return as(TestPeople.ACCOUNTANT).document("query($id: ID!) { invoice(id: $id) { number } }")
			.variable("id", GlobalId.of("Invoice", invoice))
			.execute()
			.path("invoice.number")
			.entity(String.class)
			.get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> lines(Map<String, Object> statement) {
		return (List<Map<String, Object>>) statement.get("lines");
	}

	private static String amount(Map<String, Object> row, String field) {
		return row.get(field) == null ? null : (String) ((Map<?, ?>) row.get(field)).get("amount");
	}

	private static List<String> amounts(Map<String, Object> row, String... fields) {
		return java.util.Arrays.stream(fields).map(field -> amount(row, field)).toList();
	}

}
