package com.dealerdesk.directory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.partner.PartnerStatus;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.AccountCheck;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's portal users: invited by the vendor's channel managers and admins, or by
 * the partner's own users (for their partner and its sub-dealers), made in the identity
 * provider through {@link PartnerUserProvisioning}, INVITED until they first sign in, and
 * DISABLED when their access ends. Their sign-in name, and so their token subject and
 * user id, is their e-mail address in lower case; one portal user per address, held by a
 * unique index however many invitations arrive at once.
 *
 * <p>
 * As the {@link AccountCheck}, it refuses the tokens of disabled users and of the users
 * and integrations of a suspended or terminated partner. The answer is cached per caller
 * for {@code dealerdesk.security.account-check-ttl} (30 seconds): a disabled user is
 * refused at once on this instance, on others within that time.
 */
@Service
class PortalUsers implements AccountCheck {

	private static final int MAX_CACHED = 10_000;

	private final DatabaseClient database;

	private final PartnerDirectory partners;

	private final UserDirectory users;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	private final PartnerUserProvisioning provisioning;

	private final long ttlNanos;

	private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

	PortalUsers(DatabaseClient database, PartnerDirectory partners, UserDirectory users, InputValidator validator,
			OutboxWriter outbox, List<PartnerUserProvisioning> provisionings,
			@Value("${dealerdesk.security.account-check-ttl:30s}") Duration ttl) {
		this.database = database;
		this.partners = partners;
		this.users = users;
		this.validator = validator;
		this.outbox = outbox;
		this.provisioning = provisionings.stream()
			.filter(PartnerUserProvisioning::isAvailable)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No way to provision partner portal users"));
		this.ttlNanos = ttl.toNanos();
	}

