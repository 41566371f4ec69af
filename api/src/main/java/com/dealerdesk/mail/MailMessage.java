package com.dealerdesk.mail;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A stored message, with its participants (needed for nearly every display) but without
 * the body, which is loaded only when asked for.
 *
 * @param thread the thread key shared by a message and its replies
 * @param timelineAt the sort position: {@code sentAt}, or the import time without a date
 */
public record MailMessage(UUID id, UUID customerId, String messageId, String inReplyTo, String thread, String subject,
		String fromAddress, OffsetDateTime sentAt, String importedBy, OffsetDateTime importedAt,
		OffsetDateTime timelineAt, List<MailParticipant> participants) {

	MailMessage withParticipants(List<MailParticipant> participants) {
		return new MailMessage(this.id, this.customerId, this.messageId, this.inReplyTo, this.thread, this.subject,
				this.fromAddress, this.sentAt, this.importedBy, this.importedAt, this.timelineAt,
				List.copyOf(participants));
	}

	List<MailParticipant> participants(MailParticipant.Role role) {
		return this.participants.stream().filter(participant -> participant.role() == role).toList();
	}

}
