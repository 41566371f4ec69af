package com.dealerdesk.directory;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Permission;
import com.dealerdesk.platform.security.Role;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class DirectoryController {

	private final UserDirectory users;

	private final PartnerDirectory partners;

	DirectoryController(UserDirectory users, PartnerDirectory partners) {
		this.users = users;
		this.partners = partners;
	}

	@QueryMapping
	Viewer viewer(@ContextValue Actor actor) {
		return new Viewer(actor);
	}

	@QueryMapping
	Mono<List<User>> users(@ContextValue Actor actor) {
		return this.users.colleaguesOf(actor).collectList();
	}

	@SchemaMapping(typeName = "Viewer")
	Mono<User> user(Viewer viewer) {
		if (!viewer.actor().isUser()) {
			return Mono.empty();
		}
		String subject = viewer.actor().subject();
		return this.users.byIds(viewer.actor(), Set.of(subject)).mapNotNull(found -> found.get(subject));
	}

	@SchemaMapping(typeName = "Viewer")
	String subject(Viewer viewer) {
		return viewer.actor().subject();
	}

	@SchemaMapping(typeName = "Viewer")
	List<Role> roles(Viewer viewer) {
		return viewer.actor().roles().stream().sorted().toList();
	}

	@SchemaMapping(typeName = "Viewer")
	List<String> scopes(Viewer viewer) {
		return viewer.actor().scopes().stream().sorted().toList();
	}

	@SchemaMapping(typeName = "Viewer")
	List<Permission> permissions(Viewer viewer) {
		return AccessPolicy.permissions(viewer.actor());
	}

	@SchemaMapping(typeName = "Viewer")
	Mono<Partner> partner(Viewer viewer) {
		return viewer.actor().partnerId() == null ? Mono.empty() : this.partners.byId(viewer.actor().partnerId());
	}

	@SchemaMapping(typeName = "User")
	String id(User user) {
		return GlobalId.of("User", user.id());
	}

	@BatchMapping(typeName = "User")
	Mono<Map<User, User>> manager(List<User> users, @ContextValue Actor actor) {
		return Batches.load(users, User::managerId, ids -> this.users.byIds(actor, ids));
	}

}
