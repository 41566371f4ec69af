package com.dealerdesk.platform.security;

import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;

/**
 * {@link AccessPolicy#require} refused an action: NOT_ALLOWED for the input as a whole,
 * and which action on which kind of object, for the audit trail.
 */
public final class AccessDenied extends UserErrorsException {

	private final transient Permission permission;

	AccessDenied(Permission permission, String message) {
		super(UserError.of(UserErrorCode.NOT_ALLOWED, message));
		this.permission = permission;
	}

	public Permission permission() {
		return this.permission;
	}

}
