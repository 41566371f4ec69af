package com.dealerdesk.platform.database;

import java.util.function.Predicate;

/**
 * Recognises PostgreSQL's foreign_key_violation (SQLSTATE 23503) of one named foreign
 * key, wherever it sits in the cause chain: a row still referenced elsewhere, found by
 * the database even when the reference was written at the same moment. The counterpart of
 * {@link UniqueViolation}.
 */
public final class ForeignKeyViolation {

	static final String FOREIGN_KEY_VIOLATION = "23503";

	private ForeignKeyViolation() {
	}

	public static Predicate<Throwable> of(String constraint) {
		return UniqueViolation.violation(FOREIGN_KEY_VIOLATION, constraint);
	}

}
