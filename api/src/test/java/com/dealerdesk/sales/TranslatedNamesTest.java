package com.dealerdesk.sales;

import java.util.List;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stage names, lost reasons and pipeline names per language: given by an admin, read in
 * the request's Accept-Language, falling back to the default name.
 */
class TranslatedNamesTest extends ApiTest {

	private static final String SAVE = """
			mutation($input: SavePipelineInput!) {
			  savePipeline(input: $input) {
			    pipeline { id version }
			    userErrors { field code }
			  }
			}""";

	private static final String UPDATE_LOST_REASON = """
			mutation($input: UpdateLostReasonInput!) {
			  updateLostReason(input: $input) { lostReason { id name version } userErrors { field code message } }
			}""";

	private static final String READ = """
			query { pipelines { id name defaultName names { language name } stages { name defaultName names { language name } } } }""";

	private HttpGraphQlTester as(TestUser user, String acceptLanguage) {
		return as(user).mutate().header("Accept-Language", acceptLanguage).build();
	}

	@Test
	void namesFollowTheRequestLanguageAndFallBackToTheDefault() {
		String name = unique("Services");
		String id = as(ADMIN).document(SAVE)
			.variable("input", Map.of("name", name, "names", List.of(Map.of("language", "ru", "name", "Услуги")),
					"stages", List.of(
							Map.of("name", "Lead", "probability", 10, "names",
									List.of(Map.of("language", "zh-CN", "name", "线索"),
											Map.of("language", "ru", "name", " Лид "))),
							Map.of("name", "Signed", "probability", 100, "closesAsWon", true))))
			.execute()
			.path("savePipeline.pipeline.id")
			.entity(String.class)
			.get();

		Map<?, ?> russian = pipeline(as(REP, "ru-RU,ru;q=0.9,en;q=0.8"), id);
		assertThat(russian.get("name")).isEqualTo("Услуги");
		assertThat(russian.get("defaultName")).isEqualTo(name);
		assertThat(stageNames(russian)).containsExactly("Лид", "Signed");
		Map<?, ?> chinese = pipeline(as(REP, "zh-Hans-CN,zh;q=0.9"), id);
		assertThat(chinese.get("name")).isEqualTo(name);
		assertThat(stageNames(chinese)).containsExactly("线索", "Signed");
		Map<?, ?> german = pipeline(as(REP, "de-DE"), id);
		assertThat(stageNames(german)).containsExactly("Lead", "Signed");
		// for editing: every language given, in the app's order
		assertThat(((List<?>) ((Map<?, ?>) ((List<?>) german.get("stages")).get(0)).get("names")))
			.isEqualTo(List.of(Map.of("language", "ru", "name", "Лид"), Map.of("language", "zh-CN", "name", "线索")));

		// saving without names keeps them; the event carries the pipeline's
		as(ADMIN).document(SAVE)
			.variable("input",
					Map.of("id", id, "expectedVersion", 1, "name", name, "stages",
							List.of(Map.of("id", stageId(id, 0), "name", "Lead", "probability", 15))))
			.execute()
			.path("savePipeline.userErrors")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(stageNames(pipeline(as(REP, "ru"), id))).containsExactly("Лид");
		assertThat(count("""
				select count(*) from outbox_event
				where aggregate_id::text = $1 and type = 'pipeline.updated' and payload->'names'->>'ru' = 'Услуги'""",
				GlobalId.parse(id).localId()))
			.isEqualTo(1);
	}

	@Test
	void unknownLanguagesRepeatsControlCharactersAndLongNamesAreRefusedAndWriteNothing() {
		String name = unique("Refused");
		GraphQlTester.Response refused = as(ADMIN).document(SAVE)
			.variable("input", Map.of("name", name, "names",
					List.of(Map.of("language", "ru", "name", "А"), Map.of("language", "ru", "name", "Б")), "stages",
					List.of(Map.of("name", "Lead", "probability", 10, "names",
							List.of(Map.of("language", "de", "name", "Kunde"),
									Map.of("language", "zh-CN", "name", "线\u0007索"),
									Map.of("language", "ru", "name", "x".repeat(101)))))))
			.execute();
		refused.path("savePipeline.pipeline").valueIsNull();
		refused.path("savePipeline.userErrors[*].field")
			.entityList(Object.class)
			.contains(List.of("input", "names", "1", "language"),
					List.of("input", "stages", "0", "names", "0", "language"),
					List.of("input", "stages", "0", "names", "1", "name"),
					List.of("input", "stages", "0", "names", "2", "name"));
		assertThat(count("select count(*) from pipeline where name = $1", name)).isZero();
	}

