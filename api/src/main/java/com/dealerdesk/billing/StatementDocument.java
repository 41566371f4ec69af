package com.dealerdesk.billing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.document.PrintedDocuments;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.sales.DocumentSeller;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /customers/{id}/statement.pdf?from=&to=&currency=&lang=en|ru|zh-CN}: a
 * customer's statement as PDF from the template
 * {@code templates/documents/statement.html}, with the same bearer token and scope as the
 * GraphQL API. Unknown or out-of-scope customers answer 404, a bad period or currency
 * 400.
 */
@RestController
class StatementDocument {

	private static final String TEMPLATE = "documents/statement";

	private final Statements statements;

	private final PrintedDocuments documents;

	private final DocumentSeller seller;

	StatementDocument(Statements statements, PrintedDocuments documents, DocumentSeller seller) {
		this.statements = statements;
		this.documents = documents;
		this.seller = seller;
	}

	@GetMapping("/customers/{id}/statement.pdf")
	Mono<ResponseEntity<byte[]>> statement(@PathVariable String id,
			@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to, @RequestParam String currency,
			@RequestParam(required = false) String lang, @AuthenticationPrincipal Actor actor) {
		UUID customerId = GlobalId.uuidOf("Customer", id);
		if (customerId == null) {
			return Mono.just(ResponseEntity.notFound().build());
		}
		Locale locale = PrintedDocuments.language(lang);
		return Mono.defer(() -> this.statements.statement(actor, customerId, from, to, currency))
			// the template is read from the classpath, the PDF rendered: not on the event
			// loop
			.flatMap(statement -> Mono
				.fromCallable(() -> PrintedDocuments.response(
						this.documents.pdf(TEMPLATE, locale, values(statement, locale)), MediaType.APPLICATION_PDF,
						this.documents.fileName("statement.fileName",
								new Object[] { statement.customerName(), from.toString(), to.toString(),
										statement.currency() },
								locale, "pdf")))
				.subscribeOn(Schedulers.boundedElastic()))
			.defaultIfEmpty(ResponseEntity.notFound().build())
			.onErrorResume(InvalidArgumentException.class,
					ex -> Mono.just(ResponseEntity.badRequest()
						.contentType(MediaType.TEXT_PLAIN)
						.body(ex.getMessage().getBytes(StandardCharsets.UTF_8))));
	}

	private Map<String, Object> values(CustomerStatement statement, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
		return Map.ofEntries(Map.entry("seller", this.seller), Map.entry("statement", statement),
				Map.entry("from", dates.format(statement.from())), Map.entry("to", dates.format(statement.to())),
				Map.entry("openingBalance", money(statement.openingBalance(), locale)),
				Map.entry("lines",
						statement.lines()
							.stream()
							.map(line -> new PrintedLine(dates.format(line.date()), line.kind().name(),
									line.reference(), money(line.debit(), locale), money(line.credit(), locale),
									money(line.planned(), locale), money(line.balance(), locale)))
							.toList()),
				Map.entry("invoiced", money(statement.invoiced(), locale)),
				Map.entry("received", money(statement.received(), locale)),
				Map.entry("refunded", money(statement.refunded(), locale)),
				Map.entry("closingBalance", money(statement.closingBalance(), locale)),
				Map.entry("planned", money(statement.planned(), locale)),
				Map.entry("credit", money(statement.credit(), locale)));
	}

	private static String money(Money money, Locale locale) {
		return money == null ? "" : PrintedDocuments.money(money, locale);
	}

	/** A line as printed: dates and amounts formatted for the reader's language. */
	public record PrintedLine(String date, String kind, String reference, String debit, String credit, String planned,
			String balance) {

	}

}
