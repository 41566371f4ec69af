package com.dealerdesk.mail;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.customer.Contact;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.mail.MailInputs.ImportMailInput;
import com.dealerdesk.mail.MailPayloads.ImportMailPayload;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.Edge;
import com.dealerdesk.platform.pagination.PageInfo;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class MailController {

	private final MailService service;

	MailController(MailService service) {
		this.service = service;
	}

	record MailMessageConnection(List<Edge<MailMessage>> edges, PageInfo pageInfo) {

	}

	// ---- queries

	@QueryMapping
	Mono<MailMessageConnection> mailMessages(@Argument String customerId, @Argument String thread,
			@Argument Integer first, @Argument String after, @ContextValue Actor actor) {
		return this.service.page(actor, customerId, thread, first, after)
			.map(page -> new MailMessageConnection(page.edges(), page.pageInfo()));
	}

	@QueryMapping
	Mono<MailMessageConnection> searchMail(@Argument String query, @Argument String customerId, @Argument Integer first,
			@Argument String after, @ContextValue Actor actor) {
		return this.service.search(actor, query, customerId, first, after)
			.map(page -> new MailMessageConnection(page.edges(), page.pageInfo()));
	}

	// ---- mutations

	@MutationMapping
	Mono<ImportMailPayload> importMail(@Argument ImportMailInput input, @ContextValue Actor actor) {
		return this.service.importMail(actor, input)
			.map(ImportMailPayload::of)
			.onErrorResume(UserErrorsException.class, ex -> Mono.just(ImportMailPayload.failed(ex.errors())));
	}

	// ---- fields

	@SchemaMapping(typeName = "MailMessage")
	String id(MailMessage message) {
		return GlobalId.of("MailMessage", message.id());
	}

	@SchemaMapping(typeName = "MailMessage")
	MailParticipant from(MailMessage message) {
		List<MailParticipant> from = message.participants(MailParticipant.Role.FROM);
		// Every stored message has a sender; the address column is the fallback.
		return from.isEmpty()
				? new MailParticipant(message.id(), MailParticipant.Role.FROM, 0, message.fromAddress(), null, null)
				: from.get(0);
	}

	@SchemaMapping(typeName = "MailMessage")
	List<MailParticipant> to(MailMessage message) {
		return message.participants(MailParticipant.Role.TO);
	}

	@SchemaMapping(typeName = "MailMessage")
	List<MailParticipant> cc(MailMessage message) {
		return message.participants(MailParticipant.Role.CC);
	}

	@BatchMapping(typeName = "MailMessage")
	Mono<Map<MailMessage, String>> textBody(List<MailMessage> messages) {
		return this.service.bodiesOf(ids(messages)).map(bodies -> Batches.byKey(messages, MailMessage::id, bodies));
	}

	@BatchMapping(typeName = "MailMessage")
	Mono<Map<MailMessage, List<MailAttachment>>> attachments(List<MailMessage> messages) {
		return this.service.attachmentsOf(ids(messages))
			.map(byMessage -> Batches.listsByKey(messages, item -> item.id(), byMessage));
	}

	@BatchMapping(typeName = "MailMessage")
	Mono<Map<MailMessage, Customer>> customer(List<MailMessage> messages, @ContextValue Actor actor) {
		return Batches.load(messages, MailMessage::customerId,
				customerIds -> this.service.customers(actor, customerIds));
	}

	@BatchMapping(typeName = "MailParticipant")
	Mono<Map<MailParticipant, Contact>> contact(List<MailParticipant> participants, @ContextValue Actor actor) {
		return Batches.load(participants, MailParticipant::contactId,
				contactIds -> this.service.contacts(actor, contactIds));
	}

	private static List<UUID> ids(List<MailMessage> messages) {
		return messages.stream().map(MailMessage::id).distinct().toList();
	}

}
