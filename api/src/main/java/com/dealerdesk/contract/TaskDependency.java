package com.dealerdesk.contract;

import java.util.UUID;

/** {@code successorId} may start only after {@code predecessorId} has ended. */
record TaskDependency(UUID contractId, UUID predecessorId, UUID successorId) {

}
