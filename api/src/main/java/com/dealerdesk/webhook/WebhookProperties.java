package com.dealerdesk.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code dealerdesk.webhooks.*}, docs/operations.md).
 *
 * @param allowHttp accept plain {@code http://} URLs (development only)
 * @param connectTimeout how long a delivery waits for the connection
 * @param responseTimeout how long a delivery waits for the answer once connected
 * @param initialBackoff the wait after the first failure; doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param retryPeriod how long an endpoint may keep failing before it is disabled
 * @param maxConsecutiveFailures failures in a row after which it is disabled, however
 * short the period
 * @param pollInterval how often the worker looks for due retries without being woken by a
 * new event
 * @param lease how long an instance holds an endpoint it works on; renewed at each
 * delivery, so another instance takes over only after a crash
 * @param batchSize endpoints an instance delivers to at once, and events read per page
 */
@ConfigurationProperties("dealerdesk.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowHttp, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration responseTimeout, @DefaultValue("10s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("24h") Duration retryPeriod,
		@DefaultValue("50") int maxConsecutiveFailures, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("2m") Duration lease, @DefaultValue("100") int batchSize) {

}
