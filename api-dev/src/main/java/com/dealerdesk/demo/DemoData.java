package com.dealerdesk.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.contract.ContractDocumentService;
import com.dealerdesk.demo.DemoPeople.DemoUser;
import com.dealerdesk.platform.security.AccessPolicy;
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

	private static final String CREATE_CUSTOMER = """
			mutation($input: CreateCustomerInput!) {
			  createCustomer(input: $input) { customer { id } userErrors { field message } }
			}""";

	private static final String PIPELINE = "{ pipelines { stages { id } } lostReasons { id } }";

	private static final String CREATE_DEAL = """
			mutation($input: CreateOpportunityInput!) {
			  createOpportunity(input: $input) { opportunity { id version } userErrors { field message } }
			}""";

	private static final String LOSE_DEAL = """
			mutation($input: MarkOpportunityLostInput!) {
			  markOpportunityLost(input: $input) { opportunity { id } userErrors { field message } }
			}""";

	private static final String LOG_ACTIVITY = """
			mutation($input: LogActivityInput!) {
			  logActivity(input: $input) { activity { id } userErrors { field message } }
			}""";

	private static final String[] CURRENCIES = { "EUR", "USD", "EUR", "CHF" };

	/** The seeding actors read and write like a signed-in user of the web app. */
	static final Set<String> SCOPES = Set.of(AccessPolicy.READ_SCOPE, AccessPolicy.WRITE_SCOPE);

	private final DatabaseClient database;

	private final ExecutionGraphQlService graphQl;

	private final ContractDocumentService contractDocuments;

	DemoData(DatabaseClient database, ExecutionGraphQlService graphQl, ContractDocumentService contractDocuments) {
		this.database = database;
		this.graphQl = graphQl;
		this.contractDocuments = contractDocuments;
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
					log.info("Demo data: created {} customers with deals and follow-ups", count);
				}
			})
			.block();
	}

	private Mono<Long> seed() {
		Map<String, DemoUser> users = DemoPeople.USERS.stream()
			.collect(Collectors.toMap(DemoUser::username, user -> user));
		return DemoPipelineNames.add(this.database)
			.thenMany(Flux.fromIterable(DemoPeople.PARTNERS))
			// fixed ids, which the development identity provider's partner claims name
			.concatMap(partner -> this.database.sql("""
					insert into partner (id, name, legal_name, country, status, parent_id)
					values ($1, $2, $3, $4, 'ACTIVE', $5) on conflict (id) do nothing""")
				.bind(0, partner.id())
				.bind(1, partner.name())
				.bind(2, partner.legalName())
				.bind(3, partner.country())
				.bind(4, Parameter.fromOrEmpty(partner.parentId(), UUID.class))
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
			.then(DemoChannel.seed(this::execute, actorOf(users.get("channel"))))
			.thenMany(Flux.fromIterable(DemoCustomers.ALL))
			.concatMap(customer -> {
				Actor owner = actorOf(users.get(customer.owner()));
				return execute(owner, CREATE_CUSTOMER, customer.input(), "createCustomer")
					.map(created -> new Created(owner, (String) ((Map<?, ?>) created.get("customer")).get("id")));
			})
			.collectList()
			.flatMap(customers -> dealsAndActivities(customers).then(ordersAndLicenses(customers))
				.then(DemoContracts.seed(this::execute, this.contractDocuments, customers.get(0).owner(),
						customers.get(0).customerId()))
				.then(DemoBilling.seed(this::execute, actorOf(DemoPeople.USERS.get(0)),
						actorOf(users.get("accountant")), customers.get(0).owner(), customers.get(0).customerId(),
						customers.get(1).owner(), customers.get(1).customerId()))
				.then(DemoPartnerAccounts.seed(this::execute, actorOf(users.get("channel")),
						actorOf(users.get("accountant"))))
				.then(DemoAgreements.seed(this::execute, actorOf(users.get("channel")), customers.stream()
					.filter(customer -> customer.owner().partnerId() != null)
					.map(customer -> new DemoAgreements.PartnerCustomer(customer.owner(), customer.customerId()))
					.toList()))
				.then(DemoRegistrations.seed(this::execute, actorOf(DemoPeople.USERS.get(0)),
						actorOf(users.get("partner")), actorOf(users.get("partner2")), actorOf(users.get("channel"))))
				.thenReturn((long) customers.size()));
	}

	private record Created(Actor owner, String customerId) {
	}

	/**
	 * A deal per direct customer, spread over the funnel (some won, some lost), and
	 * follow-ups for the reps: overdue, due today and upcoming, so that every screen has
	 * something to show.
	 */
	private Mono<Void> dealsAndActivities(List<Created> customers) {
		Actor admin = actorOf(DemoPeople.USERS.get(0));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return execute(admin, PIPELINE, Map.of(), null).flatMap(config -> {
			List<?> stages = (List<?>) ((Map<?, ?>) ((List<?>) config.get("pipelines")).get(0)).get("stages");
			List<?> reasons = (List<?>) config.get("lostReasons");
			return Flux.range(0, customers.size()).concatMap(i -> {
				Created customer = customers.get(i);
				Map<String, Object> deal = new LinkedHashMap<>();
				deal.put("customerId", customer.customerId());
				deal.put("name", "Licences and implementation " + (2026 + i % 2));
				deal.put("stageId", ((Map<?, ?>) stages.get(i % stages.size())).get("id"));
				deal.put("amount", Map.of("amount", String.valueOf(4800 + (i * 1375) % 42000), "currency",
						CURRENCIES[i % CURRENCIES.length]));
				deal.put("expectedCloseDate", today.plusDays(7L + (i * 11) % 150).toString());
				return execute(customer.owner(), CREATE_DEAL, deal, "createOpportunity").flatMap(created -> {
					Map<?, ?> opportunity = (Map<?, ?>) created.get("opportunity");
					if (i % 6 != 5) {
						return Mono.<Void>empty();
					}
					return execute(customer.owner(), LOSE_DEAL,
							Map.of("id", opportunity.get("id"), "expectedVersion", opportunity.get("version"),
									"lostReasonId", ((Map<?, ?>) reasons.get(i % reasons.size())).get("id")),
							"markOpportunityLost")
						.then();
				}).then(i % 3 != 0 ? Mono.<Void>empty() : followUp(customer, i));
			}).then();
		});
	}

	/**
	 * A small catalogue, and for the first customers the whole chain: an order, its
	 * shipment (one only partly shipped), licenses on a protection key, an invoice. One
	 * subscription started eleven months ago, so the renewals list has something due.
	 */
	private Mono<Void> ordersAndLicenses(List<Created> customers) {
		Actor admin = actorOf(DemoPeople.USERS.get(0));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return Flux.fromIterable(DemoCatalogue.PRODUCTS)
			.concatMap(product -> execute(admin, DemoCatalogue.CREATE_PRODUCT, product, "createProduct"))
			.map(created -> (String) ((Map<?, ?>) created.get("product")).get("id"))
			.collectList()
			.flatMapMany(productIds -> Flux.range(0, Math.min(6, customers.size())).concatMap(i -> {
				Created customer = customers.get(i);
				List<Map<String, Object>> lines = DemoCatalogue.orderLines(productIds, i);
				Map<String, Object> order = Map.of("customerId", customer.customerId(), "currency", "EUR", "lines",
						lines);
				return execute(customer.owner(), DemoCatalogue.CREATE_ORDER, order, "createOrder")
					.map(created -> (Map<?, ?>) created.get("order"))
					.flatMap(created -> execute(customer.owner(), DemoCatalogue.SHIP,
							DemoCatalogue.shipment(created, i == 1), "createShipment"))
					.map(shipped -> (String) ((Map<?, ?>) shipped.get("shipment")).get("id"))
					.flatMap(
							shipmentId -> key(customer, i)
								.flatMap(
										keyId -> execute(customer.owner(), DemoCatalogue.ISSUE,
												DemoCatalogue.issue(shipmentId, keyId,
														i == 2 ? today.minusMonths(11) : today),
												"issueLicenses"))
								.then(i % 2 == 0
										? execute(customer.owner(), DemoCatalogue.INVOICE,
												Map.of("shipmentIds", List.of(shipmentId)), "createInvoice")
										: Mono.empty()))
					.then();
			}))
			.then();
	}

	/** A hardware key for every other demo customer; empty (no key) otherwise. */
	private Mono<String> key(Created customer, int i) {
		if (i % 2 == 1) {
			return Mono.just("");
		}
		Map<String, Object> input = Map.of("customerId", customer.customerId(), "keyNumber", "HK-" + (100201 + i * 17),
				"name", "Server dongle", "kind", "HARDWARE");
		return execute(customer.owner(), DemoCatalogue.CREATE_KEY, input, "createProtectionKey")
			.map(created -> (String) ((Map<?, ?>) created.get("key")).get("id"))
			.defaultIfEmpty("");
	}

	private Mono<Void> followUp(Created customer, int i) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		OffsetDateTime due = switch (i % 4) {
			case 0 -> now.minusDays(2);
			case 1 -> now.plusHours(1);
			default -> now.plusDays(3);
		};
		Map<String, Object> input = Map.of("customerId", customer.customerId(), "kind", i % 2 == 0 ? "CALL" : "EMAIL",
				"subject", i % 2 == 0 ? "Call about the offer" : "Send the price list", "occurredAt",
				now.minusDays(5).toString(), "reminder", Map.of("dueAt", due.toString()));
		return execute(customer.owner(), LOG_ACTIVITY, input, "logActivity").then();
	}

	/**
	 * Runs a GraphQL document as the actor. For a mutation ({@code payload} set), the
	 * payload when it has no user errors, else empty (logged); for a query, its data.
	 */
	private Mono<Map<?, ?>> execute(Actor actor, String document, Map<String, Object> input, String payload) {
		var request = new DefaultExecutionGraphQlRequest(document, null,
				payload == null ? Map.of() : Map.of("input", input), null, "demo-" + UUID.randomUUID(), Locale.ENGLISH);
		var authentication = UsernamePasswordAuthenticationToken.authenticated(actor, null,
				actor.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
		// not a web request, so no interceptor puts the actor where the controllers take
		// it from
		request.configureExecutionInput(
				(executionInput, builder) -> builder.graphQLContext(Map.of(Actor.CONTEXT_KEY, actor)).build());
		return this.graphQl.execute(request)
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication))
			.flatMap(response -> {
				Map<?, ?> data = response.getData();
				Map<?, ?> result = payload == null ? data : data == null ? null : (Map<?, ?>) data.get(payload);
				Object userErrors = result == null ? null : result.get("userErrors");
				boolean ok = response.getErrors().isEmpty() && result != null
						&& (payload == null || userErrors instanceof List<?> list && list.isEmpty());
				if (!ok) {
					log.warn("Demo data: {} failed: {} {}", payload, response.getErrors(), userErrors);
					return Mono.empty();
				}
				return Mono.just(result);
			});
	}

	private static Actor actorOf(DemoUser user) {
		Set<Role> roles = user.roles()
			.stream()
			.map(role -> Role.valueOf(role.toUpperCase(Locale.ROOT)))
			.collect(Collectors.toSet());
		return new Actor(user.username(), user.name(), roles, user.partnerId(), SCOPES);
	}

}
