package com.dealerdesk.contract;

import java.time.LocalDate;
import java.util.UUID;

/** A set of works of a contract accepted together. */
public record ContractStage(UUID id, UUID contractId, int position, String name, LocalDate deadline,
		Acceptance acceptance, int version) {

}
