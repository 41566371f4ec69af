package com.dealerdesk.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.OrderDirection;

/**
 * A resolved opportunities filter and sort order (ids already decoded). Deals without an
 * expected close date sort as if closing on {@link #NO_DATE}, so keyset paging stays
 * total.
 */
record OpportunityQuery(UUID pipelineId, List<UUID> stageIds, List<OpportunityStatus> status, List<String> ownerIds,
		UUID customerId, Field field, OrderDirection direction) {

	static final LocalDate NO_DATE = LocalDate.of(9999, 12, 31);

	enum Field {

		EXPECTED_CLOSE_DATE, UPDATED_AT

	}

	String orderKey() {
		return "OPP_" + this.field + "_" + this.direction;
	}

	String orderColumn() {
		return this.field == Field.UPDATED_AT ? "o.updated_at" : "coalesce(o.expected_close_date, date '9999-12-31')";
	}

	String cursorValueOf(Opportunity opportunity) {
		if (this.field == Field.UPDATED_AT) {
			return opportunity.updatedAt().toString();
		}
		return (opportunity.expectedCloseDate() == null ? NO_DATE : opportunity.expectedCloseDate()).toString();
	}

	Object cursorValue(KeysetCursor cursor) {
		if (this.field == Field.UPDATED_AT) {
			return cursor.time();
		}
		try {
			return LocalDate.parse(cursor.value());
		}
		catch (RuntimeException ex) {
			throw OpportunityRepository.invalidCursor();
		}
	}

	void appendFilter(Sql sql) {
		if (this.pipelineId != null) {
			sql.append(" and o.pipeline_id = " + sql.param(this.pipelineId));
		}
		if (this.stageIds != null && !this.stageIds.isEmpty()) {
			sql.append(" and o.stage_id = any(" + sql.param(this.stageIds.toArray(UUID[]::new)) + ")");
		}
		if (this.status != null && !this.status.isEmpty()) {
			sql.append(" and o.status = any(" + sql.value(this.status) + ")");
		}
		if (this.ownerIds != null && !this.ownerIds.isEmpty()) {
			sql.append(" and o.owner_id = any(" + sql.param(this.ownerIds.toArray(String[]::new)) + ")");
		}
		if (this.customerId != null) {
			sql.append(" and o.customer_id = " + sql.param(this.customerId));
		}
	}

}
