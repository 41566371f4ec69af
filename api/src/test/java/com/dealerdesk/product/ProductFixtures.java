package com.dealerdesk.product;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Catalogue products for tests of the features that sell them. */
public final class ProductFixtures {

	private ProductFixtures() {
	}

	/**
	 * A program with editions STD and PRO, priced in EUR (100.00 per seat, PRO 250.00).
	 * @param tester an admin's tester
	 * @param licenseModel e.g. PERPETUAL, or TIME_LIMITED (12 months)
	 * @param seatBasis PER_SEAT or PER_MACHINE
	 */
	public static Map<String, Object> program(GraphQlTester tester, String code, String licenseModel,
			String seatBasis) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("code", code);
		input.put("name", "Program " + code);
		input.put("kind", "PROGRAM");
		input.put("licenseModel", licenseModel);
		input.put("seatBasis", seatBasis);
		if (!"PERPETUAL".equals(licenseModel)) {
			input.put("termMonths", 12);
		}
		input.put("editions", List.of(Map.of("code", "STD", "name", "Standard"), Map.of("code", "PRO", "name", "Pro")));
		input.put("prices", List.of(Map.of("unitPrice", Map.of("amount", "100.00", "currency", "EUR")),
				Map.of("editionCode", "PRO", "unitPrice", Map.of("amount", "250.00", "currency", "EUR"))));
		return create(tester, input);
	}

	public static Map<String, Object> create(GraphQlTester tester, Map<String, Object> input) {
		GraphQlTester.Response response = tester.documentName("product")
			.operationName("createProduct")
			.variable("input", input)
			.execute();
		response.path("createProduct.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createProduct.product").entity(new ParameterizedTypeReference<Map<String, Object>>() {
		}).get();
	}

}
