package com.dealerdesk.sales;

import java.time.OffsetDateTime;
import java.util.UUID;

record StageChange(UUID opportunityId, UUID fromStageId, UUID toStageId, OpportunityStatus status, String changedBy,
		OffsetDateTime changedAt) {

}
