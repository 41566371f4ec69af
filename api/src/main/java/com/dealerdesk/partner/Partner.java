package com.dealerdesk.partner;

import java.util.UUID;

/** A reseller or dealer in the vendor's channel. */
public record Partner(UUID id, String name) {

}
