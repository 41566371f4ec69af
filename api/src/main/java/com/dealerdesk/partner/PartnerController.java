package com.dealerdesk.partner;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.dealerdesk.partner.PartnerDirectory.PartnerFilter;
import com.dealerdesk.partner.PartnerInputs.AddPartnerContactInput;
import com.dealerdesk.partner.PartnerInputs.ChangePartnerStatusInput;
import com.dealerdesk.partner.PartnerInputs.CreatePartnerInput;
import com.dealerdesk.partner.PartnerInputs.CreatePartnerTierInput;
import com.dealerdesk.partner.PartnerInputs.DeleteInput;
import com.dealerdesk.partner.PartnerInputs.DeletePartnerTierPayload;
import com.dealerdesk.partner.PartnerInputs.PartnerPayload;
import com.dealerdesk.partner.PartnerInputs.PartnerTierPayload;
import com.dealerdesk.partner.PartnerInputs.RemovePartnerContactInput;
import com.dealerdesk.partner.PartnerInputs.UpdatePartnerInput;
import com.dealerdesk.partner.PartnerInputs.UpdatePartnerTierInput;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class PartnerController {

	static final String CONTACT_TYPE = "PartnerContact";

	/** An id that names no row: a filter by an id of another type finds nothing. */
	private static final UUID NO_ROW = new UUID(0, 0);

	private final PartnerDirectory directory;

	private final PartnerService service;

	private final PartnerTiers tiers;

	PartnerController(PartnerDirectory directory, PartnerService service, PartnerTiers tiers) {
		this.directory = directory;
		this.service = service;
		this.tiers = tiers;
	}

	// ---- queries

	@QueryMapping
	Mono<Partner> partner(@Argument String id, @ContextValue Actor actor) {
		UUID uuid = GlobalId.requireUuidOf(PartnerDirectory.TYPE, id);
		return uuid == null ? Mono.empty() : this.directory.visible(actor, uuid);
	}

	@QueryMapping
	Mono<PageRequest.Connection<Partner>> partners(@Argument String search, @Argument List<PartnerStatus> status,
			@Argument String tierId, @Argument String parentId, @Argument Integer first, @Argument String after,
			@ContextValue Actor actor) {
		return Mono.defer(() -> {
			PartnerFilter filter = new PartnerFilter(Inputs.clean(search), status == null ? List.of() : status,
					idOf(PartnerTiers.TYPE, tierId), idOf(PartnerDirectory.TYPE, parentId));
			return this.directory.page(actor, filter, PageRequest.of(first, after, PartnerDirectory.NAME_ORDER));
		});
	}

	@QueryMapping
	Mono<List<PartnerTier>> partnerTiers(@ContextValue Actor actor) {
		return this.tiers.tiers(actor);
	}

	// ---- mutations

	@MutationMapping
	Mono<PartnerPayload> createPartner(@Argument CreatePartnerInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.create(actor, input), PartnerPayload::new);
	}

	@MutationMapping
	Mono<PartnerPayload> updatePartner(@Argument UpdatePartnerInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.update(actor, input), PartnerPayload::new);
	}

	@MutationMapping
	Mono<PartnerPayload> changePartnerStatus(@Argument ChangePartnerStatusInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.changeStatus(actor, input), PartnerPayload::new);
	}

	@MutationMapping
	Mono<PartnerPayload> addPartnerContact(@Argument AddPartnerContactInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.addContact(actor, input), PartnerPayload::new);
	}

	@MutationMapping
	Mono<PartnerPayload> removePartnerContact(@Argument RemovePartnerContactInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.removeContact(actor, input), PartnerPayload::new);
	}

	@MutationMapping
	Mono<PartnerTierPayload> createPartnerTier(@Argument CreatePartnerTierInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.tiers.create(actor, input), PartnerTierPayload::new);
	}

	@MutationMapping
	Mono<PartnerTierPayload> updatePartnerTier(@Argument UpdatePartnerTierInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.tiers.update(actor, input), PartnerTierPayload::new);
	}

	@MutationMapping
	Mono<DeletePartnerTierPayload> deletePartnerTier(@Argument DeleteInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.tiers.delete(actor, input), DeletePartnerTierPayload::new);
	}

	// ---- fields

	@SchemaMapping(typeName = "Partner")
	String id(Partner partner) {
		return GlobalId.of(PartnerDirectory.TYPE, partner.id());
	}

	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, PartnerTier>> tier(List<Partner> partners, @ContextValue Actor actor) {
		return Batches.load(partners, Partner::tierId, ids -> this.tiers.byIds(actor, ids));
	}

	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, Partner>> parent(List<Partner> partners, @ContextValue Actor actor) {
		return Batches.load(partners, Partner::parentId, ids -> this.directory.visibleByIds(actor, ids));
	}

	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, List<Partner>>> subDealers(List<Partner> partners, @ContextValue Actor actor) {
		return this.directory.subDealersOf(actor, ids(partners))
			.map(found -> Batches.listsByKey(partners, Partner::id, found));
	}

	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, List<Territory>>> territories(List<Partner> partners) {
		return this.directory.territoriesOf(ids(partners))
			.map(found -> Batches.listsByKey(partners, Partner::id, found));
	}

	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, List<PartnerContact>>> contacts(List<Partner> partners) {
		return this.directory.contactsOf(ids(partners)).map(found -> Batches.listsByKey(partners, Partner::id, found));
	}

	@SchemaMapping(typeName = "PartnerContact")
	String id(PartnerContact contact) {
		return GlobalId.of(CONTACT_TYPE, contact.id());
	}

	@SchemaMapping(typeName = "PartnerTier")
	String id(PartnerTier tier) {
		return GlobalId.of(PartnerTiers.TYPE, tier.id());
	}

	@BatchMapping(typeName = "PartnerTier")
	Mono<Map<PartnerTier, Integer>> priceCount(List<PartnerTier> tiers) {
		Set<String> codes = tiers.stream().map(PartnerTier::code).collect(Collectors.toSet());
		return this.tiers.priceCounts(codes)
			.map(counts -> tiers.stream()
				.collect(Collectors.toMap(tier -> tier, tier -> counts.getOrDefault(tier.code(), 0), (a, b) -> a)));
	}

	private static Set<UUID> ids(List<Partner> partners) {
		return partners.stream().map(Partner::id).collect(Collectors.toCollection(HashSet::new));
	}

	private static UUID idOf(String type, String id) {
		if (id == null) {
			return null;
		}
		UUID uuid = GlobalId.requireUuidOf(type, id);
		return uuid == null ? NO_ROW : uuid;
	}

}
