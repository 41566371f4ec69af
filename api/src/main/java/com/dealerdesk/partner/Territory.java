package com.dealerdesk.partner;

/** A region and/or an industry a partner may sell in. */
public record Territory(String region, String industry) {

}
