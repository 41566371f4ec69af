package com.dealerdesk.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Role;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;

/**
 * The people who use DealerDesk, their teams, and whom a caller may assign or share data
 * with. Users appear here when they first change something ({@link #register}) or from an
 * administrator's import; the manager links define teams.
 */
@Service
@EnableConfigurationProperties(VendorStandIn.class)
public class UserDirectory implements NodeFetcher {

	static final BiFunction<Row, RowMetadata, User> USER = (row, meta) -> new User(row.get("id", String.class),
			row.get("name", String.class), row.get("email", String.class), row.get("manager_id", String.class),
			row.get("partner_id", UUID.class));

	private final DatabaseClient database;

	private final PartnerDirectory partners;

	private final VendorStandIn vendor;

	UserDirectory(DatabaseClient database, PartnerDirectory partners, VendorStandIn vendor) {
		this.database = database;
		this.partners = partners;
		this.vendor = vendor;
	}

	/**
	 * The users with these ids as the actor may see them, for every field that shows a
	 * person: the vendor's callers see everyone; a partner's callers see the people of
	 * their partner and its sub-dealers by name, the people of their parent partner as
	 * that organisation ({@link User#organisation}), and everyone else (the vendor's
	 * staff and integrations, and the people of other partners, whose business reaches a
	 * partner only through the vendor) as the one {@link VendorStandIn} user. Ids of no
	 * user are left out.
	 */
	public Mono<Map<String, User>> byIds(Actor actor, Collection<String> ids) {
		if (!actor.isPartner()) {
			return byIds(ids);
		}
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		Sql sql = new Sql();
		String theirs = (actor.partnerId() == null) ? "false"
				: "coalesce(partner_id in (select partner_scope(" + sql.param(actor.partnerId()) + ")), false)";
		sql.append("select *, " + theirs + " as theirs from app_user where id = any("
				+ sql.param(ids.toArray(String[]::new)) + ")");
		User standIn = this.vendor.user();
		return sql.on(this.database)
			.map((row, meta) -> new Found(USER.apply(row, meta), Boolean.TRUE.equals(row.get("theirs", Boolean.class))))
			.all()
			.collectList()
			// the parent is looked up only when someone of another partner is among them
			.flatMap(found -> (found.stream().anyMatch(Found::otherPartners) ? parentOf(actor) : Mono.<Partner>empty())
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.map(parent -> found.stream()
					.collect(Collectors.toMap(user -> user.user().id(),
							user -> user.theirs() ? user.user()
									: parent.filter(p -> p.id().equals(user.user().partnerId()))
										.map(p -> User.organisation(p.id(), p.name()))
										.orElse(standIn)))));
	}

	/** A user as stored, and whether the caller's partner sees them by name. */
	private record Found(User user, boolean theirs) {

		boolean otherPartners() {
			return !this.theirs && this.user.partnerId() != null;
		}

	}

	/** The parent partner of a sub-dealer's caller; empty for everyone else. */
	private Mono<Partner> parentOf(Actor actor) {
		if (actor.partnerId() == null) {
			return Mono.empty();
		}
		return this.partners.byId(actor.partnerId()).mapNotNull(Partner::parentId).flatMap(this.partners::byId);
	}

