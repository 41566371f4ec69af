package com.dealerdesk.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.dealerdesk.platform.audit.AuditContext;
import com.dealerdesk.platform.error.RejectedChanges;
import com.dealerdesk.platform.security.AccessDenied;
import com.dealerdesk.platform.security.Actor;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Puts each GraphQL request's {@link AuditContext} into its Reactor context, where the
 * transaction manager finds it for every write transaction the request opens, and records
 * the permission denials of the request's mutations once they have rolled back.
 */
@Component
class AuditInterceptor implements WebGraphQlInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);

	/** The operation's name when the client sent no {@code operationName}. */
	private static final Pattern OPERATION = Pattern.compile("^\\s*(?:query|mutation|subscription)\\s+(\\w+)");

	private final AuditRepository repository;

	AuditInterceptor(AuditRepository repository) {
		this.repository = repository;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(authentication -> authentication.getPrincipal() instanceof Actor)
			.map(authentication -> audited(request, chain, contextOf(authentication, request)))
			.defaultIfEmpty(Mono.defer(() -> chain.next(request)))
			.flatMap(response -> response);
	}

	private Mono<WebGraphQlResponse> audited(WebGraphQlRequest request, Chain chain, AuditContext audit) {
		List<AccessDenied> denials = new CopyOnWriteArrayList<>();
		RejectedChanges listener = rejection -> {
			if (rejection instanceof AccessDenied denial) {
				denials.add(denial);
			}
		};
		return chain.next(request)
			.contextWrite(context -> context.put(AuditContext.class, audit).put(RejectedChanges.class, listener))
			.flatMap(response -> Flux.fromIterable(denials)
				.concatMap(denial -> denied(audit, denial))
				.then(Mono.just(response)));
	}

	/** Records a refused change; a failure to record it does not fail the request. */
	Mono<Void> denied(AuditContext audit, AccessDenied denial) {
		Map<String, Object> detail = Map.of("action", denial.permission().action().name(), "subject",
				denial.permission().subject().name());
		return this.repository.record(AuditKind.ACCESS_DENIED, audit, detail, null, false).onErrorResume(ex -> {
			log.warn("Could not record a permission denial in the audit trail: {}", ex.toString());
			return Mono.empty();
		});
	}

	static AuditContext contextOf(Authentication authentication, WebGraphQlRequest request) {
		Actor actor = (Actor) authentication.getPrincipal();
		String operation = request.getOperationName();
		if (operation == null) {
			Matcher named = OPERATION.matcher(request.getDocument());
			operation = named.find() ? named.group(1) : null;
		}
		return new AuditContext(actor.subject(), actor.name(), clientIdOf(authentication.getCredentials()),
				actor.partnerId(), operation, request.getId());
	}

	/**
	 * The OAuth2 client a token was issued to: {@code azp} (OIDC) or {@code client_id}.
	 */
	static String clientIdOf(Object credentials) {
		if (credentials instanceof Jwt jwt) {
			String azp = jwt.getClaimAsString("azp");
			return azp != null ? azp : jwt.getClaimAsString("client_id");
		}
		return null;
	}

}
