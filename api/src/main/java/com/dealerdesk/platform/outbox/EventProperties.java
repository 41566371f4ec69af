package com.dealerdesk.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event feed ({@code dealerdesk.events.*}, docs/operations.md).
 *
 * @param pollInterval how soon the relay looks again while transactions that may still
 * commit earlier positions are open
 * @param idlePollInterval how often the relay looks without being woken: the longest a
 * lost notification delays an event
 * @param windowSize how many recent events each instance keeps in memory for live
 * subscribers; one further behind reads from the database
 * @param maxBehind how long a subscriber may stay behind the head before it is told to
 * resume (a consumer that cannot keep up)
 * @param pageSize events per database read when a subscriber catches up
 * @param retention how long events are kept
 * @param pruneInterval how often old events are pruned
 */
@ConfigurationProperties("dealerdesk.events")
public record EventProperties(@DefaultValue("100ms") Duration pollInterval,
		@DefaultValue("1s") Duration idlePollInterval, @DefaultValue("10000") int windowSize,
		@DefaultValue("1m") Duration maxBehind, @DefaultValue("500") int pageSize,
		@DefaultValue("30d") Duration retention, @DefaultValue("10m") Duration pruneInterval) {

}
