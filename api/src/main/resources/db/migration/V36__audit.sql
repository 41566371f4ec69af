-- The audit trail (ADR 0037): who changed what and when, kept apart from the event feed.
--
-- Row changes are captured by a trigger on every business table, so no service has to
-- remember to write them. The transaction names its actor, operation and request id in
-- the setting dealerdesk.audit_context (set by the API's transaction manager at the start
-- of every write transaction). No foreign key to the outbox: pruning events never touches
-- the audit.

create table audit_entry (
    id            bigint generated always as identity primary key,
    at            timestamptz not null default now(),
    kind          text        not null check (kind in ('CHANGE', 'LOGIN', 'TOKEN_REFUSED', 'ACCESS_DENIED')),
    -- who: the token subject, display name, OAuth2 client and partner (null for refusals
    -- of tokens that could not be verified; 'dealerdesk' for scheduled jobs)
    actor_subject text,
    actor_name    text,
    client_id     text,
    partner_id    uuid,
    -- why: the GraphQL operation (or the job) and the request id of the server log
    operation     text,
    request_id    text,
    -- what: a changed row (CHANGE)
    record_table  text,
    record_id     text,
    change        text check (change in ('INSERT', 'UPDATE', 'DELETE')),
    -- column -> {"before": value, "after": value}; only the changed columns; a redacted
    -- column shows {"redacted": true} instead of its values
    changes       jsonb,
    -- LOGIN: the token's issuer and issue time; TOKEN_REFUSED: reason, address, the
    -- unverified issuer and subject; ACCESS_DENIED: action and subject kind
    detail        jsonb,
    -- LOGIN once per token; TOKEN_REFUSED once per minute, reason and address (counted)
    dedupe_key    text,
    count         integer     not null default 1,
    constraint audit_entry_change_has_record check ((kind = 'CHANGE') = (record_table is not null))
);

-- newest first, and by period (from/to)
create index audit_entry_at_idx on audit_entry (at, id);
-- per record
create index audit_entry_record_idx on audit_entry (record_table, record_id, id) where record_table is not null;
-- per user
create index audit_entry_actor_idx on audit_entry (actor_subject, id);
-- logins at most once per token; refusals aggregated per minute, reason and address
create unique index audit_entry_dedupe_idx on audit_entry (kind, dedupe_key) where dedupe_key is not null;

-- Records one row change with the transaction's audit context. Arguments: the key
-- columns (comma-separated), then the columns whose values are never copied.
create function audit_row_change() returns trigger
    language plpgsql as
$$
declare
    context  jsonb := nullif(current_setting('dealerdesk.audit_context', true), '')::jsonb;
    old_row  jsonb := case when tg_op = 'INSERT' then '{}'::jsonb else to_jsonb(old) end;
    new_row  jsonb := case when tg_op = 'DELETE' then '{}'::jsonb else to_jsonb(new) end;
    keys     text[] := string_to_array(tg_argv[0], ',');
    redacted text[] := tg_argv[1:];
    diff     jsonb;
begin
    select jsonb_object_agg(column_name,
                            case when column_name = any (redacted) then jsonb_build_object('redacted', true)
                                 else jsonb_strip_nulls(jsonb_build_object('before', old_row -> column_name,
                                                                           'after', new_row -> column_name)) end)
    into diff
    from (select key as column_name from jsonb_object_keys(old_row || new_row) key) columns
    where (old_row -> column_name) is distinct from (new_row -> column_name);
    if diff is null then
        return null; -- an update that changed nothing
    end if;
    insert into audit_entry (kind, actor_subject, actor_name, client_id, partner_id, operation, request_id,
                             record_table, record_id, change, changes)
    values ('CHANGE', context ->> 'subject', context ->> 'name', context ->> 'clientId',
            (context ->> 'partnerId')::uuid, context ->> 'operation', context ->> 'requestId',
            tg_table_name,
            (select string_agg((old_row || new_row) ->> key, ',' order by position) from unnest(keys) with ordinality k(key, position)),
            tg_op, diff);
    return null;
end
$$;

-- Puts the audit trigger on a table: its primary key names the record; binary columns
-- and columns named like secrets are redacted. Every future business table calls it in
-- its migration (AuditCoverageTest fails otherwise).
create function audit_enable(target regclass) returns void
    language plpgsql as
$$
declare
    keys     text;
    redacted text;
begin
    select string_agg(a.attname, ',' order by k.position)
    into keys
    from pg_index i
             cross join unnest(i.indkey) with ordinality k(attnum, position)
             join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indrelid = target and i.indisprimary;
    select string_agg(quote_literal(a.attname), ', ' order by a.attnum)
    into redacted
    from pg_attribute a
    where a.attrelid = target and a.attnum > 0 and not a.attisdropped
      and (a.atttypid = 'bytea'::regtype or a.attname ~ '(secret|password|token)');
    execute format('create trigger audit_row_change after insert or update or delete on %s '
                       || 'for each row execute function audit_row_change(%L%s)',
                   target, keys, coalesce(', ' || redacted, ''));
end
$$;

-- Every table so far, but the event feed (pruned by design, and itself a record of
-- changes), its webhook deliveries (attempts of that feed), the gapless number counters
-- and the audit itself. AuditCoverageTest keeps this list.
select audit_enable(c.oid)
from pg_class c
where c.relkind = 'r'
  and c.relnamespace = current_schema()::regnamespace
  and c.relname not in ('audit_entry', 'outbox_event', 'outbox_retention', 'webhook_delivery', 'document_counter',
                        'flyway_schema_history');
