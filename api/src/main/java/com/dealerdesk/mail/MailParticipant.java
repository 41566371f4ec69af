package com.dealerdesk.mail;

import java.util.UUID;

/**
 * A sender or recipient of a message; {@code contactId} is the customer's contact with
 * this address at import time.
 */
record MailParticipant(UUID messageId, Role role, int position, String address, String name, UUID contactId) {

	enum Role {

		FROM, TO, CC

	}

}
