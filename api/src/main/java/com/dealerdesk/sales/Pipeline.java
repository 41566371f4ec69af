package com.dealerdesk.sales;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public record Pipeline(UUID id, String name, boolean isDefault, boolean requiresLostReason, List<Stage> stages,
		int version) {

	Optional<Stage> stage(UUID stageId) {
		return this.stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst();
	}

}
