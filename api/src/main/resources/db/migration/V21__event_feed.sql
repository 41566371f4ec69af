-- The event feed without a global writer lock (ADR 0021, replacing ADR 0004).
--
-- Writers no longer serialise on an advisory lock. Each event records the transaction that
-- wrote it, and the relay delivers an event only once every transaction that may hold a
-- smaller position has ended (docs/events.md, "Positions that cannot skip").

alter table outbox_event
    add column transaction_id xid8 not null default pg_current_xact_id(),
    -- the customer the changed object belongs to (null for the catalogue, campaigns and
    -- pipelines): a rep's subscription is filtered by the same customer scope as queries
    add column customer_id uuid;

-- OutboxWriter always sets it: the transaction's id is taken before its position
alter table outbox_event alter column transaction_id drop default;

-- one customer's events (customerEvents, a rep's catch-up)
create index outbox_event_customer_idx on outbox_event (customer_id, sequence) where customer_id is not null;
-- retention: the first event to keep
create index outbox_event_occurred_idx on outbox_event (occurred_at);

-- Where the retained feed starts: every position up to pruned_through was pruned. One row.
create table outbox_retention (
    singleton      boolean primary key default true check (singleton),
    pruned_through bigint  not null default 0
);
insert into outbox_retention default values;
