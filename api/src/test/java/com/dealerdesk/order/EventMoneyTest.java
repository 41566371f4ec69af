package com.dealerdesk.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.dealerdesk.support.TestPeople.ACCOUNTANT;
import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money in event payloads is a decimal string with its currency, never a JSON number
 * (docs/events.md, ADR 0010): checked on every outbox row in the database after the whole
 * chain quote → order → shipment → invoice → licenses, including the rows of every test
 * that ran before in this JVM.
 */
public class EventMoneyTest extends ApiTest {

	private static final Pattern MONEY_LIKE = Pattern
		.compile("(?i).*(amount|price|total|discount|tax|cost|weighted).*");

	@Test
	void noEventCarriesMoneyAsAJsonNumber() {
		OrderFixtures.wholeChain(as(ADMIN), as(REP), as(ACCOUNTANT), LocalDate.now(this.clock));

		JsonMapper json = JsonMapper.builder().build();
		List<String> numbers = new ArrayList<>();
		List<String> types = new ArrayList<>();
		this.database.sql("select sequence, type, payload::text as payload from outbox_event order by sequence")
			.map(row -> Map.entry(row.get("sequence", Long.class) + " " + row.get("type", String.class),
					row.get("payload", String.class)))
			.all()
			// collected whole: a blocking iterator stops reading the socket between its
			// batches,
			// and with the whole run's outbox behind it the server stalled on a full
			// socket
			.collectList()
			.block()
			.forEach(event -> {
				types.add(event.getKey().substring(event.getKey().indexOf(' ') + 1));
				collectMoneyNumbers(json.readTree(event.getValue()), event.getKey() + " $", numbers);
			});

		assertThat(types).as("the scenario's events are among those checked")
			.contains("opportunity.stage_changed", "quote.accepted", "order.created", "order.updated",
					"shipment.created", "invoice.created", "license.issued");
		assertThat(numbers).as("money-like fields written as JSON numbers").isEmpty();
	}

	/**
	 * Adds to {@code found} the path of every money-like field under {@code node} whose
	 * value is a JSON number.
	 */
	public static void collectMoneyNumbers(JsonNode node, String path, List<String> found) {
		if (node.isObject()) {
			node.properties().forEach(field -> {
				String at = path + "." + field.getKey();
				if (MONEY_LIKE.matcher(field.getKey()).matches() && field.getValue().isNumber()) {
					found.add(at + " = " + field.getValue());
				}
				collectMoneyNumbers(field.getValue(), at, found);
			});
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				collectMoneyNumbers(node.get(i), path + "[" + i + "]", found);
			}
		}
	}

}
