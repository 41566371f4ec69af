package com.dealerdesk.sales;

import java.util.UUID;

import com.dealerdesk.platform.language.LocalizedNames;

/**
 * A stage of a pipeline; {@code name} is the default name, {@code names} the admin's per
 * language.
 */
public record Stage(UUID id, UUID pipelineId, String name, LocalizedNames names, int position, int probability,
		boolean closesAsWon) {

}
