package com.dealerdesk.platform.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** The {@code DateTime} scalar: instants as ISO 8601 strings in UTC. */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
		.name("DateTime")
		.description("An instant, ISO 8601 in UTC")
		.coercing(new Coercing<OffsetDateTime, String>() {

			@Override
			public String serialize(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof OffsetDateTime time) {
					return time.toInstant().toString();
				}
				if (value instanceof ZonedDateTime time) {
					return time.toInstant().toString();
				}
				if (value instanceof Instant time) {
					return time.toString();
				}
				throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
			}

			@Override
			public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
				if (input instanceof String text) {
					return parse(text, CoercingParseValueException::new);
				}
				throw new CoercingParseValueException("DateTime must be an ISO 8601 string.");
			}

			@Override
			public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				if (input instanceof StringValue text) {
					return parse(text.getValue(), CoercingParseLiteralException::new);
				}
				throw new CoercingParseLiteralException("DateTime must be an ISO 8601 string.");
			}

		})
		.build();

	private DateTimeScalar() {
	}

	private static <E extends RuntimeException> OffsetDateTime parse(String text,
			java.util.function.Function<String, E> error) {
		try {
			return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw error.apply("Not an ISO 8601 date-time with offset, e.g. 2026-11-23T10:15:30Z.");
		}
	}

}
