package com.dealerdesk.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The blocking calls BlockHound lets through on non-blocking threads in tests, each with
 * its reason. Everything else that blocks an event loop fails the test that made it.
 * Registered in META-INF/services; blockhound-junit-platform installs BlockHound before
 * the first test.
 */
public class BlockingCallsAllowed implements BlockHoundIntegration {

	@Override
	public void applyTo(BlockHound.Builder builder) {
		// graphql-java reads its validation messages from a resource bundle on the first
		// request per locale; the JDK caches the bundle, so it is read once, like a class
		builder.allowBlockingCallsInside("java.util.ResourceBundle", "getBundle");
		// new ids (UUID.randomUUID) and serial numbers take random bytes from
		// /dev/urandom, which never waits once the kernel's pool is seeded at boot
		builder.allowBlockingCallsInside("sun.security.provider.NativePRNG$RandomIO", "implNextBytes");
		// Jackson builds the deserializer of a type once, under a lock, when a response
		// of
		// that type is first read: a cache filled once, like the resource bundle above
		// (seen
		// when ten answers of a new type arrived at once)
		builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
				"_createAndCacheValueDeserializer");
		// Netty's own buffer allocator, when a burst of requests makes it add or drop
		// magazines, frees the old ones under a StampedLock: a few instructions between
		// event loops, not a wait on I/O (seen under ten concurrent requests)
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
		builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "free");
		// Prometheus exemplars look up the tracer once, lazily, under a lock, when the
		// first timer is recorded; later calls read the stored tracer without locking
		builder.allowBlockingCallsInside(
				"org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration$LazyTracingSpanContext",
				"currentSpan");
		// Hibernate Validator caches each bean's constraint metadata once, under a
		// segment lock of its map: a cache filled once, like Jackson's above (seen when
		// eight writers resumed together on database threads after an outage)
		builder.allowBlockingCallsInside("org.hibernate.validator.internal.metadata.BeanMetaDataManagerImpl",
				"getBeanMetaData");
	}

}
