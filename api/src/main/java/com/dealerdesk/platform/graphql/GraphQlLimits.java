package com.dealerdesk.platform.graphql;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one GraphQL operation may ask for ({@code dealerdesk.graphql.limits.*},
 * docs/api.md "Limits"). All are checked before the operation runs, except the timeout.
 *
 * @param maxDepth deepest nesting of fields (the root field is level 1)
 * @param maxCost highest cost: a connection multiplies the cost of its selection by its
 * {@code first}, a plain list by {@code listSize}, {@code @cost} adds a field's weight
 * @param listSize what a plain (non-connection) list is assumed to hold: they are bounded
 * by their parent (an order's lines, a contract's stages)
 * @param maxAliases aliased fields per operation
 * @param maxRootFields fields at the top of the operation
 * @param maxFields fields per operation, counted as executed (a fragment counts each time
 * it is spread)
 * @param maxRequestSize the document and its variables together, in characters
 * @param maxVariablesSize the variables, in characters of JSON
 * @param largeRequestFields root fields that carry files and may use the whole
 * {@code spring.http.codecs.max-in-memory-size} instead (an operation of these only)
 * @param operationTimeout the longest a query or mutation may run
 */
@ConfigurationProperties("dealerdesk.graphql.limits")
public record GraphQlLimits(@DefaultValue("12") int maxDepth, @DefaultValue("20000") long maxCost,
		@DefaultValue("10") int listSize, @DefaultValue("30") int maxAliases, @DefaultValue("20") int maxRootFields,
		@DefaultValue("400") int maxFields, @DefaultValue("256KB") DataSize maxRequestSize,
		@DefaultValue("64KB") DataSize maxVariablesSize, @DefaultValue("importMail") Set<String> largeRequestFields,
		@DefaultValue("30s") Duration operationTimeout) {

}
