package com.dealerdesk.platform.graphql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SelectionSetContainer;
import graphql.schema.GraphQLSchema;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;

/**
 * Refuses an operation over one of the {@link GraphQlLimits} after validation and before
 * any data fetcher runs (a document of too many fields already before validation), with a
 * classified error whose code names the limit: request and variables size, depth, fields,
 * aliases, root fields, cost.
 */
class OperationLimits extends SimplePerformantInstrumentation {

	private final GraphQlLimits limits;

	OperationLimits(GraphQlLimits limits) {
		this.limits = limits;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		OperationShape shape = measure(context.getOperationDefinition(), context.getGraphQLSchema(),
				context.getFragmentsByName(), context.getCoercedVariables().toMap());
		checkSize(context.getExecutionInput(), shape);
		return super.beginExecuteOperation(parameters, state);
	}

	/**
	 * Counts the fields written in the document before graphql-java validates it:
	 * validation compares fields pairwise (overlapping fields that must merge), so a
	 * document of thousands of fields would cost a lot of CPU before the limits measured
	 * after it could refuse the operation. Fragments count once here, as written; each
	 * spread counts in {@link #measure}.
	 */
	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		if (writtenFields(parameters.getDocument(), this.limits.maxFields()) > this.limits.maxFields()) {
			throw refused("TOO_MANY_FIELDS", "The operation has more than " + this.limits.maxFields() + " fields.",
					Map.of("limit", this.limits.maxFields()));
		}
		return super.beginValidation(parameters, state);
	}

	/** The fields written in a document, counted up to one more than {@code enough}. */
	static int writtenFields(Document document, int enough) {
		Deque<SelectionSet> pending = new ArrayDeque<>();
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof SelectionSetContainer<?> container && container.getSelectionSet() != null) {
				pending.push(container.getSelectionSet());
			}
		}
		int fields = 0;
		while (!pending.isEmpty() && fields <= enough) {
			for (Selection<?> selection : pending.pop().getSelections()) {
				if (selection instanceof Field) {
					fields++;
				}
				if (selection instanceof SelectionSetContainer<?> container && container.getSelectionSet() != null) {
					pending.push(container.getSelectionSet());
				}
			}
		}
		return fields;
	}

	/**
	 * Measures an operation that passed validation.
	 * @throws AbortExecutionException when it is too deep, wide or costly
	 */
	OperationShape measure(OperationDefinition operation, GraphQLSchema schema,
			Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
		OperationShape shape;
		try {
			shape = OperationShape.of(operation, schema, fragments, variables, this.limits);
		}
		catch (OperationShape.Exceeded ex) {
			throw refused(ex.code, ex.getMessage(), Map.of("limit", ex.limit));
		}
		if (shape.cost > this.limits.maxCost()) {
			throw refused("QUERY_TOO_COSTLY",
					"The operation costs " + shape.cost + ", more than the limit of " + this.limits.maxCost()
							+ ": ask for smaller pages (first) or fewer nested lists (docs/api.md, Limits).",
					Map.of("cost", shape.cost, "limit", this.limits.maxCost()));
		}
		return shape;
	}

	/**
	 * Operations of the large-request fields only (mail import) may use the whole body.
	 */
	private void checkSize(ExecutionInput input, OperationShape shape) {
		if (this.limits.largeRequestFields().containsAll(shape.rootFields)) {
			return;
		}
		long variablesLimit = this.limits.maxVariablesSize().toBytes();
		long requestLimit = this.limits.maxRequestSize().toBytes();
		long variables = JsonSize.of(input.getRawVariables().toMap(), Math.max(variablesLimit, requestLimit));
		if (variables > variablesLimit) {
			throw refused("VARIABLES_TOO_LARGE", "The variables are larger than " + variablesLimit + " characters.",
					Map.of("limit", variablesLimit));
		}
		if (input.getQuery().length() + variables > requestLimit) {
			throw refused("REQUEST_TOO_LARGE",
					"The document and its variables are larger than " + requestLimit + " characters.",
					Map.of("limit", requestLimit));
		}
	}

	private static AbortExecutionException refused(String code, String message, Map<String, Object> details) {
		List<GraphQLError> errors = List.of(GraphQlErrors.refusal(code, message, details));
		return new AbortExecutionException(errors);
	}

}
