package com.dealerdesk.sales;

import java.math.BigDecimal;
import java.util.UUID;

record PipelineReportRow(UUID stageId, String ownerId, String currency, int count, BigDecimal amount,
		BigDecimal weightedAmount) {

}
