package com.dealerdesk.platform.database;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

/**
 * A SQL statement assembled from parts, with every value bound as a parameter (never
 * concatenated into the text). Used where the statement depends on the caller's scope,
 * filters and sort order.
 */
public final class Sql {

	private final StringBuilder text = new StringBuilder();

	private final List<Parameter> parameters = new ArrayList<>();

	public Sql append(String part) {
		this.text.append(part);
		return this;
	}

	/** Binds a value and returns its placeholder, to write into the text. */
	public String param(Object value) {
		this.parameters.add(Parameter.from(value));
		return "$" + this.parameters.size();
	}

	/** Binds a value that may be null, typed so that PostgreSQL knows the column type. */
	public String param(Object value, Class<?> type) {
		this.parameters.add(Parameter.fromOrEmpty(value, type));
		return "$" + this.parameters.size();
	}

	/**
	 * Binds a column value for an insert or update: null as SQL {@code null}, enums by
	 * name, lists as text arrays (of enum names or strings).
	 */
	public String value(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Enum<?> constant) {
			return param(constant.name());
		}
		if (value instanceof List<?> list) {
			return param(list.stream()
				.map(item -> item instanceof Enum<?> constant ? constant.name() : String.valueOf(item))
				.toArray(String[]::new));
		}
		return param(value);
	}

	/**
	 * Runs {@code part} and returns the text it appended instead of keeping it, its
	 * parameters staying bound: for a condition that a statement repeats in several
	 * places (the branches of a union).
	 */
	public String fragment(Consumer<Sql> part) {
		int start = this.text.length();
		part.accept(this);
		String fragment = this.text.substring(start);
		this.text.setLength(start);
		return fragment;
	}

	public DatabaseClient.GenericExecuteSpec on(DatabaseClient database) {
		DatabaseClient.GenericExecuteSpec spec = database.sql(this.text.toString());
		for (int i = 0; i < this.parameters.size(); i++) {
			spec = spec.bind(i, this.parameters.get(i));
		}
		return spec;
	}

	/** A LIKE pattern matching text that contains the word, its wildcards escaped. */
	public static String containing(String word) {
		return "%" + escapeLike(word) + "%";
	}

	/**
	 * A LIKE pattern matching text that starts with the prefix, its wildcards escaped.
	 */
	public static String startingWith(String prefix) {
		return escapeLike(prefix) + "%";
	}

	private static String escapeLike(String word) {
		return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
