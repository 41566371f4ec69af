package com.dealerdesk.order;

import java.util.UUID;

/**
 * A line of a renewal order: the product and edition of the license it renews, for as
 * many seats, priced from the catalogue.
 */
public record RenewalLine(UUID productId, String editionCode, String description, int quantity, UUID licenseId) {

}
