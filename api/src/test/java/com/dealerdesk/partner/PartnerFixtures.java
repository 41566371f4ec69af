package com.dealerdesk.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;

import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;

/** Partners made through the API, and the callers of the channel's tests. */
abstract class PartnerFixtures extends ApiTest {

	static final TestUser CHANNEL_MANAGER = new TestUser("t-channel", "Chiara Channel", List.of("channel_manager"),
			null, List.of());

	GraphQlTester.Response partnerCall(TestUser user, String operation, Map<String, Object> input) {
		return as(user).documentName("partner").operationName(operation).variable("input", input).execute();
	}

	/** A new first-level partner, ACTIVE, made by an admin; returns its id. */
	String activePartner(String name) {
		return partnerCall(ADMIN, "createPartner", Map.of("name", name, "status", "ACTIVE"))
			.path("createPartner.partner.id")
			.entity(String.class)
			.get();
	}

	/** A new sub-dealer of the given partner, ACTIVE; returns its id. */
	String activeSubDealer(String parentId, String name) {
		return partnerCall(ADMIN, "createPartner", Map.of("name", name, "status", "ACTIVE", "parentId", parentId))
			.path("createPartner.partner.id")
			.entity(String.class)
			.get();
	}

	int version(String partnerId) {
		return as(ADMIN).documentName("partner")
			.operationName("partner")
			.variable("id", partnerId)
			.execute()
			.path("partner.version")
			.entity(Integer.class)
			.get();
	}

	/** The payload's user errors as "field.path=CODE". */
	@SuppressWarnings("unchecked")
	static List<String> errors(GraphQlTester.Response response, String mutation) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) (List<?>) response.path(mutation + ".userErrors")
			.entityList(Map.class)
			.get();
		return errors.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static UUID uuid(String globalId) {
		return GlobalId.parse(globalId).asUuid();
	}

	/** A partner user's token for a partner made in the test. */
	static TestUser userOf(String partnerId, String subject) {
		return new TestUser(subject, subject, List.of("partner_user"), uuid(partnerId), List.of());
	}

}
