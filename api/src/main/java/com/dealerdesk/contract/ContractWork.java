package com.dealerdesk.contract;

import java.time.LocalDate;
import java.util.UUID;

/** A piece of work in a stage, split into tasks. */
record ContractWork(UUID id, UUID contractId, UUID stageId, int position, String name, LocalDate deadline,
		String ownerId, Acceptance acceptance, int version) {

}
