package com.dealerdesk.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo catalogue and the documents made from it, as GraphQL inputs. */
final class DemoCatalogue {

	static final String CREATE_PRODUCT = """
			mutation($input: CreateProductInput!) {
			  createProduct(input: $input) { product { id } userErrors { field message } }
			}""";

	static final String CREATE_ORDER = """
			mutation($input: CreateOrderInput!) {
			  createOrder(input: $input) { order { id lines { id quantity } } userErrors { field message } }
			}""";

	static final String SHIP = """
			mutation($input: CreateShipmentInput!) {
			  createShipment(input: $input) { shipment { id } userErrors { field message } }
			}""";

	static final String CREATE_KEY = """
			mutation($input: CreateProtectionKeyInput!) {
			  createProtectionKey(input: $input) { key { id } userErrors { field message } }
			}""";

	static final String ISSUE = """
			mutation($input: IssueLicensesInput!) {
			  issueLicenses(input: $input) { licenses { id } userErrors { field message } }
			}""";

	static final String INVOICE = """
			mutation($input: CreateInvoiceInput!) {
			  createInvoice(input: $input) { invoice { id } userErrors { field message } }
			}""";

	/**
	 * CAD (perpetual, per seat, two editions), a cloud subscription, a service, a key.
	 */
	static final List<Map<String, Object>> PRODUCTS = List.of(
			Map.of("code", "DD-CAD", "name", "DealerCAD", "kind", "PROGRAM", "licenseModel", "PERPETUAL", "seatBasis",
					"PER_SEAT", "editions",
					List.of(Map.of("code", "STD", "name", "Standard"), Map.of("code", "PRO", "name", "Professional")),
					"prices",
					List.of(price(null, "1200.00", "EUR"), price("PRO", "1950.00", "EUR"),
							price(null, "1300.00", "USD"), price("PRO", "2100.00", "USD"),
							tierPrice(null, "GOLD", "1020.00", "EUR"), tierPrice("PRO", "GOLD", "1660.00", "EUR"))),
			Map.of("code", "DD-CLOUD", "name", "DealerCloud", "kind", "PROGRAM", "licenseModel", "SUBSCRIPTION",
					"termMonths", 12, "seatBasis", "PER_MACHINE", "prices",
					List.of(price(null, "480.00", "EUR"), price(null, "520.00", "USD"),
							tierPrice(null, "GOLD", "410.00", "EUR"))),
			Map.of("code", "SRV-DAY", "name", "Implementation day", "kind", "SERVICE", "prices",
					List.of(price(null, "900.00", "EUR"), price(null, "980.00", "USD"))),
			Map.of("code", "KEY-USB", "name", "USB protection key", "kind", "PROTECTION_KEY", "prices",
					List.of(price(null, "45.00", "EUR"))));

	private DemoCatalogue() {
	}

	/**
	 * A price for the partners of a tier (the demo's GOLD), for the catalogue's ladder.
	 */
	private static Map<String, Object> tierPrice(String edition, String tier, String amount, String currency) {
		Map<String, Object> price = price(edition, amount, currency);
		price.put("tier", tier);
		return price;
	}

	private static Map<String, Object> price(String edition, String amount, String currency) {
		Map<String, Object> price = new LinkedHashMap<>();
		if (edition != null) {
			price.put("editionCode", edition);
		}
		price.put("unitPrice", Map.of("amount", amount, "currency", currency));
		return price;
	}

	/** Seats of CAD, cloud machines and implementation days, varying by customer. */
	static List<Map<String, Object>> orderLines(List<String> productIds, int i) {
		List<Map<String, Object>> lines = new ArrayList<>();
		lines.add(Map.of("productId", productIds.get(0), "editionCode", i % 2 == 0 ? "PRO" : "STD", "quantity", 3 + i));
		lines.add(Map.of("productId", productIds.get(1), "quantity", 1 + i % 3));
		lines.add(Map.of("productId", productIds.get(2), "quantity", 2, "discount", "100.00"));
		return lines;
	}

	/** Everything left, or only the first line when {@code partly}. */
	static Map<String, Object> shipment(Map<?, ?> order, boolean partly) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("orderId", order.get("id"));
		if (partly) {
			Map<?, ?> first = (Map<?, ?>) ((List<?>) order.get("lines")).get(0);
			input.put("lines", List.of(Map.of("orderLineId", first.get("id"), "quantity", first.get("quantity"))));
		}
		return input;
	}

	static Map<String, Object> issue(String shipmentId, String keyId, LocalDate startsOn) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("shipmentId", shipmentId);
		input.put("startsOn", startsOn.toString());
		if (!keyId.isEmpty()) {
			input.put("keyId", keyId);
		}
		return input;
	}

}