	/**
	 * Of these user ids, how a partner's callers see them, as the local id to show: the
	 * people (and integrations) of the partner and its sub-dealers as themselves, the
	 * people of its parent as the parent organisation ({@link User#organisation}). Every
	 * other id is left out: it stands for the vendor ({@link VendorStandIn}).
	 */
	public Mono<Map<String, String>> shownToPartner(UUID partnerId, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				select *, partner_id in (select partner_scope($2)) as theirs
				from app_user where id = any($1) and partner_id is not null""")
			.bind(0, ids.toArray(String[]::new))
			.bind(1, partnerId)
			.map((row, meta) -> new Found(USER.apply(row, meta), Boolean.TRUE.equals(row.get("theirs", Boolean.class))))
			.all()
			.collectList()
			.flatMap(found -> (found.stream().anyMatch(Found::otherPartners)
					? this.partners.byId(partnerId).mapNotNull(Partner::parentId) : Mono.<UUID>empty())
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.map(parent -> {
					Map<String, String> shown = new HashMap<>();
					for (Found user : found) {
						if (user.theirs()) {
							shown.put(user.user().id(), user.user().id());
						}
						else if (parent.isPresent() && parent.get().equals(user.user().partnerId())) {
							shown.put(user.user().id(), User.organisationId(parent.get()));
						}
					}
					return shown;
				}));
	}

	/**
	 * The users with these ids as stored, to check that they exist; fields that show
	 * people to a caller use {@link #byIds(Actor, Collection)}.
	 */
	public Mono<Map<String, User>> byIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("select * from app_user where id = any($1)")
			.bind(0, ids.toArray(String[]::new))
			.map(USER)
			.all()
			.collectMap(User::id);
	}

	/**
	 * Users the actor may share data with: colleagues on the same side of the channel
	 * (the vendor's people, or the people of the actor's partner).
	 */
	public Flux<User> colleaguesOf(Actor actor) {
		Sql sql = new Sql().append("select * from app_user where ");
		appendSameSide(sql, actor);
		return sql.append(" order by name, id").on(this.database).map(USER).all();
	}

	/** Of the given users, those the actor may make owner of a customer or deal. */
	public Mono<Set<String>> assignableOwners(Actor actor, Collection<String> userIds) {
		Sql sql = selectIdsOnSameSide(actor, userIds);
		if (actor.has(Role.ADMIN) || actor.has(Role.INTEGRATION) || actor.has(Role.PARTNER_USER)) {
			return ids(sql);
		}
		if (actor.has(Role.SALES_MANAGER)) {
			return ids(sql.append(" and id in (select team_of(" + sql.param(actor.subject()) + "))"));
		}
		return ids(sql.append(" and id = " + sql.param(actor.subject())));
	}

	/**
	 * Fails with NOT_ALLOWED at the field unless the actor may give work to the user
	 * (make them owner, or remind them): themselves, anyone in a manager's team, anyone
	 * for admins.
	 */
	public Mono<Void> requireAssignable(Actor actor, String userId, String message, String... field) {
		return assignableOwners(actor, Set.of(userId)).filter(allowed -> allowed.contains(userId))
			.switchIfEmpty(
					Mono.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED, message, field))))
			.then();
	}

	/**
	 * Fails with NOT_ALLOWED at {@code input.ownerId} unless the actor may make the user
	 * an owner.
	 */
	public Mono<Void> requireAssignableOwner(Actor actor, String userId) {
		return requireAssignable(actor, userId,
				"You may not make this user the owner: pick yourself or someone in your team.", "input", "ownerId");
	}

	/** Of the given users, those the actor may share data with. */
	public Mono<Set<String>> shareable(Actor actor, Collection<String> userIds) {
		return ids(selectIdsOnSameSide(actor, userIds));
	}

	/**
	 * Records the caller (a person or an integration) on first sight, so rows can
	 * reference them. A caller seen before costs one look-up: every write that names its
	 * author asks first.
	 * @return false when the actor cannot be registered (a partner user of an unknown
	 * partner)
	 */
	private Mono<Boolean> register(Actor actor) {
		return isRegistered(actor).flatMap(registered -> registered ? Mono.just(true) : insert(actor));
	}

	private Mono<Boolean> insert(Actor actor) {
		String name = actor.name() != null && !actor.name().isBlank() ? actor.name() : actor.subject();
		Mono<Boolean> partnerKnown = (actor.partnerId() == null) ? Mono.just(true)
				: this.partners.byId(actor.partnerId()).hasElement();
		Mono<Void> insert = this.database.sql("""
				insert into app_user (id, name, partner_id, integration) values ($1, $2, $3, $4)
				on conflict (id) do nothing""")
			.bind(0, actor.subject())
			.bind(1, name)
			.bind(2, Parameter.fromOrEmpty(actor.partnerId(), UUID.class))
			.bind(3, !actor.isUser())
			.then();
		// an unknown partner's user is not inserted (the foreign key would refuse it) and
		// stays unregistered below; asked again, a row another request inserted meanwhile
		// counts too
		return partnerKnown.flatMap(known -> known ? insert : Mono.<Void>empty()).then(isRegistered(actor));
	}

	private Mono<Boolean> isRegistered(Actor actor) {
		return this.database.sql(
				"select exists (select 1 from app_user where id = $1 and partner_id is not distinct from $2) as registered")
			.bind(0, actor.subject())
			.bind(1, Parameter.fromOrEmpty(actor.partnerId(), UUID.class))
			.map(row -> Boolean.TRUE.equals(row.get("registered", Boolean.class)))
			.one();
	}

	/** Registers the caller, or fails with NOT_ALLOWED when their partner is unknown. */
	public Mono<Void> requireRegistered(Actor actor) {
		return register(actor).filter(Boolean::booleanValue)
			.switchIfEmpty(Mono.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_ALLOWED,
					"Your account's partner is not known to DealerDesk: ask the vendor to register it."))))
			.then();
	}

	private Sql selectIdsOnSameSide(Actor actor, Collection<String> userIds) {
		Sql sql = new Sql();
		sql.append("select id from app_user where id = any(" + sql.param(userIds.toArray(String[]::new)) + ") and ");
		appendSameSide(sql, actor);
		return sql;
	}

	private Mono<Set<String>> ids(Sql sql) {
		return sql.on(this.database).map(row -> row.get("id", String.class)).all().collect(Collectors.toSet());
	}

	private static void appendSameSide(Sql sql, Actor actor) {
		sql.append("not integration and ");
		if (actor.partnerId() != null) {
			sql.append("partner_id = " + sql.param(actor.partnerId()));
		}
		else if (actor.isPartner()) {
			sql.append("false");
		}
		else {
			sql.append("partner_id is null");
		}
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("User");
	}

	/**
	 * A user by id: the vendor's people for the vendor's, and for a partner's callers the
	 * people of their partner and of its sub-dealers (as they see those partners).
	 */
	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		if (VendorStandIn.ID.equals(id.localId())) {
			return actor.isPartner() ? Mono.just(this.vendor.user()) : Mono.empty();
		}
		UUID organisation = User.organisationOf(id.localId());
		if (organisation != null) {
			// a sub-dealer's callers meet their parent as an organisation, and no other
			return parentOf(actor).filter(parent -> parent.id().equals(organisation))
				.map(parent -> User.organisation(parent.id(), parent.name()));
		}
		Sql sql = new Sql();
		sql.append("select * from app_user where id = " + sql.param(id.localId()) + " and ");
		if (actor.partnerId() != null) {
			sql.append(
					"not integration and partner_id in (select partner_scope(" + sql.param(actor.partnerId()) + "))");
		}
		else {
			appendSameSide(sql, actor);
		}
		return sql.on(this.database).map(USER).one().cast(Object.class);
	}

}
