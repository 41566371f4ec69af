package com.dealerdesk.platform.graphql;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.support.ApiTest;
import graphql.GraphQLContext;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionContextBuilder;
import graphql.execution.ExecutionId;
import graphql.execution.instrumentation.dataloader.EmptyDataLoaderRegistryInstance;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which operations run without data loaders (graphql-java keeps per-event dispatch state
 * of subscriptions with them until they end): subscriptions that read only the event's
 * own properties, on the application's schema and fetchers.
 */
class PlainSubscriptionEventsTest extends ApiTest {

	@Autowired
	private GraphQlSource graphQl;

	@Test
	void theEventFeedRunsWithoutDataLoaders() {
		assertThat(runsWithDataLoaders("subscription { events(types: [CUSTOMER_CREATED]) { position id type data } }"))
			.isFalse();
		assertThat(runsWithDataLoaders("""
				subscription Feed($after: Long) { events(after: $after) { ...Seen __typename ... on Event { actor } } }
				fragment Seen on Event { position occurredAt aggregateId }""")).isFalse();
		assertThat(runsWithDataLoaders("subscription($id: ID!) { customerEvents(customerId: $id) { type data } }"))
			.isFalse();
	}

	@Test
	void aSubscriptionReachingABatchLoadedFieldKeepsThem() {
		assertThat(
				runsWithDataLoaders("subscription($id: ID!) { opportunityChanged(id: $id) { id customer { name } } }"))
			.isTrue();
		assertThat(runsWithDataLoaders("""
				subscription($id: ID!) { licenseChanged(id: $id) { ...Owner } }
				fragment Owner on License { serial customer { name } }""")).isTrue();
	}

	@Test
	void queriesKeepThem() {
		assertThat(runsWithDataLoaders("query { __typename }")).isTrue();
	}

	private boolean runsWithDataLoaders(String text) {
		Document document = Parser.parse(text);
		ExecutionContext execution = ExecutionContextBuilder.newExecutionContextBuilder()
			.executionId(ExecutionId.generate())
			.graphQLSchema(this.graphQl.schema())
			.graphQLContext(GraphQLContext.newContext().build())
			.document(document)
			.operationDefinition(document.getFirstDefinitionOfType(OperationDefinition.class).orElseThrow())
			.fragmentsByName(document.getDefinitionsOfType(FragmentDefinition.class)
				.stream()
				.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity())))
			.dataLoaderRegistry(new DataLoaderRegistry())
			.build();
		ExecutionContext instrumented = new PlainSubscriptionEvents().instrumentExecutionContext(execution, null, null);
		return instrumented.getDataLoaderRegistry() != EmptyDataLoaderRegistryInstance.EMPTY_DATALOADER_REGISTRY;
	}

}
