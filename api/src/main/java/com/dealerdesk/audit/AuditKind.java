package com.dealerdesk.audit;

/** What an audit entry records. */
enum AuditKind {

	CHANGE, LOGIN, TOKEN_REFUSED, ACCESS_DENIED

}
