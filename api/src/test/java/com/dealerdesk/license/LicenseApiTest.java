package com.dealerdesk.license;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.order.OrderFixtures;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.product.ProductFixtures;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static com.dealerdesk.support.TestPeople.ADMIN;
import static com.dealerdesk.support.TestPeople.MANAGER;
import static com.dealerdesk.support.TestPeople.OTHER_MANAGER;
import static com.dealerdesk.support.TestPeople.PARTNER_A_USER;
import static com.dealerdesk.support.TestPeople.PARTNER_B_USER;
import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Licenses issued on shipment, found by serial, signed, verified, extended, expired,
 * renewed, bound to keys and moved between them, each within the caller's scope.
 */
class LicenseApiTest extends ApiTest {

	@Autowired
	private RenewalReminders renewalReminders;

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Test
	void issuesOneLicensePerSeatLineAndOnePerMachineFoundBySerialHoweverItIsTyped() {
		String customer = OrderFixtures.customer(as(REP), unique("Licensed customer"));
		String perSeat = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_SEAT").get("id");
		String perMachine = (String) ProductFixtures.program(as(ADMIN), code(), "TIME_LIMITED", "PER_MACHINE")
			.get("id");
		Map<String, Object> order = order(REP, customer,
				Map.of("productId", perSeat, "quantity", 5, "editionCode", "PRO"),
				Map.of("productId", perMachine, "quantity", 3));
		Map<String, Object> shipment = OrderFixtures.ship(as(REP), (String) order.get("id"), null);
		String shipmentId = (String) shipment.get("id");

		GraphQlTester.Response issued = issue(REP, Map.of("shipmentId", shipmentId, "startsOn", "2026-01-15"));
		issued.path("issueLicenses.userErrors").entityList(Object.class).hasSize(0);
		issued.path("issueLicenses.shipment.licensesIssued").entity(Boolean.class).isEqualTo(true);
		List<Map<String, Object>> licenses = issued.path("issueLicenses.licenses").entity(LIST).get();
		assertThat(licenses).hasSize(4);
		assertThat(licenses.get(0)).containsEntry("seats", 5)
			.containsEntry("endsOn", null)
			.containsEntry("status", "ACTIVE")
			.containsEntry("editionCode", "PRO");
		assertThat((String) licenses.get(0).get("name")).endsWith(" Pro");
		assertThat(licenses.subList(1, 4)).allSatisfy(license -> assertThat(license).containsEntry("seats", 1)
			.containsEntry("startsOn", "2026-01-15")
			.containsEntry("endsOn", "2027-01-14")
			.containsEntry("licenseModel", "TIME_LIMITED"));
		assertThat(licenses).allSatisfy(license -> {
			assertThat((String) license.get("serial")).matches("([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z*~$=U]");
			assertThat((List<?>) license.get("history")).hasSize(1);
		});
		assertThat(licenses.stream().map(license -> license.get("serial")).distinct()).hasSize(4);
		assertThat(issue(REP, Map.of("shipmentId", shipmentId)).path("issueLicenses.userErrors[0].code")
			.entity(String.class)
			.get()).isEqualTo("CONFLICT");
		assertThat(count("select count(*) from license_item li join shipment_line sl on sl.id = li.shipment_line_id"
				+ " where sl.shipment_id::text = $1", local(shipmentId)))
			.as("one item per seat line, one per machine")
			.isEqualTo(4);

		String serial = (String) licenses.get(0).get("serial");
		String typed = serial.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
		as(REP).documentName("license")
			.operationName("licenseBySerial")
			.variable("serial", typed)
			.execute()
			.path("licenseBySerial.serial")
			.entity(String.class)
			.isEqualTo(serial);
		as(REP).documentName("license")
			.operationName("licenseBySerial")
			.variable("serial", typo(serial))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_SERIAL")));
		assertThat(as(REP).documentName("license")
			.operationName("licenses")
			.variable("search", serial.substring(0, 7).toLowerCase())
			.execute()
			.path("licenses.edges[*].node.serial")
			.entityList(String.class)
			.get()).contains(serial);

		// a partner sees the licenses of its own customers only
		as(PARTNER_A_USER).documentName("license")
			.operationName("licenseBySerial")
			.variable("serial", serial)
			.execute()
			.path("licenseBySerial")
			.valueIsNull();
	}

