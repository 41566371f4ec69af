package com.dealerdesk.customer;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.security.Actor;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Contacts. A contact is visible when its customer is: reads by id join the customer and
 * apply the actor's {@link CustomerScope}; reads by customer take customers already read
 * in scope.
 */
@Repository
class ContactRepository {

	private static final BiFunction<Row, RowMetadata, Contact> CONTACT = (row, meta) -> new Contact(
			row.get("id", UUID.class), row.get("customer_id", UUID.class), row.get("first_name", String.class),
			row.get("last_name", String.class), row.get("job_title", String.class),
			Arrays.stream(row.get("roles", String[].class))
				.map(role -> CustomerRepository.enumOf(ContactRole.class, role))
				.toList(),
			List.of(row.get("emails", String[].class)), List.of(row.get("phones", String[].class)),
			row.get("notes", String.class), row.get("version", Integer.class),
			row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));

	private final DatabaseClient database;

	ContactRepository(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Current contacts of customers the caller has already read in scope, by customer.
	 */
	Mono<Map<UUID, List<Contact>>> ofCustomers(Collection<Customer> customers) {
		if (customers.isEmpty()) {
			return Mono.just(Map.of());
		}
		UUID[] ids = customers.stream().map(Customer::id).toArray(UUID[]::new);
		return this.database.sql("""
				select * from contact
				where customer_id = any($1) and removed_at is null
				order by customer_id, last_name, first_name, id""")
			.bind(0, ids)
			.map(CONTACT)
			.all()
			.collect(Collectors.groupingBy(Contact::customerId, Collectors.toList()));
	}

	/**
	 * A current contact whose customer is visible to the actor; with its customer's
	 * archive state.
	 */
	Mono<ContactInScope> findVisible(Actor actor, UUID id) {
		Sql sql = new Sql();
		sql.append("select k.*, c.archived_at is not null as customer_archived, c.partner_id as customer_partner_id"
				+ " from contact k join customer c on c.id = k.customer_id where k.id = " + sql.param(id)
				+ " and k.removed_at is null and ");
		CustomerScope.restrict(sql, actor);
		return sql.on(this.database)
			.map((row, meta) -> new ContactInScope(CONTACT.apply(row, meta),
					Boolean.TRUE.equals(row.get("customer_archived", Boolean.class)),
					row.get("customer_partner_id", UUID.class)))
			.one();
	}

	/** Contacts, current or removed, whose customers are visible to the actor. */
	Mono<Map<UUID, Contact>> findVisible(Actor actor, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Mono.just(Map.of());
		}
		Sql sql = new Sql();
		sql.append("select k.* from contact k where k.id = any(" + sql.param(ids.toArray(UUID[]::new)) + ") and ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "k.customer_id");
		return sql.on(this.database).map(CONTACT).all().collectMap(Contact::id);
	}

	record ContactInScope(Contact contact, boolean customerArchived, UUID partnerId) {

	}

	/**
	 * Current contacts of visible, not archived customers that have any of the given
	 * (lower-case) e-mail addresses; served by the GIN index on {@code emails}.
	 */
	Flux<Contact> findVisibleByEmails(Actor actor, Collection<String> emails) {
		if (emails.isEmpty()) {
			return Flux.empty();
		}
		Sql sql = new Sql();
		sql.append("select k.* from contact k join customer c on c.id = k.customer_id where k.emails && "
				+ sql.param(emails.toArray(String[]::new))
				+ "::text[] and k.removed_at is null and c.archived_at is null and ");
		CustomerScope.restrict(sql, actor);
		sql.append(" order by k.customer_id, k.last_name, k.first_name, k.id");
		return sql.on(this.database).map(CONTACT).all();
	}

	Mono<Contact> insert(Contact contact) {
		Sql sql = new Sql();
		sql.append("insert into contact (id, customer_id, first_name, last_name, job_title, roles, emails, phones,"
				+ " notes) values ("
				+ String.join(", ", sql.param(contact.id()), sql.param(contact.customerId()),
						sql.param(contact.firstName(), String.class), sql.param(contact.lastName()),
						sql.param(contact.jobTitle(), String.class),
						sql.param(contact.roles().stream().map(Enum::name).toArray(String[]::new)),
						sql.param(contact.emails().toArray(String[]::new)),
						sql.param(contact.phones().toArray(String[]::new)), sql.param(contact.notes(), String.class))
				+ ") returning *");
		return sql.on(this.database).map(CONTACT).one();
	}

	/**
	 * Applies the changes to a current contact at the expected version. The caller has
	 * checked scope with {@link #findVisible}; the version check makes the pair safe
	 * against races.
	 */
	Mono<Contact> update(UUID id, int expectedVersion, Map<String, Object> changes, boolean remove) {
		Sql sql = new Sql().append("update contact set version = version + 1, updated_at = now()");
		changes.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		if (remove) {
			sql.append(", removed_at = now()");
		}
		sql.append(" where id = " + sql.param(id) + " and version = " + sql.param(expectedVersion)
				+ " and removed_at is null returning *");
		return sql.on(this.database).map(CONTACT).one();
	}

}
