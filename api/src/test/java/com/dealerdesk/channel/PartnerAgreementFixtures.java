package com.dealerdesk.channel;

import java.util.List;
import java.util.UUID;

import com.dealerdesk.support.TestTokens.TestUser;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

/**
 * The vendor's channel manager and partners of their own for each test, so that figures
 * counted per partner (volumes, rebates, performance) are not shared with other tests.
 * Partners are written directly: creating them is another part of the channel.
 */
final class PartnerAgreementFixtures {

	static final TestUser CHANNEL_MANAGER = TestUser.of("t-channel-manager", "channel_manager");

	private PartnerAgreementFixtures() {
	}

	static void registerChannelManager(DatabaseClient database) {
		database.sql("insert into app_user (id, name) values ($1, 'Channel manager') on conflict (id) do nothing")
			.bind(0, CHANNEL_MANAGER.subject())
			.then()
			.block();
	}

	/** A new ACTIVE partner, a sub-dealer of the parent when one is given. */
	static UUID partner(DatabaseClient database, String name, UUID parentId) {
		UUID id = UUID.randomUUID();
		database.sql("insert into partner (id, name, parent_id) values ($1, $2, $3)")
			.bind(0, id)
			.bind(1, name + " " + id.toString().substring(0, 8))
			.bind(2, Parameter.fromOrEmpty(parentId, UUID.class))
			.then()
			.block();
		return id;
	}

	/** A portal user of the partner, known to the directory. */
	static TestUser partnerUser(DatabaseClient database, UUID partnerId) {
		String subject = "t-portal-" + partnerId.toString().substring(0, 8);
		database.sql("insert into app_user (id, name, partner_id) values ($1, $2, $3)")
			.bind(0, subject)
			.bind(1, "User of " + subject)
			.bind(2, partnerId)
			.then()
			.block();
		return new TestUser(subject, "User of " + subject, List.of("partner_user"), partnerId, List.of());
	}

}
