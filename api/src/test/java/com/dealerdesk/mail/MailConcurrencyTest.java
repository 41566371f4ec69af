package com.dealerdesk.mail;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.support.ApiTest;
import com.dealerdesk.support.Concurrently;
import org.junit.jupiter.api.Test;

import static com.dealerdesk.support.TestPeople.REP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail per Message-ID and customer, also when the same .eml arrives ten times at once.
 */
class MailConcurrencyTest extends ApiTest {

	@Test
	void tenImportsOfOneMailAtOnceStoreItOnceAndAnswerEveryoneWithIt() {
		String customerId = (String) MailFixtures.customer(as(REP), unique("Raced mail")).get("id");
		byte[] eml = MailFixtures.Eml
			.simple("raced." + UUID.randomUUID() + "@x.example", "a@x.example", "b@y.example", "Once",
					"Thu, 5 Mar 2026 08:00:00 +0000", "Only once.")
			.bytes();

		List<Map<String, Object>> answers = Concurrently.mutate(this.port, REP, "importMail", "importMail",
				MailFixtures.input(customerId, eml));

		assertThat(Concurrently.outcomes(answers)).containsOnly("ok");
		assertThat(answers.stream().map(answer -> answer.get("alreadyImported"))).as("one import, nine that found it")
			.containsOnlyOnce(false);
		assertThat(answers.stream().map(answer -> ((Map<?, ?>) answer.get("mail")).get("id")).distinct()).hasSize(1);
		assertThat(count("select count(*) from mail_message where customer_id::text = $1",
				GlobalId.parse(customerId).localId()))
			.isEqualTo(1);
		assertThat(
				count("select count(*) from outbox_event where type = 'mail.imported' and payload->>'customerId' = $1",
						customerId))
			.isEqualTo(1);
	}

}
