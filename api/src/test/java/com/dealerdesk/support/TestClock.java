package com.dealerdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the real time, moved forward or back on demand, so
 * that expiry and due dates can be tested without waiting. {@link ApiTest} resets it
 * after every test.
 */
public final class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	public void travel(Duration by) {
		this.offset = this.offset.plus(by);
	}

	void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

}
