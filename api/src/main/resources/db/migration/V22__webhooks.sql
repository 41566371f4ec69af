-- Webhooks (docs/webhooks.md, ADR 0022): endpoints that receive the event feed, each
-- keeping its own position, and the log of every delivery attempt.

create table webhook_endpoint (
    id                         uuid primary key,
    url                        text        not null check (length(url) <= 2048),
    description                text,
    -- EventType names (GraphQL); empty means every type
    event_types                text[]      not null default '{}',
    -- the partner whose events it receives; null for the vendor's own endpoints
    partner_id                 uuid references partner (id),
    allow_private_network      boolean     not null default false,
    -- kept as issued: deliveries are signed with it (never returned after create/rotate)
    secret                     text        not null,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    status                     text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
    disabled_reason            text,
    -- the last event delivered or given up on
    position                   bigint      not null,
    consecutive_failures       int         not null default 0,
    first_failure_at           timestamptz,
    -- after a failure: not before this time
    next_attempt_at            timestamptz,
    -- the instance working on it, until the lease expires (several API instances)
    lease_owner                text,
    lease_expires_at           timestamptz,
    version                    int         not null default 1,
    created_at                 timestamptz not null default now(),
    -- one endpoint per owner and URL: the vendor's (partner null) count as one owner
    constraint webhook_endpoint_one_per_owner_and_url unique nulls not distinct (partner_id, url),
    constraint webhook_endpoint_previous_secret check ((previous_secret is null) = (previous_secret_expires_at is null))
);

-- webhookEndpoints: a partner's, or all, in creation order
create index webhook_endpoint_list_idx on webhook_endpoint (partner_id, created_at, id);
create index webhook_endpoint_created_idx on webhook_endpoint (created_at, id);
-- the worker's claim: active endpoints that are due
create index webhook_endpoint_due_idx on webhook_endpoint (next_attempt_at nulls first) where status = 'ACTIVE';

create table webhook_delivery (
    id               uuid primary key,
    endpoint_id      uuid        not null references webhook_endpoint (id) on delete cascade,
    -- the event delivered; both null for a test ping
    event_position   bigint,
    event_type       text,
    attempt          int         not null,
    attempted_at     timestamptz not null default clock_timestamp(),
    outcome          text        not null check (outcome in ('SUCCEEDED', 'FAILED')),
    status_code      int,
    latency_ms       int         not null,
    response_excerpt text check (length(response_excerpt) <= 1024),
    next_attempt_at  timestamptz
);

-- WebhookEndpoint.deliveries: newest first, keyset paging
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, attempted_at desc, id desc);
