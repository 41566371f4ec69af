package com.dealerdesk.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Turns a validated JWT into an authentication whose principal is the {@link Actor}. */
class ActorAuthenticationConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	private final ActorClaimsProperties claims;

	private final TokenProperties tokens;

	private final AccountCheck accounts;

	private final SecurityAudit audit;

	ActorAuthenticationConverter(ActorClaimsProperties claims, TokenProperties tokens, AccountCheck accounts,
			SecurityAudit audit) {
		this.claims = claims;
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		Actor actor = toActor(jwt);
		List<GrantedAuthority> authorities = actor.roles()
			.stream()
			.<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		return this.accounts.allows(actor)
			.filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(AccountRefused::new))
			.flatMap(allowed -> this.audit.tokenUsed(actor, jwt))
			.thenReturn(new ActorAuthentication(actor, jwt, authorities));
	}

	Actor toActor(Jwt jwt) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : stringsOf(jwt.getClaim(this.claims.rolesClaim()))) {
			Role role = this.claims.roleNames().get(value.toLowerCase(Locale.ROOT));
			if (role != null) {
				roles.add(role);
			}
		}
		UUID partnerId = parsePartnerId(jwt.getClaimAsString(this.claims.partnerIdClaim()));
		Set<String> tokenScopes = new HashSet<>(stringsOf(jwt.getClaim("scope")));
		tokenScopes.addAll(stringsOf(jwt.getClaim("scp")));
		Set<String> scopes = this.tokens.canonical(tokenScopes);
		String name = jwt.getClaimAsString(this.claims.nameClaim());
		return new Actor(jwt.getSubject(), name, roles, partnerId, scopes);
	}

	private static UUID parsePartnerId(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			// A partner claim we cannot read must never widen the scope: use an id that
			// owns nothing.
			return new UUID(0, 0);
		}
	}

	private static Collection<String> stringsOf(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String value && !value.isBlank()) {
			return List.of(value.trim().split("\\s+"));
		}
		return List.of();
	}

	/**
	 * A valid token of an account that may not be used: its description reaches the
	 * client as it is ({@link RefusedTokens}).
	 */
	static final class AccountRefused extends InvalidBearerTokenException {

		AccountRefused() {
			super("This account is disabled, or its partner is suspended: ask the vendor.");
		}

	}

	/** The authenticated caller; {@link #getPrincipal()} is the {@link Actor}. */
	static final class ActorAuthentication extends AbstractAuthenticationToken {

		private final Actor actor;

		private final Jwt jwt;

		ActorAuthentication(Actor actor, Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
			super(authorities);
			this.actor = actor;
			this.jwt = jwt;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return this.jwt;
		}

		@Override
		public Actor getPrincipal() {
			return this.actor;
		}

		@Override
		public String getName() {
			return this.actor.subject();
		}

	}

}
