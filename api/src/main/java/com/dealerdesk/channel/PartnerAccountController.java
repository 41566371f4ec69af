package com.dealerdesk.channel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.dealerdesk.channel.PartnerAccountInputs.AdjustPartnerAccountInput;
import com.dealerdesk.channel.PartnerAccountInputs.CreditPartnerRebateInput;
import com.dealerdesk.channel.PartnerAccountInputs.OpenPartnerAccountInput;
import com.dealerdesk.channel.PartnerAccountInputs.PartnerAccountEntryPayload;
import com.dealerdesk.channel.PartnerAccountInputs.PartnerAccountPayload;
import com.dealerdesk.channel.PartnerAccountInputs.RecordPartnerPaymentInput;
import com.dealerdesk.channel.PartnerAccountInputs.UpdatePartnerAccountInput;
import com.dealerdesk.directory.User;
import com.dealerdesk.directory.UserDirectory;
import com.dealerdesk.order.Order;
import com.dealerdesk.order.OrderService;
import com.dealerdesk.partner.Partner;
import com.dealerdesk.partner.PartnerDirectory;
import com.dealerdesk.platform.error.Payloads;
import com.dealerdesk.platform.graphql.Batches;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.Actor;
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
class PartnerAccountController {

	private static final String ENTRIES = "channel.accountEntryPages";

	private final PartnerAccountService service;

	private final PartnerAgreementRepository agreements;

	private final PartnerDirectory partners;

	private final OrderService orders;

	private final UserDirectory users;

	PartnerAccountController(PartnerAccountService service, PartnerAgreementRepository agreements,
			PartnerDirectory partners, OrderService orders, UserDirectory users, BatchLoaderRegistry loaders) {
		this.service = service;
		this.agreements = agreements;
		this.partners = partners;
		this.orders = orders;
		this.users = users;
		ChildPages.<Void, PartnerAccountEntry>register(loaders, ENTRIES,
				(actor, ids, page, none) -> service.entryPages(ids, page), PartnerAccountRepository::cursor);
	}

	@QueryMapping
	Mono<Connection<PartnerAccount>> partnerAccounts(@Argument String partnerId, @Argument Integer first,
			@Argument String after, @ContextValue Actor actor) {
		return this.service.page(actor, partnerId, first, after);
	}

	@MutationMapping
	Mono<PartnerAccountPayload> openPartnerAccount(@Argument OpenPartnerAccountInput input, @ContextValue Actor actor) {
		return Payloads.of(() -> this.service.open(actor, input), PartnerAccountPayload::new);
	}

	@MutationMapping
	Mono<PartnerAccountPayload> updatePartnerAccount(@Argument UpdatePartnerAccountInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.service.update(actor, input), PartnerAccountPayload::new);
	}

	@MutationMapping
	Mono<PartnerAccountEntryPayload> recordPartnerPayment(@Argument RecordPartnerPaymentInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.service.recordPayment(actor, input), PartnerAccountEntryPayload::new);
	}

	@MutationMapping
	Mono<PartnerAccountEntryPayload> adjustPartnerAccount(@Argument AdjustPartnerAccountInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.service.adjust(actor, input), PartnerAccountEntryPayload::new);
	}

	@MutationMapping
	Mono<PartnerAccountEntryPayload> creditPartnerRebate(@Argument CreditPartnerRebateInput input,
			@ContextValue Actor actor) {
		return Payloads.of(() -> this.service.creditRebate(actor, input), PartnerAccountEntryPayload::new);
	}

	/** By currency; a partner's callers see their own and their sub-dealers'. */
	@BatchMapping(typeName = "Partner")
	Mono<Map<Partner, List<PartnerAccount>>> accounts(List<Partner> partners, @ContextValue Actor actor) {
		return this.service.ofPartners(actor, partners.stream().map(Partner::id).distinct().toList())
			.map(found -> Batches.listsByKey(partners, Partner::id, found));
	}

	// ---- PartnerAccount

	@SchemaMapping(typeName = "PartnerAccount")
	String id(PartnerAccount account) {
		return GlobalId.of(PartnerAccountService.TYPE, account.id());
	}

	@BatchMapping(typeName = "PartnerAccount")
	Mono<Map<PartnerAccount, Partner>> partner(List<PartnerAccount> accounts) {
		return Batches.load(accounts, PartnerAccount::partnerId, this.partners::byIds);
	}

	/** The account's page of entries, read with every other account's of the response. */
	@SchemaMapping(typeName = "PartnerAccount")
	CompletableFuture<Connection<PartnerAccountEntry>> entries(PartnerAccount account, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		return ChildPages.load(environment, ENTRIES, account.id(), first, after,
				PartnerAccountRepository.NEWEST_ENTRIES, null);
	}

	@SchemaMapping(typeName = "PartnerAccount")
	Mono<PartnerAccountStatement> statement(PartnerAccount account, @Argument LocalDate from, @Argument LocalDate to) {
		return this.service.statement(account, from, to);
	}

	// ---- PartnerAccountEntry

	@SchemaMapping(typeName = "PartnerAccountEntry")
	String id(PartnerAccountEntry entry) {
		return GlobalId.of(PartnerAccountService.ENTRY_TYPE, entry.id());
	}

	@BatchMapping(typeName = "PartnerAccountEntry")
	Mono<Map<PartnerAccountEntry, PartnerAccount>> account(List<PartnerAccountEntry> entries,
			@ContextValue Actor actor) {
		return Batches.load(entries, PartnerAccountEntry::accountId, ids -> this.service.byIds(actor, ids));
	}

	@BatchMapping(typeName = "PartnerAccountEntry")
	Mono<Map<PartnerAccountEntry, Order>> order(List<PartnerAccountEntry> entries, @ContextValue Actor actor) {
		return Batches.load(entries, PartnerAccountEntry::orderId, ids -> this.orders.orders(actor, ids));
	}

	@BatchMapping(typeName = "PartnerAccountEntry")
	Mono<Map<PartnerAccountEntry, PartnerAgreement>> agreement(List<PartnerAccountEntry> entries,
			@ContextValue Actor actor) {
		return Batches.load(entries, PartnerAccountEntry::agreementId,
				ids -> ids.isEmpty() ? Mono.just(Map.of()) : this.agreements.byIds(actor, ids));
	}

	@BatchMapping(typeName = "PartnerAccountEntry")
	Mono<Map<PartnerAccountEntry, User>> createdBy(List<PartnerAccountEntry> entries, @ContextValue Actor actor) {
		return Batches.load(entries, PartnerAccountEntry::createdBy, ids -> this.users.byIds(actor, ids));
	}

}
