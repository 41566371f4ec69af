package com.dealerdesk.platform.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.data.ArgumentValue;

/**
 * The columns a partial update writes, built from the {@link ArgumentValue} fields of its
 * input: a field the client left out changes nothing; a field it sent, {@code null}
 * included, sets its column. Fields that may not be cleared say so on the input record
 * ({@code @NotBlank ArgumentValue<String> name}, {@code @NotNull ArgumentValue<Status>
 * status}): the constraint checks a sent value only, so it is {@code REQUIRED} when sent
 * as null or blank and fine when left out.
 *
 * <pre>
 * Changes changes = new Changes();
 * changes.set("name", input.name(), Inputs::clean);
 * changes.set("size", input.size());
 * repository.update(id, input.expectedVersion(), changes.columns());
 * </pre>
 */
public final class Changes {

	private final Map<String, Object> columns = new LinkedHashMap<>();

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

	/** The columns to write with their new values, in the order they were set. */
	public Map<String, Object> columns() {
		return this.columns;
	}

}
