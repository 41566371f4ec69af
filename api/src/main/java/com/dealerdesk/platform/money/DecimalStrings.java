package com.dealerdesk.platform.money;

import java.math.BigDecimal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * How money is written into JSON outside GraphQL (event payloads): every
 * {@link BigDecimal} as a plain decimal string, so {@link Money} becomes
 * {@code {"amount": "2.343", "currency": "KWD"}}, exactly as the API's {@code Decimal}
 * scalar writes it, and never a JSON number that a client reads as a double.
 */
public final class DecimalStrings {

	private DecimalStrings() {
	}

	public static JacksonModule module() {
		return new SimpleModule("decimal-strings").addSerializer(BigDecimal.class,
				new StdSerializer<>(BigDecimal.class) {

					@Override
					public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
						generator.writeString(value.toPlainString());
					}

				});
	}

}
