-- The outbox: one row per domain event, written in the same transaction as the
-- change. `sequence` is the feed position subscribers resume from; writers take
-- a transaction-scoped advisory lock before inserting, so sequence order is
-- commit order and a reader never sees a gap that fills in later.

create table outbox_event (
    sequence          bigint generated always as identity primary key,
    event_id          uuid        not null unique,
    type              text        not null,
    aggregate_type    text        not null,
    aggregate_id      uuid        not null,
    aggregate_version int         not null,
    actor             text        not null,
    partner_id        uuid,
    payload           jsonb       not null,
    occurred_at       timestamptz not null default now()
);

create index outbox_event_aggregate_idx on outbox_event (aggregate_type, aggregate_id, sequence);

-- Wake the event relay when an event commits (NOTIFY is delivered at commit).
create function outbox_event_notify() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('outbox_event', new.sequence::text);
    return null;
end
$$;

create trigger outbox_event_notify_trg
    after insert
    on outbox_event
    for each row
execute function outbox_event_notify();
