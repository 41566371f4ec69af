package com.dealerdesk.platform.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.dealerdesk.order.EventMoneyTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue is complete and documented: every {@link EventType} is in the GraphQL
 * enum, has a section in docs/events.md with an example {@code data} payload that is
 * valid JSON without money as a JSON number, and is written by some code path of the API.
 */
class EventCatalogueTest {

	private static final Path DOCS = Path.of("..", "docs", "events.md");

	private static final Path SCHEMA = Path.of("..", "schema", "events.graphqls");

	private static final Path MAIN = Path.of("src", "main", "java", "com", "dealerdesk");

	/** A type's section: {@code ### CUSTOMER_CREATED ...} up to the next heading. */
	private static final Pattern SECTION = Pattern.compile("### ([A-Z][A-Z_]*[A-Z])(?: .*)?$", Pattern.MULTILINE);

	private static final Pattern JSON_BLOCK = Pattern.compile("(?s)```json\\n(.*?)\\n```");

	private static final List<String> TYPES = Arrays.stream(EventType.values()).map(Enum::name).toList();

	@Test
	void theGraphQlEnumHasTheSameTypes() throws IOException {
		String schema = Files.readString(SCHEMA);
		Matcher enumBody = Pattern.compile("(?s)enum EventType \\{(.*?)}").matcher(schema);
		assertThat(enumBody.find()).isTrue();
		List<String> names = enumBody.group(1)
			.lines()
			.map(String::strip)
			.filter(line -> line.matches("[A-Z_]+"))
			.toList();
		assertThat(names).containsExactlyElementsOf(TYPES);
	}

	@Test
	void everyTypeHasADocumentedExamplePayload() throws IOException {
		Map<String, String> sections = sections(Files.readString(DOCS));
		assertThat(sections.keySet()).as("sections in docs/events.md").containsExactlyInAnyOrderElementsOf(TYPES);

		sections.forEach((type, section) -> assertThat(section).as(type + " names its stored type")
			.contains("`" + EventType.valueOf(type).storedName() + "`"));
		Map<EventType, JsonNode> examples = documentedExamples();
		assertThat(examples.keySet()).as("types with a ```json example").containsExactlyInAnyOrder(EventType.values());
		List<String> moneyNumbers = new ArrayList<>();
		examples.forEach((type, data) -> {
			assertThat(data.isObject()).as(type + " data is an object").isTrue();
			EventMoneyTest.collectMoneyNumbers(data, type + " $", moneyNumbers);
		});
		assertThat(moneyNumbers).as("money as JSON numbers in the examples").isEmpty();
	}

	/** The example {@code data} of each type in docs/events.md. */
	static Map<EventType, JsonNode> documentedExamples() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Map<EventType, JsonNode> examples = new LinkedHashMap<>();
		sections(Files.readString(DOCS)).forEach((type, section) -> {
			Matcher block = JSON_BLOCK.matcher(section);
			if (block.find()) {
				examples.put(EventType.valueOf(type), json.readTree(block.group(1)));
			}
		});
		return examples;
	}

	@Test
	void everyTypeIsInTheTableOfWriters() throws IOException {
		String docs = Files.readString(DOCS);
		List<String> rows = docs.lines().filter(line -> line.startsWith("| `")).toList();
		assertThat(TYPES).as("types missing in the table of docs/events.md")
			.filteredOn(type -> rows.stream()
				.noneMatch(
						row -> row.startsWith("| `" + type + "` | `" + EventType.valueOf(type).storedName() + "` |")))
			.isEmpty();
	}

	/**
	 * Each type is written somewhere: its constant is used in the main code outside the
	 * catalogue itself (a type nobody writes would be documented but never arrive).
	 */
	@Test
	void everyTypeIsWrittenBySomeCodePath() throws IOException {
		String code;
		try (Stream<Path> files = Files.walk(MAIN)) {
			code = files.filter(file -> file.toString().endsWith(".java"))
				.filter(file -> !file.endsWith(Path.of("platform", "outbox", "EventType.java")))
				.map(EventCatalogueTest::read)
				.collect(Collectors.joining("\n"));
		}
		assertThat(TYPES).as("types no code writes")
			.filteredOn(type -> !Pattern.compile("EventType\\." + type + "\\b").matcher(code).find())
			.isEmpty();
	}

	private static Map<String, String> sections(String docs) {
		Map<String, String> sections = new LinkedHashMap<>();
		for (String chunk : docs.split("(?m)^(?=#)")) {
			Matcher heading = SECTION.matcher(chunk);
			if (heading.lookingAt()) {
				sections.put(heading.group(1), chunk);
			}
		}
		return sections;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
