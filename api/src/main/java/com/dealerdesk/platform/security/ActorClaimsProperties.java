package com.dealerdesk.platform.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How token claims become an {@link Actor}, so that any OpenID Connect provider can
 * replace the bundled one by configuration alone.
 *
 * @param rolesClaim claim holding the caller's roles (a list or a space-separated string)
 * @param partnerIdClaim claim holding the partner id of a partner's users and
 * integrations
 * @param nameClaim claim holding the display name
 * @param roleNames claim values, lower-cased, mapped to roles; values not listed are
 * ignored
 */
@ConfigurationProperties("dealerdesk.security.claims")
public record ActorClaimsProperties(String rolesClaim, String partnerIdClaim, String nameClaim,
		Map<String, Role> roleNames) {

	public ActorClaimsProperties {
		rolesClaim = rolesClaim != null ? rolesClaim : "roles";
		partnerIdClaim = partnerIdClaim != null ? partnerIdClaim : "partner_id";
		nameClaim = nameClaim != null ? nameClaim : "name";
		roleNames = roleNames != null && !roleNames.isEmpty() ? Map.copyOf(roleNames)
				: Map.of("admin", Role.ADMIN, "sales_manager", Role.SALES_MANAGER, "sales_rep", Role.SALES_REP,
						"accountant", Role.ACCOUNTANT, "project_manager", Role.PROJECT_MANAGER, "channel_manager",
						Role.CHANNEL_MANAGER, "partner_user", Role.PARTNER_USER, "integration", Role.INTEGRATION);
	}

}
