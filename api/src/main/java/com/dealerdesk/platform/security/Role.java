package com.dealerdesk.platform.security;

/** What a caller may do. Mapped from token claims by {@link ActorClaimsProperties}. */
public enum Role {

	ADMIN, SALES_MANAGER, SALES_REP, ACCOUNTANT, PROJECT_MANAGER, CHANNEL_MANAGER, PARTNER_USER, INTEGRATION

}
