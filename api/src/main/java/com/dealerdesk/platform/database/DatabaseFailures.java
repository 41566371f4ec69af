package com.dealerdesk.platform.database;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.dealerdesk.platform.error.UnavailableException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import reactor.pool.PoolShutdownException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Recognises a database that cannot be reached or used right now, wherever it sits in the
 * cause chain: no connection could be made or taken from the pool within the acquire
 * time, the connection broke, the server is shutting down or starting. These become
 * {@code UNAVAILABLE} errors with a retry hint, never a library's message (ADR 0038).
 */
public final class DatabaseFailures {

	/**
	 * SQLSTATEs of a server that is going away or not ready: admin_shutdown,
	 * crash_shutdown, cannot_connect_now, too_many_connections. Class 08 (connection
	 * exceptions) is matched as a class.
	 */
	private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

	private DatabaseFailures() {
	}

	public static boolean isUnavailable(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof R2dbcNonTransientResourceException
					|| cause instanceof R2dbcTransientResourceException || cause instanceof PoolShutdownException
					|| cause instanceof ConnectException || cause instanceof ClosedChannelException) {
				return true;
			}
			// the pool's acquire (or validation) timeout; a statement timeout has no such
			// cause
			if (cause instanceof R2dbcTimeoutException && cause.getCause() instanceof TimeoutException) {
				return true;
			}
			if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
					&& (r2dbc.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(r2dbc.getSqlState()))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/**
	 * The error a client sees when the database is unavailable: retryable, nothing was
	 * done.
	 */
	public static UnavailableException unavailable() {
		return UnavailableException.retryable("UNAVAILABLE",
				"The service is unavailable for a moment; nothing was changed. Try again in "
						+ UnavailableException.RETRY_AFTER_SECONDS + " seconds.",
				Map.of());
	}

}
