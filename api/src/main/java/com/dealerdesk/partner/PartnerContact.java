package com.dealerdesk.partner;

import java.util.UUID;

/** A person at the partner the vendor deals with. */
public record PartnerContact(UUID id, UUID partnerId, String name, String role, String email, String phone) {

}
