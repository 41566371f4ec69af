package com.dealerdesk.license;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.dealerdesk.customer.CustomerService;
import com.dealerdesk.license.LicenseInputs.CreateProtectionKeyInput;
import com.dealerdesk.license.LicenseInputs.NewProtectionKeyInput;
import com.dealerdesk.license.LicenseInputs.ReplaceProtectionKeyInput;
import com.dealerdesk.platform.database.UniqueViolation;
import com.dealerdesk.platform.error.InputValidator;
import com.dealerdesk.platform.error.Inputs;
import com.dealerdesk.platform.error.InvalidArgumentException;
import com.dealerdesk.platform.error.UserError;
import com.dealerdesk.platform.error.UserErrorCode;
import com.dealerdesk.platform.error.UserErrorsException;
import com.dealerdesk.platform.graphql.GlobalId;
import com.dealerdesk.platform.graphql.NodeFetcher;
import com.dealerdesk.platform.outbox.EventType;
import com.dealerdesk.platform.outbox.EventOwner;
import com.dealerdesk.platform.outbox.OutboxWriter;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.pagination.PageRequest.Connection;
import com.dealerdesk.platform.security.AccessPolicy;
import com.dealerdesk.platform.security.Action;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.platform.security.Subject;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Protection keys: their cards, the licenses bound to them, and replacing a lost key by
 * moving its licenses, each move kept in the license's history.
 */
@Service
class ProtectionKeyService implements NodeFetcher {

	private final LicenseRepository repository;

	private final LicenseService licenses;

	private final CustomerService customers;

	private final InputValidator validator;

	private final OutboxWriter outbox;

	ProtectionKeyService(LicenseRepository repository, LicenseService licenses, CustomerService customers,
			InputValidator validator, OutboxWriter outbox) {
		this.outbox = outbox;
		this.repository = repository;
		this.licenses = licenses;
		this.customers = customers;
		this.validator = validator;
	}

	Mono<Map<UUID, ProtectionKey>> keys(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.repository.keys(actor, ids)
			.map(rows -> rows.stream().collect(Collectors.toMap(ProtectionKey::id, Function.identity())));
	}

	Mono<Map<UUID, List<ProtectionKey>>> ofCustomers(Actor actor, Collection<UUID> customerIds) {
		return this.repository.keysOfCustomers(actor, customerIds)
			.map(rows -> rows.stream().collect(Collectors.groupingBy(ProtectionKey::customerId)));
	}

	Mono<Connection<ProtectionKey>> page(Actor actor, String search, String customerId, Integer first, String after) {
		PageRequest page = PageRequest.of(first, after, LicenseRepository.KEY_NUMBER);
		String words = Inputs.clean(search);
		if (words != null && words.length() > 100) {
			throw new InvalidArgumentException("INVALID_SEARCH", "`search` is at most 100 characters.");
		}
		UUID customer = customerId == null ? null : GlobalId.requireUuidOf("Customer", customerId);
		if (customerId != null && customer == null) {
			return Mono.just(page.page(List.of(), ProtectionKeyService::cursor));
		}
		return this.repository.keyPage(actor, words, customer, page)
			.map(rows -> page.page(rows, ProtectionKeyService::cursor));
	}

	private static KeysetCursor cursor(ProtectionKey key) {
		return new KeysetCursor(LicenseRepository.KEY_NUMBER, key.keyNumber(), key.id());
	}

	/**
	 * The key an input names, visible and ACTIVE; empty when no id was given, a user
	 * error at the field otherwise.
	 */
	Mono<ProtectionKey> activeKey(Actor actor, String keyId, String... field) {
		if (keyId == null) {
			return Mono.empty();
		}
		List<UserError> errors = new ArrayList<>();
		UUID id = GlobalId.uuidOf("ProtectionKey", keyId, errors, field);
		Inputs.rejectIfAny(errors);
		return keys(actor, Set.of(id)).mapNotNull(found -> found.get(id))
			.switchIfEmpty(Mono
				.error(() -> new UserErrorsException(UserError.of(UserErrorCode.NOT_FOUND, "No such key.", field))))
			.flatMap(key -> key.status() == ProtectionKey.Status.ACTIVE ? Mono.just(key)
					: Mono.error(new UserErrorsException(UserError.of(UserErrorCode.CONFLICT,
							"Key " + key.keyNumber() + " was replaced: use its replacement.", field))));
	}

	@Override
	public Set<String> typeNames() {
		return Set.of("ProtectionKey");
	}

	@Override
	public Mono<Object> fetch(Actor actor, GlobalId id) {
		UUID uuid = id.asUuid();
		return uuid == null ? Mono.empty() : keys(actor, Set.of(uuid)).mapNotNull(found -> found.get(uuid));
	}

	@Override
	public Mono<Map<GlobalId, Object>> fetchAll(Actor actor, String type, Collection<GlobalId> ids) {
		return NodeFetcher.byUuid(ids, uuids -> keys(actor, uuids));
	}

