package com.dealerdesk.audit;

import reactor.core.publisher.Mono;

import com.dealerdesk.platform.audit.AuditContext;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.AccessDenied;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;

/** The audit trail, for admins of the vendor. */
@Controller
class AuditController {

	private final AuditRepository repository;

	private final AuditInterceptor interceptor;

	AuditController(AuditRepository repository, AuditInterceptor interceptor) {
		this.repository = repository;
		this.interceptor = interceptor;
	}

	@QueryMapping
	Mono<PageRequest.Connection<AuditEntry>> auditEntries(@Argument AuditFilter filter, @Argument Integer first,
			@Argument String after, @ContextValue Actor actor) {
		try {
			AccessPolicy.require(actor, Action.READ, Subject.AUDIT);
		}
		catch (AccessDenied denial) {
			// a refused read is a denial like a refused change, and answered FORBIDDEN
			return Mono
				.deferContextual(context -> context.<AuditContext>getOrEmpty(AuditContext.class)
					.map(audit -> this.interceptor.denied(audit, denial))
					.orElse(Mono.empty()))
				.then(Mono.error(new AccessDeniedException(denial.getMessage())));
		}
		return Mono.defer(() -> this.repository.page(filter == null ? AuditFilter.NONE : filter,
				PageRequest.of(first, after, AuditRepository.ORDER)));
	}

	@SchemaMapping(typeName = "AuditEntry")
	String id(AuditEntry entry) {
		return GlobalId.of("AuditEntry", entry.id());
	}

	@SchemaMapping(typeName = "AuditEntry")
	String recordType(AuditEntry entry) {
		return entry.recordTable();
	}

	/** The node id of the changed row, when its table holds nodes. */
	@SchemaMapping(typeName = "AuditEntry")
	String recordId(AuditEntry entry) {
		String type = entry.recordTable() == null ? null : AuditRecords.typeOf(entry.recordTable());
		return type == null || entry.recordKey() == null ? null : GlobalId.of(type, entry.recordKey());
	}

}
