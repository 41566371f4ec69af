package com.dealerdesk.partner;

import java.util.List;
import java.util.UUID;

/**
 * What the channel checks before it accepts a partner's deal registration: its status,
 * its parent (for a sub-dealer) and its territories (none: it may sell anywhere).
 */
public record PartnerStanding(UUID id, String name, String status, UUID parentId, List<Territory> territories) {

	public boolean active() {
		return "ACTIVE".equals(this.status);
	}

	/** A region, an industry, or both (a region within an industry). */
	public record Territory(String region, String industry) {

	}

}
