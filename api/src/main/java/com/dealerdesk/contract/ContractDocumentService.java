package com.dealerdesk.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.contract.ContractDocument.Kind;
import com.dealerdesk.contract.ContractDocumentProperties.Storage;
import com.dealerdesk.contract.ContractInputs.DeleteContractDocumentInput;
import com.dealerdesk.customer.CustomerScope;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The files attached to contracts: checked (size, type detected from the content, name
 * agreeing with it), hashed, and kept in the database or on disk by configuration (ADR
 * 0023). On disk, the file is written under its final name before the row is committed
 * and removed again when the transaction fails, so a row never names a missing file; a
 * crash in between leaves at most a file that no row names.
 */
@Service
@EnableConfigurationProperties(ContractDocumentProperties.class)
public class ContractDocumentService {

	private static final BiFunction<Row, RowMetadata, ContractDocument> DOCUMENT = (row, meta) -> new ContractDocument(
			row.get("id", UUID.class), row.get("contract_id", UUID.class), Kind.valueOf(row.get("kind", String.class)),
			row.get("file_name", String.class), row.get("content_type", String.class),
			row.get("size_bytes", Integer.class), row.get("sha256", String.class), row.get("uploaded_by", String.class),
			row.get("uploaded_at", OffsetDateTime.class));

	private static final String METADATA = "d.id, d.contract_id, d.kind, d.file_name, d.content_type, d.size_bytes,"
			+ " d.sha256, d.uploaded_by, d.uploaded_at";

	private final DatabaseClient database;

	private final ContractService contracts;

	private final ContractEvents events;

	private final UserDirectory users;

	private final TransactionalOperator transaction;

	private final ContractDocumentProperties properties;

	ContractDocumentService(DatabaseClient database, ContractService contracts, ContractEvents events,
			UserDirectory users, TransactionalOperator transaction, ContractDocumentProperties properties) {
		this.database = database;
		this.contracts = contracts;
		this.events = events;
		this.users = users;
		this.transaction = transaction;
		this.properties = properties;
		if (properties.storage() == Storage.DISK && properties.directory() == null) {
			throw new IllegalStateException(
					"dealerdesk.contracts.documents.storage is disk: set dealerdesk.contracts.documents.directory too");
		}
	}

	/** The largest file accepted, in bytes. */
	int maxBytes() {
		return (int) Math.min(Integer.MAX_VALUE - 1, this.properties.maxBytes().toBytes());
	}

	Mono<Map<UUID, List<ContractDocument>>> ofContracts(Collection<UUID> contractIds) {
		return this.database
			.sql("select " + METADATA + " from contract_document d where d.contract_id = any($1)"
					+ " order by d.uploaded_at, d.id")
			.bind(0, contractIds.toArray(UUID[]::new))
			.map(DOCUMENT)
			.all()
			.collect(Collectors.groupingBy(ContractDocument::contractId));
	}

	/** Attaches a file, as an upload does (for the demo data). */
	public Mono<Void> attach(Actor actor, String contractId, String kind, String fileName, byte[] content) {
		return upload(actor, contractId, kind, fileName, content).then();
	}

	/**
	 * Checks and stores an upload. Refusals are {@link Refusal}s with the HTTP status to
	 * answer; nothing is written then.
	 */
	Mono<ContractDocument> upload(Actor actor, String contractId, String kindName, String fileName, byte[] content) {
		if (!AccessPolicy.allows(actor, Action.UPDATE, Subject.CONTRACT)) {
			return Mono.error(new Refusal(403, "NOT_ALLOWED", "Your role may not attach documents to contracts."));
		}
		UUID contract = GlobalId.uuidOf("Contract", contractId);
		if (contract == null) {
			return Mono.error(Refusal.notFound());
		}
		Kind kind;
		try {
			kind = Kind.valueOf(kindName == null ? "OTHER" : kindName);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(new Refusal(400, "INVALID_VALUE", "kind must be TECHNICAL_SPECIFICATION or OTHER."));
		}
		String name = Inputs.clean(fileName);
		if (name == null || name.length() > 255) {
			return Mono.error(new Refusal(400, "INVALID_VALUE", "The file needs a name of at most 255 characters."));
		}
		if (content.length == 0) {
			return Mono.error(new Refusal(400, "EMPTY_FILE", "The file is empty."));
		}
		// Tika reads its tables and the digest runs over the whole file: not on the event
		// loop
		return Mono.fromCallable(() -> checked(name, content))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(type -> store(actor, contract, kind, name, type, content));
	}

	private static String checked(String name, byte[] content) {
		String type = FileTypes.detect(content);
		if (!FileTypes.ALLOWED.containsKey(type)) {
			throw new Refusal(415, "UNSUPPORTED_TYPE", "The content is " + type
					+ ": accepted are PDF, Word, Excel and OpenDocument texts and spreadsheets, PNG, JPEG and plain text.");
		}
		if (!FileTypes.nameFits(name, type)) {
			throw new Refusal(415, "TYPE_MISMATCH",
					"The content is " + type + ", which the file name's extension does not match.");
		}
		return type;
	}

