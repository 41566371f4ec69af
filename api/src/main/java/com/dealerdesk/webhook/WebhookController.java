package com.dealerdesk.webhook;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.webhook.WebhookInputs.CreateWebhookEndpointInput;
import com.dealerdesk.webhook.WebhookInputs.DeleteWebhookEndpointPayload;
import com.dealerdesk.webhook.WebhookInputs.ReplayWebhookEndpointInput;
import com.dealerdesk.webhook.WebhookInputs.RotateWebhookSecretInput;
import com.dealerdesk.webhook.WebhookInputs.TestWebhookEndpointInput;
import com.dealerdesk.webhook.WebhookInputs.UpdateWebhookEndpointInput;
import com.dealerdesk.webhook.WebhookInputs.WebhookEndpointPayload;
import com.dealerdesk.webhook.WebhookInputs.WebhookEndpointVersionInput;
import com.dealerdesk.webhook.WebhookInputs.WebhookSecretPayload;
import com.dealerdesk.webhook.WebhookInputs.WebhookTestPayload;
import com.dealerdesk.webhook.WebhookInputs.WithSecret;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

@Controller
class WebhookController {

	private static final String DELIVERIES = "webhook.deliveryPages";

	private final WebhookService service;

	private final PartnerDirectory partners;

	WebhookController(WebhookService service, PartnerDirectory partners, BatchLoaderRegistry loaders) {
		this.service = service;
		this.partners = partners;
		ChildPages.<Void, WebhookDelivery>register(loaders, DELIVERIES,
				(actor, ids, page, none) -> service.deliveries(ids, page), WebhookRepository::deliveryCursor);
	}

	@QueryMapping
	Mono<PageRequest.Connection<WebhookEndpoint>> webhookEndpoints(@Argument Integer first, @Argument String after,
			@ContextValue Actor actor) {
		return this.service.endpoints(actor, first, after);
	}

	@MutationMapping
	Mono<WebhookSecretPayload> createWebhookEndpoint(@Argument CreateWebhookEndpointInput input,
			@ContextValue Actor actor) {
		return withSecret(this.service.create(actor, input));
	}

	@MutationMapping
	Mono<WebhookEndpointPayload> updateWebhookEndpoint(@Argument UpdateWebhookEndpointInput input,
			@ContextValue Actor actor) {
		return payload(() -> this.service.update(actor, input));
	}

	@MutationMapping
	Mono<WebhookSecretPayload> rotateWebhookSecret(@Argument RotateWebhookSecretInput input,
			@ContextValue Actor actor) {
		return withSecret(this.service.rotateSecret(actor, input));
	}

	@MutationMapping
	Mono<WebhookEndpointPayload> enableWebhookEndpoint(@Argument WebhookEndpointVersionInput input,
			@ContextValue Actor actor) {
		return payload(() -> this.service.enable(actor, input));
	}

	@MutationMapping
	Mono<WebhookEndpointPayload> disableWebhookEndpoint(@Argument WebhookEndpointVersionInput input,
			@ContextValue Actor actor) {
		return payload(() -> this.service.disable(actor, input));
	}

	@MutationMapping
	Mono<DeleteWebhookEndpointPayload> deleteWebhookEndpoint(@Argument WebhookEndpointVersionInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.service.delete(actor, input), DeleteWebhookEndpointPayload::new);
	}

	@MutationMapping
	Mono<WebhookEndpointPayload> replayWebhookEndpoint(@Argument ReplayWebhookEndpointInput input,
			@ContextValue Actor actor) {
		return payload(() -> this.service.replay(actor, input));
	}

	@MutationMapping
	Mono<WebhookTestPayload> testWebhookEndpoint(@Argument TestWebhookEndpointInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.test(actor, input.id()), WebhookTestPayload::new);
	}

	@SchemaMapping(typeName = "WebhookEndpoint")
	String id(WebhookEndpoint endpoint) {
		return GlobalId.of(WebhookService.TYPE, endpoint.id());
	}

	@BatchMapping(typeName = "WebhookEndpoint")
	Mono<Map<WebhookEndpoint, Partner>> partner(Collection<WebhookEndpoint> endpoints) {
		return this.partners
			.byIds(endpoints.stream().map(WebhookEndpoint::partnerId).filter(Objects::nonNull).distinct().toList())
			.map(found -> endpoints.stream()
				.filter(endpoint -> endpoint.partnerId() != null && found.containsKey(endpoint.partnerId()))
				.collect(Collectors.toMap(Function.identity(), endpoint -> found.get(endpoint.partnerId()),
						(a, b) -> a)));
	}

	/**
	 * The endpoint's page of deliveries, read with every other endpoint's of the
	 * response.
	 */
	@SchemaMapping(typeName = "WebhookEndpoint")
	CompletableFuture<PageRequest.Connection<WebhookDelivery>> deliveries(WebhookEndpoint endpoint,
			@Argument Integer first, @Argument String after, DataFetchingEnvironment environment) {
		return ChildPages.load(environment, DELIVERIES, endpoint.id(), first, after, WebhookRepository.DELIVERY_ORDER,
				null);
	}

	@SchemaMapping(typeName = "WebhookDelivery")
	String id(WebhookDelivery delivery) {
		return GlobalId.of("WebhookDelivery", delivery.id());
	}

	private static Mono<WebhookEndpointPayload> payload(Supplier<Mono<WebhookEndpoint>> change) {
		return Payloads.of(change, WebhookEndpointPayload::new);
	}

	private static Mono<WebhookSecretPayload> withSecret(Mono<WithSecret> change) {
		return Payloads.of(() -> change,
				(created, errors) -> created == null ? new WebhookSecretPayload(null, null, errors)
						: new WebhookSecretPayload(created.endpoint(), created.secret(), errors));
	}

}
