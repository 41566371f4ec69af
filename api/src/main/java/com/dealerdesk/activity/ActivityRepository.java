package com.dealerdesk.activity;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.dealerdesk.platform.database.Sql;
import com.dealerdesk.platform.pagination.KeysetCursor;
import com.dealerdesk.platform.pagination.ChildPages;
import com.dealerdesk.platform.pagination.PageRequest;
import com.dealerdesk.platform.security.Actor;
import com.dealerdesk.customer.CustomerScope;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Activities. An activity is visible when its customer is ({@link CustomerScope}).
 */
@Repository
class ActivityRepository {

	private static final BiFunction<Row, RowMetadata, Activity> ACTIVITY = (row, meta) -> new Activity(
			row.get("id", UUID.class), row.get("customer_id", UUID.class), row.get("contact_id", UUID.class),
			ActivityKind.valueOf(row.get("kind", String.class)), row.get("subject", String.class),
			row.get("notes", String.class), row.get("outcome", String.class),
			row.get("occurred_at", OffsetDateTime.class), row.get("owner_id", String.class),
			row.get("reminder_due_at", OffsetDateTime.class), row.get("reminder_assignee", String.class),
			row.get("reminder_done_at", OffsetDateTime.class), row.get("reminder_snoozes", Integer.class),
			row.get("version", Integer.class), row.get("created_at", OffsetDateTime.class),
			row.get("updated_at", OffsetDateTime.class), row.get("opportunity_id", UUID.class));

	/** Sort orders, named in cursors. */
	static final String TIMELINE = "OCCURRED_AT_DESC";

	static final String BY_DUE = "REMINDER_DUE_ASC";

	private final DatabaseClient database;

	ActivityRepository(DatabaseClient database) {
		this.database = database;
	}

	/** A customer's activities, newest first. */
	Flux<Activity> timeline(Actor actor, UUID customerId, UUID opportunityId, PageRequest page) {
		Sql sql = visible(actor);
		sql.append(" and a.customer_id = " + sql.param(customerId));
		if (opportunityId != null) {
			sql.append(" and a.opportunity_id = " + sql.param(opportunityId));
		}
		if (page.after() != null) {
			sql.append(" and (a.occurred_at, a.id) < (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by a.occurred_at desc, a.id desc limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(ACTIVITY).all();
	}

	/**
	 * The latest activities of each customer the actor sees, newest first, in one
	 * statement ({@link ChildPages#lateral}); the scope is the parent's, checked once per
	 * customer.
	 */
	Mono<Map<UUID, List<Activity>>> timelines(Actor actor, Collection<UUID> customerIds, PageRequest page) {
		Sql sql = ChildPages.lateral(customerIds, inner -> {
			inner.append("select a.* from activity a where a.customer_id = p.id");
			if (page.after() != null) {
				inner.append(" and (a.occurred_at, a.id) < (" + inner.param(page.after().time()) + ", "
						+ inner.param(page.after().id()) + ")");
			}
			inner.append(" order by a.occurred_at desc, a.id desc limit " + inner.param(page.fetchSize()));
		});
		sql.append(" where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "p.id");
		return ChildPages.byParent(sql, this.database, ACTIVITY);
	}

	/**
	 * Open reminders due in [from, to) (either bound may be null), soonest first.
	 * @param assignees SQL selecting the assignees, with {@code %s} for the actor's id
	 */
	Flux<Activity> openReminders(Actor actor, String assignees, OffsetDateTime from, OffsetDateTime to,
			PageRequest page) {
		Sql sql = visible(actor);
		sql.append(" and a.reminder_done_at is null and a.reminder_due_at is not null");
		if (assignees != null) {
			sql.append(" and a.reminder_assignee in (" + assignees.formatted(sql.param(actor.subject())) + ")");
		}
		if (from != null) {
			sql.append(" and a.reminder_due_at >= " + sql.param(from));
		}
		if (to != null) {
			sql.append(" and a.reminder_due_at < " + sql.param(to));
		}
		if (page.after() != null) {
			sql.append(" and (a.reminder_due_at, a.id) > (" + sql.param(page.after().time()) + ", "
					+ sql.param(page.after().id()) + ")");
		}
		sql.append(" order by a.reminder_due_at, a.id limit " + sql.param(page.fetchSize()));
		return sql.on(this.database).map(ACTIVITY).all();
	}

	Mono<Activity> findVisible(Actor actor, UUID id) {
		Sql sql = visible(actor);
		sql.append(" and a.id = " + sql.param(id));
		return sql.on(this.database).map(ACTIVITY).one();
	}

	Mono<Activity> insert(Activity activity) {
		Sql sql = new Sql();
		sql.append("insert into activity (id, customer_id, contact_id, kind, subject, notes, outcome, occurred_at,"
				+ " owner_id, reminder_due_at, reminder_assignee, opportunity_id) values ("
				+ String.join(", ", sql.param(activity.id()), sql.param(activity.customerId()),
						sql.param(activity.contactId(), UUID.class), sql.value(activity.kind()),
						sql.param(activity.subject()), sql.param(activity.notes(), String.class),
						sql.param(activity.outcome(), String.class), sql.param(activity.occurredAt()),
						sql.param(activity.ownerId()), sql.param(activity.reminderDueAt(), OffsetDateTime.class),
						sql.param(activity.reminderAssigneeId(), String.class),
						sql.param(activity.opportunityId(), UUID.class))
				+ ") returning *");
		return sql.on(this.database).map(ACTIVITY).one();
	}

	/**
	 * Applies the changes to a visible activity at the expected version. The caller has
	 * read the activity in scope; the version check makes the pair safe against races.
	 */
	Mono<Activity> update(UUID id, int expectedVersion, Map<String, Object> changes) {
		Sql sql = new Sql().append("update activity set version = version + 1, updated_at = now()");
		changes.forEach((column, value) -> sql.append(", " + column + " = " + sql.value(value)));
		sql.append(" where id = " + sql.param(id) + " and version = " + sql.param(expectedVersion) + " returning *");
		return sql.on(this.database).map(ACTIVITY).one();
	}

	/**
	 * Claims up to {@code limit} open reminders that came due by {@code now} and whose
	 * due time was not announced yet, recording that it now is. Rows another transaction
	 * is claiming are skipped, and the condition is checked again on the claimed row: two
	 * instances running at once never both claim one due time. Call it in the transaction
	 * that writes the events. The activity's version stays: announcing changes nothing a
	 * user edits.
	 */
	Flux<Activity> claimDueReminders(OffsetDateTime now, int limit) {
		return this.database.sql("""
				update activity a set reminder_announced_for = a.reminder_due_at
				where a.id in (select id from activity
				               where reminder_due_at <= $1 and reminder_done_at is null
				                 and reminder_announced_for is distinct from reminder_due_at
				               order by reminder_due_at, id limit $2
				               for update skip locked)
				  and a.reminder_due_at <= $1 and a.reminder_done_at is null
				  and a.reminder_announced_for is distinct from a.reminder_due_at
				returning a.*""").bind(0, now).bind(1, limit).map(ACTIVITY).all();
	}

	private static Sql visible(Actor actor) {
		Sql sql = new Sql().append("select a.* from activity a where ");
		CustomerScope.restrictToVisibleCustomer(sql, actor, "a.customer_id");
		return sql;
	}

	static KeysetCursor timelineCursor(Activity activity) {
		return new KeysetCursor(TIMELINE, activity.occurredAt().toString(), activity.id());
	}

	static KeysetCursor dueCursor(Activity activity) {
		return new KeysetCursor(BY_DUE, activity.reminderDueAt().toString(), activity.id());
	}

}
