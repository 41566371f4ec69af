package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One row of the pipeline report; {@code ownerId} is null in a report not split by owner.
 */
record PipelineReportRow(UUID stageId, String ownerId, String currency, int count, BigDecimal amount,
		BigDecimal weightedAmount) {

}
