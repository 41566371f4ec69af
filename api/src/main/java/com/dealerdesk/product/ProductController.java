package com.dealerdesk.product;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.money.Money;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.product.Product.ProductKind;
import com.dealerdesk.product.ProductInputs.CreateProductInput;
import com.dealerdesk.product.ProductInputs.ProductPayload;
import com.dealerdesk.product.ProductInputs.ProductStateInput;
import com.dealerdesk.product.ProductInputs.UpdateProductInput;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProductController {

	private final ProductService service;

	ProductController(ProductService service) {
		this.service = service;
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
		return Payloads.of(this.service.create(actor, input), ProductPayload::new);
	}

	@MutationMapping
	Mono<ProductPayload> updateProduct(@Argument UpdateProductInput input, @ContextValue Actor actor) {
		return Payloads.of(this.service.update(actor, input), ProductPayload::new);
	}

	@MutationMapping
	Mono<ProductPayload> retireProduct(@Argument ProductStateInput input, @ContextValue Actor actor) {
		return Payloads.of(this.service.setActive(actor, input, false), ProductPayload::new);
	}

	@MutationMapping
	Mono<ProductPayload> reactivateProduct(@Argument ProductStateInput input, @ContextValue Actor actor) {
		return Payloads.of(this.service.setActive(actor, input, true), ProductPayload::new);
	}

	@SchemaMapping(typeName = "Product")
	String id(Product product) {
		return GlobalId.of("Product", product.id());
	}

	@SchemaMapping(typeName = "Product")
	Money price(Product product, @Argument String currency, @Argument String editionCode, @Argument String tier) {
		return product.priceFor(currency.strip().toUpperCase(Locale.ROOT), editionCode, tier).orElse(null);
	}

}
