package com.dealerdesk.contract;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Files to upload, and the upload and download requests of contract documents. */
final class DocumentUploads {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/** The smallest file PDF readers open: header, one empty page, trailer. */
	static final byte[] PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
			3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	/** A PNG signature and header chunk: enough for its type. */
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 };

	/** A Windows program's header: not a document. */
	static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0,
			(byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0 };

	private DocumentUploads() {
	}

	static EntityExchangeResult<Map<String, Object>> upload(WebTestClient http, TestUser user, String contractId,
			String fileName, byte[] content, String kind) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", content).filename(fileName);
		if (kind != null) {
			body.part("kind", kind);
		}
		return http.post()
			.uri("/contracts/{id}/documents", contractId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.tokenFor(user))
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectBody(JSON)
			.returnResult();
	}

	static EntityExchangeResult<byte[]> download(WebTestClient http, TestUser user, String url) {
		return http.get()
			.uri(url)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.tokenFor(user))
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
	}

}
