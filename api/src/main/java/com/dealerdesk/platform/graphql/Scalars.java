package com.dealerdesk.platform.graphql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;

/**
 * The custom scalars: {@code DateTime} (instants, ISO 8601 in UTC), {@code Decimal}
 * (exact numbers as strings, never floating point) and {@code Date} (calendar dates).
 * {@code Date} is graphql-java-extended-scalars'; {@code DateTime} and {@code Decimal}
 * stay ours because the library's differ from what the API documents: its
 * {@code DateTime} writes the value's own offset and always milliseconds
 * ({@code 2026-11-23T11:15:30.000+01:00}) where we send UTC as {@link Instant#toString()}
 * does, and its {@code BigDecimal} reads and writes JSON numbers, which clients parse as
 * floating point, where we send strings (ADR on libraries in docs/decisions).
 */
final class Scalars {

	/**
	 * Longer inputs are refused before parsing, so nobody makes us parse a megabyte of
	 * digits.
	 */
	private static final int MAX_DECIMAL_LENGTH = 40;

	static final GraphQLScalarType DATE_TIME = scalar("DateTime", "An instant, ISO 8601 in UTC", Scalars::parseDateTime,
			value -> {
				if (value instanceof OffsetDateTime time) {
					return time.toInstant().toString();
				}
				if (value instanceof Instant time) {
					return time.toString();
				}
				throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
			});

	static final GraphQLScalarType DECIMAL = scalar("Decimal", "An exact decimal number as a string",
			Scalars::parseDecimal, value -> {
				if (value instanceof BigDecimal decimal) {
					return decimal.toPlainString();
				}
				throw new CoercingSerializeException("Not a decimal: " + value.getClass().getSimpleName());
			});

	/**
	 * graphql-java-extended-scalars' {@code Date} does what our contract says: ISO 8601
	 * {@code yyyy-MM-dd} in and out, as a string, to and from {@link LocalDate}.
	 */
	static final GraphQLScalarType DATE = ExtendedScalars.Date
		.transform(scalar -> scalar.description("A calendar date, ISO 8601"));

	private Scalars() {
	}

	private static BigDecimal parseDecimal(String text) {
		if (text.length() > MAX_DECIMAL_LENGTH) {
			throw new IllegalArgumentException("Decimal is too long.");
		}
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a decimal number, e.g. \"1234.50\".");
		}
	}

	private static OffsetDateTime parseDateTime(String text) {
		try {
			return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Not an ISO 8601 date-time with offset, e.g. 2026-11-23T10:15:30Z.");
		}
	}

	private static <T> GraphQLScalarType scalar(String name, String description, Function<String, T> parse,
			Function<Object, String> serialize) {
		return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<T, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				return serialize.apply(value);
			}

			@Override
			public T parseValue(Object input, GraphQLContext context, Locale locale) {
				if (!(input instanceof String text)) {
					throw new CoercingParseValueException(name + " must be sent as a string.");
				}
				try {
					return parse.apply(text);
				}
				catch (IllegalArgumentException ex) {
					throw new CoercingParseValueException(ex.getMessage());
				}
			}

			@Override
			public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
				if (!(input instanceof StringValue text)) {
					throw new CoercingParseLiteralException(name + " must be written as a string.");
				}
				try {
					return parse.apply(text.getValue());
				}
				catch (IllegalArgumentException ex) {
					throw new CoercingParseLiteralException(ex.getMessage());
				}
			}

		}).build();
	}

}