	Mono<Map<UUID, List<PartnerUser>>> usersOf(Collection<UUID> partnerIds) {
		return this.database.sql("""
				select u.*, coalesce(u.invited_at, u.created_at) as invited_or_created
				from app_user u where u.partner_id = any($1) and not u.integration
				order by u.partner_id, u.name, u.id""")
			.bind(0, partnerIds.toArray(UUID[]::new))
			.map((row, meta) -> new PartnerUser(UserDirectory.USER.apply(row, meta),
					PartnerUserStatus.valueOf(row.get("status", String.class)),
					row.get("invited_or_created", OffsetDateTime.class), row.get("invited_by", String.class)))
			.all()
			.collectMultimap(portalUser -> portalUser.user().partnerId())
			.map(grouped -> grouped.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, entry -> List.copyOf(entry.getValue()))));
	}

	@Transactional
	public Mono<Invited> invite(Actor actor, InvitePartnerUserInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.CREATE, Subject.PARTNER_USER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID partnerId = GlobalId.uuidOf("Partner", input.partnerId(), errors, "input", "partnerId");
			Inputs.rejectIfAny(errors);
			String username = input.email().strip().toLowerCase(Locale.ROOT);
			String name = input.name().strip();
			return this.partners.lockVisible(actor, partnerId)
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(
						UserError.of(UserErrorCode.NOT_FOUND, "No such partner.", "input", "partnerId"))))
				.flatMap(partner -> requireActive(partner).then(this.users.requireRegistered(actor))
					.then(this.database.sql("""
							insert into app_user (id, name, email, partner_id, status, invited_at, invited_by)
							values ($1, $2, $3, $4, 'INVITED', now(), $5)""")
						.bind(0, username)
						.bind(1, name)
						.bind(2, username)
						.bind(3, partnerId)
						.bind(4, actor.subject())
						.then())
					.onErrorMap(
							UniqueViolation.of("app_user_partner_email_idx").or(UniqueViolation.of("app_user_pkey")),
							ex -> new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
									"Someone already signs in with " + username + ".", "input", "email")))
					.then(event(actor, partner, username, name))
					.then(this.provisioning
						.provision(new PartnerUserProvisioning.NewPartnerUser(username, name, username, partnerId))
						.map(Optional::of)
						.defaultIfEmpty(Optional.empty()))
					.flatMap(password -> usersOf(List.of(partnerId)).map(found -> new Invited(found.get(partnerId)
						.stream()
						.filter(portalUser -> portalUser.user().id().equals(username))
						.findFirst()
						.orElseThrow(), password.orElse(null)))));
		});
	}

	@Transactional
	public Mono<PartnerUser> disable(Actor actor, DisablePartnerUserInput input) {
		return Mono.defer(() -> {
			AccessPolicy.require(actor, Action.UPDATE, Subject.PARTNER_USER);
			List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
			UUID partnerId = GlobalId.uuidOf("Partner", input.partnerId(), errors, "input", "partnerId");
			GlobalId userId = GlobalId.parse(input.userId());
			if (userId == null || !"User".equals(userId.type())) {
				errors.add(UserError.of(UserErrorCode.INVALID_FORMAT, "Not a user id.", "input", "userId"));
			}
			else if (userId.localId().equals(actor.subject())) {
				errors
					.add(UserError.of(UserErrorCode.INVALID_VALUE, "You cannot disable yourself.", "input", "userId"));
			}
			Inputs.rejectIfAny(errors);
			String username = userId.localId();
			return this.partners.visible(actor, partnerId)
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(
						UserError.of(UserErrorCode.NOT_FOUND, "No such partner.", "input", "partnerId"))))
				.then(this.database
					.sql("update app_user set status = 'DISABLED' where id = $1 and partner_id = $2"
							+ " and not integration returning id")
					.bind(0, username)
					.bind(1, partnerId)
					.map(row -> row.get("id", String.class))
					.one())
				.switchIfEmpty(Mono.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND,
						"The partner has no such portal user.", "input", "userId"))))
				.flatMap(disabled -> this.provisioning.disable(disabled))
				.then(Mono.fromRunnable(() -> forget(username)))
				.then(usersOf(List.of(partnerId)))
				.map(found -> found.get(partnerId)
					.stream()
					.filter(portalUser -> portalUser.user().id().equals(username))
					.findFirst()
					.orElseThrow());
		});
	}

	@Override
	public Mono<Boolean> allows(Actor actor) {
		if (actor.partnerId() == null) {
			return Mono.just(true);
		}
		String key = actor.subject() + "\n" + actor.partnerId();
		Verdict cached = this.verdicts.get(key);
		long now = System.nanoTime();
		if (cached != null && now - cached.at() < this.ttlNanos) {
			return Mono.just(cached.allowed());
		}
		Mono<Boolean> partnerAllowed = this.partners.byId(actor.partnerId())
			.map(partner -> partner.status() != PartnerStatus.SUSPENDED && partner.status() != PartnerStatus.TERMINATED)
			.defaultIfEmpty(true);
		Mono<Boolean> userAllowed = !actor.isUser() ? Mono.just(true) : this.database
			.sql("""
					with first_sign_in as (
					    update app_user set status = 'ACTIVE' where id = $1 and status = 'INVITED' returning status)
					select coalesce((select status from first_sign_in), (select status from app_user where id = $1)) as status""")
			.bind(0, actor.subject())
			.map(row -> Optional.ofNullable(row.get("status", String.class)))
			.one()
			.map(status -> !status.map("DISABLED"::equals).orElse(false));
		return partnerAllowed.zipWith(userAllowed, Boolean::logicalAnd).doOnNext(allowed -> {
			if (this.verdicts.size() > MAX_CACHED) {
				this.verdicts.clear();
			}
			this.verdicts.put(key, new Verdict(allowed, now));
		});
	}

	/** Drops what is cached about a user, so a change to them applies at once here. */
	private void forget(String username) {
		this.verdicts.keySet().removeIf(key -> key.startsWith(username + "\n"));
	}

	private Mono<Void> event(Actor actor, Partner partner, String username, String name) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("partnerId", GlobalId.of("Partner", partner.id()));
		payload.put("userId", GlobalId.of("User", username));
		payload.put("name", name);
		payload.put("email", username);
		return this.outbox
			.append(actor, EventType.PARTNER_USER_INVITED, "Partner", partner.id(), partner.version(),
					EventOwner.partner(partner.id()), payload)
			.then();
	}

	private static Mono<Void> requireActive(Partner partner) {
		if (partner.status() == PartnerStatus.ACTIVE) {
			return Mono.empty();
		}
		return Mono.error(
				new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
						partner.name() + " is " + partner.status()
								+ ": only an ACTIVE partner's people are invited to the portal.",
						"input", "partnerId")));
	}

	record InvitePartnerUserInput(String partnerId, @NotBlank @Size(max = 200) String name,
			@NotBlank @Email @Size(max = 320) String email) {

	}

	record DisablePartnerUserInput(String partnerId, String userId) {

	}

	record Invited(PartnerUser partnerUser, String initialPassword) {

	}

	private record Verdict(boolean allowed, long at) {

	}

}
