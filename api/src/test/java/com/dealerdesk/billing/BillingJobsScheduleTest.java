package com.dealerdesk.billing;

import java.io.IOException;

import com.dealerdesk.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily billing job runs at 06:20 UTC unless
 * {@code dealerdesk.billing.overdue-check-cron} is {@code -}: the API tests turn it off,
 * so that it never claims their overdue planned payments and lapsed licenses while they
 * run its steps themselves.
 */
class BillingJobsScheduleTest extends ApiTest {

	@Autowired
	private ScheduledTaskHolder scheduled;

	@Test
	void isOffInTheTests() {
		assertThat(this.scheduled.getScheduledTasks()).as("the other jobs are scheduled")
			.isNotEmpty()
			.map(ScheduledTask::toString)
			.noneMatch(task -> task.contains(BillingJobs.class.getName()));
	}

	@Test
	void runsAt0620UtcByDefault() throws IOException {
		ConfigurableEnvironment production = new AbstractEnvironment() {
		};
		new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.forEach(production.getPropertySources()::addLast);
		assertThat(production.getProperty("dealerdesk.billing.overdue-check-cron")).isEqualTo("0 20 6 * * *");
	}

}
