package com.dealerdesk.contract;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.dealerdesk.contract.ContractDocumentService.Refusal;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code POST /contracts/{id}/documents} (multipart: {@code file}, {@code kind}) attaches
 * a file to a contract; {@code GET /contract-documents/{id}} downloads one. Both take the
 * same bearer token and scope as the GraphQL API; what is out of scope answers 404, a
 * refused upload a JSON error ({@code {"code", "message"}}).
 */
@RestController
class ContractDocumentController {

	private final ContractDocumentService documents;

	ContractDocumentController(ContractDocumentService documents) {
		this.documents = documents;
	}

	@PostMapping("/contracts/{id}/documents")
	Mono<ResponseEntity<Map<String, Object>>> upload(@PathVariable String id, ServerWebExchange exchange,
			@AuthenticationPrincipal Actor actor) {
		return exchange.getMultipartData().flatMap(parts -> {
			Part kind = parts.getFirst("kind");
			if (!(parts.getFirst("file") instanceof FilePart file)) {
				return Mono.error(new Refusal(400, "REQUIRED", "Send the file as the multipart part `file`."));
			}
			// reading more than the limit fails at once: an oversize file is never held
			// whole
			return DataBufferUtils.join(file.content(), this.documents.maxBytes()).map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
				.defaultIfEmpty(new byte[0])
				.onErrorMap(DataBufferLimitException.class,
						ex -> new Refusal(413, "TOO_LARGE",
								"The file is larger than " + this.documents.maxBytes() + " bytes."))
				.flatMap(content -> this.documents.upload(actor, id,
						kind instanceof FormFieldPart field ? field.value() : null, file.filename(), content));
		})
			.map(document -> ResponseEntity.status(HttpStatus.CREATED)
				.contentType(MediaType.APPLICATION_JSON)
				.body(json(document)))
			.onErrorResume(Refusal.class,
					ex -> Mono.just(ResponseEntity.status(ex.status())
						.contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("code", ex.code(), "message", ex.getMessage()))));
	}

	@GetMapping("/contract-documents/{id}")
	Mono<ResponseEntity<byte[]>> download(@PathVariable String id, @AuthenticationPrincipal Actor actor) {
		return this.documents.download(actor, id)
			.map(download -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(download.document().contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(download.document().fileName(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(download.content()))
			.defaultIfEmpty(ResponseEntity.notFound().build());
	}

	private static Map<String, Object> json(ContractDocument document) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", GlobalId.of("ContractDocument", document.id()));
		json.put("kind", document.kind());
		json.put("fileName", document.fileName());
		json.put("contentType", document.contentType());
		json.put("sizeBytes", document.sizeBytes());
		json.put("sha256", document.sha256());
		json.put("url", url(document));
		return json;
	}

	static String url(ContractDocument document) {
		return "/contract-documents/" + GlobalId.of("ContractDocument", document.id());
	}

}
