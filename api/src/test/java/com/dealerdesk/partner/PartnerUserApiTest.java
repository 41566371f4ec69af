package com.dealerdesk.partner;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.dealerdesk.support.Concurrently;
import com.dealerdesk.support.TestTokens;
import com.dealerdesk.support.TestTokens.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

class PartnerUserApiTest extends PartnerFixtures {

	@Test
	void anInvitedUserIsActiveOnFirstSignInAndRefusedOnceDisabled() {
		String partner = activePartner(unique("Portal"));
		String email = unique("Ines").replace(' ', '.') + "@Portal.example";
		String username = email.toLowerCase(Locale.ROOT);
		GraphQlTester.Response invited = partnerCall(CHANNEL_MANAGER, "invitePartnerUser",
				map("partnerId", partner, "name", "Ines Invited", "email", email));
		assertThat(errors(invited, "invitePartnerUser")).isEmpty();
		invited.path("invitePartnerUser.partnerUser.status").entity(String.class).isEqualTo("INVITED");
		invited.path("invitePartnerUser.partnerUser.user.email").entity(String.class).isEqualTo(username);
		invited.path("invitePartnerUser.partnerUser.invitedBy.id").entity(String.class).isEqualTo(userId("t-channel"));
		// the test API has no identity provider it can create users in: the invitation
		// is recorded for the operator
		invited.path("invitePartnerUser.initialPassword").valueIsNull();
		assertThat(count("select count(*) from outbox_event where type = 'partner_user.invited' and aggregate_id = $1",
				uuid(partner)))
			.isEqualTo(1);

		TestUser ines = new TestUser(username, "Ines Invited", List.of("partner_user"), uuid(partner), List.of());
		as(ines).document("{ viewer { partner { id } } }")
			.execute()
			.path("viewer.partner.id")
			.entity(String.class)
			.isEqualTo(partner);
		assertThat(status(partner, username)).isEqualTo("ACTIVE");

		GraphQlTester.Response disabled = partnerCall(CHANNEL_MANAGER, "disablePartnerUser",
				map("partnerId", partner, "userId", userId(username)));
		assertThat(errors(disabled, "disablePartnerUser")).isEmpty();
		disabled.path("disablePartnerUser.partnerUser.status").entity(String.class).isEqualTo("DISABLED");
		assertThat(statusCode(ines)).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void onlyAnActivePartnersPeopleAreInvitedAndAPartnerInvitesOnlyItsOwn() {
		String prospective = partnerCall(CHANNEL_MANAGER, "createPartner", map("name", unique("Prospect")))
			.path("createPartner.partner.id")
			.entity(String.class)
			.get();
		String email = unique("nobody").replace(' ', '.') + "@prospect.example";
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "invitePartnerUser",
				map("partnerId", prospective, "name", "Nobody", "email", email)), "invitePartnerUser"))
			.containsExactly("input.partnerId=INVALID_VALUE");
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "invitePartnerUser",
				map("partnerId", prospective, "name", " ", "email", "not-an-address")), "invitePartnerUser"))
			.containsExactlyInAnyOrder("input.name=REQUIRED", "input.email=INVALID_FORMAT");
		assertThat(errors(
				partnerCall(REP, "invitePartnerUser", map("partnerId", prospective, "name", "Nobody", "email", email)),
				"invitePartnerUser"))
			.containsExactly("=NOT_ALLOWED");
		assertThat(count("select count(*) from app_user where email = $1", email)).isZero();
		String suspended = activePartner(unique("Suspended"));
		assertThat(errors(
				partnerCall(CHANNEL_MANAGER, "changePartnerStatus",
						map("id", suspended, "expectedVersion", 1, "status", "SUSPENDED", "reason", "Unpaid")),
				"changePartnerStatus"))
			.isEmpty();
		assertThat(errors(partnerCall(CHANNEL_MANAGER, "invitePartnerUser",
				map("partnerId", suspended, "name", "Nobody", "email", email)), "invitePartnerUser"))
			.containsExactly("input.partnerId=INVALID_VALUE");
		assertThat(count("select count(*) from app_user where email = $1", email)).isZero();
		assertThat(count("select count(*) from outbox_event where type = 'partner_user.invited' and partner_id = $1",
				uuid(suspended)))
			.isZero();

		String own = activePartner(unique("Own"));
		String stranger = activePartner(unique("Stranger"));
		TestUser owner = userOf(own, unique("t-own"));
		String colleague = unique("colleague").replace(' ', '.') + "@own.example";
		assertThat(errors(
				partnerCall(owner, "invitePartnerUser", map("partnerId", own, "name", "Colleague", "email", colleague)),
				"invitePartnerUser"))
			.isEmpty();
		assertThat(errors(partnerCall(owner, "invitePartnerUser",
				map("partnerId", stranger, "name", "Spy", "email", "x" + colleague)), "invitePartnerUser"))
			.containsExactly("input.partnerId=NOT_FOUND");
		as(owner).documentName("partner")
			.operationName("partnerUsers")
			.variable("id", own)
			.execute()
			.path("partner.users[*].user.email")
			.entityList(String.class)
			.contains(colleague);
	}

	@Test
	void tenInvitationsAtOnceMakeOneUser() {
		String partner = activePartner(unique("Busy"));
		String email = unique("twin").replace(' ', '.') + "@busy.example";
		List<Map<String, Object>> answers = Concurrently.mutate(this.port, CHANNEL_MANAGER, "partner",
				"invitePartnerUser", map("partnerId", partner, "name", "Twin", "email", email));
		assertThat(answers).filteredOn(answer -> answer.get("partnerUser") != null).hasSize(1);
		assertThat(answers).filteredOn(answer -> answer.get("partnerUser") == null)
			.allSatisfy(answer -> assertThat(answer.get("userErrors").toString()).contains("CONFLICT", "email"));
		assertThat(count("select count(*) from app_user where lower(email) = $1", email)).isEqualTo(1);
	}

	@Test
	void aSuspendedPartnersUsersAreRefused() {
		String partner = activePartner(unique("Suspended"));
		TestUser user = userOf(partner, unique("t-suspended"));
		assertThat(errors(
				partnerCall(CHANNEL_MANAGER, "changePartnerStatus",
						map("id", partner, "expectedVersion", 1, "status", "SUSPENDED", "reason", "Audit")),
				"changePartnerStatus"))
			.isEmpty();
		assertThat(statusCode(user)).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private String status(String partnerId, String username) {
		return this.database.sql("select status from app_user where id = $1 and partner_id = $2")
			.bind(0, username)
			.bind(1, uuid(partnerId))
			.map(row -> row.get("status", String.class))
			.one()
			.block();
	}

	private HttpStatus statusCode(TestUser user) {
		return HttpStatus.valueOf(http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + TestTokens.tokenFor(user))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ viewer { subject } }"))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value());
	}

	private static String userId(String username) {
		return com.dealerdesk.platform.graphql.GlobalId.of("User", username);
	}

}
