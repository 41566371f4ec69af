package com.dealerdesk.platform.graphql;

import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of the schema has a data fetcher, and every controller method a schema
 * field.
 */
class SchemaMappingTest extends ApiTest {

	@Test
	void schemaAndControllersMatchExactly() {
		assertThat(SCHEMA_REPORT.get()).isNotNull();
		assertThat(SCHEMA_REPORT.get().unmappedFields()).isEmpty();
		assertThat(SCHEMA_REPORT.get().unmappedRegistrations()).isEmpty();
		assertThat(SCHEMA_REPORT.get().unmappedArguments()).isEmpty();
		assertThat(SCHEMA_REPORT.get().skippedTypes()).isEmpty();
	}

}
