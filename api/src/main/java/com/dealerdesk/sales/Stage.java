package com.dealerdesk.sales;

import java.util.UUID;

public record Stage(UUID id, UUID pipelineId, String name, int position, int probability, boolean closesAsWon) {

}
