package com.dealerdesk.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.demo.DemoPeople.DemoUser;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo data set: partners, users with their teams, and
 * customers with contacts in several languages. Customers are created through the public
 * GraphQL mutation, as their owners, so they are validated and produce outbox events like
 * any other change.
 */
@Component
@ConditionalOnBooleanProperty("dealerdesk.demo-data.enabled")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String CREATE = """
			mutation($input: CreateCustomerInput!) {
			  createCustomer(input: $input) { customer { id } userErrors { field message } }
			}""";

	private final DatabaseClient database;

	private final ExecutionGraphQlService graphQl;

	DemoData(DatabaseClient database, ExecutionGraphQlService graphQl) {
		this.database = database;
		this.graphQl = graphQl;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedIfEmpty() {
		this.database.sql("select exists (select 1 from customer) as seeded")
			.map(row -> Boolean.TRUE.equals(row.get("seeded", Boolean.class)))
			.one()
			.filter(seeded -> !seeded)
			.flatMap(empty -> seed())
			.doOnSuccess(count -> {
				if (count != null) {
					log.info("Demo data: created {} customers", count);
				}
			})
			.block();
	}

	private Mono<Long> seed() {
		Map<String, DemoUser> users = DemoPeople.USERS.stream()
			.collect(Collectors.toMap(DemoUser::username, user -> user));
		return Flux.fromIterable(DemoPeople.PARTNERS)
			.concatMap(partner -> this.database
				.sql("insert into partner (id, name) values ($1, $2) on conflict (id) do nothing")
				.bind(0, partner.id())
				.bind(1, partner.name())
				.then())
			.thenMany(Flux.fromIterable(DemoPeople.USERS))
			.concatMap(user -> this.database.sql("""
					insert into app_user (id, name, email, partner_id) values ($1, $2, $3, $4)
					on conflict (id) do nothing""")
				.bind(0, user.username())
				.bind(1, user.name())
				.bind(2, user.email())
				.bind(3, Parameter.fromOrEmpty(user.partnerId(), UUID.class))
				.then())
			.thenMany(Flux.fromIterable(DemoPeople.USERS).filter(user -> user.managerUsername() != null))
			.concatMap(user -> this.database.sql("update app_user set manager_id = $1 where id = $2")
				.bind(0, user.managerUsername())
				.bind(1, user.username())
				.then())
			.thenMany(Flux.fromIterable(DemoCustomers.ALL))
			.concatMap(customer -> create(actorOf(users.get(customer.owner())), customer.input()))
			.filter(Boolean::booleanValue)
			.count();
	}

	private Mono<Boolean> create(Actor actor, Map<String, Object> input) {
		var request = new DefaultExecutionGraphQlRequest(CREATE, null, Map.of("input", input), null,
				"demo-" + input.get("name"), Locale.ENGLISH);
		var authentication = UsernamePasswordAuthenticationToken.authenticated(actor, null,
				actor.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
		return this.graphQl.execute(request)
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication))
			.map(response -> {
				Object userErrors = response.field("createCustomer.userErrors").getValue();
				boolean created = response.getErrors().isEmpty() && userErrors instanceof List<?> list
						&& list.isEmpty();
				if (!created) {
					log.warn("Demo customer {} not created: {} {}", input.get("name"), response.getErrors(),
							userErrors);
				}
				return created;
			});
	}

	private static Actor actorOf(DemoUser user) {
		Set<Role> roles = user.roles()
			.stream()
			.map(role -> Role.valueOf(role.toUpperCase(Locale.ROOT)))
			.collect(Collectors.toSet());
		return new Actor(user.username(), user.name(), roles, user.partnerId(), Set.of());
	}

}
