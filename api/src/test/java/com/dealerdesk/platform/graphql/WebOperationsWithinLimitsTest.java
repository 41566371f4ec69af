package com.dealerdesk.platform.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.platform.pagination.PageRequest;
import graphql.ParseAndValidate;
import graphql.execution.AbortExecutionException;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.schema.idl.TypeUtil;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the web app sends (its registered operations,
 * {@code web-ui/persisted-operations.json}) is valid against the schema and within every
 * limit the API applies by default, with its page sizes at the largest the API allows.
 * Prints the costliest, to choose limits with headroom above them.
 */
class WebOperationsWithinLimitsTest {

	private static GraphQLSchema schema;

	private static GraphQlLimits limits;

	private static Map<String, String> operations;

	@BeforeAll
	static void load() throws IOException {
		TypeDefinitionRegistry types = new TypeDefinitionRegistry();
		for (Resource file : new PathMatchingResourcePatternResolver()
			.getResources("classpath:graphql/**/*.graphqls")) {
			types.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
		}
		schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		limits = Binder.get(environment).bindOrCreate("dealerdesk.graphql.limits", GraphQlLimits.class);
		try (InputStream in = new ClassPathResource("graphql/persisted-operations.json").getInputStream()) {
			operations = JsonMapper.builder().build().readValue(in, new TypeReference<Map<String, String>>() {
			});
		}
	}

	@Test
	void everyOperationOfTheWebAppIsRegisteredUnderItsHash() {
		assertThat(operations).hasSizeGreaterThan(100);
		operations.forEach((hash, document) -> assertThat(hash).isEqualTo("sha256:" + sha256(document)));
	}

	@Test
	void everyOperationOfTheWebAppIsWithinTheLimits() {
		OperationLimits check = new OperationLimits(limits);
		List<Measured> measured = new ArrayList<>();
		for (String text : operations.values()) {
			Document document = Parser.parse(text);
			assertThat(ParseAndValidate.validate(schema, document)).as(text).isEmpty();
			assertThat((long) text.length()).as(text).isLessThan(limits.maxRequestSize().toBytes());
			OperationDefinition operation = document.getDefinitionsOfType(OperationDefinition.class).get(0);
			Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
				.stream()
				.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity()));
			try {
				OperationShape shape = check.measure(operation, schema, fragments, largestPages(operation));
				measured.add(new Measured(operation.getName(), shape));
			}
			catch (AbortExecutionException ex) {
				throw new AssertionError(operation.getName() + ": " + ex.getUnderlyingErrors(), ex);
			}
		}
		measured.sort(Comparator.comparingLong((Measured m) -> m.shape().cost).reversed());
		System.out.printf("%d web operations; limits %s%n", measured.size(), limits);
		for (Measured m : measured.subList(0, 12)) {
			System.out.printf("  cost %6d  depth %2d  fields %3d  aliases %2d  root %2d  %s%n", m.shape().cost,
					m.shape().depth, m.shape().fields, m.shape().aliases, m.shape().rootFieldCount, m.name());
		}
		System.out.printf("  highest depth %d, fields %d, aliases %d, root fields %d%n",
				measured.stream().mapToInt(m -> m.shape().depth).max().orElse(0),
				measured.stream().mapToInt(m -> m.shape().fields).max().orElse(0),
				measured.stream().mapToInt(m -> m.shape().aliases).max().orElse(0),
				measured.stream().mapToInt(m -> m.shape().rootFieldCount).max().orElse(0));
	}

	/**
	 * Every Int variable at the largest page size (a page size is the one Int that
	 * counts).
	 */
	private static Map<String, Object> largestPages(OperationDefinition operation) {
		Map<String, Object> variables = new HashMap<>();
		operation.getVariableDefinitions().forEach(variable -> {
			if (!TypeUtil.isList(variable.getType())
					&& "Int".equals(TypeUtil.unwrapAll(variable.getType()).getName())) {
				variables.put(variable.getName(), PageRequest.MAX_PAGE_SIZE);
			}
		});
		return variables;
	}

	private static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Measured(String name, OperationShape shape) {
	}

}
