package com.dealerdesk.platform.database;

import java.util.function.Predicate;

import io.r2dbc.postgresql.api.PostgresqlException;

/**
 * Recognises PostgreSQL's unique_violation (SQLSTATE 23505) of one named constraint or
 * unique index, wherever it sits in the cause chain of what the database client threw. An
 * at-most-once rule held by a unique constraint uses it to answer the request that lost
 * the race with the same user error as a duplicate sent later:
 * {@code .onErrorMap(UniqueViolation.of("sales_order_one_per_quote"), ex -> conflict)}.
 */
public final class UniqueViolation {

	static final String UNIQUE_VIOLATION = "23505";

	private UniqueViolation() {
	}

	public static Predicate<Throwable> of(String constraint) {
		return violation(UNIQUE_VIOLATION, constraint);
	}

	/**
	 * PostgreSQL's error of the given SQLSTATE on one named constraint, anywhere in the
	 * cause chain.
	 */
	static Predicate<Throwable> violation(String sqlState, String constraint) {
		return thrown -> {
			for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
				if (cause instanceof PostgresqlException postgres
						&& sqlState.equals(postgres.getErrorDetails().getCode())) {
					return constraint.equals(postgres.getErrorDetails().getConstraintName().orElse(null));
				}
				if (cause.getCause() == cause) {
					break;
				}
			}
			return false;
		};
	}

}
