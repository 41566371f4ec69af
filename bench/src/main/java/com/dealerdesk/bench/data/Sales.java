package com.dealerdesk.bench.data;

import java.util.UUID;

/** Deals across the pipeline with their stage history, quotes and campaigns. */
final class Sales {

	private Sales() {
	}

	static UUID dealId(long i, int slot) {
		return Rows.id("opportunity", (i - 1) * Size.DEAL_SLOTS + slot + 1);
	}

}