	private Mono<ContractDocument> store(Actor actor, UUID contractId, Kind kind, String name, String type,
			byte[] content) {
		UUID id = UUID.randomUUID();
		String sha256 = sha256(content);
		boolean onDisk = this.properties.storage() == Storage.DISK;
		Path file = onDisk ? this.properties.directory().resolve(id.toString()) : null;
		Mono<ContractDocument> insert = this.contracts.lockVisible(actor, contractId)
			.onErrorMap(UserErrorsException.class, ex -> Refusal.notFound())
			.flatMap(contract -> this.users.requireRegistered(actor)
				.then(this.database.sql("""
						insert into contract_document (id, contract_id, kind, file_name, content_type, size_bytes,
						                               sha256, storage, content, path, uploaded_by)
						values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""")
					.bind(0, id)
					.bind(1, contractId)
					.bind(2, kind.name())
					.bind(3, name)
					.bind(4, type)
					.bind(5, content.length)
					.bind(6, sha256)
					.bind(7, onDisk ? "DISK" : "DATABASE")
					.bind(8, Parameter.fromOrEmpty(onDisk ? null : content, byte[].class))
					.bind(9, Parameter.fromOrEmpty(onDisk ? id.toString() : null, String.class))
					.bind(10, actor.subject())
					.then())
				.then(document(id))
				.flatMap(document -> this.events.document(actor, EventType.CONTRACT_DOCUMENT_ADDED, contract, document)
					.thenReturn(document)))
			.as(this.transaction::transactional);
		if (!onDisk) {
			return insert;
		}
		return Mono.fromRunnable(() -> write(file, content))
			.subscribeOn(Schedulers.boundedElastic())
			.then(insert)
			.onErrorResume(ex -> remove(file).then(Mono.error(ex)));
	}

	/** The content of a document in the actor's scope, or empty. */
	Mono<Download> download(Actor actor, String documentId) {
		UUID id = GlobalId.uuidOf("ContractDocument", documentId);
		if (id == null) {
			return Mono.empty();
		}
		Sql sql = new Sql();
		sql.append("select " + METADATA + ", d.content, d.path from contract_document d join contract k"
				+ " on k.id = d.contract_id where d.id = " + sql.param(id) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.on(this.database)
			.map((row,
					meta) -> new Object[] { DOCUMENT.apply(row, meta), row.get("content", byte[].class),
							row.get("path", String.class) })
			.one()
			.flatMap(found -> {
				ContractDocument document = (ContractDocument) found[0];
				if (found[1] != null) {
					return Mono.just(new Download(document, (byte[]) found[1]));
				}
				Path file = this.properties.directory().resolve((String) found[2]);
				return Mono.fromCallable(() -> new Download(document, Files.readAllBytes(file)))
					.subscribeOn(Schedulers.boundedElastic());
			});
	}

	/** Detaches a document; its file goes after the row is gone for good. */
	Mono<Contract> delete(Actor actor, DeleteContractDocumentInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.CONTRACT);
		List<UserError> errors = new ArrayList<>();
		UUID id = GlobalId.uuidOf("ContractDocument", input.id(), errors, "input", "id");
		Inputs.rejectIfAny(errors);
		Sql sql = new Sql();
		sql.append("select d.contract_id, d.path from contract_document d join contract k on k.id = d.contract_id"
				+ " where d.id = " + sql.param(id) + " and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.on(this.database)
			.map(row -> new Object[] { row.get("contract_id", UUID.class), row.get("path", String.class) })
			.one()
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(
					UserError.of(UserErrorCode.NOT_FOUND, "No such document.", "input", "id"))))
			.flatMap(found -> {
				UUID contractId = (UUID) found[0];
				Mono<Contract> change = this.contracts.lockVisible(actor, contractId)
					.flatMap(
							contract -> document(id)
								.flatMap(document -> this.database.sql("delete from contract_document where id = $1")
									.bind(0, id)
									.then()
									.then(this.events.document(actor, EventType.CONTRACT_DOCUMENT_REMOVED, contract,
											document)))
								.thenReturn(contract))
					.as(this.transaction::transactional);
				return found[1] == null ? change
						: change.flatMap(contract -> remove(this.properties.directory().resolve((String) found[1]))
							.thenReturn(contract));
			});
	}

	private Mono<ContractDocument> document(UUID id) {
		return this.database.sql("select " + METADATA + " from contract_document d where d.id = $1")
			.bind(0, id)
			.map(DOCUMENT)
			.one();
	}

	private static void write(Path file, byte[] content) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Mono<Void> remove(Path file) {
		return Mono.<Void>fromRunnable(() -> {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A document and its content. */
	record Download(ContractDocument document, byte[] content) {

	}

	/** An upload refused, with the HTTP status and a code for the JSON answer. */
	static final class Refusal extends RuntimeException {

		private final int status;

		private final String code;

		Refusal(int status, String code, String message) {
			super(message, null, false, false);
			this.status = status;
			this.code = code;
		}

		static Refusal notFound() {
			return new Refusal(404, "NOT_FOUND", "No such contract.");
		}

		int status() {
			return this.status;
		}

		String code() {
			return this.code;
		}

	}

}
