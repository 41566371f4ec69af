package com.dealerdesk.mail;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.customer.CustomerScope;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Stored mail. Mail has no scope of its own: every read by id, customer or search joins
 * the customer's visibility ({@link CustomerScope}); reads of participants, attachments
 * and bodies take messages already read in scope.
 */
@Repository
class MailRepository {

	/** The one sort order: newest first. Cursors carry its name. */
	static final String ORDER = "TIMELINE_DESC";

	/** Everything but the body and the search columns, which lists do not need. */
	private static final String COLUMNS = "m.id, m.customer_id, m.message_id, m.in_reply_to, m.thread_key, m.subject,"
			+ " m.from_address, m.sent_at, m.imported_by, m.imported_at, m.timeline_at";

	private static final BiFunction<Row, RowMetadata, MailMessage> MESSAGE = (row, meta) -> new MailMessage(
			row.get("id", UUID.class), row.get("customer_id", UUID.class), row.get("message_id", String.class),
			row.get("in_reply_to", String.class), row.get("thread_key", String.class), row.get("subject", String.class),
			row.get("from_address", String.class), row.get("sent_at", OffsetDateTime.class),
			row.get("imported_by", String.class), row.get("imported_at", OffsetDateTime.class),
			row.get("timeline_at", OffsetDateTime.class), List.of());

	private final DatabaseClient database;

	MailRepository(DatabaseClient database) {
		this.database = database;
	}

	// ---- reading, scoped

	/** A page of one customer's mail (optionally one thread), newest first. */
	Flux<MailMessage> page(Actor actor, UUID customerId, String thread, PageRequest page) {
		Sql sql = new Sql().append("select " + COLUMNS + " from mail_message m" + " where m.customer_id = ");
		sql.append(sql.param(customerId));
		if (thread != null) {
			sql.append(" and m.thread_key = " + sql.param(thread));
		}
		return pageOf(sql, actor, page);
	}

	/** A page of the actor's mail matching a web-search query, newest first. */
	Flux<MailMessage> search(Actor actor, String query, UUID customerId, PageRequest page) {
		Sql sql = new Sql().append(
				"select " + COLUMNS + " from mail_message m" + " where m.search @@ websearch_to_tsquery('simple', ");
		sql.append(sql.param(query) + ")");
		if (customerId != null) {
			sql.append(" and m.customer_id = " + sql.param(customerId));
		}
		return pageOf(sql, actor, page);
	}

