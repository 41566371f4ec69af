package com.dealerdesk.channel;

import java.util.List;

import com.dealerdesk.support.ApiTest;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-ups of conflict detection can use their partial indexes of V31, one per key (a
 * bitmap OR for customers, a union for registrations): the statements below have the
 * shape of {@code CustomerRepository.matching} and
 * {@code DealRegistrationRepository.claims}. With the test database's few rows PostgreSQL
 * prefers a sequential scan, so it is switched off on the connection to see which indexes
 * the planner can use.
 */
class RegistrationLookupPlansTest extends ApiTest {

	@Test
	void customersAreLookedUpByTheirThreeKeyIndexes() {
		assertThat(plan("""
				select c.id from customer c
				where (c.tax_id is not null and lower(regexp_replace(c.tax_id, '[^0-9A-Za-z]', '', 'g')) = 'lv4000123')
				   or (c.name_key is not null and c.name_key = 'romashka')
				   or (c.email like '%@%' and lower(split_part(c.email, '@', 2)) = 'romashka.ru')"""))
			.contains("customer_tax_id_key_idx", "customer_name_key_idx", "customer_email_domain_idx")
			.doesNotContain("Seq Scan");
	}

	@Test
	void otherPartnersClaimsAreLookedUpByTheirKeyIndexes() {
		assertThat(
				plan("""
						select r.id from deal_registration r where r.id in (
						  select id from deal_registration where status in ('SUBMITTED', 'APPROVED') and tax_id_key = 'lv4000123'
						  union select id from deal_registration where status in ('SUBMITTED', 'APPROVED') and name_key = 'romashka'
						  union select id from deal_registration where status in ('SUBMITTED', 'APPROVED')
						        and customer_email_domain = 'romashka.ru'
						  union select id from deal_registration where status in ('SUBMITTED', 'APPROVED')
						        and customer_id = '00000000-0000-4000-8000-000000000001')
						and r.partner_id <> all('{00000000-0000-4000-8000-00000000000a}'::uuid[])"""))
			.contains("deal_registration_tax_key_idx", "deal_registration_name_key_idx", "deal_registration_domain_idx",
					"deal_registration_customer_idx")
			.doesNotContain("Seq Scan");
	}

	private String plan(String sql) {
		List<String> lines = this.database.inConnection(
				connection -> run(connection, "set enable_seqscan = off")
					.then(Flux.from(connection.createStatement("explain " + sql).execute())
						.flatMap(result -> result.map((row, meta) -> row.get(0, String.class)))
						.collectList())
					.flatMap(plan -> run(connection, "reset enable_seqscan").thenReturn(plan)))
			.block();
		return String.join("\n", lines);
	}

	private static Mono<Void> run(Connection connection, String sql) {
		return Flux.from(connection.createStatement(sql).execute()).flatMap(result -> result.getRowsUpdated()).then();
	}

}
