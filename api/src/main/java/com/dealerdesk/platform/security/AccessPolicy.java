package com.dealerdesk.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Who may do what: the one table of rules that every mutation asks, through
 * {@link #require}, and that {@code viewer.permissions} shows the web app, so both read
 * the same answer. It rules on kinds of objects; which rows an actor reaches is
 * {@link DataScope}'s part, and rules about one object (only a deal's owner hands it
 * over) stay with that object's service.
 *
 * <p>
 * Each role grants its permissions, some only under a condition; an actor holds the union
 * over their roles:
 * <ul>
 * <li>sales data (customers, contacts, activities, mail, deals, quotes, the order chain,
 * issuing and binding licenses, protection keys): admins, sales managers, sales reps,
 * partner users, and integrations with the {@code dealerdesk.write} scope;</li>
 * <li>contracts, their project plans and payment plans: those too;</li>
 * <li>invoices, contracts and payment plans: accountants as well (who otherwise only
 * read), and payments received: accountants, admins and the vendor's integrations with
 * write access, never a partner; payments and adjustments on partners' accounts:
 * accountants as well;</li>
 * <li>project plans (stages, works, tasks, acceptance) and a contract's own fields:
 * project managers, who otherwise only read;</li>
 * <li>the vendor's decisions, never a partner's: a license's terms (admins, sales
 * managers, integrations with write access), campaigns (admins, sales managers),
 * pipelines, lost reasons and the catalogue (admins);</li>
 * <li>webhook endpoints: admins (every endpoint) and partner users (their partner's; the
 * webhook feature scopes the rows);</li>
 * <li>the channel (partners, tiers, agreements, partner accounts, portal users, deciding
 * deal registrations): channel managers and admins of the vendor; partner users create
 * sub-dealers and invite portal users for their own partner (the partner feature scopes
 * the rows), and submit and withdraw deal registrations, which nobody of the vendor
 * does;</li>
 * <li>the audit trail: read by admins of the vendor only.</li>
 * </ul>
 */
public final class AccessPolicy {

	/**
	 * The OAuth2 scope every caller needs to read (queries, subscriptions): the token's
	 * scope configured as {@code dealerdesk.security.tokens.read-scope} becomes this one.
	 */
	public static final String READ_SCOPE = "dealerdesk.read";

	/**
	 * The OAuth2 scope every caller needs to change anything (mutations), checked before
	 * any mutation runs ({@code ScopeCheck}); here it also keeps a read-only
	 * integration's {@code viewer.permissions} honest.
	 */
	public static final String WRITE_SCOPE = "dealerdesk.write";

	private static final Set<Permission> SALES_DATA = union(
			all(Subject.CUSTOMER, Subject.CONTACT, Subject.ACTIVITY, Subject.MAIL_MESSAGE, Subject.OPPORTUNITY,
					Subject.QUOTE, Subject.ORDER, Subject.SHIPMENT, Subject.INVOICE, Subject.PROTECTION_KEY,
					Subject.CONTRACT, Subject.PROJECT_PLAN, Subject.PAYMENT_PLAN),
			Set.of(new Permission(Action.CREATE, Subject.LICENSE), new Permission(Action.UPDATE, Subject.LICENSE)));

	private static final Set<Permission> ACCOUNTING = union(
			all(Subject.INVOICE, Subject.CONTRACT, Subject.PAYMENT_PLAN, Subject.PAYMENT),
			Set.of(new Permission(Action.UPDATE, Subject.PARTNER_ACCOUNT)));

	private static final Set<Permission> PAYMENTS = all(Subject.PAYMENT);

	private static final Set<Permission> PROJECT_PLANNING = union(all(Subject.PROJECT_PLAN),
			Set.of(new Permission(Action.UPDATE, Subject.CONTRACT)));

	private static final Set<Permission> LICENSE_TERMS = Set.of(new Permission(Action.CHANGE_TERMS, Subject.LICENSE));

	private static final Set<Permission> CAMPAIGNS = all(Subject.CAMPAIGN);

	private static final Set<Permission> SALES_SETTINGS = all(Subject.PIPELINE, Subject.LOST_REASON);

	private static final Set<Permission> CATALOGUE = all(Subject.PRODUCT);

	private static final Set<Permission> WEBHOOKS = all(Subject.WEBHOOK_ENDPOINT);

	private static final Set<Permission> AUDIT = all(Subject.AUDIT);

	private static final Set<Permission> CHANNEL = union(all(Subject.PARTNER, Subject.PARTNER_TIER,
			Subject.PARTNER_AGREEMENT, Subject.PARTNER_USER, Subject.PARTNER_ACCOUNT),
			Set.of(new Permission(Action.APPROVE, Subject.DEAL_REGISTRATION)));

	private static final Set<Permission> PARTNER_PORTAL = Set.of(new Permission(Action.CREATE, Subject.PARTNER),
			new Permission(Action.UPDATE, Subject.PARTNER), new Permission(Action.CREATE, Subject.PARTNER_USER),
			new Permission(Action.UPDATE, Subject.PARTNER_USER),
			new Permission(Action.CREATE, Subject.DEAL_REGISTRATION),
			new Permission(Action.UPDATE, Subject.DEAL_REGISTRATION));

