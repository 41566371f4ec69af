package com.dealerdesk.customer;

import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every customer carries the name key that deal registration matches on: written with
 * each create and rename, and filled in for customers written before it existed.
 */
class CustomerNameKeysTest extends ApiTest {

	@Autowired
	CustomerNameKeys nameKeys;

	@Test
	void createdAndRenamedCustomersKeepTheirKey() {
		String id = OrderFixtures.customer(as(REP), "ООО «Ромашка»");
		UUID uuid = UUID.fromString(com.dealerdesk.platform.graphql.GlobalId.parse(id).localId());
		assertThat(nameKey(uuid)).isEqualTo("romashka");

		as(REP).document("""
				mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { userErrors { code } } }""")
			.variable("input", Map.of("id", id, "expectedVersion", 1, "name", "Lilia GmbH"))
			.execute()
			.path("updateCustomer.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(nameKey(uuid)).isEqualTo("lilia");
	}

	@Test
	void customersWithoutAKeyGetOne() {
		UUID id = UUID.randomUUID();
		this.database.sql("""
				insert into customer (id, name, status, owner_id, tags) values ($1, $2, 'PROSPECT', 't-rep', '{}')""")
			.bind(0, id)
			.bind(1, "北京星辰科技有限公司")
			.then()
			.block();
		assertThat(nameKey(id)).isNull();
		assertThat(this.nameKeys.fillAll().block()).isPositive();
		assertThat(nameKey(id)).isEqualTo("beijingxingchenkeji");
		assertThat(this.nameKeys.fillAll().block()).isZero();
	}

	private String nameKey(UUID id) {
		return this.database.sql("select name_key from customer where id = $1")
			.bind(0, id)
			.map(row -> java.util.Optional.ofNullable(row.get("name_key", String.class)))
			.one()
			.block()
			.orElse(null);
	}

}
