package com.dealerdesk.platform.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.data.ArgumentValue;

/**
 * The columns a partial update writes, built from the {@link ArgumentValue} fields of its
 * input: a field the client left out changes nothing; a field sent as {@code null} clears
 * its column ({@link #set}) or, for a column that must hold a value, is a
 * {@code REQUIRED} user error ({@link #require}).
 *
 * <pre>
 * Changes changes = new Changes(errors);
 * changes.require("name", input.name(), Inputs::clean);
 * changes.set("legal_name", input.legalName(), Inputs::clean);
 * repository.update(id, input.expectedVersion(), changes.columns());
 * </pre>
 */
public final class Changes {

	private final Map<String, Object> columns = new LinkedHashMap<>();

	private final List<UserError> errors;

	/**
	 * @param errors the mutation's user errors, where {@link #require} adds
	 * {@code REQUIRED}
	 */
	public Changes(List<UserError> errors) {
		this.errors = errors;
	}

	/** Sets the column to the field's value as it is, when the client sent the field. */
	public <T> T set(String column, ArgumentValue<T> field) {
		return set(column, field, Function.identity());
	}

	/**
	 * Sets the column to the field's value converted, when the client sent the field. The
	 * conversion also sees {@code null}, as on create.
	 * @return the converted value, or {@code null} when the field was left out
	 */
	public <T, R> R set(String column, ArgumentValue<T> field, Function<? super T, R> convert) {
		if (field.isOmitted()) {
			return null;
		}
		R value = convert.apply(field.value());
		this.columns.put(column, value);
		return value;
	}

	/** {@link #require(String, ArgumentValue, Function)} without a conversion. */
	public <T> T require(String column, ArgumentValue<T> field) {
		return require(column, field, Function.identity());
	}

	/**
	 * Sets the column to the field's value converted, when the client sent the field; a
	 * field sent as {@code null}, or converted to {@code null} (blank text through
	 * {@link Inputs#clean}), is {@code REQUIRED} at {@code ["input", field]}, unless the
	 * conversion already reported an error there. The field is named as the schema names
	 * it: the column in lower camel case ({@code last_name} → {@code lastName}).
	 * @return the converted value, or {@code null} when the field was left out or
	 * rejected
	 */
	public <T, R> R require(String column, ArgumentValue<T> field, Function<? super T, R> convert) {
		if (field.isOmitted()) {
			return null;
		}
		R value = field.value() == null ? null : convert.apply(field.value());
		String name = fieldName(column);
		List<String> path = List.of("input", name);
		if (value != null) {
			this.columns.put(column, value);
		}
		else if (this.errors.stream().noneMatch(error -> path.equals(error.field()))) {
			this.errors.add(UserError.of(UserErrorCode.REQUIRED, "Is required.", "input", name));
		}
		return value;
	}

	/** The columns to write with their new values, in the order they were set. */
	public Map<String, Object> columns() {
		return this.columns;
	}

	private static String fieldName(String column) {
		StringBuilder name = new StringBuilder(column.length());
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
