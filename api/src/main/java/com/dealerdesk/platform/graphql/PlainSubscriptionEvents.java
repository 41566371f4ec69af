package com.dealerdesk.platform.graphql;

import java.util.Map;

import graphql.TrivialDataFetcher;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition.Operation;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;

/**
 * Runs the events of a subscription that reads nothing but the event's own properties
 * (the event feed: {@code events}, {@code customerEvents}) without data loaders.
 * graphql-java 25 gives every event of a subscription with data loaders a dispatch state
 * of its own, kept until the subscription ends, and dispatches every registered data
 * loader after each event: at 10,000 subscribers that was most of the API's CPU, half of
 * it garbage collection, and memory that grew with every event delivered (graphql-java
 * issue 4314, fixed in 26.1, which Spring for GraphQL 2.0 does not support; ADR 0045).
 * Subscriptions whose selection reaches a field that may load through a data loader (a
 * deal with its customer, say) keep them.
 */
@Component
class PlainSubscriptionEvents extends SimplePerformantInstrumentation {

	@Override
	public ExecutionContext instrumentExecutionContext(ExecutionContext execution,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (execution.getOperationDefinition().getOperation() != Operation.SUBSCRIPTION
				|| !readsOnlyProperties(execution)) {
			return execution;
		}
		return execution.transform(
				builder -> builder.dataLoaderRegistry(EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY));
	}

	/**
	 * Whether the subscription field itself loads nothing through a data loader and every
	 * field selected under it is read from its parent object.
	 */
	private static boolean readsOnlyProperties(ExecutionContext execution) {
		GraphQLSchema schema = execution.getGraphQLSchema();
		GraphQLObjectType root = schema.getSubscriptionType();
		if (root == null) {
			return false;
		}
		Fields fields = new Fields(schema.getCodeRegistry(), execution.getFragmentsByName());
		for (Selection<?> selection : execution.getOperationDefinition().getSelectionSet().getSelections()) {
			if (!(selection instanceof Field field)) {
				return false;
			}
			GraphQLFieldDefinition definition = root.getField(field.getName());
			if (definition == null || loadsThroughDataLoader(fields.fetcher(root, definition))
					|| !fields.allTrivial(definition.getType(), field.getSelectionSet())) {
				return false;
			}
		}
		return true;
	}

	private static boolean loadsThroughDataLoader(DataFetcher<?> fetcher) {
		return !(fetcher instanceof SelfDescribingDataFetcher<?> described) || described.usesDataLoader();
	}

	private record Fields(GraphQLCodeRegistry code, Map<String, FragmentDefinition> fragments) {

		DataFetcher<?> fetcher(GraphQLObjectType parent, GraphQLFieldDefinition field) {
			return this.code.getDataFetcher(parent, field);
		}

		/**
		 * Whether every field of the selection on a value of the type is served by a
		 * trivial fetcher; false for abstract types, which would need every possible type
		 * checked.
		 */
		boolean allTrivial(GraphQLOutputType type, SelectionSet selectionSet) {
			GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
			if (selectionSet == null) {
				return true;
			}
			if (!(unwrapped instanceof GraphQLObjectType object)) {
				return false;
			}
			for (Selection<?> selection : selectionSet.getSelections()) {
				if (!trivial(object, selection)) {
					return false;
				}
			}
			return true;
		}

		private boolean trivial(GraphQLObjectType object, Selection<?> selection) {
			if (selection instanceof Field field) {
				if (Introspection.TypeNameMetaFieldDef.getName().equals(field.getName())) {
					return true;
				}
				GraphQLFieldDefinition definition = object.getField(field.getName());
				return definition != null && fetcher(object, definition) instanceof TrivialDataFetcher<?>
						&& allTrivial(definition.getType(), field.getSelectionSet());
			}
			if (selection instanceof InlineFragment inline) {
				return allTrivial(object, inline.getSelectionSet());
			}
			if (selection instanceof FragmentSpread spread) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				return fragment != null && allTrivial(object, fragment.getSelectionSet());
			}
			return false;
		}

	}

}
