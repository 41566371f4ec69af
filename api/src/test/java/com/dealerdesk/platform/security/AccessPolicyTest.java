package com.dealerdesk.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Walks every caller × action × subject through {@link AccessPolicy} against the matrix
 * below, written out by hand from the rules the services enforced one by one before there
 * was one policy. A pair missing from the matrix is refused to everyone.
 */
class AccessPolicyTest {

	private static final UUID PARTNER = UUID.fromString("00000000-0000-4000-8000-00000000000a");

	/** The callers, in the matrix's column order. */
	private static final Map<String, Actor> CALLERS = new LinkedHashMap<>();

	static {
		CALLERS.put("admin", actor(Set.of(Role.ADMIN), null));
		CALLERS.put("manager", actor(Set.of(Role.SALES_MANAGER), null));
		CALLERS.put("rep", actor(Set.of(Role.SALES_REP), null));
		CALLERS.put("accountant", actor(Set.of(Role.ACCOUNTANT), null));
		CALLERS.put("project manager", actor(Set.of(Role.PROJECT_MANAGER), null));
		CALLERS.put("channel manager", actor(Set.of(Role.CHANNEL_MANAGER), null));
		CALLERS.put("partner user", actor(Set.of(Role.PARTNER_USER), PARTNER));
		CALLERS.put("integration", actor(Set.of(Role.INTEGRATION), null, "dealerdesk.read", "dealerdesk.write"));
		CALLERS.put("read-only integration", actor(Set.of(Role.INTEGRATION), null, "dealerdesk.read"));
		CALLERS.put("partner integration",
				actor(Set.of(Role.INTEGRATION), PARTNER, "dealerdesk.read", "dealerdesk.write"));
		CALLERS.put("no role", actor(Set.of(), null));
		CALLERS.put("admin of a partner", actor(Set.of(Role.ADMIN), PARTNER));
	}

	/** Per action and subject, one mark per caller above: x may, . may not. */
	private static final String MATRIX = """
			CREATE       CUSTOMER        xxx...xx.x.x
			UPDATE       CUSTOMER        xxx...xx.x.x
			CREATE       CONTACT         xxx...xx.x.x
			UPDATE       CONTACT         xxx...xx.x.x
			DELETE       CONTACT         xxx...xx.x.x
			CREATE       ACTIVITY        xxx...xx.x.x
			UPDATE       ACTIVITY        xxx...xx.x.x
			CREATE       MAIL_MESSAGE    xxx...xx.x.x
			CREATE       OPPORTUNITY     xxx...xx.x.x
			UPDATE       OPPORTUNITY     xxx...xx.x.x
			CREATE       QUOTE           xxx...xx.x.x
			UPDATE       QUOTE           xxx...xx.x.x
			CREATE       ORDER           xxx...xx.x.x
			UPDATE       ORDER           xxx...xx.x.x
			DELETE       ORDER           xxx...xx.x.x
			CREATE       SHIPMENT        xxx...xx.x.x
			DELETE       SHIPMENT        xxx...xx.x.x
			CREATE       INVOICE         xxxx..xx.x.x
			DELETE       INVOICE         xxxx..xx.x.x
			CREATE       LICENSE         xxx...xx.x.x
			UPDATE       LICENSE         xxx...xx.x.x
			CHANGE_TERMS LICENSE         xx.....x....
			CREATE       PROTECTION_KEY  xxx...xx.x.x
			UPDATE       PROTECTION_KEY  xxx...xx.x.x
			CREATE       CAMPAIGN        xx..........
			UPDATE       CAMPAIGN        xx..........
			CREATE       PIPELINE        x...........
			UPDATE       PIPELINE        x...........
			CREATE       LOST_REASON     x...........
			UPDATE       LOST_REASON     x...........
			CREATE       PRODUCT         x...........
			UPDATE       PRODUCT         x...........
			CREATE       WEBHOOK_ENDPOINT x.....x....x
			UPDATE       WEBHOOK_ENDPOINT x.....x....x
			DELETE       WEBHOOK_ENDPOINT x.....x....x
			CREATE       CONTRACT        xxxx..xx.x.x
			UPDATE       CONTRACT        xxxxx.xx.x.x
			DELETE       CONTRACT        xxxx..xx.x.x
			CREATE       PROJECT_PLAN    xxx.x.xx.x.x
			UPDATE       PROJECT_PLAN    xxx.x.xx.x.x
			DELETE       PROJECT_PLAN    xxx.x.xx.x.x
			CREATE       PAYMENT_PLAN    xxxx..xx.x.x
			UPDATE       PAYMENT_PLAN    xxxx..xx.x.x
			CREATE       PAYMENT         x..x...x....
			UPDATE       PAYMENT         x..x...x....
			CREATE       PARTNER         x....xx.....
			UPDATE       PARTNER         x....xx.....
			CREATE       PARTNER_TIER    x....x......
			UPDATE       PARTNER_TIER    x....x......
			DELETE       PARTNER_TIER    x....x......
			CREATE       PARTNER_AGREEMENT x....x......
			UPDATE       PARTNER_AGREEMENT x....x......
			CREATE       PARTNER_ACCOUNT x....x......
			UPDATE       PARTNER_ACCOUNT x..x.x......
			CHANGE_TERMS PARTNER_ACCOUNT x....x......
			CREATE       PARTNER_USER    x....xx.....
			UPDATE       PARTNER_USER    x....xx.....
			CREATE       DEAL_REGISTRATION ......x.....
			UPDATE       DEAL_REGISTRATION ......x.....
			APPROVE      DEAL_REGISTRATION x....x......
			READ         AUDIT           x...........
			""";

