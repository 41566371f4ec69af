package com.dealerdesk.sales;

import java.util.UUID;

import com.dealerdesk.platform.language.LocalizedNames;

/**
 * {@code name} is the default name, {@code names} the admin's per language;
 * {@code version} increases with every rename.
 */
public record LostReason(UUID id, String name, LocalizedNames names, int version) {

}
