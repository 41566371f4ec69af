package com.dealerdesk.audit;

import java.time.OffsetDateTime;
import java.util.List;

/** The {@code auditEntries} filter; every part optional. */
record AuditFilter(String record, String actor, OffsetDateTime from, OffsetDateTime to, List<AuditKind> kinds) {

	static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

}
