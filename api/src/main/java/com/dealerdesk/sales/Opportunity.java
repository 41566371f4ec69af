package com.dealerdesk.sales;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.money.Money;

public record Opportunity(UUID id, UUID customerId, String name, String ownerId, UUID pipelineId, UUID stageId,
		OpportunityStatus status, Money amount, LocalDate expectedCloseDate, List<String> competitors,
		UUID lostReasonId, String lostNote, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		OffsetDateTime closedAt, UUID campaignId) {

}