	@Transactional
	public Mono<ProtectionKey> create(Actor actor, CreateProtectionKeyInput input) {
		AccessPolicy.require(actor, Action.CREATE, Subject.PROTECTION_KEY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID customerId = GlobalId.uuidOf("Customer", input.customerId(), errors, "input", "customerId");
		Inputs.rejectIfAny(errors);
		return this.customers.requireOpen(actor, customerId, "customerId")
			.flatMap(customer -> insert(customer.id(), input.keyNumber(), input.name(), input.kind(), "keyNumber")
				.flatMap(key -> event(actor, EventType.PROTECTION_KEY_CREATED, key, customer.partnerId())));
	}

	@Transactional
	public Mono<ProtectionKey> replace(Actor actor, ReplaceProtectionKeyInput input) {
		AccessPolicy.require(actor, Action.UPDATE, Subject.PROTECTION_KEY);
		List<UserError> errors = new ArrayList<>(this.validator.validate(input, "input"));
		UUID id = GlobalId.uuidOf("ProtectionKey", input.id(), errors, "input", "id");
		if ((input.replacementKeyId() == null) == (input.newKey() == null)) {
			errors.add(UserError.of(UserErrorCode.REQUIRED, "Give either an existing replacement key or a new key.",
					"input", "replacementKeyId"));
		}
		Inputs.rejectIfAny(errors);
		String reason = input.reason().strip();
		return activeKey(actor, input.id(), "input", "id").flatMap(old -> replacement(actor, old, input)
			.flatMap(replacement -> this.repository.markReplaced(old.id(), input.expectedVersion(), replacement.id())
				.switchIfEmpty(Mono.error(() -> UserErrorsException.staleVersion("key", old.version())))
				.flatMap(replaced -> this.licenses.boundTo(old.id())
					.concatMap(license -> this.licenses.move(actor, license, replacement.id(), reason))
					.then(keys(actor, Set.of(old.id())).map(found -> found.get(old.id())))
					.flatMap(key -> this.customers.customer(actor, key.customerId())
						.flatMap(customer -> event(actor, EventType.PROTECTION_KEY_REPLACED, key,
								customer.partnerId()))))));
	}

	private Mono<ProtectionKey> event(Actor actor, EventType type, ProtectionKey key, UUID partnerId) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", GlobalId.of("ProtectionKey", key.id()));
		payload.put("keyNumber", key.keyNumber());
		payload.put("customerId", GlobalId.of("Customer", key.customerId()));
		payload.put("status", key.status());
		payload.put("replacedBy", key.replacedBy() == null ? null : GlobalId.of("ProtectionKey", key.replacedBy()));
		payload.put("version", key.version());
		return this.outbox
			.append(actor, type, "ProtectionKey", key.id(), key.version(),
					EventOwner.customer(key.customerId(), partnerId), payload)
			.thenReturn(key);
	}

	private Mono<ProtectionKey> replacement(Actor actor, ProtectionKey old, ReplaceProtectionKeyInput input) {
		if (input.replacementKeyId() != null) {
			return activeKey(actor, input.replacementKeyId(), "input", "replacementKeyId").flatMap(key -> {
				if (key.id().equals(old.id()) || !key.customerId().equals(old.customerId())) {
					return Mono.error(new UserErrorsException(UserError.of(UserErrorCode.INVALID_VALUE,
							"The replacement must be another key of the same customer.", "input", "replacementKeyId")));
				}
				return Mono.just(key);
			});
		}
		NewProtectionKeyInput key = input.newKey();
		return insert(old.customerId(), key.keyNumber(), key.name() == null ? old.name() : key.name(),
				key.kind() == null ? old.kind() : key.kind(), "newKey", "keyNumber")
			.flatMap(created -> this.customers.customer(actor, created.customerId())
				.flatMap(customer -> event(actor, EventType.PROTECTION_KEY_CREATED, created, customer.partnerId())));
	}

	private Mono<ProtectionKey> insert(UUID customerId, String keyNumber, String name, ProtectionKey.Kind kind,
			String... field) {
		String number = keyNumber.strip();
		String[] path = new String[field.length + 1];
		path[0] = "input";
		System.arraycopy(field, 0, path, 1, field.length);
		UserErrorsException taken = new UserErrorsException(
				UserError.of(UserErrorCode.CONFLICT, "Another key has the number " + number + ".", path));
		return this.repository.keyNumberTaken(number)
			.flatMap(known -> known ? Mono.<ProtectionKey>error(taken)
					: this.repository.insertKey(new ProtectionKey(UUID.randomUUID(), number, name.strip(), kind,
							ProtectionKey.Status.ACTIVE, customerId, null, 1, null)))
			// a key of this number inserted at the same time: the unique constraint
			// decides
			.onErrorMap(UniqueViolation.of("protection_key_key_number_key"), ex -> taken);
	}

}
