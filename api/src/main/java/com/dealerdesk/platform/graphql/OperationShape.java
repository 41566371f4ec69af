package com.dealerdesk.platform.graphql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dealerdesk.platform.pagination.PageRequest;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * What an operation asks for, measured in one walk over its document (fragments expanded
 * where they are spread): depth, fields, aliases, root fields and cost.
 * <p>
 * Cost: a field of an object type costs 1, a scalar 0, and a field marked
 * {@code @cost(weight:)} in the schema its weight; a field's selection counts once per
 * item it may return: {@code first} (or its default) for a connection, the number of
 * {@code ids} for a field that takes them, {@link GraphQlLimits#listSize()} for other
 * lists. The edges of a connection are its items, so they are not counted twice.
 * Introspection ({@code __schema}, {@code __type}) counts as one field: it is answered
 * from memory and is turned off in production.
 * <p>
 * The walk stops as soon as the operation is deeper or has more fields, aliases or root
 * fields than allowed, so fragments spread into each other many times cannot make the
 * walk itself expensive.
 */
final class OperationShape {

	/** The page size of a connection whose {@code first} is not given (PageRequest). */
	private static final int DEFAULT_PAGE_SIZE = 25;

	private final GraphQLSchema schema;

	private final Map<String, FragmentDefinition> fragments;

	private final Map<String, Object> variables;

	private final GraphQlLimits limits;

	int depth;

	int fields;

	int aliases;

	final Set<String> rootFields = new LinkedHashSet<>();

	int rootFieldCount;

	long cost;

	private OperationShape(GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
			Map<String, Object> variables, GraphQlLimits limits) {
		this.schema = schema;
		this.fragments = fragments;
		this.variables = variables;
		this.limits = limits;
	}

	/**
	 * Measures an operation that passed validation (so its fragments are known and form
	 * no cycle).
	 * @throws Exceeded when it is deeper or has more fields, aliases or root fields than
	 * the limits allow
	 */
	static OperationShape of(OperationDefinition operation, GraphQLSchema schema,
			Map<String, FragmentDefinition> fragments, Map<String, Object> variables, GraphQlLimits limits) {
		OperationShape shape = new OperationShape(schema, fragments, variables, limits);
		GraphQLCompositeType root = switch (operation.getOperation()) {
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
			default -> schema.getQueryType();
		};
		shape.cost = shape.selection(operation.getSelectionSet(), root, 1);
		return shape;
	}

	private long selection(SelectionSet set, GraphQLCompositeType parent, int level) {
		long total = 0;
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				total = add(total, field(field, parent, level));
			}
			else if (selection instanceof InlineFragment inline) {
				GraphQLCompositeType type = (inline.getTypeCondition() != null)
						? (GraphQLCompositeType) this.schema.getType(inline.getTypeCondition().getName()) : parent;
				total = add(total, selection(inline.getSelectionSet(), type, level));
			}
			else if (selection instanceof FragmentSpread spread) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				GraphQLCompositeType type = (GraphQLCompositeType) this.schema
					.getType(fragment.getTypeCondition().getName());
				total = add(total, selection(fragment.getSelectionSet(), type, level));
			}
		}
		return total;
	}

	private long field(Field field, GraphQLCompositeType parent, int level) {
		this.fields++;
		this.depth = Math.max(this.depth, level);
		if (field.getAlias() != null) {
			this.aliases++;
		}
		if (level == 1) {
			this.rootFieldCount++;
			this.rootFields.add(field.getName());
		}
		exceeds("TOO_MANY_FIELDS", this.fields, this.limits.maxFields(),
				"fields (fragments count each time they are spread)");
		exceeds("QUERY_TOO_DEEP", this.depth, this.limits.maxDepth(), "levels of nested fields");
		exceeds("TOO_MANY_ALIASES", this.aliases, this.limits.maxAliases(), "aliased fields");
		exceeds("TOO_MANY_ROOT_FIELDS", this.rootFieldCount, this.limits.maxRootFields(), "root fields");
		if (field.getName().startsWith("__") || !(parent instanceof GraphQLFieldsContainer container)) {
			return 0;
		}
		GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
		GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
		GraphQLNamedType named = GraphQLTypeUtil.unwrapAllAs(type);
		long weight = weight(definition, named);
		if (field.getSelectionSet() == null || !(named instanceof GraphQLCompositeType composite)) {
			return weight;
		}
		long items = items(field, definition, type, parent);
		return add(weight, multiply(items, selection(field.getSelectionSet(), composite, level + 1)));
	}

	private static void exceeds(String code, int count, int limit, String what) {
		if (count > limit) {
			throw new Exceeded(code, "The operation has more than " + limit + " " + what + ".", limit);
		}
	}

	private static long weight(GraphQLFieldDefinition definition, GraphQLNamedType type) {
		GraphQLAppliedDirective cost = definition.getAppliedDirective("cost");
		if (cost != null) {
			Integer weight = cost.getArgument("weight").getValue();
			return weight;
		}
		return (type instanceof GraphQLCompositeType) ? 1 : 0;
	}

	/** How many times a field's selection is answered. */
	private long items(Field field, GraphQLFieldDefinition definition, GraphQLType type, GraphQLCompositeType parent) {
		GraphQLArgument first = definition.getArgument("first");
		if (first != null) {
			Object value = value(field, "first");
			if (value == null && first.hasSetDefaultValue()) {
				value = first.getArgumentDefaultValue().getValue();
			}
			// a `first` beyond the largest page is refused by the field itself
			// (INVALID_PAGE_SIZE), which tells the caller more than a cost would
			return (value instanceof Number number)
					? Math.min(Math.max(number.longValue(), 0), PageRequest.MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
		}
		if (definition.getArgument("ids") != null && value(field, "ids") instanceof List<?> ids) {
			return ids.size();
		}
		boolean list = (type instanceof GraphQLList) || (type instanceof GraphQLNonNull nonNull
				&& GraphQLTypeUtil.unwrapNonNull(nonNull) instanceof GraphQLList);
		// a connection's edges and nodes are the items its `first` already counted
		boolean ofConnection = parent.getName().endsWith("Connection");
		return (list && !ofConnection) ? this.limits.listSize() : 1;
	}

	/** An argument's value: a literal or a variable's. */
	private Object value(Field field, String name) {
		Argument argument = field.getArguments()
			.stream()
			.filter(candidate -> candidate.getName().equals(name))
			.findFirst()
			.orElse(null);
		if (argument == null) {
			return null;
		}
		Value<?> value = argument.getValue();
		if (value instanceof VariableReference variable) {
			return this.variables.get(variable.getName());
		}
		if (value instanceof IntValue number) {
			return number.getValue();
		}
		if (value instanceof ArrayValue array) {
			return array.getValues();
		}
		return null;
	}

	private static long add(long a, long b) {
		long sum = a + b;
		return (sum < 0) ? Long.MAX_VALUE : sum;
	}

	private static long multiply(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		long product = a * b;
		return (high != 0 || product < 0) ? Long.MAX_VALUE : product;
	}

	/** An operation over a limit that the walk found before it finished. */
	static final class Exceeded extends RuntimeException {

		final String code;

		final long limit;

		Exceeded(String code, String message, long limit) {
			super(message, null, false, false);
			this.code = code;
			this.limit = limit;
		}

	}

}
