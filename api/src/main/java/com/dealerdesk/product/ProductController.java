package com.dealerdesk.product;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.dealerdesk.partner.PartnerTier;
import com.dealerdesk.partner.PartnerTiers;

import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product.Price;
import com.dealerdesk.product.Product.ProductKind;
import com.dealerdesk.product.ProductInputs.CreateProductInput;
import com.dealerdesk.product.ProductInputs.ProductPayload;
import com.dealerdesk.product.ProductInputs.ProductStateInput;
import com.dealerdesk.product.ProductInputs.UpdateProductInput;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class ProductController {

	private final ProductService service;

	ProductController(ProductService service, PartnerTiers tiers, BatchLoaderRegistry loaders) {
		this.service = service;
		// the caller's tier, looked up once per request however many products it lists
		loaders.forTypePair(UUID.class, PartnerTier.class)
			.registerMappedBatchLoader((partnerIds, environment) -> tiers.ofPartners(partnerIds));
	}

	@QueryMapping
	Mono<Product> product(@Argument String id) {
		UUID uuid = GlobalId.requireUuidOf("Product", id);
		return uuid == null ? Mono.empty() : this.service.byIds(Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@QueryMapping
	Mono<Connection<Product>> products(@Argument String search, @Argument ProductKind kind,
			@Argument Boolean includeRetired, @Argument Integer first, @Argument String after) {
		return this.service.products(search, kind, includeRetired, first, after);
	}

	@MutationMapping
	Mono<ProductPayload> createProduct(@Argument CreateProductInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.create(actor, input), ProductPayload::new);
	}

	@MutationMapping
	Mono<ProductPayload> updateProduct(@Argument UpdateProductInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.update(actor, input), ProductPayload::new);
	}

	@MutationMapping
	Mono<ProductPayload> retireProduct(@Argument ProductStateInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.setActive(actor, input, false), ProductPayload::new);
	}

	@MutationMapping
	Mono<ProductPayload> reactivateProduct(@Argument ProductStateInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.setActive(actor, input, true), ProductPayload::new);
	}

	@SchemaMapping(typeName = "Product")
	String id(Product product) {
		return GlobalId.of("Product", product.id());
	}

	/**
	 * A partner's callers see the list prices and their own tier's, never other tiers'.
	 */
	@SchemaMapping(typeName = "Product")
	CompletableFuture<List<Price>> prices(Product product, @ContextValue Actor actor,
			DataLoader<UUID, PartnerTier> tiers) {
		return ownTierCode(actor, tiers).thenApply(own -> !actor.isPartner() ? product.prices()
				: product.prices()
					.stream()
					.filter(price -> price.tier() == null || price.tier().equals(own.orElse(null)))
					.toList());
	}

	@SchemaMapping(typeName = "Product")
	CompletableFuture<Money> price(Product product, @Argument String currency, @Argument String editionCode,
			@Argument String tier, @ContextValue Actor actor, DataLoader<UUID, PartnerTier> tiers) {
		String code = currency.strip().toUpperCase(Locale.ROOT);
		return ownTierCode(actor, tiers).thenApply(own -> {
			if (actor.isPartner() && tier != null && !tier.equals(own.orElse(null))) {
				return null; // another tier's price is not the partner's to see
			}
			return product.priceFor(code, editionCode, tier).orElse(null);
		});
	}

	private static CompletableFuture<Optional<String>> ownTierCode(Actor actor, DataLoader<UUID, PartnerTier> tiers) {
		if (actor.partnerId() == null) {
			return CompletableFuture.completedFuture(Optional.empty());
		}
		return tiers.load(actor.partnerId()).thenApply(tier -> Optional.ofNullable(tier).map(PartnerTier::code));
	}

}
