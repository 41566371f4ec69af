package com.dealerdesk.directory;

import java.util.UUID;

/** A person who works in DealerDesk, identified by their token subject. */
public record User(String id, String name, String email, String managerId, UUID partnerId) {

}
