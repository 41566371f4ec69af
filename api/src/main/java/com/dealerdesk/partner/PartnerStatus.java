package com.dealerdesk.partner;

import java.util.Map;
import java.util.Set;

/** Where a partner stands with the vendor. */
public enum PartnerStatus {

	PROSPECTIVE, ACTIVE, SUSPENDED, TERMINATED;

	private static final Map<PartnerStatus, Set<PartnerStatus>> NEXT = Map.of(PROSPECTIVE, Set.of(ACTIVE, TERMINATED),
			ACTIVE, Set.of(SUSPENDED, TERMINATED), SUSPENDED, Set.of(ACTIVE, TERMINATED), TERMINATED, Set.of());

	/** Whether a partner in this status may be moved to the other. */
	boolean mayBecome(PartnerStatus next) {
		return NEXT.get(this).contains(next);
	}

	/** Whether moving to this status needs a reason. */
	boolean needsReason() {
		return this == SUSPENDED || this == TERMINATED;
	}

}
