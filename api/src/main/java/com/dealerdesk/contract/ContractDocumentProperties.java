package com.dealerdesk.contract;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of contract documents ({@code dealerdesk.contracts.documents.*},
 * docs/operations.md).
 *
 * @param maxBytes the largest file accepted
 * @param storage where the content is kept: in the database, or in files under
 * {@code directory}
 * @param directory the folder of the files, for {@code storage: disk}
 */
@ConfigurationProperties("dealerdesk.contracts.documents")
record ContractDocumentProperties(@DefaultValue("20MB") DataSize maxBytes, @DefaultValue("database") Storage storage,
		Path directory) {

	enum Storage {

		DATABASE, DISK

	}

}
