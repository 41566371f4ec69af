package com.dealerdesk.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One entry of the audit trail, as stored.
 *
 * @param recordTable the changed row's table, for a change
 * @param recordKey the changed row's primary key (columns joined by commas)
 * @param changes the changed fields, in column order of the diff
 * @param detail what a login, refusal or denial adds (JSON object), or null
 */
record AuditEntry(long id, OffsetDateTime at, AuditKind kind, String actorSubject, String actorName, String clientId,
		String operation, String requestId, String recordTable, String recordKey, String change,
		List<FieldChange> changes, Map<String, Object> detail, int count) {

	/** A changed field; before and after are JSON values, null when null or absent. */
	record FieldChange(String field, Object before, Object after, boolean redacted) {

	}

}
