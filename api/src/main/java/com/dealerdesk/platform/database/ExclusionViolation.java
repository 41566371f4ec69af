package com.dealerdesk.platform.database;

import java.util.function.Predicate;

/**
 * Recognises PostgreSQL's exclusion_violation (SQLSTATE 23P01) of one named exclusion
 * constraint, wherever it sits in the cause chain: the "no two of these overlap" rules
 * (periods that may not intersect) that the database decides even for writers racing each
 * other. The counterpart of {@link UniqueViolation}.
 */
public final class ExclusionViolation {

	static final String EXCLUSION_VIOLATION = "23P01";

	private ExclusionViolation() {
	}

	public static Predicate<Throwable> of(String constraint) {
		return UniqueViolation.violation(EXCLUSION_VIOLATION, constraint);
	}

}
