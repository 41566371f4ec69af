package com.dealerdesk.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Daily jobs (e.g. renewal reminders) run on Spring's scheduler, off the event loop. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {

}
