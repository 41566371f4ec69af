package com.dealerdesk.platform.milestone;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something that happened to a contract or an order that other features may wait for (a
 * payment falls due when a stage is accepted; a prepaid partner's account is charged when
 * an order is placed).
 *
 * @param kind what happened
 * @param documentId the contract (or, for {@link Kind#SHIPMENT_SENT},
 * {@link Kind#ORDER_PLACED} and {@link Kind#ORDER_CANCELLED}, the order) it happened to
 * @param stageId the accepted stage, for {@link Kind#STAGE_ACCEPTED}; null otherwise
 * @param occurredOn the business date it happened on
 */
public record Milestone(Kind kind, UUID documentId, UUID stageId, LocalDate occurredOn) {

	public enum Kind {

		/** A contract was signed. */
		CONTRACT_SIGNED,

		/** A stage of a contract was accepted. */
		STAGE_ACCEPTED,

		/** An order's first shipment was made. */
		SHIPMENT_SENT,

		/** A contract was completed: every stage accepted. */
		CONTRACT_COMPLETED,

		/** An order was placed (made by hand or from a quote). */
		ORDER_PLACED,

		/** An order was cancelled. */
		ORDER_CANCELLED

	}

}