	@Test
	void lostReasonsTooAreNamedPerLanguage() {
		String name = unique("Timing");
		as(ADMIN).document("""
				mutation($input: AddLostReasonInput!) {
				  addLostReason(input: $input) { lostReason { name names { language name } } userErrors { code } }
				}""")
			.variable("input", Map.of("name", name, "names", List.of(Map.of("language", "ru", "name", "Сроки"))))
			.execute()
			.path("addLostReason.lostReason.names[0].name")
			.entity(String.class)
			.isEqualTo("Сроки");
		assertThat(as(REP, "ru").document("{ lostReasons { name } }")
			.execute()
			.path("lostReasons[*].name")
			.entityList(String.class)
			.get()).contains("Сроки").doesNotContain(name);
		assertThat(as(REP).document("{ lostReasons { name } }")
			.execute()
			.path("lostReasons[*].name")
			.entityList(String.class)
			.get()).contains(name);
	}

	@Test
	void anAdminRenamesALostReasonPerLanguageAtTheVersionReadAndOthersMayNot() {
		String name = unique("Timing");
		Map<?, ?> added = as(ADMIN).document("""
				mutation($input: AddLostReasonInput!) {
				  addLostReason(input: $input) { lostReason { id version } userErrors { code } }
				}""")
			.variable("input", Map.of("name", name))
			.execute()
			.path("addLostReason.lostReason")
			.entity(Map.class)
			.get();
		assertThat(added.get("version")).isEqualTo(1);
		Map<String, Object> rename = Map.of("id", added.get("id"), "expectedVersion", 1, "names",
				List.of(Map.of("language", "ru", "name", "Сроки"), Map.of("language", "zh-CN", "name", "时机")));

		GraphQlTester.Response renamed = as(ADMIN).document(UPDATE_LOST_REASON).variable("input", rename).execute();
		renamed.path("updateLostReason.userErrors").entityList(Object.class).hasSize(0);
		renamed.path("updateLostReason.lostReason.version").entity(Integer.class).isEqualTo(2);
		renamed.path("updateLostReason.lostReason.name").entity(String.class).isEqualTo(name);
		assertThat(as(REP, "zh-CN").document("{ lostReasons { name } }")
			.execute()
			.path("lostReasons[*].name")
			.entityList(String.class)
			.get()).contains("时机").doesNotContain(name);

		// the same rename again: the reason moved on
		GraphQlTester.Response stale = as(ADMIN).document(UPDATE_LOST_REASON).variable("input", rename).execute();
		stale.path("updateLostReason.lostReason").valueIsNull();
		stale.path("updateLostReason.userErrors[0].code").entity(String.class).isEqualTo("STALE_VERSION");
		stale.path("updateLostReason.userErrors[0].message")
			.entity(String.class)
			.satisfies(message -> assertThat(message).contains("now at version 2"));

		GraphQlTester.Response unknown = as(ADMIN).document(UPDATE_LOST_REASON)
			.variable("input", Map.of("id", GlobalId.of("LostReason", java.util.UUID.randomUUID()), "names", List.of()))
			.execute();
		unknown.path("updateLostReason.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		unknown.path("updateLostReason.userErrors[0].field").entityList(String.class).containsExactly("input", "id");

		GraphQlTester.Response refused = as(REP).document(UPDATE_LOST_REASON)
			.variable("input", Map.of("id", added.get("id"), "names", List.of()))
			.execute();
		refused.path("updateLostReason.userErrors[0].code").entity(String.class).isEqualTo("NOT_ALLOWED");
		assertThat(count("select version::bigint from lost_reason where name = $1", name)).as("written once")
			.isEqualTo(2);
	}

	private static Map<?, ?> pipeline(HttpGraphQlTester client, String id) {
		return client.document(READ)
			.execute()
			.path("pipelines")
			.entityList(Map.class)
			.get()
			.stream()
			.filter(pipeline -> id.equals(pipeline.get("id")))
			.findFirst()
			.orElseThrow();
	}

	private String stageId(String pipelineId, int index) {
		return as(REP).document("{ pipelines { id stages { id } } }")
			.execute()
			.path("pipelines")
			.entityList(Map.class)
			.get()
			.stream()
			.filter(pipeline -> pipelineId.equals(pipeline.get("id")))
			.map(pipeline -> (String) ((Map<?, ?>) ((List<?>) pipeline.get("stages")).get(index)).get("id"))
			.findFirst()
			.orElseThrow();
	}

	private static List<Object> stageNames(Map<?, ?> pipeline) {
		return ((List<?>) pipeline.get("stages")).stream()
			.map(stage -> (Object) ((Map<?, ?>) stage).get("name"))
			.toList();
	}

}