	private Flux<MailMessage> pageOf(Sql sql, Actor actor, PageRequest page) {
		if (page.after() != null) {
			sql.append(" and (m.timeline_at, m.id) < (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "m.customer_id");
		sql.append(" order by m.timeline_at desc, m.id desc limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(MESSAGE).all();
	}

	static KeysetCursor cursorOf(MailMessage message) {
		return new KeysetCursor(ORDER, message.timelineAt().toString(), message.id());
	}

	Mono<MailMessage> findVisible(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select " + COLUMNS + " from mail_message m where m.id = " + sql.param(id) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "m.customer_id");
		return sql.on(this.database).map(MESSAGE).one();
	}

	// ---- details of messages already read in scope

	Mono<Map<UUID, List<MailParticipant>>> participantsOf(Collection<UUID> messageIds) {
		if (messageIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				select message_id, role, position, address, display_name, contact_id from mail_participant
				where message_id = any($1) order by message_id, role, position""")
			.bind(0, messageIds.toArray(UUID[]::new))
			.map(row -> new MailParticipant(row.get("message_id", UUID.class),
					MailParticipant.Role.valueOf(row.get("role", String.class)), row.get("position", Integer.class),
					row.get("address", String.class), row.get("display_name", String.class),
					row.get("contact_id", UUID.class)))
			.all()
			.collect(Collectors.groupingBy(MailParticipant::messageId, Collectors.toList()));
	}

	Mono<Map<UUID, List<MailAttachment>>> attachmentsOf(Collection<UUID> messageIds) {
		if (messageIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				select message_id, position, file_name, content_type, size_bytes from mail_attachment
				where message_id = any($1) order by message_id, position""")
			.bind(0, messageIds.toArray(UUID[]::new))
			.map(row -> new MailAttachment(row.get("message_id", UUID.class), row.get("position", Integer.class),
					row.get("file_name", String.class), row.get("content_type", String.class),
					row.get("size_bytes", Integer.class)))
			.all()
			.collect(Collectors.groupingBy(MailAttachment::messageId, Collectors.toList()));
	}

	/** Bodies by message id; messages without a body are absent. */
	Mono<Map<UUID, String>> bodiesOf(Collection<UUID> messageIds) {
		if (messageIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select id, text_body from mail_message where id = any($1) and text_body is not null")
			.bind(0, messageIds.toArray(UUID[]::new))
			.map(row -> Map.entry(row.get("id", UUID.class), row.get("text_body", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	// ---- importing; the caller has checked that the customer is visible and writable

	Mono<MailMessage> findByMessageId(UUID customerId, String messageId) {
		return this.database
			.sql("select " + COLUMNS + " from mail_message m where m.customer_id = $1 and m.message_id = $2")
			.bind(0, customerId)
			.bind(1, messageId)
			.map(MESSAGE)
			.one();
	}

	/** Thread keys of the customer's messages with these Message-IDs, by Message-ID. */
	Mono<Map<String, String>> threadsOf(UUID customerId, Collection<String> messageIds) {
		if (messageIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database
			.sql("select message_id, thread_key from mail_message where customer_id = $1 and message_id = any($2)")
			.bind(0, customerId)
			.bind(1, messageIds.toArray(String[]::new))
			.map(row -> Map.entry(row.get("message_id", String.class), row.get("thread_key", String.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue);
	}

	/**
	 * Inserts the message unless the customer already has its Message-ID (a concurrent
	 * import of the same file); empty in that case.
	 */
	Mono<MailMessage> insert(MailMessage message, String textBody, String addresses) {
		Sql sql = new Sql();
		sql.append("insert into mail_message as m (id, customer_id, message_id, in_reply_to, thread_key, subject,"
				+ " from_address, sent_at, text_body, addresses, imported_by) values ("
				+ String.join(", ", sql.param(message.id()), sql.param(message.customerId()),
						sql.param(message.messageId()), sql.param(message.inReplyTo(), String.class),
						sql.param(message.thread()), sql.param(message.subject(), String.class),
						sql.param(message.fromAddress()), sql.param(message.sentAt(), OffsetDateTime.class),
						sql.param(textBody, String.class), sql.param(addresses), sql.param(message.importedBy()))
				+ ") on conflict (customer_id, message_id) do nothing returning " + COLUMNS);
		return sql.on(this.database).map(MESSAGE).one();
	}

	/** All participants in one statement; absent names and contacts travel as ''. */
	Mono<Void> insertParticipants(UUID messageId, List<MailParticipant> participants) {
		if (participants.isEmpty()) {
			return Mono.empty();
		}
		return this.database.sql("""
				insert into mail_participant (message_id, role, position, address, display_name, contact_id)
				select $1, p.role, p.position, p.address, nullif(p.name, ''), nullif(p.contact_id, '')::uuid
				from unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
				     as p(role, position, address, name, contact_id)""")
			.bind(0, messageId)
			.bind(1, participants.stream().map(p -> p.role().name()).toArray(String[]::new))
			.bind(2, participants.stream().map(MailParticipant::position).toArray(Integer[]::new))
			.bind(3, participants.stream().map(MailParticipant::address).toArray(String[]::new))
			.bind(4, participants.stream().map(p -> p.name() == null ? "" : p.name()).toArray(String[]::new))
			.bind(5, participants.stream()
				.map(p -> p.contactId() == null ? "" : p.contactId().toString())
				.toArray(String[]::new))
			.then();
	}

	Mono<Void> insertAttachments(UUID messageId, List<MailAttachment> attachments) {
		if (attachments.isEmpty()) {
			return Mono.empty();
		}
		return this.database
			.sql("""
					insert into mail_attachment (message_id, position, file_name, content_type, size_bytes)
					select $1, a.position, nullif(a.file_name, ''), a.content_type, a.size_bytes
					from unnest($2::int[], $3::text[], $4::text[], $5::int[]) as a(position, file_name, content_type, size_bytes)""")
			.bind(0, messageId)
			.bind(1, attachments.stream().map(MailAttachment::position).toArray(Integer[]::new))
			.bind(2, attachments.stream().map(a -> a.fileName() == null ? "" : a.fileName()).toArray(String[]::new))
			.bind(3, attachments.stream().map(MailAttachment::contentType).toArray(String[]::new))
			.bind(4, attachments.stream().map(MailAttachment::sizeBytes).toArray(Integer[]::new))
			.then();
	}

}
