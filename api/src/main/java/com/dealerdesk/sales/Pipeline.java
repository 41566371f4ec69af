package com.dealerdesk.sales;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.dealerdesk.platform.language.LocalizedNames;

/** {@code name} is the default name, {@code names} the admin's per language. */
public record Pipeline(UUID id, String name, LocalizedNames names, boolean isDefault, boolean requiresLostReason,
		List<Stage> stages, int version) {

	Optional<Stage> stage(UUID stageId) {
		return this.stages.stream().filter(stage -> stage.id().equals(stageId)).findFirst();
	}

}
