package com.dealerdesk.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract documents kept in the database (the default): the type detected from the
 * content, the name checked against it, downloads in scope only.
 */
class ContractDocumentTest extends ContractTestSupport {

	@Test
	@SuppressWarnings("unchecked")
	void acceptsDocumentsByTheirContentAndRefusesTheRestWritingNothing() throws Exception {
		String contract = (String) draft(PARTNER_A_USER).get("id");

		EntityExchangeResult<Map<String, Object>> pdf = DocumentUploads.upload(http(), PARTNER_A_USER, contract,
				"Technical specification.pdf", DocumentUploads.PDF, "TECHNICAL_SPECIFICATION");
		assertThat(pdf.getStatus().value()).isEqualTo(201);
		assertThat(pdf.getResponseBody()).containsEntry("contentType", "application/pdf")
			.containsEntry("kind", "TECHNICAL_SPECIFICATION")
			.containsEntry("sizeBytes", DocumentUploads.PDF.length)
			.containsEntry("sha256",
					HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DocumentUploads.PDF)));
		assertThat(DocumentUploads
			.upload(http(), PARTNER_A_USER, contract, "notes.txt",
					"Meeting notes: go live in May.".getBytes(StandardCharsets.UTF_8), null)
			.getResponseBody()).containsEntry("contentType", "text/plain").containsEntry("kind", "OTHER");
		assertThat(DocumentUploads.upload(http(), PARTNER_A_USER, contract, "screen", DocumentUploads.PNG, "OTHER")
			.getResponseBody()).as("a name without an extension is fine").containsEntry("contentType", "image/png");

		long documents = count("select count(*) from contract_document where contract_id::text = $1", local(contract));
		EntityExchangeResult<Map<String, Object>> spoofed = DocumentUploads.upload(http(), PARTNER_A_USER, contract,
				"spec.pdf", DocumentUploads.PNG, "OTHER");
		assertThat(spoofed.getStatus().value()).isEqualTo(415);
		assertThat(spoofed.getResponseBody()).containsEntry("code", "TYPE_MISMATCH");
		EntityExchangeResult<Map<String, Object>> program = DocumentUploads.upload(http(), PARTNER_A_USER, contract,
				"spec.pdf", DocumentUploads.EXE, "OTHER");
		assertThat(program.getStatus().value()).isEqualTo(415);
		assertThat(program.getResponseBody()).containsEntry("code", "UNSUPPORTED_TYPE");
		EntityExchangeResult<Map<String, Object>> empty = DocumentUploads.upload(http(), PARTNER_A_USER, contract,
				"empty.txt", new byte[0], "OTHER");
		assertThat(empty.getStatus().value()).isEqualTo(400);
		assertThat(empty.getResponseBody()).containsEntry("code", "EMPTY_FILE");
		assertThat(DocumentUploads.upload(http(), PARTNER_A_USER, contract, "x.txt", "x".getBytes(), "SECRET")
			.getStatus()
			.value()).isEqualTo(400);
		assertThat(DocumentUploads.upload(http(), PARTNER_B_USER, contract, "x.txt", "x".getBytes(), "OTHER")
			.getStatus()
			.value()).as("another partner's contract does not exist for them").isEqualTo(404);
		assertThat(count("select count(*) from contract_document where contract_id::text = $1", local(contract)))
			.isEqualTo(documents);

		String url = (String) pdf.getResponseBody().get("url");
		EntityExchangeResult<byte[]> download = DocumentUploads.download(http(), PARTNER_A_USER, url);
		assertThat(download.getStatus().value()).isEqualTo(200);
		assertThat(download.getResponseBody()).isEqualTo(DocumentUploads.PDF);
		assertThat(download.getResponseHeaders().getContentType().toString()).isEqualTo("application/pdf");
		assertThat(download.getResponseHeaders().getContentDisposition().getFilename())
			.isEqualTo("Technical specification.pdf");
		assertThat(DocumentUploads.download(http(), PARTNER_B_USER, url).getStatus().value()).isEqualTo(404);
		assertThat(DocumentUploads.download(http(), ACCOUNTANT, url).getStatus().value())
			.as("the vendor's accountants see every customer")
			.isEqualTo(200);

		List<Map<String, Object>> listed = (List<Map<String, Object>>) as(PARTNER_A_USER)
			.document("query($id: ID!) { contract(id: $id) { documents { id url fileName uploadedBy { id } } } }")
			.variable("id", contract)
			.execute()
			.path("contract.documents")
			.entity(List.class)
			.get();
		assertThat(listed).hasSize(3);
		assertThat(listed.get(0)).containsEntry("url", url);

		assertThat(errors(PARTNER_B_USER, "deleteContractDocument", Map.of("id", pdf.getResponseBody().get("id"))))
			.containsExactly("input.id=NOT_FOUND");
		assertThat(as(PARTNER_A_USER).document("""
				mutation($input: DeleteContractDocumentInput!) {
				  deleteContractDocument(input: $input) { contract { documents { id } } userErrors { code } }
				}""")
			.variable("input", Map.of("id", pdf.getResponseBody().get("id")))
			.execute()
			.path("deleteContractDocument.contract.documents")
			.entityList(Object.class)
			.get()).hasSize(2);
		assertThat(DocumentUploads.download(http(), PARTNER_A_USER, url).getStatus().value()).isEqualTo(404);
		assertThat(count("select count(*) from outbox_event where aggregate_id::text = $1 and type like $2",
				local(contract), "contract.document_%"))
			.as("three added, one removed")
			.isEqualTo(4);
	}

	@Test
	void downloadsNeedAToken() {
		assertThat(http().get()
			.uri("/contract-documents/Q29udHJhY3REb2N1bWVudDp4")
			.exchange()
			.returnResult(byte[].class)
			.getStatus()
			.value()).isEqualTo(401);
	}

}
