package com.dealerdesk.channel;

import java.util.Set;

import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.order.OrderService;
import com.dealerdesk.platform.milestone.Milestone;
import com.dealerdesk.platform.milestone.MilestoneListener;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Orders against a prepaid partner's balance (ADR 0030), in the order's transaction: a
 * placed order of a customer whose own partner has a prepaid account in the order's
 * currency is charged to it, or refused with CONFLICT (a {@code UserErrorsException} that
 * rolls the order back and that the order's payload shows) when balance plus credit limit
 * do not cover it; a cancelled order's charge is given back. The order and its customer
 * are read through their features' services, as the system: the caller placed the order,
 * so it may be charged whoever they are.
 */
@Component
class PartnerAccountOrders implements MilestoneListener {

	private final OrderService orders;

	private final CustomerService customers;

	private final PartnerAccountService accounts;

	PartnerAccountOrders(OrderService orders, CustomerService customers, PartnerAccountService accounts) {
		this.orders = orders;
		this.customers = customers;
		this.accounts = accounts;
	}

	@Override
	public Mono<Void> milestoneReached(Actor actor, Milestone milestone) {
		return switch (milestone.kind()) {
			case ORDER_PLACED -> this.orders.orders(Actor.SYSTEM, Set.of(milestone.documentId()))
				.mapNotNull(found -> found.get(milestone.documentId()))
				.flatMap(order -> this.customers.customer(Actor.SYSTEM, order.customerId())
					.filter(customer -> customer.partnerId() != null)
					.flatMap(customer -> this.accounts.chargeOrder(actor, order.id(), customer.partnerId(),
							order.total())));
			case ORDER_CANCELLED -> this.accounts.refundOrder(actor, milestone.documentId());
			default -> Mono.empty();
		};
	}

}
