package com.dealerdesk.platform.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of metrics ({@code dealerdesk.observability.*}, docs/operations.md).
 *
 * @param maxOperationNames how many distinct GraphQL operation names become metric
 * labels; further names are counted as {@code other}
 */
@ConfigurationProperties("dealerdesk.observability")
record ObservabilityProperties(@DefaultValue("300") int maxOperationNames) {

}
