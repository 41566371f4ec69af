package com.dealerdesk.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.dealerdesk.platform.graphql.GlobalId;

/**
 * Event payloads of the mail archive, with the GraphQL API's ids and field names. The
 * body is left out: it can be megabytes, and subscribers fetch it by id when they need
 * it.
 */
final class MailEvents {

	private MailEvents() {
	}

	static Map<String, Object> payload(MailMessage message, List<MailParticipant> participants,
			List<MailAttachment> attachments) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("MailMessage", message.id()));
		payload.put("customerId", GlobalId.of("Customer", message.customerId()));
		payload.put("messageId", message.messageId());
		payload.put("inReplyTo", message.inReplyTo());
		payload.put("thread", message.thread());
		payload.put("subject", message.subject());
		payload.put("from", participants(participants, MailParticipant.Role.FROM).get(0));
		payload.put("to", participants(participants, MailParticipant.Role.TO));
		payload.put("cc", participants(participants, MailParticipant.Role.CC));
		payload.put("sentAt", message.sentAt() == null ? null : message.sentAt().toInstant().toString());
		payload.put("attachments", attachments.stream().map(attachment -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("fileName", attachment.fileName());
			item.put("contentType", attachment.contentType());
			item.put("sizeBytes", attachment.sizeBytes());
			return item;
		}).toList());
		payload.put("importedAt", message.importedAt().toInstant().toString());
		return payload;
	}

	private static List<Map<String, Object>> participants(List<MailParticipant> participants,
			MailParticipant.Role role) {
		return participants.stream().filter(participant -> participant.role() == role).map(participant -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("address", participant.address());
			item.put("name", participant.name());
			item.put("contactId",
					participant.contactId() == null ? null : GlobalId.of("Contact", participant.contactId()));
			return item;
		}).toList();
	}

}
