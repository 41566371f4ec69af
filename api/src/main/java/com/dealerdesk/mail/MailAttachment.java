package com.dealerdesk.mail;

import java.util.UUID;

/** Metadata of an attachment; its content is not stored. */
record MailAttachment(UUID messageId, int position, String fileName, String contentType, int sizeBytes) {

}
