package com.dealerdesk.directory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.dealerdesk.directory.PortalUsers.DisablePartnerUserInput;
import com.dealerdesk.directory.PortalUsers.InvitePartnerUserInput;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * A partner's portal users, {@code Partner.users}: the directory resolves them, as it
 * owns the users and the partner feature does not depend on it.
 */
@Controller
class PortalUserController {

	private final PortalUsers portalUsers;

	private final UserDirectory users;

	PortalUserController(PortalUsers portalUsers, UserDirectory users) {
		this.portalUsers = portalUsers;
		this.users = users;
	}

	@MutationMapping
	Mono<PartnerUserPayload> invitePartnerUser(@Argument InvitePartnerUserInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.portalUsers.invite(actor, input),
				(invited, errors) -> invited == null ? new PartnerUserPayload(null, null, errors)
						: new PartnerUserPayload(invited.partnerUser(), invited.initialPassword(), errors));
	}

	@MutationMapping
	Mono<PartnerUserPayload> disablePartnerUser(@Argument DisablePartnerUserInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.portalUsers.disable(actor, input),
				(partnerUser, errors) -> new PartnerUserPayload(partnerUser, null, errors));
	}

	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, List<PartnerUser>>> users(List<Partner> partners) {
		return this.portalUsers.usersOf(partners.stream().map(Partner::id).collect(Collectors.toSet()))
			.map(found -> Batches.listsByKey(partners, Partner::id, found));
	}

	@BatchMapping(typeName = "PartnerUser")
	Mono<Map<PartnerUser, User>> invitedBy(List<PartnerUser> partnerUsers, @ContextValue Actor actor) {
		return Batches.load(partnerUsers, PartnerUser::invitedById, ids -> this.users.byIds(actor, ids));
	}

	record PartnerUserPayload(PartnerUser partnerUser, String initialPassword, List<UserError> userErrors) {

	}

}
