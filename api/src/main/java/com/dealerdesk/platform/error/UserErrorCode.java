package com.dealerdesk.platform.error;

/** Mirrors the {@code UserErrorCode} enum of the schema. */
public enum UserErrorCode {

	REQUIRED, TOO_LONG, INVALID_FORMAT, INVALID_VALUE, NOT_FOUND, STALE_VERSION, NOT_ALLOWED, CONFLICT

}