	@Test
	void aSignedFileVerifiesOfflineAndOnlineAndAnyChangedByteOrNewerTermsAreCaught() throws Exception {
		Map<String, Object> license = issuedLicense(REP, "TIME_LIMITED", "2026-01-15");
		Map<String, Object> full = read(REP, (String) license.get("id"));
		String file = (String) full.get("signedFile");

		// offline, as docs/licensing.md shows: the published key and the JDK alone
		String pem = http().get()
			.uri("/license-signing-key.pem")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(verifiesOffline(pem, file)).isTrue();
		assertThat(as(REP).documentName("license")
			.operationName("licenseSigningKey")
			.execute()
			.path("licenseSigningKey.publicKeyPem")
			.entity(String.class)
			.get()).isEqualTo(pem);
		String payload = new String(Base64.getUrlDecoder().decode(file.split("\\.")[1]), StandardCharsets.UTF_8);
		assertThat(payload).contains("\"sub\":\"" + license.get("serial") + "\"", "\"endsOn\":\"2027-01-14\"");

		assertThat(verify(REP, null, file)).containsEntry("valid", true).containsEntry("problems", List.of());
		char[] chars = file.toCharArray();
		int middle = file.indexOf('.') + 10;
		chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
		assertThat(verify(REP, null, new String(chars))).containsEntry("valid", false);
		assertThat(verify(REP, null, "not a license")).containsEntry("problems", List.of("MALFORMED"));
		assertThat(verify(REP, typo((String) license.get("serial")), null)).containsEntry("problems",
				List.of("CHECK_CHARACTER_MISMATCH"));

		// extending a time-limited license: history, a new file, the old one outdated
		GraphQlTester.Response extended = change(MANAGER, "extendLicense",
				Map.of("id", license.get("id"), "expectedVersion", 1, "endsOn", "2027-07-14", "reason", "Paid"));
		extended.path("extendLicense.license.endsOn").entity(String.class).isEqualTo("2027-07-14");
		extended.path("extendLicense.license.history[0].kind").entity(String.class).isEqualTo("EXTENDED");
		extended.path("extendLicense.license.history[0].endsOnBefore").entity(String.class).isEqualTo("2027-01-14");
		assertThat(verify(REP, null, file)).containsEntry("problems", List.of("OUTDATED_FILE"));
		String renewedFile = (String) read(REP, (String) license.get("id")).get("signedFile");
		assertThat(verify(REP, null, renewedFile)).containsEntry("valid", true);

		// and once its last day has passed, it is expired
		this.clock
			.travel(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(this.clock), LocalDate.of(2027, 7, 15))));
		assertThat(read(REP, (String) license.get("id"))).containsEntry("status", "EXPIRED");
		assertThat(verify(REP, null, renewedFile)).containsEntry("problems", List.of("EXPIRED"));
	}

	@Test
	void refusesBadChangesAndWritesNothing() {
		Map<String, Object> license = issuedLicense(REP, "TIME_LIMITED", null);
		String id = (String) license.get("id");
		long events = count("select count(*) from license_event");

		assertThat(errors(MANAGER, "extendLicense", Map.of("id", id, "expectedVersion", 1, "endsOn", "2020-01-01")))
			.containsExactly("input.endsOn=INVALID_VALUE");
		assertThat(errors(MANAGER, "extendLicense", Map.of("id", id, "expectedVersion", 7, "endsOn", "2099-01-01")))
			.containsExactly("input.expectedVersion=STALE_VERSION");
		assertThat(errors(MANAGER, "suspendLicense", Map.of("id", id, "expectedVersion", 1)))
			.containsExactly("input.reason=REQUIRED");
		assertThat(errors(OTHER_MANAGER, "revokeLicense", Map.of("id", id, "expectedVersion", 1, "reason", "x")))
			.as("another team's manager does not see it")
			.containsExactly("input.id=NOT_FOUND");
		assertThat(errors(REP, "extendLicense", Map.of("id", id, "expectedVersion", 1, "endsOn", "2099-01-01")))
			.as("reps sell licenses; managers decide on their terms")
			.containsExactly("=NOT_ALLOWED");
		assertThat(errors(PARTNER_B_USER, "revokeLicense", Map.of("id", id, "expectedVersion", 1, "reason", "x")))
			.containsExactly("=NOT_ALLOWED");
		assertThat(errors(MANAGER, "upgradeLicense", Map.of("id", id, "expectedVersion", 1, "seats", -3)))
			.containsExactly("input.seats=INVALID_VALUE");
		assertThat(errors(MANAGER, "upgradeLicense", Map.of("id", id, "expectedVersion", 1, "editionCode", "GOLD")))
			.containsExactly("input.editionCode=INVALID_VALUE");
		// 20,000 blank ids (the cap is 500) are refused at once with one error, not
		// 20,001
		assertThat(errors(REP, "bindLicenses", Map.of("licenseIds", java.util.Collections.nCopies(20_000, ""))))
			.containsExactly("input.licenseIds=TOO_LONG");
		assertThat(count("select count(*) from license_event")).isEqualTo(events);

		GraphQlTester.Response upgraded = change(MANAGER, "upgradeLicense",
				Map.of("id", id, "expectedVersion", 1, "editionCode", "pro", "seats", 3, "reason", "Bought PRO"));
		assertThat(upgraded.path("upgradeLicense.license.history[0]").entity(MAP).get())
			.containsEntry("kind", "UPGRADED")
			.containsEntry("editionBefore", null)
			.containsEntry("editionAfter", "PRO")
			.containsEntry("seatsBefore", 1)
			.containsEntry("seatsAfter", 3);
		upgraded.path("upgradeLicense.license.seats").entity(Integer.class).isEqualTo(3);

		change(MANAGER, "revokeLicense", Map.of("id", id, "expectedVersion", 2, "reason", "Chargeback"))
			.path("revokeLicense.license.status")
			.entity(String.class)
			.isEqualTo("REVOKED");
		assertThat(errors(MANAGER, "revokeLicense", Map.of("id", id, "expectedVersion", 3, "reason", "Again")))
			.containsExactly("input.id=CONFLICT");
		assertThat(verify(REP, (String) license.get("serial"), null)).containsEntry("problems", List.of("REVOKED"));

		String customer = (String) ((Map<?, ?>) license.get("customer")).get("id");
		String keyNumber = "HK-" + UUID.randomUUID();
		assertThat(errors(REP, "createProtectionKey",
				Map.of("customerId", customer, "keyNumber", keyNumber, "name", "Dongle", "kind", "HARDWARE")))
			.isEmpty();
		assertThat(errors(REP, "createProtectionKey",
				Map.of("customerId", customer, "keyNumber", keyNumber, "name", "Again", "kind", "HARDWARE")))
			.containsExactly("input.keyNumber=CONFLICT");
	}

	@Test
	void aLostKeysLicensesMoveToItsReplacementWithTheirHistory() {
		String customer = OrderFixtures.customer(as(REP), unique("Key customer"));
		String keyId = key(customer, "HK-" + UUID.randomUUID());
		String product = (String) ProductFixtures.program(as(ADMIN), code(), "PERPETUAL", "PER_MACHINE").get("id");
		Map<String, Object> order = order(REP, customer, Map.of("productId", product, "quantity", 2));
		Map<String, Object> shipment = OrderFixtures.ship(as(REP), (String) order.get("id"), null);
		List<Map<String, Object>> licenses = issue(REP, Map.of("shipmentId", shipment.get("id"), "keyId", keyId))
			.path("issueLicenses.licenses")
			.entity(LIST)
			.get();

		GraphQlTester.Response card = as(REP).documentName("license")
			.operationName("protectionKey")
			.variable("id", keyId)
			.execute();
		assertThat(card.path("protectionKey.licenses.edges[*].node.serial").entityList(String.class).get())
			.containsExactlyInAnyOrder((String) licenses.get(0).get("serial"), (String) licenses.get(1).get("serial"));
		card.path("protectionKey.licenses.edges[0].node.shipment.number")
			.entity(String.class)
			.isEqualTo((String) shipment.get("number"));

		String newNumber = "HK-" + UUID.randomUUID();
		GraphQlTester.Response replaced = as(REP).documentName("license")
			.operationName("replaceProtectionKey")
			.variable("input",
					Map.of("id", keyId, "expectedVersion", 1, "reason", "Lost in transit", "newKey",
							Map.of("keyNumber", newNumber)))
			.execute();
		replaced.path("replaceProtectionKey.userErrors").entityList(Object.class).hasSize(0);
		replaced.path("replaceProtectionKey.key.status").entity(String.class).isEqualTo("REPLACED");
		assertThat(count(
				"select count(*) from outbox_event where type = 'protection_key.replaced' and payload->>'id' = $1",
				keyId))
			.isEqualTo(1);
		replaced.path("replaceProtectionKey.key.replacedBy.licenses.edges").entityList(Object.class).hasSize(2);
		Map<String, Object> moved = read(REP, (String) licenses.get(0).get("id"));
		assertThat((Map<String, Object>) ((List<Map<String, Object>>) moved.get("history")).get(0))
			.containsEntry("kind", "MOVED")
			.containsEntry("reason", "Lost in transit")
			.containsEntry("toKey", Map.of("keyNumber", newNumber));

		// another customer's key takes none of these licenses
		String otherKey = key(OrderFixtures.customer(as(REP), unique("Other")), "HK-" + UUID.randomUUID());
		assertThat(errors(REP, "bindLicenses",
				Map.of("licenseIds", List.of(licenses.get(0).get("id")), "keyId", otherKey)))
			.containsExactly("input.licenseIds.0=INVALID_VALUE");
	}

	@Test
	void expiringSubscriptionsAreListedAndARenewalOrderRenewsThemWhenShipped() {
		Map<String, Object> license = issuedLicense(REP, "SUBSCRIPTION",
				LocalDate.now(this.clock).minusMonths(12).plusDays(10).toString());
		String id = (String) license.get("id");
		assertThat(as(REP).documentName("license")
			.operationName("expiringLicenses")
			.variable("withinDays", 30)
			.execute()
			.path("expiringLicenses.edges[*].node.id")
			.entityList(String.class)
			.get()).contains(id);

		GraphQlTester.Response renewal = change(REP, "createRenewalOrder", Map.of("licenseIds", List.of(id)));
		renewal.path("createRenewalOrder.userErrors").entityList(Object.class).hasSize(0);
		renewal.path("createRenewalOrder.order.lines[0].renews.id").entity(String.class).isEqualTo(id);
		renewal.path("createRenewalOrder.order.total.amount").entity(String.class).isEqualTo("100.00");
		String orderId = renewal.path("createRenewalOrder.order.id").entity(String.class).get();
		Map<String, Object> shipment = OrderFixtures.ship(as(REP), orderId, null);
		issue(REP, Map.of("shipmentId", shipment.get("id"))).path("issueLicenses.licenses[0].id")
			.entity(String.class)
			.isEqualTo(id);

		Map<String, Object> renewed = read(REP, id);
		assertThat(renewed.get("endsOn"))
			.isEqualTo(LocalDate.parse((String) license.get("endsOn")).plusMonths(12).toString());
		assertThat((Map<String, Object>) ((List<Map<String, Object>>) renewed.get("history")).get(0))
			.containsEntry("kind", "RENEWED");
	}

	@Test
	void theOwnerIsRemindedOnceOfEachRenewalComingDue() {
		Map<String, Object> license = issuedLicense(REP, "SUBSCRIPTION",
				LocalDate.now(this.clock).minusMonths(12).plusDays(20).toString());
		String subject = "Renewal due: " + license.get("name") + " ends on " + license.get("endsOn");

		StepVerifier.create(this.renewalReminders.remindDue())
			.assertNext(reminded -> assertThat(reminded).isPositive())
			.verifyComplete();
		StepVerifier.create(this.renewalReminders.remindDue())
			.assertNext(reminded -> assertThat(reminded).as("once per end date").isZero())
			.verifyComplete();
		assertThat(reminders(REP, "UPCOMING")).filteredOn(subject::equals).hasSize(1);
		assertThat(expiringEvents(license)).as("license.expiring, once per end date")
			.containsExactly(Map.of("actor", "dealerdesk", "ends_on", license.get("endsOn")));

		// extended, the next end is reminded when it comes due
		change(MANAGER, "extendLicense", Map.of("id", license.get("id"), "expectedVersion", 1, "endsOn",
				LocalDate.parse((String) license.get("endsOn")).plusDays(10).toString()));
		StepVerifier.create(this.renewalReminders.remindDue())
			.assertNext(reminded -> assertThat(reminded).isPositive())
			.verifyComplete();
		assertThat(expiringEvents(license)).as("the new end date is announced too")
			.extracting(event -> event.get("ends_on"))
			.containsExactly(license.get("endsOn"),
					LocalDate.parse((String) license.get("endsOn")).plusDays(10).toString());
	}

	private List<Map<String, Object>> expiringEvents(Map<String, Object> license) {
		return this.database.sql("""
				select actor, payload->>'endsOn' as ends_on from outbox_event
				where aggregate_id = $1::uuid and type = 'license.expiring' order by sequence""")
			.bind(0, GlobalId.parse((String) license.get("id")).localId())
			.fetch()
			.all()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	private List<String> reminders(TestUser user, String due) {
		return as(user).documentName("reminders")
			.operationName("myReminders")
			.variable("due", due)
			.execute()
			.path("myReminders.edges[*].node.subject")
			.entityList(String.class)
			.get();
	}

	// ---- helpers

	private Map<String, Object> issuedLicense(TestUser user, String model, String startsOn) {
		String customer = OrderFixtures.customer(as(user), unique("Licensed"));
		String product = (String) ProductFixtures.program(as(ADMIN), code(), model, "PER_SEAT").get("id");
		Map<String, Object> order = order(user, customer, Map.of("productId", product, "quantity", 1));
		Map<String, Object> shipment = OrderFixtures.ship(as(user), (String) order.get("id"), null);
		Map<String, Object> input = new LinkedHashMap<>(Map.of("shipmentId", shipment.get("id")));
		if (startsOn != null) {
			input.put("startsOn", startsOn);
		}
		return issue(user, input).path("issueLicenses.licenses[0]").entity(MAP).get();
	}

	@SafeVarargs
	private Map<String, Object> order(TestUser user, String customer, Map<String, Object>... lines) {
		GraphQlTester.Response response = as(user).documentName("order")
			.operationName("createOrder")
			.variable("input", Map.of("customerId", customer, "currency", "EUR", "lines", List.of(lines)))
			.execute();
		response.path("createOrder.userErrors").entityList(Object.class).hasSize(0);
		return response.path("createOrder.order").entity(MAP).get();
	}

	private String key(String customer, String number) {
		return as(REP).documentName("license")
			.operationName("createProtectionKey")
			.variable("input",
					Map.of("customerId", customer, "keyNumber", number, "name", "Dongle", "kind", "HARDWARE"))
			.execute()
			.path("createProtectionKey.key.id")
			.entity(String.class)
			.get();
	}

	private GraphQlTester.Response issue(TestUser user, Map<String, Object> input) {
		return change(user, "issueLicenses", input);
	}

	private GraphQlTester.Response change(TestUser user, String mutation, Map<String, Object> input) {
		return as(user).documentName("license").operationName(mutation).variable("input", input).execute();
	}

	private Map<String, Object> read(TestUser user, String id) {
		return as(user).documentName("license")
			.operationName("license")
			.variable("id", id)
			.execute()
			.path("license")
			.entity(MAP)
			.get();
	}

	private Map<String, Object> verify(TestUser user, String serial, String file) {
		return as(user).documentName("license")
			.operationName("verifyLicense")
			.variable("serial", serial)
			.variable("file", file)
			.execute()
			.path("verifyLicense")
			.entity(MAP)
			.get();
	}

	@SuppressWarnings("unchecked")
	private List<String> errors(TestUser user, String mutation, Map<String, Object> input) {
		return ((List<Map<String, Object>>) (List<?>) change(user, mutation, input).path(mutation + ".userErrors")
			.entityList(Map.class)
			.get())
			.stream()
			.map(error -> (error.get("field") == null ? "" : String.join(".", (List<String>) error.get("field"))) + "="
					+ error.get("code"))
			.toList();
	}

	private static boolean verifiesOffline(String pem, String file) throws Exception {
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		PublicKey key = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		String[] parts = file.split("\\.");
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(key);
		signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
	}

	/**
	 * The serial with its first symbol changed: the check character no longer matches.
	 */
	private static String typo(String serial) {
		return (serial.charAt(0) == 'A' ? "B" : "A") + serial.substring(1);
	}

	private static String local(String id) {
		return com.dealerdesk.platform.graphql.GlobalId.parse(id).localId();
	}

	private static String code() {
		return "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
