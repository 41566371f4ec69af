package com.dealerdesk.platform.error;

/**
 * Told of every change a service refused with user errors, after its transaction rolled
 * back: {@link Payloads} finds a listener in the Reactor context under this class. The
 * audit trail records permission denials this way, in a transaction of its own.
 */
@FunctionalInterface
public interface RejectedChanges {

	void rejected(UserErrorsException rejection);

}
