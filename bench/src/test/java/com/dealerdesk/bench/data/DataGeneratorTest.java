package com.dealerdesk.bench.data;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Size S into a database migrated by the API's migrations (without the demo data): every
 * foreign key and derived column holds, serials and ids are what the API and SQL compute,
 * and a second run is a no-op while another size is refused.
 */
class DataGeneratorTest {

	private static EmbeddedPostgres postgres;

	private static String url;

	private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

	@BeforeAll
	static void migrate() throws Exception {
		Path dir = Files.createTempDirectory("dealerdesk-generator-test");
		postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(true)
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start();
		Flyway.configure()
			.dataSource(postgres.getPostgresDatabase())
			.locations("filesystem:../api/src/main/resources/db/migration")
			.load()
			.migrate();
		url = postgres.getJdbcUrl("postgres", "postgres");
	}

	@AfterAll
	static void stop() throws Exception {
		postgres.close();
	}

	@Test
	void generatesSizeSOnceConsistentAndRefusesAnother() throws Exception {
		DataGenerator.Dataset generated = DataGenerator.ensure(url, "postgres", "postgres", Size.S, 13, QUIET);

		assertThat(generated.generatedNow()).isTrue();
		assertThat(generated.counts()).containsEntry("customer", 1_000L).containsEntry("activity", 10_000L);
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			ByteArrayOutputStream report = new ByteArrayOutputStream();
			int failed = Verify.run(connection, Size.S, new PrintStream(report, true, StandardCharsets.UTF_8));
			assertThat(failed).as(report.toString(StandardCharsets.UTF_8)).isZero();
			try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("""
					select (select count(*) from audit_entry),
					       (select count(*) from pg_indexes where indexname = 'license_serial_idx'),
					       (select serial ~ '^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z*~$=U]$' from license
					        where id = md5('dd:license:1')::uuid)""")) {
				row.next();
				assertThat(row.getLong(1)).as("audit entries of generated rows").isZero();
				assertThat(row.getLong(2)).as("dropped indexes built again").isOne();
				assertThat(row.getBoolean(3)).as("serial format").isTrue();
			}
		}

		DataGenerator.Dataset again = DataGenerator.ensure(url, "postgres", "postgres", Size.S, 13, QUIET);
		assertThat(again.generatedNow()).isFalse();
		assertThat(again.counts()).isEqualTo(generated.counts());
		assertThatIllegalStateException()
			.isThrownBy(() -> DataGenerator.ensure(url, "postgres", "postgres", Size.M, 13, QUIET))
			.withMessageContaining("already holds data set S");
	}

}
