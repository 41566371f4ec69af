package com.dealerdesk.mail;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.dealerdesk.customer.Contact;
import com.dealerdesk.customer.Customer;
import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.mail.MailInputs.ImportMailInput;
import com.dealerdesk.mail.MailParser.Address822;
import com.dealerdesk.mail.MailParser.ParsedMail;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The mail archive: importing .eml files and reading them in the caller's scope. Mail is
 * visible when its customer is; importing needs write access to sales data.
 */
@Service
public class MailService implements NodeFetcher {

	/**
	 * Base64 text (without line breaks) longer than this decodes to more than the limit.
	 */
	private static final long MAX_BASE64_LENGTH = 4L * ((MailParser.MAX_BYTES + 2) / 3);

	private static final Pattern BASE64_WHITESPACE = Pattern.compile("[\\s]+");

	private static final int MAX_QUERY_LENGTH = 500;

	private final MailRepository mail;

	private final CustomerService customers;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final TransactionalOperator transaction;

	MailService(MailRepository mail, CustomerService customers, InputValidator validator, OutboxWriter outbox,
			ReactiveTransactionManager transactions) {
		this.mail = mail;
		this.customers = customers;
		this.validator = validator;
		this.outbox = outbox;
		// Explicit rather than @Transactional: the file is decoded and parsed before the
		// transaction starts, so a slow parse never holds a database connection.
		this.transaction = TransactionalOperator.create(transactions);
	}

	// ---- reading