	private static final Predicate<Actor> ALWAYS = actor -> true;

	/** The vendor's own staff: not a partner's users or integrations. */
	private static final Predicate<Actor> VENDOR_STAFF = actor -> !actor.isPartner();

	private static final Predicate<Actor> WITH_WRITE_SCOPE = actor -> actor.scopes().contains(WRITE_SCOPE);

	private static final List<Rule> RULES = List.of(new Rule(Role.ADMIN, ALWAYS, union(SALES_DATA, WEBHOOKS)),
			new Rule(Role.ADMIN, VENDOR_STAFF,
					union(LICENSE_TERMS, CAMPAIGNS, SALES_SETTINGS, CATALOGUE, PAYMENTS, CHANNEL, AUDIT)),
			new Rule(Role.CHANNEL_MANAGER, VENDOR_STAFF, CHANNEL), new Rule(Role.SALES_MANAGER, ALWAYS, SALES_DATA),
			new Rule(Role.SALES_MANAGER, VENDOR_STAFF, union(LICENSE_TERMS, CAMPAIGNS)),
			new Rule(Role.SALES_REP, ALWAYS, SALES_DATA),
			new Rule(Role.PARTNER_USER, ALWAYS, union(SALES_DATA, WEBHOOKS, PARTNER_PORTAL)),
			new Rule(Role.ACCOUNTANT, VENDOR_STAFF, ACCOUNTING),
			new Rule(Role.PROJECT_MANAGER, VENDOR_STAFF, PROJECT_PLANNING),
			new Rule(Role.INTEGRATION, WITH_WRITE_SCOPE, SALES_DATA),
			// billing extends licenses as payments arrive
			new Rule(Role.INTEGRATION, WITH_WRITE_SCOPE.and(VENDOR_STAFF), union(LICENSE_TERMS, PAYMENTS)));

	private static final Map<Role, String> ROLE_NAMES = new EnumMap<>(Map.of(Role.ADMIN, "admins", Role.SALES_MANAGER,
			"sales managers", Role.SALES_REP, "sales reps", Role.ACCOUNTANT, "accountants", Role.PROJECT_MANAGER,
			"project managers", Role.CHANNEL_MANAGER, "channel managers", Role.PARTNER_USER, "partner users",
			Role.INTEGRATION, "integrations with the " + WRITE_SCOPE + " scope"));

	private AccessPolicy() {
	}

	/** Whether the actor may do the action on objects of that kind. */
	public static boolean allows(Actor actor, Action action, Subject subject) {
		Permission permission = new Permission(action, subject);
		return RULES.stream()
			.anyMatch(rule -> actor.has(rule.role()) && rule.grants().contains(permission) && rule.when().test(actor));
	}

	/**
	 * Fails with NOT_ALLOWED ({@link AccessDenied}), for the input as a whole, unless the
	 * actor may do the action on objects of that kind.
	 */
	public static void require(Actor actor, Action action, Subject subject) {
		if (!allows(actor, action, subject)) {
			throw new AccessDenied(new Permission(action, subject), refusal(action, subject));
		}
	}

	/** Everything the actor may do, by subject and then action, for the web app. */
	public static List<Permission> permissions(Actor actor) {
		List<Permission> permissions = new ArrayList<>();
		for (Subject subject : Subject.values()) {
			for (Action action : subject.actions()) {
				if (allows(actor, action, subject)) {
					permissions.add(new Permission(action, subject));
				}
			}
		}
		return permissions;
	}

	/** "Your role may not create customers: that is for admins, sales managers, ..." */
	private static String refusal(Action action, Subject subject) {
		Permission permission = new Permission(action, subject);
		List<String> who = RULES.stream()
			.filter(rule -> rule.grants().contains(permission))
			.map(Rule::role)
			.distinct()
			.sorted(Comparator.naturalOrder())
			.map(ROLE_NAMES::get)
			.toList();
		if (who.isEmpty()) {
			return "Nobody may " + action.verb() + " " + subject.plural() + ".";
		}
		String whoMay = who.size() == 1 ? who.get(0)
				: String.join(", ", who.subList(0, who.size() - 1)) + " and " + who.get(who.size() - 1);
		return "Your role may not " + action.verb() + " " + subject.plural() + ": that is for " + whoMay + ".";
	}

	private static Set<Permission> all(Subject... subjects) {
		return Arrays.stream(subjects)
			.flatMap(subject -> subject.actions().stream().map(action -> new Permission(action, subject)))
			.collect(Collectors.toUnmodifiableSet());
	}

	@SafeVarargs
	private static Set<Permission> union(Set<Permission>... sets) {
		return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
	}

	/** What a role grants, when the condition holds for the actor. */
	private record Rule(Role role, Predicate<Actor> when, Set<Permission> grants) {

	}

}
