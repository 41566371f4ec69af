package com.dealerdesk.directory;

import java.time.OffsetDateTime;

/** Someone who works in a partner's portal. */
record PartnerUser(User user, PartnerUserStatus status, OffsetDateTime invitedAt, String invitedById) {

}
