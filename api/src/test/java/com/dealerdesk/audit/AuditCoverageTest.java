package com.dealerdesk.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.dealerdesk.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table of the schema carries the audit trigger, or is on the list below with its
 * reason: a new table without {@code select audit_enable('new_table')} in its migration
 * fails here.
 */
class AuditCoverageTest extends ApiTest {

	/** Tables whose changes are not audited, and why. */
	static final Map<String, String> NOT_AUDITED = Map.of( //
			"audit_entry", "the audit itself", //
			"outbox_event", "the event feed: a record of changes already, pruned by design", //
			"outbox_retention", "the feed's pruning position, a counter", //
			"webhook_delivery", "delivery attempts of the event feed, a log", //
			"document_counter", "gapless number counters; the numbered documents are audited", //
			"flyway_schema_history", "the migrations' own bookkeeping");

	@Test
	void everyTableHasTheAuditTriggerOrAReasonNotTo() {
		List<Map<String, Object>> tables = this.database
			.sql("""
					select c.relname as name,
					       exists (select 1 from pg_trigger t
					               where t.tgrelid = c.oid and t.tgname = 'audit_row_change' and not t.tgisinternal) as audited
					from pg_class c
					where c.relkind in ('r', 'p') and c.relnamespace = current_schema()::regnamespace""")
			.fetch()
			.all()
			.collectList()
			.block();
		assertThat(tables).isNotEmpty();
		for (Map<String, Object> table : tables) {
			String name = (String) table.get("name");
			boolean audited = (Boolean) table.get("audited");
			assertThat(audited)
				.as("%s: audited (select audit_enable('%s') in its migration) or on NOT_AUDITED", name, name)
				.isNotEqualTo(NOT_AUDITED.containsKey(name));
		}
		assertThat(tables.stream().map(table -> (String) table.get("name")).toList())
			.as("every table on NOT_AUDITED exists")
			.containsAll(Set.copyOf(NOT_AUDITED.keySet()));
	}

}
