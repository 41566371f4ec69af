package com.dealerdesk.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/** Contract documents kept on disk, with a small size limit. */
@TestPropertySource(properties = { "dealerdesk.contracts.documents.storage=disk",
		"dealerdesk.contracts.documents.directory=${java.io.tmpdir}/dealerdesk-contract-documents-test",
		"dealerdesk.contracts.documents.max-bytes=1KB" })
class ContractDocumentDiskTest extends ContractTestSupport {

	private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
			"dealerdesk-contract-documents-test");

	@Test
	void aFileIsWrittenWithItsRowAndGoesWithIt() throws IOException {
		String contract = (String) draft(REP).get("id");
		long files = files();

		EntityExchangeResult<Map<String, Object>> tooLarge = DocumentUploads.upload(http(), REP, contract, "big.txt",
				"x".repeat(1025).getBytes(), "OTHER");
		assertThat(tooLarge.getStatus().value()).isEqualTo(413);
		assertThat(tooLarge.getResponseBody()).containsEntry("code", "TOO_LARGE");
		assertThat(DocumentUploads
			.upload(http(), REP, com.dealerdesk.platform.graphql.GlobalId.of("Contract", java.util.UUID.randomUUID()),
					"spec.pdf", DocumentUploads.PDF, "OTHER")
			.getStatus()
			.value()).as("no such contract: the file written first is removed again").isEqualTo(404);
		assertThat(files()).isEqualTo(files);

		EntityExchangeResult<Map<String, Object>> stored = DocumentUploads.upload(http(), REP, contract, "spec.pdf",
				DocumentUploads.PDF, "TECHNICAL_SPECIFICATION");
		assertThat(stored.getStatus().value()).isEqualTo(201);
		assertThat(files()).isEqualTo(files + 1);
		assertThat(count("select count(*) from contract_document where contract_id::text = $1 and storage = 'DISK'"
				+ " and content is null", local(contract)))
			.isEqualTo(1);
		assertThat(
				DocumentUploads.download(http(), REP, (String) stored.getResponseBody().get("url")).getResponseBody())
			.isEqualTo(DocumentUploads.PDF);

		assertThat(errors(REP, "deleteContractDocument", Map.of("id", stored.getResponseBody().get("id")))).isEmpty();
		assertThat(files()).isEqualTo(files);
	}

	private static long files() throws IOException {
		if (!Files.isDirectory(DIRECTORY)) {
			return 0;
		}
		try (Stream<Path> list = Files.list(DIRECTORY)) {
			return list.count();
		}
	}

}
