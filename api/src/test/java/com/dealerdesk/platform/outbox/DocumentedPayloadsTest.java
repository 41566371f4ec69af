package com.dealerdesk.platform.outbox;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payloads written are the ones docs/events.md shows: every object in the data of
 * every event in the outbox (those of the chain below and of every test that ran before
 * in this JVM) has exactly the fields of the documented example of its type. A field
 * added to a payload without the docs, or dropped from it, fails here.
 */
class DocumentedPayloadsTest extends ApiTest {

	@Test
	void everyWrittenPayloadHasTheDocumentedFields() throws IOException {
		OrderFixtures.wholeChain(as(ADMIN), as(REP), as(ACCOUNTANT), LocalDate.now(this.clock));

		Map<EventType, JsonNode> documented = EventCatalogueTest.documentedExamples();
		JsonMapper json = JsonMapper.builder().build();
		Set<String> checkedTypes = new TreeSet<>();
		List<String> differences = new ArrayList<>();
		this.database
			.sql("select distinct on (type) type, payload::text as payload from outbox_event"
					+ " order by type, sequence desc")
			.map(row -> Map.entry(row.get("type", String.class), row.get("payload", String.class)))
			.all()
			// collected whole: a blocking iterator stops reading the socket between its
			// batches,
			// and with the whole run's outbox behind it the server stalled on a full
			// socket
			.collectList()
			.block()
			.forEach(event -> EventType.ofStoredName(event.getKey()).ifPresent(type -> {
				checkedTypes.add(event.getKey());
				compare(json.readTree(event.getValue()), documented.get(type), type + " $", differences);
			}));

		assertThat(checkedTypes).as("the chain's events are among those checked")
			.contains("opportunity.stage_changed", "opportunity.won", "quote.accepted", "order.created",
					"order.updated", "shipment.created", "invoice.created", "license.issued");
		assertThat(differences).as("payload fields that docs/events.md does not show, or shows but are not written")
			.isEmpty();
	}

	/**
	 * Compares the field names of every object in {@code written} with the documented
	 * object at the same place; a null or an empty list on either side says nothing about
	 * the fields below it, and neither do the keys of translated names, which are the
	 * languages someone gave.
	 */
	private static void compare(JsonNode written, JsonNode documented, String path, List<String> differences) {
		if (documented == null || documented.isNull() || written.isNull() || path.endsWith(".names")) {
			return;
		}
		if (written.isObject() && documented.isObject()) {
			Set<String> writtenFields = new TreeSet<>(written.propertyNames());
			Set<String> documentedFields = new TreeSet<>(documented.propertyNames());
			if (!writtenFields.equals(documentedFields)) {
				differences.add(path + ": written " + writtenFields + ", documented " + documentedFields);
				return;
			}
			writtenFields
				.forEach(field -> compare(written.get(field), documented.get(field), path + "." + field, differences));
		}
		else if (written.isArray() && documented.isArray() && !written.isEmpty() && !documented.isEmpty()) {
			compare(written.get(0), documented.get(0), path + "[0]", differences);
		}
	}

}
