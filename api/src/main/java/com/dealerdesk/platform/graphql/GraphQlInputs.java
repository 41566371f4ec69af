package com.dealerdesk.platform.graphql;

import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

/** Access to a mutation's input as the client sent it. */
public final class GraphQlInputs {

	private GraphQlInputs() {
	}

	/**
	 * The {@code input} argument as a map of the fields the client sent: partial updates
	 * read which fields are present, and validation scans every string of it.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> rawInput(DataFetchingEnvironment env) {
		return (Map<String, Object>) env.getArguments().get("input");
	}

}
