package com.dealerdesk.sales;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.platform.document.PrintedDocuments;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /documents/quotes/{id}?format=html|pdf&lang=en|ru|zh-CN}: a quote to print
 * or send, with the same bearer token and scope as the GraphQL API, named in its
 * {@code Content-Disposition} for saving under its document number
 * ({@code QUO-2026-00012-v2.pdf}). Unknown or out-of-scope quotes answer 404.
 */
@RestController
class QuoteDocumentController {

	private final QuoteService quotes;

	private final OpportunityService opportunities;

	private final CustomerService customers;

	private final QuoteDocument document;

	QuoteDocumentController(QuoteService quotes, OpportunityService opportunities, CustomerService customers,
			QuoteDocument document) {
		this.quotes = quotes;
		this.opportunities = opportunities;
		this.customers = customers;
		this.document = document;
	}

	@GetMapping("/documents/quotes/{id}")
	Mono<ResponseEntity<byte[]>> quote(@PathVariable String id, @RequestParam(defaultValue = "html") String format,
			@RequestParam(required = false) String lang, @AuthenticationPrincipal Actor actor) {
		if (!format.equals("html") && !format.equals("pdf")) {
			return Mono.just(ResponseEntity.badRequest()
				.contentType(MediaType.TEXT_PLAIN)
				.body("format must be html or pdf".getBytes(StandardCharsets.UTF_8)));
		}
		UUID quoteId = GlobalId.uuidOf("Quote", id);
		if (quoteId == null) {
			return Mono.just(ResponseEntity.notFound().build());
		}
		Locale locale = PrintedDocuments.language(lang);
		return this.quotes.quote(actor, quoteId)
			.flatMap(quote -> this.opportunities.opportunity(actor, quote.opportunityId())
				.flatMap(deal -> this.customers.customer(actor, deal.customerId())
					// the template is read from the classpath, the PDF rendered: not on
					// the event loop
					.flatMap(customer -> Mono
						.fromCallable(() -> format.equals("html")
								? PrintedDocuments.response(
										this.document.html(quote, customer.name(), deal.name(), locale)
											.getBytes(StandardCharsets.UTF_8),
										new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8),
										QuoteDocument.fileName(quote, "html"))
								: PrintedDocuments.response(
										this.document.pdf(quote, customer.name(), deal.name(), locale),
										MediaType.APPLICATION_PDF, QuoteDocument.fileName(quote, "pdf")))
						.subscribeOn(Schedulers.boundedElastic()))))
			.defaultIfEmpty(ResponseEntity.notFound().build());
	}

}