	static Stream<Arguments> everyCallerActionAndSubject() {
		Map<Permission, String> marks = new LinkedHashMap<>();
		MATRIX.lines().map(line -> line.trim().split("\\s+")).forEach(row -> {
			assertThat(row[2]).hasSize(CALLERS.size());
			marks.put(new Permission(Action.valueOf(row[0]), Subject.valueOf(row[1])), row[2]);
		});
		List<String> callers = List.copyOf(CALLERS.keySet());
		return Arrays.stream(Subject.values()).flatMap(subject -> Arrays.stream(Action.values()).flatMap(action -> {
			String row = marks.getOrDefault(new Permission(action, subject), ".".repeat(callers.size()));
			return callers.stream()
				.map(caller -> Arguments.of(caller, action, subject, row.charAt(callers.indexOf(caller)) == 'x'));
		}));
	}

	@ParameterizedTest(name = "{0} {1} {2}: {3}")
	@MethodSource("everyCallerActionAndSubject")
	void answersAsTheMatrixSays(String caller, Action action, Subject subject, boolean allowed) {
		Actor actor = CALLERS.get(caller);
		assertThat(AccessPolicy.allows(actor, action, subject)).isEqualTo(allowed);
		assertThat(AccessPolicy.permissions(actor).contains(new Permission(action, subject))).isEqualTo(allowed);
		if (allowed) {
			assertThatNoException().isThrownBy(() -> AccessPolicy.require(actor, action, subject));
		}
		else {
			UserErrorsException refused = catchThrowableOfType(UserErrorsException.class,
					() -> AccessPolicy.require(actor, action, subject));
			assertThat(refused.errors()).singleElement().satisfies(error -> {
				assertThat(error.code()).isEqualTo(UserErrorCode.NOT_ALLOWED);
				assertThat(error.field()).isNull();
			});
		}
	}

	@Test
	void refusalSaysWhatTheRoleMayNotDoAndWhoMay() {
		Actor accountant = CALLERS.get("accountant");
		assertThat(refusal(accountant, Action.UPDATE, Subject.CUSTOMER)).isEqualTo(
				"Your role may not change customers: that is for admins, sales managers, sales reps, partner users"
						+ " and integrations with the dealerdesk.write scope.");
		assertThat(refusal(CALLERS.get("rep"), Action.CHANGE_TERMS, Subject.LICENSE))
			.isEqualTo("Your role may not change the terms of licenses: that is for admins, sales managers"
					+ " and integrations with the dealerdesk.write scope.");
		assertThat(refusal(CALLERS.get("manager"), Action.CREATE, Subject.PRODUCT))
			.isEqualTo("Your role may not create products of the catalogue: that is for admins.");
	}

	@Test
	void listsTheAccountantsPermissionsInSubjectOrder() {
		assertThat(AccessPolicy.permissions(CALLERS.get("accountant"))).containsExactly(
				new Permission(Action.CREATE, Subject.INVOICE), new Permission(Action.DELETE, Subject.INVOICE),
				new Permission(Action.CREATE, Subject.CONTRACT), new Permission(Action.UPDATE, Subject.CONTRACT),
				new Permission(Action.DELETE, Subject.CONTRACT), new Permission(Action.CREATE, Subject.PAYMENT_PLAN),
				new Permission(Action.UPDATE, Subject.PAYMENT_PLAN), new Permission(Action.CREATE, Subject.PAYMENT),
				new Permission(Action.UPDATE, Subject.PAYMENT), new Permission(Action.UPDATE, Subject.PARTNER_ACCOUNT));
		assertThat(AccessPolicy.permissions(CALLERS.get("read-only integration"))).isEmpty();
	}

	private static String refusal(Actor actor, Action action, Subject subject) {
		UserErrorsException refused = catchThrowableOfType(UserErrorsException.class,
				() -> AccessPolicy.require(actor, action, subject));
		return refused.errors().stream().map(UserError::message).findFirst().orElseThrow();
	}

	private static Actor actor(Set<Role> roles, UUID partnerId, String... scopes) {
		return new Actor("t-caller", null, roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles, partnerId,
				Set.of(scopes));
	}

}