	Mono<Connection<MailMessage>> page(Actor actor, String customerId, String thread, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, MailRepository.ORDER);
		GlobalId.require(customerId);
		UUID customer = GlobalId.uuidOf("Customer", customerId);
		if (customer == null) {
			return Mono.just(page.page(List.of(), MailRepository::cursorOf));
		}
		return withParticipants(this.mail.page(actor, customer, thread, page))
			.map(rows -> page.page(rows, MailRepository::cursorOf));
	}

	/**
	 * A page of the customer's mail with participants, newest first, for a timeline that
	 * merges it with other entries: the page's cursor holds a timeline time and an id.
	 */
	public Mono<List<MailMessage>> timelinePage(Actor actor, UUID customerId, PageRequest page) {
		return withParticipants(this.mail.page(actor, customerId, null, page));
	}

	Mono<Connection<MailMessage>> search(Actor actor, String query, String customerId, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, MailRepository.ORDER);
		if (query == null || query.isBlank() || query.length() > MAX_QUERY_LENGTH) {
			throw new InvalidArgumentException("INVALID_SEARCH",
					"`query` must hold at least one word and at most " + MAX_QUERY_LENGTH + " characters.");
		}
		UUID customer = null;
		if (customerId != null) {
			GlobalId.require(customerId);
			customer = GlobalId.uuidOf("Customer", customerId);
			if (customer == null) {
				return Mono.just(page.page(List.of(), MailRepository::cursorOf));
			}
		}
		return withParticipants(this.mail.search(actor, query.replace("\u0000", ""), customer, page))
			.map(rows -> page.page(rows, MailRepository::cursorOf));
	}

	Mono<Map<UUID, List<MailAttachment>>> attachmentsOf(Collection<UUID> messageIds) {
		return this.mail.attachmentsOf(messageIds);
	}

	Mono<Map<UUID, String>> bodiesOf(Collection<UUID> messageIds) {
		return this.mail.bodiesOf(messageIds);
	}

	Mono<Map<UUID, Customer>> customers(Actor actor, Collection<UUID> ids) {
		return this.customers.customers(actor, ids);
	}

	Mono<Map<UUID, Contact>> contacts(Actor actor, Collection<UUID> ids) {
		return this.customers.contacts(actor, ids);
	}

	/** Adds the participants of a page of messages read in scope, with one query. */
	private Mono<List<MailMessage>> withParticipants(Flux<MailMessage> messages) {
		return messages.collectList()
			.flatMap(rows -> this.mail.participantsOf(rows.stream().map(MailMessage::id).toList())
				.map(byMessage -> rows.stream()
					.map(row -> row.withParticipants(byMessage.getOrDefault(row.id(), List.of())))
					.toList()));
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("MailMessage");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		if (uuid == null) {
			return Mono.empty();
		}
		return withParticipants(this.mail.findVisible(actor, uuid).flux())
			.flatMap(found -> found.isEmpty() ? Mono.empty() : Mono.just((Object) found.get(0)));
	}

	// ---- importing

	/** The stored message and whether it had been imported before. */
	record Imported(MailMessage mail, boolean alreadyImported) {

	}

	Mono<Imported> importMail(Actor actor, ImportMailInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CREATE, Subject.MAIL_MESSAGE);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID customerId = null;
			if (input.customerId() != null) {
				customerId = GlobalId.uuidOf("Customer", input.customerId());
				if (customerId == null) {
					errors.add(GlobalId.parse(input.customerId()) == null
							? UserError.of(UserErrorCode.INVALID_FORMAT, "Not a valid id.", "input", "customerId")
							: notFound("input", "customerId"));
				}
			}
			if (!errors.isEmpty()) {
				return Mono.error(new UserErrorsException(errors));
			}
			UUID requestedCustomer = customerId;
			// Jakarta Mail blocks and decoding is CPU-bound: both off the event loop.
			return Mono.fromCallable(() -> MailParser.parse(decode(input.eml())))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMap(parsed -> store(actor, requestedCustomer, parsed).as(this.transaction::transactional));
		});
	}

	private Mono<Imported> store(Actor actor, UUID customerId, ParsedMail parsed) {
		List<String> addresses = parsed.allAddresses();
		return this.customers.contactsWithEmails(actor, addresses)
			.collectList()
			.flatMap(contacts -> customerOf(actor, customerId, contacts)
				.flatMap(customer -> this.mail.findByMessageId(customer.id(), parsed.messageId())
					.map(existing -> new Imported(existing, true))
					.switchIfEmpty(Mono.defer(() -> insert(actor, customer, parsed, contacts)))))
			.flatMap(imported -> withParticipants(Flux.just(imported.mail()))
				.map(rows -> new Imported(rows.get(0), imported.alreadyImported())));
	}

	/**
	 * The customer named in the input, or else the one visible customer with a contact
	 * among the message's addresses.
	 */
	private Mono<Customer> customerOf(Actor actor, UUID customerId, List<Contact> contacts) {
		if (customerId != null) {
			return this.customers.requireOpen(actor, customerId, "customerId");
		}
		Set<UUID> matches = contacts.stream().map(Contact::customerId).collect(Collectors.toSet());
		if (matches.isEmpty()) {
			return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND,
					"No customer you can see has a contact with the message's From, To or Cc addresses:"
							+ " name the customer in `customerId`.",
					"input", "customerId")));
		}
		if (matches.size() > 1) {
			return Mono.error(
					new UserErrorsException(
							UserError.of(UserErrorCode.REQUIRED,
									"The message's addresses belong to contacts of " + matches.size()
											+ " customers: name the customer in `customerId`.",
									"input", "customerId")));
		}
		return this.customers.customer(actor, matches.iterator().next())
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(notFound("input", "customerId"))));
	}

	private Mono<Imported> insert(Actor actor, Customer customer, ParsedMail parsed, List<Contact> contacts) {
		// A contact of this customer per address; the first by name if several share one.
		Map<String, UUID> contactByAddress = new LinkedHashMap<>();
		contacts.stream()
			.filter(contact -> contact.customerId().equals(customer.id()))
			.forEach(contact -> contact.emails().forEach(email -> contactByAddress.putIfAbsent(email, contact.id())));
		List<String> references = new ArrayList<>(parsed.references());
		if (parsed.inReplyTo() != null && !references.contains(parsed.inReplyTo())) {
			references.add(parsed.inReplyTo());
		}
		return this.mail.threadsOf(customer.id(), references).flatMap(known -> {
			UUID id = UUID.randomUUID();
			List<MailParticipant> participants = participants(id, parsed, contactByAddress);
			List<MailAttachment> attachments = new ArrayList<>();
			for (int i = 0; i < parsed.attachments().size(); i++) {
				MailParser.Attachment attachment = parsed.attachments().get(i);
				attachments.add(new MailAttachment(id, i, attachment.fileName(), attachment.contentType(),
						attachment.sizeBytes()));
			}
			MailMessage draft = new MailMessage(id, customer.id(), parsed.messageId(), parsed.inReplyTo(),
					threadKey(parsed, references, known), parsed.subject(), parsed.from().get(0).address(),
					parsed.sentAt(), actor.subject(), null, null, participants);
			return this.mail.insert(draft, parsed.textBody(), searchableAddresses(participants))
				.flatMap(stored -> this.mail.insertParticipants(id, participants)
					.then(this.mail.insertAttachments(id, attachments))
					.then(this.outbox.append(actor, EventType.MAIL_IMPORTED, "MailMessage", id, 1,
							EventOwner.customer(customer.id(), customer.partnerId()),
							MailEvents.payload(stored, participants, attachments)))
					.thenReturn(new Imported(stored, false)))
				// Imported concurrently by someone else since we looked: report it as
				// such.
				.switchIfEmpty(Mono.defer(() -> this.mail.findByMessageId(customer.id(), parsed.messageId())
					.map(existing -> new Imported(existing, true))));
		});
	}

	/**
	 * The conversation: the thread of the oldest referenced message already stored, else
	 * the root of References/In-Reply-To, else the message's own id, so that a reply
	 * imported before its original still joins it later. Without any id: the subject.
	 */
	static String threadKey(ParsedMail parsed, List<String> references, Map<String, String> known) {
		for (String reference : references) {
			if (known.containsKey(reference)) {
				return known.get(reference);
			}
		}
		if (!references.isEmpty()) {
			return references.get(0);
		}
		if (!parsed.messageId().startsWith("sha256:")) {
			return parsed.messageId();
		}
		return "subject:" + parsed.threadSubject();
	}

	private static List<MailParticipant> participants(UUID messageId, ParsedMail parsed,
			Map<String, UUID> contactByAddress) {
		List<MailParticipant> participants = new ArrayList<>();
		Map<MailParticipant.Role, List<Address822>> byRole = Map.of(MailParticipant.Role.FROM, parsed.from(),
				MailParticipant.Role.TO, parsed.to(), MailParticipant.Role.CC, parsed.cc());
		for (MailParticipant.Role role : MailParticipant.Role.values()) {
			List<Address822> addresses = byRole.get(role);
			for (int i = 0; i < addresses.size(); i++) {
				Address822 address = addresses.get(i);
				participants.add(new MailParticipant(messageId, role, i, address.address(), address.name(),
						contactByAddress.get(address.address())));
			}
		}
		return participants;
	}

	/**
	 * Addresses, their domains and names, so that search finds "acme.example" or
	 * "Petrov".
	 */
	private static String searchableAddresses(List<MailParticipant> participants) {
		Set<String> words = new LinkedHashSet<>();
		for (MailParticipant participant : participants) {
			words.add(participant.address());
			int at = participant.address().lastIndexOf('@');
			if (at >= 0 && at < participant.address().length() - 1) {
				words.add(participant.address().substring(at + 1));
			}
			if (participant.name() != null) {
				words.add(participant.name());
			}
		}
		return String.join(" ", words);
	}

	/** Strict base64 after dropping line breaks and spaces; checks the size first. */
	private static byte[] decode(String eml) {
		String compact = BASE64_WHITESPACE.matcher(eml).replaceAll("");
		if (compact.length() > MAX_BASE64_LENGTH) {
			throw tooLarge();
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(compact);
		}
		catch (IllegalArgumentException ex) {
			throw new UserErrorsException(UserError.of(UserErrorCode.INVALID_FORMAT,
					"Not valid base64: send the .eml file base64-encoded (e.g. `base64 -w0 message.eml`).", "input",
					"eml"));
		}
		if (bytes.length > MailParser.MAX_BYTES) {
			throw tooLarge();
		}
		if (bytes.length == 0) {
			throw new UserErrorsException(UserError.of(UserErrorCode.REQUIRED, "The file is empty.", "input", "eml"));
		}
		return bytes;
	}

	private static UserErrorsException tooLarge() {
		return new UserErrorsException(UserError.of(UserErrorCode.TOO_LONG,
				"The file is larger than 10 MiB (" + MailParser.MAX_BYTES + " bytes) once decoded.", "input", "eml"));
	}

	private static UserError notFound(String... field) {
		return UserError.of(UserErrorCode.NOT_FOUND, "Not found.", field);
	}

}
